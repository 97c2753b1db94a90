/* cli_import: `plancheck import`, a draft plan from a document; see
 * cli_import.h. */
#include "cli_import.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli.h"
#include "diag.h"
#include "docx.h"
#include "import.h"
#include "lang.h"
#include "mem.h"
#include "outfile.h"
#include "pdftext.h"
#include "resolve.h"
#include "source.h"

/* The draft to standard output, or written whole to OUT (never over an
 * existing file without --force). */
static int import_write(const char *out, int force, const char *data, size_t n, ar_arena *a) {
  if (!out) return fwrite(data, 1, n, stdout) == n && fflush(stdout) == 0 ? 0 : errno ? errno : EIO;
  return of_write(a, out, data, n, force);
}

static int ends_with_ext(const char *s, const char *ext) {
  size_t n = strlen(s), e = strlen(ext);
  return n > e && strcasecmp(s + n - e, ext) == 0;
}

static int import_draft(ar_arena *a, const im_text *t, const imp_options *io, char **draft, size_t *n,
                        const char **error) {
  free(*draft);
  *draft = NULL;
  FILE *f = mem_memstream(draft, n);   /* never loses a write, unlike glibc's */
  /* Unbuffered: running out of memory inside a write exits, and exit
   * flushes every stream; a buffered one being written would be
   * re-entered half-written (a crash, seen by tests/oom/run). */
  setvbuf(f, NULL, _IONBF, 0);
  int r = imp_draft(a, t, io, f, error);
  mem_close(f);
  return r;
}

/* The draft again, with the links proposed for its tasks (read from the
 * first draft in memory). */
static void propose_links(ar_arena *a, const im_text *t, imp_options *io, char **draft, size_t *n) {
  imp_links links = { 0 };
  imp_propose(a, *draft, *n, io->ro, &links);
  if (!links.n) return;
  io->links = &links;
  const char *error = NULL;
  import_draft(a, t, io, draft, n, &error);
  io->links = NULL;
}

int ci_main(int argc, char **argv, int first) {
  const char *in = NULL, *out = NULL, *parent = NULL;
  const char **inc = mem_calloc((size_t)argc + 1, sizeof *inc);
  size_t ninc = 0;
  int force = 0, status = CL_CLEAN;
  for (int i = first; i < argc; i++) {
    const char *a = argv[i], *v;
    if (cl_option_value(argc, argv, &i, "--lang") || strncmp(a, "--color", 7) == 0) continue;   /* a draft has no colour */
    if ((v = cl_option_value(argc, argv, &i, "-o"))) out = v;
    else if ((v = cl_option_value(argc, argv, &i, "-I"))) inc[ninc++] = v;
    else if (strncmp(a, "-I", 2) == 0 && a[2]) inc[ninc++] = a + 2;   /* -IDIR, as for check */
    else if ((v = cl_option_value(argc, argv, &i, "--parent"))) parent = v;
    else if (strcmp(a, "--force") == 0) force = 1;
    else if (a[0] == '-' && a[1]) { free(inc); return cl_usage(_("unknown option '%s' for import"), a); }
    else if (in) { free(inc); return cl_usage(_("import reads one document, not '%s' too"), a); }
    else in = a;
  }
  if (!in) { free(inc); return cl_usage(_("import needs a document (FILE, or - for standard input)%s"), ""); }
  ar_arena a;
  ar_init(&a);
  char *data = NULL, *draft = NULL;
  size_t n = 0, dn = 0;
  const char *error = NULL;
  im_text t = { 0 };
  /* The route by the name's extension: Word, PDF, else text or Markdown. */
  int word = ends_with_ext(in, ".docx"), pdf = ends_with_ext(in, ".pdf");
  int err = word || pdf ? 0 : strcmp(in, "-") == 0 ? cl_read_stdin(&data, &n, IMP_MAX_INPUT) : src_read(in, &data, &n);
  int read = 0;
  if (err) error = dg_fmt(&a, _("cannot read '%s': %s"), in, src_status_text(SRC_UNREADABLE, err));
  else if (word || pdf) {
    read = (word ? dx_read : pf_read)(&a, in, &t, &error);
    if (read) error = dg_fmt(&a, "%s: %s", in, error);
  } else read = imp_read_text(&a, data, n, &t, &error);
  if (!error && read == 0) {
    if (parent) {   /* its directory is searched for it by its key */
      const char *slash = strrchr(parent, '/');
      inc[ninc++] = slash ? ar_strndup(&a, parent, (size_t)(slash - parent)) : ".";
    }
    rs_options ro = { inc, ninc, getenv("PLANPATH"), NULL };
    imp_options io = { &ro, in, lg_current() == LG_VI, NULL, NULL };
    int r = parent && !(io.parent_key = imp_plan_key(&a, parent, &ro, &error)) ? -1
          : import_draft(&a, &t, &io, &draft, &dn, &error);
    if (r == 0 && (parent || ninc)) propose_links(&a, &t, &io, &draft, &dn);
    if (r == 0 && !error && (err = mem_check(import_write(out, force, draft, dn, &a))) != 0)
      error = dg_fmt(&a, err == EEXIST ? _("%s exists: give --force to replace it") : _("cannot write %s: %s"), out,
                     src_status_text(SRC_UNREADABLE, err));
  }
  if (error) fprintf(stderr, "plancheck: %s: %s\n", _("error"), error), status = CL_FINDINGS;
  free(data);
  free(draft);
  free(inc);
  ar_free(&a);
  return status;
}
