/* sarif: the findings as a SARIF 2.1.0 log (see sarif.h). */
#include "sarif.h"

#include <limits.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "codes.h"
#include "lang.h"

#define SCHEMA "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
#define SRCROOT "%SRCROOT%"
#define STDLIB "PLANCHECK_STDLIB"
#define RESULT_INDENT 2          /* a result a line, as the JSON findings */

/* {"text": s}: SARIF's message and multiformatMessageString. */
static void text_object(js_writer *w, const char *key, const char *s) {
  js_key(w, key);
  js_object(w);
  js_key(w, "text");
  js_cstring(w, s);
  js_end(w);
}

/* "numbering-duplicate" → "NumberingDuplicate": a rule's name, which
 * SARIF wants an identifier that reads as words. */
static const char *rule_name(ar_arena *a, const char *id) {
  char *s = ar_alloc_text(a, strlen(id));
  size_t n = 0;
  int up = 1;
  for (const char *p = id; *p; p++) {
    if (*p == '-') { up = 1; continue; }
    s[n++] = up && *p >= 'a' && *p <= 'z' ? (char)(*p - 'a' + 'A') : *p;
    up = 0;
  }
  s[n] = '\0';
  return s;
}

/* The id, and the name when it is more than the id capitalised (SARIF
 * wants the two to differ: "Syntax" for "syntax" says nothing more). */
static void rule_begin(js_writer *w, ar_arena *a, const char *id) {
  js_object(w);
  js_key(w, "id");
  js_cstring(w, id);
  const char *name = rule_name(a, id);
  if (strcasecmp(name, id) == 0) return;
  js_key(w, "name");
  js_cstring(w, name);
}

static void configuration(js_writer *w, dg_severity sev, int enabled) {
  js_key(w, "defaultConfiguration");
  js_object(w);
  if (!enabled) {
    js_key(w, "enabled");
    js_bool(w, 0);
  }
  js_key(w, "level");
  js_cstring(w, dg_severity_name(sev));
  js_end(w);
}

static void builtin_rule(js_writer *w, ar_arena *a, const cd_code *c) {
  rule_begin(w, a, c->id);
  text_object(w, "shortDescription", _(c->summary));
  text_object(w, "fullDescription", _(c->description));
  text_object(w, "help", _(c->help));
  configuration(w, c->severity, 1);
  js_end(w);
}

/* A script's rule, as this run has it (after the -W switches). */
static void script_rule(js_writer *w, ar_arena *a, const ru_engine *e, const ru_def *d) {
  rule_begin(w, a, d->id);
  text_object(w, "shortDescription", d->description);
  text_object(w, "fullDescription", d->description);
  text_object(w, "help", dg_fmt(a, _("A rule of the scripts, defined at %s: -Wno-%s turns it off, -Werror=%s makes "
                                     "its findings errors (docs/LUA-API.md)."),
                                ru_origin(e, d), d->id, d->id));
  configuration(w, d->werror ? DG_ERROR : d->severity, d->enabled);
  js_end(w);
}

static void rules_array(js_writer *w, ar_arena *a, const ru_engine *rules) {
  js_key(w, "rules");
  js_array(w);
  js_lines(w, 2, 0);
  for (size_t i = 0; i < cd_count(); i++) builtin_rule(w, a, cd_at(i));
  size_t n = rules ? ru_count(rules) : 0;
  for (size_t i = 0; i < n; i++) {
    const ru_def *d = ru_at(rules, i);
    /* A script may not take a built-in code's id for its rule: one id,
     * one descriptor. */
    if (d->kind == RU_RULE && !cd_find(d->id, NULL)) script_rule(w, a, rules, d);
  }
  js_end(w);
}

/* The working directory, or NULL when it cannot be known (then every
 * absolute path is given as an absolute URI). */
static const char *working_dir(char *buf, size_t size) {
  return getcwd(buf, size);
}

static void base_ids(js_writer *w, ar_arena *a, const char *cwd) {
  js_key(w, "originalUriBaseIds");
  js_object(w);
  if (cwd) {
    int relative;
    const char *uri = sf_uri(a, cwd, NULL, &relative);
    js_key(w, SRCROOT);
    js_object(w);
    js_key(w, "uri");
    size_t n = strlen(uri);
    js_cstring(w, n && uri[n - 1] == '/' ? uri : dg_fmt(a, "%s/", uri));   /* "file:///" for "/" */
    js_end(w);
  }
  js_key(w, STDLIB);
  js_object(w);
  text_object(w, "description", _("plancheck's embedded standard library (std/...)"));
  js_end(w);
  js_end(w);
}

void sf_begin(js_writer *w, const ru_engine *rules, const char *version) {
  ar_arena a;
  ar_init(&a);
  char buf[PATH_MAX];
  js_object(w);
  js_key(w, "$schema");
  js_cstring(w, SCHEMA);
  js_key(w, "version");
  js_cstring(w, "2.1.0");
  js_key(w, "runs");
  js_array(w);
  js_object(w);
  js_key(w, "tool");
  js_object(w);
  js_key(w, "driver");
  js_object(w);
  js_key(w, "name");
  js_cstring(w, "plancheck");
  js_key(w, "version");
  js_cstring(w, version);
  js_key(w, "semanticVersion");
  js_cstring(w, version);
  rules_array(w, &a, rules);
  js_end(w);
  js_end(w);
  js_key(w, "language");
  js_cstring(w, lg_current() == LG_VI ? "vi" : "en-US");
  js_key(w, "columnKind");
  js_cstring(w, "unicodeCodePoints");
  base_ids(w, &a, working_dir(buf, sizeof buf));
  js_key(w, "results");
  js_array(w);
  js_lines(w, RESULT_INDENT, 0);
  ar_free(&a);
}

/* ---- URIs ---- */

static int unreserved(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
         c == '_' || c == '~';
}

static void encode(dg_buf *b, const char *s, size_t n) {
  static const char hex[] = "0123456789ABCDEF";
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (unreserved(c)) { dg_buf_add(b, s + i, 1); continue; }
    char esc[3] = { '%', hex[c >> 4], hex[c & 15] };
    dg_buf_add(b, esc, 3);
  }
}

/* The components of `path` with "." and empty ones dropped and "x/.."
 * folded (links are not followed, as bt_normal_path does), encoded and
 * joined by '/'. `rooted`: a ".." at the top is dropped, not kept. */
static void components(dg_buf *b, ar_arena *a, const char *path, int rooted) {
  size_t len = strlen(path), n = 0;
  sl_slice *v = ar_alloc(a, (len / 2 + 1) * sizeof *v);
  for (const char *p = path; *p;) {
    const char *end = strchr(p, '/');
    size_t k = end ? (size_t)(end - p) : strlen(p);
    int dotdot = k == 2 && p[0] == '.' && p[1] == '.';
    if (dotdot && n && !(v[n - 1].n == 2 && v[n - 1].p[0] == '.' && v[n - 1].p[1] == '.')) n--;
    else if (dotdot && rooted && !n) {}
    else if (k && !(k == 1 && p[0] == '.')) v[n++] = (sl_slice){ p, k };
    p += k + (end != NULL);
  }
  for (size_t i = 0; i < n; i++) {
    if (i) dg_buf_add(b, "/", 1);
    encode(b, v[i].p, v[i].n);
  }
}

const char *sf_uri(ar_arena *a, const char *path, const char *cwd, int *relative) {
  dg_buf b = dg_buf_in(a);
  size_t nc = cwd ? strlen(cwd) : 0;
  while (nc > 1 && cwd[nc - 1] == '/') nc--;
  if (path[0] != '/') {
    *relative = 1;
    components(&b, a, path, 0);
  } else if (cwd && cwd[0] == '/' && strncmp(path, cwd, nc) == 0 && (nc == 1 || path[nc] == '/' || !path[nc])) {
    *relative = 1;
    components(&b, a, path + nc, 1);
  } else {
    *relative = 0;
    dg_buf_add(&b, "file:///", 8);
    components(&b, a, path, 1);
  }
  return dg_buf_text(&b);
}

/* ---- results ---- */

typedef struct writer {
  js_writer *w;
  src_table *src;
  const char *cwd;
  ar_arena *a;
} writer;

static void artifact(writer *r, uint32_t file) {
  const src_file *f = &r->src->files[file];
  int relative = 1;
  const char *uri, *base = SRCROOT;
  /* An embedded file has a name, not a path (source.h: its key). */
  if (f->key && f->key[0] != '@') {
    base = STDLIB;
    uri = sf_uri(r->a, strncmp(f->path, "std/", 4) == 0 ? f->path + 4 : f->path, NULL, &relative);
  } else {
    uri = sf_uri(r->a, f->path, r->cwd, &relative);
  }
  js_key(r->w, "artifactLocation");
  js_object(r->w);
  js_key(r->w, "uri");
  js_cstring(r->w, uri);
  if (relative) {
    js_key(r->w, "uriBaseId");
    js_cstring(r->w, base);
  }
  js_end(r->w);
}

static void position(js_writer *w, const char *line_key, const char *col_key, src_pos p) {
  js_key(w, line_key);
  js_int(w, p.line);
  js_key(w, col_key);
  js_int(w, p.col);
}

/* "physicalLocation": the file and the span, its columns in code points
 * (endColumn: the one after the span, as SARIF counts). */
static void physical(writer *r, const dg_diag *d) {
  js_key(r->w, "physicalLocation");
  js_object(r->w);
  artifact(r, d->file);
  js_key(r->w, "region");
  js_object(r->w);
  position(r->w, "startLine", "startColumn", src_position(r->src, d->file, d->off));
  position(r->w, "endLine", "endColumn", src_position(r->src, d->file, d->off + d->len));
  js_end(r->w);
  js_end(r->w);
}

/* The notes, where they point (the parent directive, the first of two
 * duplicates); a note about no file is a location with only a message. */
static void related(writer *r, const dg_diag *d) {
  js_key(r->w, "relatedLocations");
  js_array(r->w);
  long long id = 0;
  for (const dg_diag *n = d->notes; n; n = n->next) {
    js_object(r->w);
    js_key(r->w, "id");
    js_int(r->w, id++);
    if (n->file != DG_NOFILE) physical(r, n);
    text_object(r->w, "message", n->msg);
    js_end(r->w);
  }
  js_end(r->w);
}

static void result(writer *r, const dg_diag *d) {
  js_writer *w = r->w;
  js_object(w);
  if (d->code) {
    js_key(w, "ruleId");
    js_cstring(w, d->code);
  }
  js_key(w, "level");
  js_cstring(w, dg_severity_name(d->sev));
  text_object(w, "message", d->msg);
  if (d->file != DG_NOFILE) {
    js_key(w, "locations");
    js_array(w);
    js_object(w);
    physical(r, d);
    js_end(w);
    js_end(w);
  }
  if (d->notes) related(r, d);
  js_end(w);
}

/* What writing the results allocates, allocated before the first byte is
 * written, as diag does for the JSON findings: running out of memory
 * half-way through would leave a log cut short. The lines of every file
 * pointed into are mapped, and the scratch arena (reset, not freed,
 * between results) gets its first chunk, which a path's URI fits in. */
static void prepare(src_table *src, const dg_list *l, ar_arena *a) {
  for (const dg_diag *d = l->first; d; d = d->next) {
    if (d->file != DG_NOFILE) src_map_lines(src, d->file);
    for (const dg_diag *n = d->notes; n; n = n->next)
      if (n->file != DG_NOFILE) src_map_lines(src, n->file);
  }
  ar_alloc(a, 1);
}

void sf_results(js_writer *w, src_table *src, const dg_list *l) {
  if (!l->first) return;
  char buf[PATH_MAX];
  ar_arena a;
  ar_init(&a);
  prepare(src, l, &a);
  writer r = { w, src, working_dir(buf, sizeof buf), &a };
  for (const dg_diag *d = l->first; d; d = d->next) {
    result(&r, d);
    ar_reset(&a);
  }
  ar_free(&a);
}

void sf_continue(js_writer *w, FILE *out, int any) { js_continue(w, out, JS_COMPACT, RESULT_INDENT, 0, any); }

void sf_end(js_writer *w, int exit_status) {
  js_end(w);                        /* results */
  js_key(w, "invocations");
  js_array(w);
  js_object(w);
  /* Findings are a successful analysis (exit 1); an input that could not
   * be read is not (exit 2). */
  js_key(w, "executionSuccessful");
  js_bool(w, exit_status != 2);
  js_key(w, "exitCode");
  js_int(w, exit_status);
  js_end(w);
  js_end(w);
  js_end(w);                        /* the run */
  js_end(w);                        /* runs */
  js_end(w);                        /* the log */
  fputc('\n', w->out);
}

void sf_print(FILE *out, src_table *src, const dg_list *l, const ru_engine *rules, const char *version,
              int exit_status) {
  js_writer w;
  js_init(&w, out, JS_COMPACT);
  sf_begin(&w, rules, version);
  sf_results(&w, src, l);
  sf_end(&w, exit_status);
}
