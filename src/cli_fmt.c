/* cli_fmt: `plancheck fmt`, the canonical layout of plan files; see
 * cli_fmt.h. */
#include "cli_fmt.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "diag.h"
#include "fmt.h"
#include "import.h"
#include "lang.h"
#include "mem.h"
#include "outfile.h"
#include "source.h"

/* fmt: one file's layout, printed, listed when it differs (--check) or
 * written over it (-w: only when it differs, atomically, keeping its
 * owner and mode, through the link to the file itself). A file that does
 * not parse is left as it is, with its errors. */
typedef struct fmt_run {
  int write, check, color;
  fm_keywords kw;
  int status;
} fmt_run;

static void fmt_status(fmt_run *r, int status) {
  if (status > r->status) r->status = status;
}

static void fmt_file(fmt_run *r, const char *path) {
  ar_arena a;
  ar_init(&a);
  src_table src;
  src_init(&src);
  dg_list d;
  dg_init(&d, &a);
  uint32_t file = 0;
  int err_no = 0;
  char *in = NULL;
  size_t n = 0;
  src_status st = SRC_OK;
  if (strcmp(path, "-") == 0) {
    if ((err_no = cl_read_stdin(&in, &n, IMP_MAX_INPUT)) == 0 && n > IMP_MAX_INPUT) err_no = EFBIG;
    if (!err_no) src_add_memory(&src, "<stdin>", in, n, &file);
    st = err_no ? SRC_UNREADABLE : SRC_OK;
  } else {
    st = src_load(&src, path, &file, &err_no);
  }
  const char *out = NULL;
  size_t outn = 0;
  if (st != SRC_OK) {
    fprintf(stderr, "plancheck: %s: ", _("error"));
    fprintf(stderr, _("cannot read '%s': %s"), path, src_status_text(st, err_no));
    fputc('\n', stderr);
    fmt_status(r, CL_USAGE);
  } else if (fm_format(&a, src.files[file].data, src.files[file].size, file, &d, r->kw, &out, &outn) != 0) {
    dg_print_text(stderr, &src, &d, (dg_style){ r->color });
    fmt_status(r, CL_FINDINGS);
  } else if (!r->write && !r->check) {
    if (fwrite(out, 1, outn, stdout) != outn || fflush(stdout) != 0) fmt_status(r, CL_USAGE);
  } else if (outn != src.files[file].size || memcmp(out, src.files[file].data, outn) != 0) {
    if (r->check) {
      printf("%s\n", path);
      fmt_status(r, CL_FINDINGS);
    }
    char *real = r->write ? realpath(path, NULL) : NULL;
    int err = !r->write ? 0 : real ? mem_check(of_write(&a, real, out, outn, 1)) : mem_check(errno);
    if (err) {
      fprintf(stderr, "plancheck: %s: ", _("error"));
      fprintf(stderr, _("cannot write %s: %s"), path, src_status_text(SRC_UNREADABLE, err));
      fputc('\n', stderr);
      fmt_status(r, CL_USAGE);
    }
    free(real);
  }
  fflush(stderr);
  free(in);
  src_free(&src);
  ar_free(&a);
}

int cf_main(int argc, char **argv, int first) {
  const char **files = mem_calloc((size_t)argc + 1, sizeof *files);
  size_t n = 0;
  int color = -1;
  fmt_run r = { 0, 0, -1, FM_KEEP, CL_CLEAN };
  for (int i = 1; i < argc; i++) {   /* --lang and --color may come before `fmt` too */
    const char *a = argv[i], *v;
    if (cl_option_value(argc, argv, &i, "--lang")) continue;
    if ((v = cl_option_value(argc, argv, &i, "--color")) && (color = cl_color_mode(v)) == -2) {
      free(files);
      return cl_usage(_("unknown colour mode '%s' (auto, always or never)"), v);
    }
    if (v || i < first) continue;
    if (strcmp(a, "-w") == 0 || strcmp(a, "--write") == 0) r.write = 1;
    else if (strcmp(a, "--check") == 0) r.check = 1;
    else if ((v = cl_option_value(argc, argv, &i, "--keywords")) && (strcmp(v, "en") == 0 || strcmp(v, "vi") == 0))
      r.kw = v[0] == 'e' ? FM_ENGLISH : FM_VIETNAMESE;
    else if (v) { free(files); return cl_usage(_("--keywords wants en or vi, not '%s'"), v); }
    else if (a[0] == '-' && a[1]) { free(files); return cl_usage(_("unknown option '%s' for fmt"), a); }
    else files[n++] = a;
  }
  r.color = cl_use_color(color);
  const char **paths = cl_expand(files, &n);
  int status = -1;
  if (!n) status = cl_usage(_("fmt needs a plan file (FILE, a directory, or - for standard input)%s"), "");
  for (size_t i = 0; status < 0 && i < n; i++)
    if (strcmp(paths[i], "-") == 0 && (r.write || n > 1))
      status = cl_usage(_("fmt reads standard input alone, and prints it: '%s' cannot be rewritten"), "-");
  if (status < 0 && n > 1 && !r.write && !r.check)
    status = cl_usage(_("fmt prints one file; give -w to rewrite several in place, or --check to list those "
                           "not formatted%s"), "");
  for (size_t i = 0; status < 0 && i < n; i++) fmt_file(&r, paths[i]);
  for (size_t i = 0; i < n; i++) free((char *)paths[i]);
  free(paths);
  free(files);
  return status < 0 ? r.status : status;
}
