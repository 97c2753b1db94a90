/* lsp: the language server's loop, lifecycle, document synchronisation
 * and diagnostics (see lsp.h).
 *
 * Every change marks the documents dirty; the check runs once the client
 * has nothing more queued (or a request needs the model), over every open
 * document at once, in memory: a parent open in the editor is read from
 * its unsaved text, and a change to it re-checks its children. Files not
 * open (parents and includes on disk) are read again at each check, so a
 * save or a change the client watches (didSave, didChangeWatchedFiles)
 * only has to trigger one. */
#include "lsp.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli.h"
#include "lang.h"
#include "lsp_srv.h"
#include "mem.h"
#include "source.h"
#include "text.h"

/* ---- options ---- */

/* The options of `plancheck lsp`, into s->opts; the arrays are malloc'd
 * (freed by free_options). 0, or the usage error's status. */
static int parse_options(lsp_server *s, int argc, char **argv, int first) {
  ss_options *o = &s->opts;
  const char **inc = mem_calloc((size_t)argc + 1, sizeof *inc), **rules = mem_calloc((size_t)argc + 1, sizeof *rules),
             **sw = mem_calloc((size_t)argc + 1, sizeof *sw);
  o->incdirs = inc;
  o->rules = rules;
  o->switches = sw;
  o->as_of = cl_today();
  s->text_checks = 1;
  s->split_ms = 100;
  o->planpath = getenv("PLANPATH");
  for (int i = first; i < argc; i++) {
    const char *a = argv[i], *v;
    if (cl_option_value(argc, argv, &i, "--lang") || strncmp(a, "--color", 7) == 0 || strcmp(a, "--stdio") == 0) continue;
    if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
      fputs(_(LSP_HELP), stdout);
      return -1;
    }
    if ((v = cl_option_value(argc, argv, &i, "-I"))) inc[o->nincdirs++] = v;
    else if (strncmp(a, "-I", 2) == 0 && a[2]) inc[o->nincdirs++] = a + 2;
    else if ((v = cl_option_value(argc, argv, &i, "--stdlib"))) o->stdlib_dir = v;
    else if ((v = cl_option_value(argc, argv, &i, "--rules"))) rules[o->nrules++] = v;
    else if (strcmp(a, "--no-rules") == 0) o->no_rules = s->no_rules = 1;
    else if (strcmp(a, "--no-text-checks") == 0) s->text_checks = 0;
    else if ((v = cl_option_value(argc, argv, &i, "--split-after"))) {
      char *end;
      s->split_ms = strtol(v, &end, 10);
      if (*v < '0' || *v > '9' || *end || s->split_ms < 0 || s->split_ms > 1000000)
        return cl_usage(_("--split-after wants milliseconds (a whole number), not '%s'"), v);
    }
    else if (strcmp(a, "--werror") == 0) o->werror = 1;
    else if (strncmp(a, "-W", 2) == 0 && a[2]) sw[o->nswitches++] = a + 2;
    else if ((v = cl_option_value(argc, argv, &i, "--as-of"))) {
      if (dt_parse_iso(v, strlen(v), &o->as_of) != 0)
        return cl_usage(_("--as-of wants a date such as 2024-06-30, not '%s'"), v);
    } else return cl_usage(_("unknown option '%s' for lsp"), a);
  }
  /* A wrong -W switch is a usage error now, not at the first check. */
  ss_session *probe = ss_open(o);
  if (!probe) return cl_usage("%s", ss_error());
  ss_close(probe);
  return 0;
}

static void free_options(lsp_server *s) {
  free((void *)s->opts.incdirs);
  free((void *)s->opts.rules);
  free((void *)s->opts.switches);
}

/* ---- the last check ---- */

/* The session and what was made from it; the documents' snapshots stay. */
static void drop_session(lsp_server *s) {
  if (s->session) ss_close(s->session);
  s->session = NULL;
  for (size_t i = 0; i < s->nlines; i++) lsp_lines_free(&s->lines[i]);
  free(s->lines);
  free(s->file_doc);
  free(s->file_uri);
  s->file_uri = NULL;
  ar_reset(&s->uri_arena);
  free(s->doc_file);
  s->file_doc = NULL;
  s->doc_file = NULL;
  s->nfile_doc = 0;
  s->lines = NULL;
  s->nlines = 0;
}

static void close_session(lsp_server *s) {
  drop_session(s);
  for (size_t i = 0; i < s->nchecked; i++) free(s->snapshot[i]);
  s->nchecked = 0;
}

/* Which file of the session each checked document is, and back: made
 * once per check, so that placing a finding costs one lookup. */
static void map_files(lsp_server *s) {
  src_table *src = ss_model(s->session)->src;
  s->file_doc = mem_calloc(src->n + 1, sizeof *s->file_doc);
  s->file_uri = mem_calloc(src->n + 1, sizeof *s->file_uri);
  s->doc_file = mem_calloc(s->nchecked + 1, sizeof *s->doc_file);
  s->nfile_doc = src->n;
  for (size_t i = 0; i < s->nchecked; i++) {
    md_plan *p = ss_plan(s->session, i);
    long f = p ? (long)p->file : src_find(src, s->checked[i]->path);
    s->doc_file[i] = f < 0 || (size_t)f >= src->n ? UINT32_MAX : (uint32_t)f;
    if (s->doc_file[i] != UINT32_MAX) s->file_doc[f] = s->checked[i];
  }
}

uint32_t lsp_doc_file(lsp_server *s, const lsp_doc *doc) {
  if (!s->session) return UINT32_MAX;
  for (size_t i = 0; i < s->nchecked; i++)   /* few documents are open */
    if (s->checked[i] == doc) return s->doc_file[i];
  return UINT32_MAX;
}

lsp_doc *lsp_file_doc(lsp_server *s, uint32_t file) {
  return s->session && file < s->nfile_doc ? s->file_doc[file] : NULL;
}

static lsp_lines *file_lines(lsp_server *s, uint32_t file) {
  src_table *src = ss_model(s->session)->src;
  if (file >= src->n) return NULL;
  if (!s->lines) {
    s->nlines = src->n;
    s->lines = mem_calloc(s->nlines, sizeof *s->lines);
  }
  if (file >= s->nlines) return NULL;   /* loaded after the table was made: none are */
  lsp_lines *l = &s->lines[file];
  if (!l->starts) lsp_lines_init(l, src->files[file].data, src->files[file].size);
  return l;
}

const char *lsp_file_uri(lsp_server *s, uint32_t file) {
  lsp_doc *doc = lsp_file_doc(s, file);
  if (doc) return doc->uri;
  src_table *src = ss_model(s->session)->src;
  if (file >= src->n || file >= s->nfile_doc || src->files[file].key[0] != '@') return NULL;   /* in memory: no file */
  /* Once per file and check: a URI costs a realpath, and a parent's
   * directives are named by thousands of notes. */
  if (!s->file_uri[file]) s->file_uri[file] = lsp_path_uri(&s->uri_arena, src->files[file].path);
  return s->file_uri[file];
}

static json_t *position(lsp_pos p) {
  return json_pack("{s:I,s:I}", "line", (json_int_t)p.line, "character", (json_int_t)p.character);
}

json_t *lsp_range(lsp_server *s, uint32_t file, uint32_t off, uint32_t len) {
  lsp_lines *l = file == DG_NOFILE ? NULL : file_lines(s, file);
  lsp_pos a = { 0, 0 }, b = { 0, 0 };
  if (l) {
    a = lsp_position(l, off);
    b = lsp_position(l, (size_t)off + len);
  }
  return json_pack("{s:o,s:o}", "start", position(a), "end", position(b));
}

json_t *lsp_location(lsp_server *s, uint32_t file, uint32_t off, uint32_t len) {
  const char *uri = file == DG_NOFILE ? NULL : lsp_file_uri(s, file);
  if (!uri) return NULL;
  return json_pack("{s:s,s:o}", "uri", uri, "range", lsp_range(s, file, off, len));
}

/* One finding as an LSP diagnostic; notes with a place are related
 * locations, notes without one join the message. */
static json_t *diagnostic(lsp_server *s, const dg_diag *d) {
  static const int severity[] = { [DG_ERROR] = 1, [DG_WARNING] = 2, [DG_NOTE] = 3 };
  dg_buf msg = dg_buf_in(&s->scratch);
  dg_buf_add(&msg, d->msg, strlen(d->msg));
  json_t *related = json_array();
  for (const dg_diag *n = d->notes; n; n = n->next) {
    json_t *loc = lsp_location(s, n->file, n->off, n->len);
    if (loc)
      json_array_append_new(related, json_pack("{s:o,s:o}", "location", loc, "message",
                                               lsp_string(n->msg, strlen(n->msg))));
    else
      dg_buf_item(&msg, "\n", n->msg, strlen(n->msg));
  }
  const char *text = dg_buf_text(&msg);
  const char *code = d->code ? d->code : "";   /* a rule script's may be any bytes */
  json_t *j = json_pack("{s:o,s:i,s:o,s:s,s:o}", "range", lsp_range(s, d->file, d->off, d->len), "severity",
                        severity[d->sev], "code", lsp_string(code, strlen(code)), "source", "plancheck", "message",
                        lsp_string(text, strlen(text)));
  if (json_array_size(related)) json_object_set_new(j, "relatedInformation", related);
  else json_decref(related);
  return j;
}

static int send(lsp_server *s, json_t *m) { return lsp_send(s->out, m); }

static void publish(lsp_server *s, const char *uri, json_t *diags, const lsp_doc *doc) {
  json_t *p = json_pack("{s:s,s:o}", "uri", uri, "diagnostics", diags);
  if (doc) json_object_set_new(p, "version", json_integer(doc->version));
  send(s, lsp_notification("textDocument/publishDiagnostics", p));
}

int lsp_text_code(const char *code) {
  return code && (strcmp(code, "deadline-in-text") == 0 || strcmp(code, "link-weak") == 0);
}

static double now_ms(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

/* The files whose items belong to a plan: those a plan includes. */
static char *included(md_model *m) {
  char *in = mem_calloc(m->src->n + 1, 1);
  for (md_plan *p = m->plans; p; p = p->next)
    for (md_item *it = p->root.first; it; it = it->next)
      if (it->loc.file < m->src->n && it->loc.file != p->file) in[it->loc.file] = 1;
  return in;
}

/* The findings of the session as diagnostics, per file (per[f], NULL when
 * none) and those about no file. An open document that a plan includes
 * is one of the session's inputs too, and an input that declares no plan
 * is told so (`no-plan` at its start): not when a plan includes it. */
static json_t **collect(lsp_server *s, json_t **unplaced) {
  md_model *m = ss_model(s->session);
  dg_list *l = ss_diags(s->session);
  size_t nfiles = m->src->n;
  json_t **per = mem_calloc(nfiles + 1, sizeof *per);
  char *in = included(m);
  *unplaced = json_array();
  for (const dg_diag *d = l->first; d; d = d->next) {
    if (d->file < nfiles && in[d->file] && d->off == 0 && d->len == 0 && d->code && strcmp(d->code, "no-plan") == 0 &&
        lsp_file_doc(s, d->file))
      continue;
    if (d->file == DG_NOFILE || d->file >= nfiles) {
      json_array_append_new(*unplaced, diagnostic(s, d));
      continue;
    }
    if (!per[d->file]) per[d->file] = json_array();
    json_array_append_new(per[d->file], diagnostic(s, d));
  }
  free(in);
  return per;
}

/* The diagnostics of open document i, taken out of per[] (an empty list
 * when it has none), with those about no file. */
static json_t *doc_diagnostics(lsp_server *s, size_t i, json_t **per, json_t *unplaced) {
  uint32_t f = lsp_doc_file(s, s->checked[i]);
  size_t nfiles = ss_model(s->session)->src->n;
  json_t *diags = f < nfiles && per[f] ? per[f] : json_array();
  if (f < nfiles) per[f] = NULL;
  json_array_extend(diags, unplaced);   /* a finding about no file concerns every check */
  return diags;
}

/* A document's diagnostics that only a whole check finds, kept for the
 * split checks: they stay on screen until the child's come. After a whole
 * check, those of the text checks; after a child's, those the split
 * check of the same text did not find (rule scripts' too). */
static void keep(lsp_doc *doc, json_t *diags, json_t *split) {
  ar_arena a;
  ar_init(&a);
  ix_table found;
  ix_init_set(&found, &a);
  json_t *kept = json_array(), *d;
  size_t i;
  json_array_foreach(split, i, d) {
    char *t = json_dumps(d, JSON_COMPACT | JSON_SORT_KEYS);
    if (!t) mem_oom();
    ix_set_add(&found, (sl_slice){ t, strlen(t) });
    free(t);
  }
  json_array_foreach(diags, i, d) {
    int take;
    if (!split) take = lsp_text_code(json_string_value(json_object_get(d, "code")));
    else {
      char *t = json_dumps(d, JSON_COMPACT | JSON_SORT_KEYS);
      if (!t) mem_oom();
      take = !ix_get(&found, (sl_slice){ t, strlen(t) });
      free(t);
    }
    if (take) json_array_append(kept, d);
  }
  ar_free(&a);
  json_decref(doc->state);
  doc->state = kept;
}

/* The diagnostics of the last check: one list per open document (empty
 * when clean), one per other file with findings, and an empty one for a
 * file that had findings last time and has none now. A split check's
 * documents show the text-check findings of the last full one. */
static void publish_all(lsp_server *s) {
  json_t *unplaced;
  json_t **per = collect(s, &unplaced);
  size_t nfiles = ss_model(s->session)->src->n;
  for (size_t i = 0; i < s->nchecked; i++) {
    json_t *diags = doc_diagnostics(s, i, per, unplaced);
    lsp_doc *doc = s->checked[i];
    json_decref(doc->shown);
    doc->shown = NULL;
    if (!s->split) keep(doc, diags, NULL);
    else {
      doc->shown = json_copy(diags);   /* what the child's will be compared with */
      if (doc->state) json_array_extend(diags, doc->state);
    }
    publish(s, s->checked[i]->uri, diags, s->checked[i]);
  }
  json_decref(unplaced);
  char **now = mem_calloc(nfiles + 1, sizeof *now);
  size_t nnow = 0;
  for (size_t f = 0; f < nfiles; f++) {
    if (!per[f]) continue;
    const char *uri = lsp_file_uri(s, (uint32_t)f);
    if (uri) {
      now[nnow++] = mem_strdup(uri);
      publish(s, uri, per[f], NULL);
    } else json_decref(per[f]);
  }
  /* Clear the files that had findings and have none now. */
  ix_table set;
  ix_init_set(&set, &s->scratch);
  for (size_t k = 0; k < nnow; k++) ix_set_add(&set, (sl_slice){ now[k], strlen(now[k]) });
  for (size_t i = 0; i < s->npublished; i++) {
    if (!ix_get(&set, (sl_slice){ s->published[i], strlen(s->published[i]) }))
      publish(s, s->published[i], json_array(), NULL);
    free(s->published[i]);
  }
  free(s->published);
  s->published = now;
  s->npublished = nnow;
  free(per);
}

/* ---- the slow checks of a large check, in a child process ----
 *
 * On a plan of ten thousand directives the text checks take three times
 * the rest of the check and the rule scripts as much as the built-in
 * checks (docs/BENCHMARKS.md). When the last whole check took longer
 * than split_ms, the server checks without them, publishes, and forks a
 * child that checks the same texts whole and writes the open documents'
 * diagnostics back through a pipe; the server goes on reading the client
 * meanwhile, forwards the child's answer when no change came since, and
 * kills the child when one does. */

/* The WebAssembly build (src/webapi.c) has no fork: it checks whole. */
#ifdef __EMSCRIPTEN__
#define LSP_CAN_SPLIT 0
#else
#define LSP_CAN_SPLIT 1
#endif

static void stop_background(lsp_server *s) {
  if (!s->bg_pid) return;
  kill(s->bg_pid, SIGKILL);
  waitpid(s->bg_pid, NULL, 0);
  close(s->bg_fd);
  s->bg_pid = 0;
  s->bg_fd = -1;
  s->bg_len = 0;
}

/* The child: the full check, and [{uri, version, diagnostics}, ...] of
 * the open documents written to fd. */
static _Noreturn void background(lsp_server *s, const ss_file *files, size_t n, int fd) {
  drop_session(s);   /* the server's copy; the snapshots are what is checked */
  s->opts.text_checks = s->text_checks;
  s->opts.no_rules = s->no_rules;
  s->session = ss_open(&s->opts);
  if (!s->session) _exit(1);
  ss_check(s->session, files, n);
  map_files(s);
  json_t *unplaced, *all = json_array();
  json_t **per = collect(s, &unplaced);
  for (size_t i = 0; i < s->nchecked; i++)
    json_array_append_new(all, json_pack("{s:s,s:I,s:o}", "uri", s->checked[i]->uri, "version",
                                         (json_int_t)s->checked[i]->version, "diagnostics",
                                         doc_diagnostics(s, i, per, unplaced)));
  char *text = json_dumps(all, JSON_COMPACT);
  int status = text && src_write_all(fd, text, strlen(text)) == 0 ? 0 : 1;
  /* What the child made is freed (a leak checker follows it); what it
   * shares with the server stays the server's. */
  free(text);
  json_decref(all);
  json_decref(unplaced);
  for (size_t f = 0; f < s->nfile_doc; f++) json_decref(per[f]);
  free(per);
  drop_session(s);
  _exit(status);
}

static void start_background(lsp_server *s, const ss_file *files, size_t n) {
  int fd[2];
  if (pipe(fd) != 0) return;   /* no child: the text checks wait for a full check */
  fflush(s->out);
  s->bg_start = now_ms();
  pid_t pid = fork();
  if (pid == 0) {
    close(fd[0]);
    background(s, files, n, fd[1]);
  }
  close(fd[1]);
  if (pid < 0) {
    close(fd[0]);
    return;
  }
  s->bg_pid = pid;
  s->bg_fd = fd[0];
  s->bg_len = 0;
}

/* Reads what the child wrote; at its end, publishes it (when no change
 * came since: a change stops the child first). */
static void read_background(lsp_server *s) {
  if (s->bg_cap - s->bg_len < 65536) s->bg_buf = mem_realloc(s->bg_buf, s->bg_cap = 2 * s->bg_cap + 65536);
  ssize_t k = read(s->bg_fd, s->bg_buf + s->bg_len, s->bg_cap - s->bg_len);
  if (k < 0 && errno == EINTR) return;
  if (k > 0) {
    s->bg_len += (size_t)k;
    return;
  }
  int status = 0;
  waitpid(s->bg_pid, &status, 0);
  close(s->bg_fd);
  s->bg_pid = 0;
  s->bg_fd = -1;
  if (k < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) return;   /* the split check stays */
  s->full_ms = now_ms() - s->bg_start;
  json_t *all = json_loadb(s->bg_buf, s->bg_len, 0, NULL), *e;
  size_t i;
  json_array_foreach(all, i, e) {
    lsp_doc *doc = lsp_doc_find(&s->docs, json_string_value(json_object_get(e, "uri")));
    if (!doc || !doc->open || doc->version != json_integer_value(json_object_get(e, "version"))) continue;
    json_t *diags = json_incref(json_object_get(e, "diagnostics"));
    keep(doc, diags, doc->shown);
    publish(s, doc->uri, diags, doc);
  }
  json_decref(all);
}

/* Whether a document declares a plan: a line that starts with `plan`
 * (either spelling). A file an open plan includes is open too, often; a
 * session checks its inputs in order, and an included file loaded before
 * its plan would be read as a plan of its own: the plans go first. */
static int declares_plan(const lsp_doc *d) {
  static const char *const words[] = { "plan ", "plan\"", "kế hoạch ", "kế hoạch\"", "chương trình ", "chương trình\"" };
  for (size_t i = 0; i < d->len;) {
    while (i < d->len && (d->text[i] == ' ' || d->text[i] == '\t')) i++;
    for (size_t w = 0; w < sizeof words / sizeof *words; w++) {
      size_t n = strlen(words[w]);
      if (d->len - i >= n && memcmp(d->text + i, words[w], n) == 0) return 1;
    }
    const char *nl = memchr(d->text + i, '\n', d->len - i);
    i = nl ? (size_t)(nl - d->text) + 1 : d->len;
  }
  return 0;
}

/* Checks every open document again and publishes the findings. */
static void check(lsp_server *s) {
  s->dirty = 0;
  stop_background(s);
  close_session(s);
  size_t n = 0;
  for (size_t i = 0; i < s->docs.n; i++) n += s->docs.all[i]->open;
  if (n > s->cap_checked) {
    s->cap_checked = n;
    s->checked = mem_realloc(s->checked, n * sizeof *s->checked);
    s->snapshot = mem_realloc(s->snapshot, n * sizeof *s->snapshot);
  }
  ss_file *files = mem_calloc(n + 1, sizeof *files);
  for (size_t i = 0; i < 2 * s->docs.n; i++) {
    lsp_doc *d = s->docs.all[i % s->docs.n];
    if (!d->open || declares_plan(d) != (i < s->docs.n)) continue;
    s->checked[s->nchecked] = d;
    s->snapshot[s->nchecked] = memcpy(mem_alloc(d->len + 1), d->text, d->len + 1);
    files[s->nchecked] = (ss_file){ d->path, s->snapshot[s->nchecked], d->len };
    s->nchecked++;
  }
  if (n) {
    double t0 = now_ms();
    s->split = LSP_CAN_SPLIT && s->full_ms > (double)s->split_ms;
    s->opts.text_checks = s->text_checks && !s->split;
    s->opts.no_rules = s->no_rules || s->split;
    /* The .plancheck.lua scripts beside the documents apply to them. */
    const char **projects = mem_calloc(n, sizeof *projects);
    for (size_t i = 0; i < n; i++) projects[i] = s->checked[i]->path;
    s->opts.projects = projects;
    s->opts.nprojects = n;
    s->session = ss_open(&s->opts);
    if (!s->session && s->split) {   /* a -W switch names a rule's code */
      s->opts.no_rules = s->no_rules;
      s->session = ss_open(&s->opts);
    }
    if (s->session) {
      ss_check(s->session, files, n);
      map_files(s);
      publish_all(s);
      if (!s->split) s->full_ms = now_ms() - t0;
      else start_background(s, files, n);
    }
    s->opts.projects = NULL;
    s->opts.nprojects = 0;
    free(projects);
  } else {
    for (size_t i = 0; i < s->npublished; i++) {
      publish(s, s->published[i], json_array(), NULL);
      free(s->published[i]);
    }
    s->npublished = 0;
  }
  free(files);
}

md_model *lsp_model(lsp_server *s) {
  if (s->dirty) check(s);
  return s->session ? ss_model(s->session) : NULL;
}

/* Whether the client has sent more already: then a burst of changes
 * (typing) is checked once, after the last. */
static int input_pending(lsp_server *s) {
  struct pollfd p = { fileno(s->in), POLLIN, 0 };
  return poll(&p, 1, 0) > 0;
}

/* ---- parameters ---- */

int lsp_params_pos(json_t *pos, lsp_pos *p) {
  json_t *line = json_object_get(pos, "line"), *ch = json_object_get(pos, "character");
  if (!json_is_integer(line) || !json_is_integer(ch)) return -1;
  json_int_t l = json_integer_value(line), c = json_integer_value(ch);
  if (l < 0 || c < 0 || l > UINT32_MAX || c > UINT32_MAX) return -1;
  *p = (lsp_pos){ (uint32_t)l, (uint32_t)c };
  return 0;
}

static lsp_doc *text_document(lsp_server *s, json_t *params) {
  json_t *td = json_object_get(params, "textDocument");
  const char *uri = json_string_value(json_object_get(td, "uri"));
  lsp_doc *doc = uri ? lsp_doc_find(&s->docs, uri) : NULL;
  return doc && doc->open ? doc : NULL;
}

lsp_doc *lsp_params_doc(lsp_server *s, json_t *params, size_t *off) {
  lsp_doc *doc = text_document(s, params);
  lsp_pos p;
  if (!doc || lsp_params_pos(json_object_get(params, "position"), &p) != 0) return NULL;
  *off = lsp_offset(&doc->lines, p);
  return doc;
}

/* ---- document synchronisation ---- */

static void did_open(lsp_server *s, json_t *params) {
  json_t *td = json_object_get(params, "textDocument");
  const char *uri = json_string_value(json_object_get(td, "uri"));
  json_t *text = json_object_get(td, "text");
  if (!uri || !json_is_string(text)) return;
  json_int_t version = json_integer_value(json_object_get(td, "version"));
  lsp_doc_open(&s->docs, uri, json_string_value(text), json_string_length(text), version);
  s->dirty = 1;
}

static int before(lsp_pos x, lsp_pos y) { return x.line < y.line || (x.line == y.line && x.character <= y.character); }

/* Where position p (after [a, b)) goes once [a, b) holds `lines` more
 * line breaks and `last` units after the last of them (or after a). */
static lsp_pos moved(lsp_pos p, lsp_pos a, lsp_pos b, uint32_t lines, uint32_t last) {
  if (p.line != b.line) return (lsp_pos){ p.line - (b.line - a.line) + lines, p.character };
  return (lsp_pos){ a.line + lines, (lines ? last : a.character + last) + (p.character - b.character) };
}

static json_t *range_json(lsp_pos a, lsp_pos b) {
  return json_pack("{s:{s:I,s:I},s:{s:I,s:I}}", "start", "line", (json_int_t)a.line, "character",
                   (json_int_t)a.character, "end", "line", (json_int_t)b.line, "character", (json_int_t)b.character);
}

/* An edit replaced [a, b) by text with `lines` line breaks and `last`
 * units after the last: the "range" of `holder` moves with the text
 * after it (0), or the edit touched it (-1). */
typedef struct edit_shift {
  lsp_pos a, b;
  uint32_t lines, last;
} edit_shift;

static int move_range(json_t *holder, const edit_shift *e) {
  json_t *r = json_object_get(holder, "range");
  lsp_pos rs, re;
  if (lsp_params_pos(json_object_get(r, "start"), &rs) != 0 || lsp_params_pos(json_object_get(r, "end"), &re) != 0)
    return -1;
  if (before(re, e->a)) return 0;
  if (!before(e->b, rs)) return -1;
  json_object_set_new(holder, "range", range_json(moved(rs, e->a, e->b, e->lines, e->last),
                                                  moved(re, e->a, e->b, e->lines, e->last)));
  return 0;
}

/* The kept diagnostics of doc after an edit replaced [a, b) (NULL:
 * everything) with text[0..n): those after it move with the text, their
 * related places in the document too; those it touched go (the child's
 * check brings them back if they still hold). */
static void shift_kept(lsp_doc *doc, const lsp_pos *a, const lsp_pos *b, const char *text, size_t n) {
  if (!doc->state) return;
  json_t *kept = json_array(), *d;
  edit_shift e = { a ? *a : (lsp_pos){ 0, 0 }, b ? *b : (lsp_pos){ 0, 0 }, 0, 0 };
  for (size_t i = 0; a && i < n;) {
    int32_t cp;
    int k = tx_decode((const unsigned char *)text + i, n - i, &cp);
    if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == n || text[i + 1] != '\n'))) e.lines++, e.last = 0;
    else if (text[i] != '\r') e.last += k > 0 && cp >= 0x10000 ? 2 : 1;
    i += k > 0 ? (size_t)k : 1;
  }
  size_t i, k;
  json_t *rel;
  json_array_foreach(a ? doc->state : NULL, i, d) {
    int touched = move_range(d, &e) != 0;
    json_array_foreach(json_object_get(d, "relatedInformation"), k, rel) {
      json_t *loc = json_object_get(rel, "location");
      const char *uri = json_string_value(json_object_get(loc, "uri"));
      if (!touched && uri && strcmp(uri, doc->uri) == 0) touched = move_range(loc, &e) != 0;
    }
    if (!touched) json_array_append(kept, d);
  }
  json_decref(doc->state);
  doc->state = kept;
}

/* A change the document cannot take (a range out of order) leaves it as
 * it was: the editor and the server would disagree on every position
 * after it, so the client is told, and the next full text mends it. */
static void did_change(lsp_server *s, json_t *params) {
  lsp_doc *doc = text_document(s, params);
  json_t *changes = json_object_get(params, "contentChanges");
  if (!doc || !json_is_array(changes)) return;
  size_t i;
  json_t *c;
  json_array_foreach(changes, i, c) {
    json_t *text = json_object_get(c, "text"), *range = json_object_get(c, "range");
    if (!json_is_string(text)) continue;
    lsp_pos a, b;
    int bad = range && (lsp_params_pos(json_object_get(range, "start"), &a) != 0 ||
                        lsp_params_pos(json_object_get(range, "end"), &b) != 0);
    if (!bad) shift_kept(doc, range ? &a : NULL, range ? &b : NULL, json_string_value(text), json_string_length(text));
    if (bad || lsp_doc_edit(doc, range ? &a : NULL, range ? &b : NULL, json_string_value(text),
                            json_string_length(text)) != 0) {
      send(s, lsp_notification("window/logMessage",
                               json_pack("{s:i,s:s}", "type", 1, "message",
                                         _("plancheck lsp: a change whose range is out of order was ignored; "
                                           "the next full text will mend the document"))));
      break;
    }
  }
  json_int_t version = json_integer_value(json_object_get(json_object_get(params, "textDocument"), "version"));
  if (version) doc->version = version;
  s->dirty = 1;
}

static void did_close(lsp_server *s, json_t *params) {
  lsp_doc *doc = text_document(s, params);
  if (!doc) return;
  publish(s, doc->uri, json_array(), NULL);
  json_decref(doc->state);
  json_decref(doc->shown);
  doc->state = doc->shown = NULL;
  lsp_doc_close(doc);
  s->dirty = 1;
}

/* ---- lifecycle ---- */

static json_t *capabilities(void) {
  return json_pack("{s:{s:o,s:{s:b,s:i,s:{s:b}},s:b,s:b,s:{s:[s,s,s]},s:b,s:{s:[s]},s:{s:s,s:s}}}",
                   "capabilities",
                   "positionEncoding", json_string("utf-16"),
                   "textDocumentSync", "openClose", 1, "change", 2, "save", "includeText", 0,
                   "hoverProvider", 1, "definitionProvider", 1,
                   "completionProvider", "triggerCharacters", "\"", ":", " ",
                   "documentFormattingProvider", 1,
                   "codeActionProvider", "codeActionKinds", "quickfix",
                   "serverInfo", "name", "plancheck", "version", "1");
}

/* A request's answer, by method; *error and *code set when there is none. */
static json_t *answer(lsp_server *s, const char *method, json_t *params, int *code, const char **error) {
  if (strcmp(method, "textDocument/hover") == 0) return lsp_hover(s, params);
  if (strcmp(method, "textDocument/definition") == 0) return lsp_definition(s, params);
  if (strcmp(method, "textDocument/completion") == 0) return lsp_completion(s, params);
  if (strcmp(method, "textDocument/codeAction") == 0) return lsp_code_actions(s, params);
  if (strcmp(method, "textDocument/formatting") == 0) {
    json_t *r = lsp_formatting(s, params, error);
    if (*error) *code = LSP_REQUEST_FAILED;
    return r;
  }
  *code = LSP_METHOD_NOT_FOUND;
  *error = "method not found";
  return NULL;
}

static void request(lsp_server *s, json_t *id, const char *method, json_t *params) {
  if (strcmp(method, "initialize") == 0) {
    json_t *watch = json_object_get(json_object_get(json_object_get(params, "capabilities"), "workspace"),
                                    "didChangeWatchedFiles");
    s->watch = json_is_true(json_object_get(watch, "dynamicRegistration"));
    if (s->initialized) send(s, lsp_error(id, LSP_INVALID_REQUEST, "initialize was sent twice"));
    else send(s, lsp_result(id, capabilities()));
    s->initialized = 1;
    return;
  }
  if (!s->initialized) {
    send(s, lsp_error(id, LSP_SERVER_NOT_INITIALIZED, "the server is not initialized"));
    return;
  }
  if (strcmp(method, "shutdown") == 0) {
    s->shut_down = 1;
    send(s, lsp_result(id, NULL));
    return;
  }
  if (s->shut_down) {
    send(s, lsp_error(id, LSP_INVALID_REQUEST, "the server is shutting down"));
    return;
  }
  int code = 0;
  const char *error = NULL;
  json_t *r = answer(s, method, params, &code, &error);
  send(s, error ? (json_decref(r), lsp_error(id, code, error)) : lsp_result(id, r));
}

/* Asks the client to tell when a plan changes on disk (a parent or an
 * include not open), when it can be asked. */
static void register_watch(lsp_server *s) {
  if (!s->watch) return;
  json_t *reg = json_pack("{s:[{s:s,s:s,s:{s:[{s:s}]}}]}", "registrations", "id", "plancheck-plans", "method",
                          "workspace/didChangeWatchedFiles", "registerOptions", "watchers", "globPattern",
                          "**/*.plan");
  json_t *m = lsp_notification("client/registerCapability", reg);
  json_object_set_new(m, "id", json_string("plancheck-watch"));
  send(s, m);
}

static void notification(lsp_server *s, const char *method, json_t *params) {
  if (!s->initialized || s->shut_down) return;   /* the protocol says: dropped */
  if (strcmp(method, "initialized") == 0) register_watch(s);
  else if (strcmp(method, "textDocument/didOpen") == 0) did_open(s, params);
  else if (strcmp(method, "textDocument/didChange") == 0) did_change(s, params);
  else if (strcmp(method, "textDocument/didClose") == 0) did_close(s, params);
  else if (strcmp(method, "textDocument/didSave") == 0 || strcmp(method, "workspace/didChangeWatchedFiles") == 0)
    s->dirty = 1;   /* a parent or include on disk may have changed: read again */
}

lsp_server *lsp_open(int argc, char **argv, int first, int *status) {
  lsp_server *s = mem_calloc(1, sizeof *s);
  *status = parse_options(s, argc, argv, first);
  if (*status) {
    free_options(s);
    free(s);
    if (*status < 0) *status = 0;   /* --help */
    return NULL;
  }
  lsp_json_init();
  lsp_docs_init(&s->docs);
  ar_init(&s->scratch);
  ar_init(&s->uri_arena);
  s->bg_fd = -1;
  return s;
}

void lsp_settle(lsp_server *s, FILE *out) {
  s->out = out;
  if (s->dirty) check(s);
}

int lsp_step(lsp_server *s, FILE *in, FILE *out) {
  s->in = in;
  s->out = out;
  if (s->dirty && !input_pending(s)) check(s);
  if (s->bg_pid) {   /* wait for the client or the child, whichever speaks */
    struct pollfd p[2] = { { fileno(s->in), POLLIN, 0 }, { s->bg_fd, POLLIN, 0 } };
    if (poll(p, 2, -1) < 0 && errno != EINTR) return 1;
    if (p[1].revents) read_background(s);
    if (!p[0].revents) return -1;
  }
  ar_reset(&s->scratch);
  json_t *msg;
  int code;
  const char *why;
  lsp_frame f = lsp_read(s->in, &msg, &code, &why);
  if (f == LSP_FRAME_EOF) return 1;
  if (f == LSP_FRAME_BAD) {
    send(s, lsp_error(NULL, code, why));
    return -1;
  }
  const char *method = json_string_value(json_object_get(msg, "method"));
  json_t *id = json_object_get(msg, "id"), *params = json_object_get(msg, "params");
  if (method && strcmp(method, "exit") == 0) {
    json_decref(msg);
    return s->shut_down ? 0 : 1;
  }
  if (id && !json_is_string(id) && !json_is_integer(id))
    send(s, lsp_error(NULL, LSP_INVALID_REQUEST, "a request id must be a number or a string"));
  else if (method && id) request(s, id, method, params);
  else if (method) notification(s, method, params);
  json_decref(msg);   /* a response to a request of ours: none are sent */
  return -1;
}

void lsp_close(lsp_server *s) {
  stop_background(s);
  free(s->bg_buf);
  close_session(s);
  for (size_t i = 0; i < s->docs.n; i++) {
    json_decref(s->docs.all[i]->state);
    json_decref(s->docs.all[i]->shown);
  }
  for (size_t i = 0; i < s->npublished; i++) free(s->published[i]);
  free(s->published);
  free(s->checked);
  free(s->snapshot);
  lsp_docs_free(&s->docs);
  ar_free(&s->scratch);
  ar_free(&s->uri_arena);
  free_options(s);
  free(s);
}

int lsp_main(int argc, char **argv, int first) {
  int status;
  lsp_server *s = lsp_open(argc, argv, first, &status);
  if (!s) return status;
  /* Unbuffered input: poll() then tells whether the client sent more. */
  setvbuf(stdin, NULL, _IONBF, 0);
  while ((status = lsp_step(s, stdin, stdout)) < 0) {}
  lsp_close(s);
  return status;
}
