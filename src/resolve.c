/* resolve: loading, names, ids, owners and deadlines; see resolve.h. */
#include "resolve.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "guess.h"
#include "lang.h"
#include "lexer.h"
#include "mem.h"
#include "parse.h"
#include "stdlib_data.h"
#include "place.h"
#include "text.h"

/* ---- loading ---- */

/* The first of a list not seen yet: after `done`, or the head. */
#define UNSEEN(head, done) ((done) ? (done)->next : (head))

typedef struct frame {          /* one file on the include stack */
  uint32_t file;
  md_loc from;                  /* the include statement that led here */
  struct frame *up;
  md_include *inc;              /* its includes not read yet */
  md_plan *plan;                /* the plan its includes' items go to */
} frame;

typedef struct loader {
  md_model *m;
  const rs_options *o;
  ix_table scans;               /* directories scanned for parents, by path */
  md_plan **by_file;            /* the first plan read from each file */
  size_t by_file_cap;
  md_plan *indexed;             /* the last plan by_file holds */
} loader;

static int ends_with(const char *s, const char *suffix) {
  size_t n = strlen(s), k = strlen(suffix);
  return n >= k && strcmp(s + n - k, suffix) == 0;
}

/* prefix[0, n) followed by each of parts[0, k), in the arena. Paths are
 * built once or twice per file loaded; printf is not worth it there. */
static char *cat(ar_arena *a, const char *prefix, size_t n, const char *const *parts, size_t k) {
  size_t len[4], total = n;
  for (size_t i = 0; i < k; i++) total += len[i] = strlen(parts[i]);
  char *p = ar_alloc_text(a, total + 1), *w = p;
  memcpy(w, prefix, n);
  w += n;
  for (size_t i = 0; i < k; i++) { memcpy(w, parts[i], len[i]); w += len[i]; }
  *w = '\0';
  return p;
}

/* dir/name.ext, without "./" segments (removing them never changes which
 * file is meant, unlike folding "..", which symbolic links make unsafe). */
static char *join(ar_arena *a, const char *dir, size_t dirlen, const char *name, const char *ext) {
  const char *parts[] = { dirlen ? "/" : "", name, ext };
  char *p = cat(a, dir, dirlen, parts, 3);
  char *w = p;
  for (const char *r = p; *r;) {
    if ((r == p || r[-1] == '/') && r[0] == '.' && r[1] == '/') { r += 2; while (*r == '/') r++; continue; }
    *w++ = *r++;
  }
  *w = '\0';
  return p;
}

/* Loads into `src` the embedded file for "std/NAME", or the one in `dir`
 * (--stdlib; NULL: the embedded library). */
static src_status std_file(ar_arena *a, src_table *src, const char *dir, const char *name, uint32_t *file,
                           int *err_no) {
  const char *ext = ends_with(name, ".plan") || ends_with(name, ".lua") ? "" : ".plan";
  if (dir) return src_load(src, join(a, dir, strlen(dir), name, ext), file, err_no);
  const char *want = dg_fmt(a, "%s%s", name, ext);
  for (const sd_file *f = sd_files; f->name; f++) {
    if (strcmp(f->name, want) != 0) continue;
    return src_add_memory(src, dg_fmt(a, "std/%s", want), f->data, f->size, file);
  }
  *err_no = ENOENT;
  return SRC_NOT_FOUND;
}

static src_status load_std(loader *L, const char *name, uint32_t *file, int *err_no) {
  return std_file(L->m->arena, L->m->src, L->o->stdlib_dir, name, file, err_no);
}

/* Tries `name` and `name.plan` in one directory. */
static src_status try_dir(loader *L, const char *dir, size_t dirlen, const char *name, uint32_t *file, int *err_no) {
  src_status st = src_load(L->m->src, join(L->m->arena, dir, dirlen, name, ""), file, err_no);
  if ((st != SRC_NOT_FOUND && st != SRC_IS_DIR) || ends_with(name, ".plan")) return st;
  /* "parts" may name parts.plan even when a directory parts/ sits beside it. */
  int e2;
  src_status st2 = src_load(L->m->src, join(L->m->arena, dir, dirlen, name, ".plan"), file, &e2);
  if (st2 == SRC_NOT_FOUND) return st;
  *err_no = e2;
  return st2;
}

/* Looks a path up relative to the including file, then in -I and PLANPATH.
 * `from` is the including file's path as shown to the user, so that the
 * paths of included files read the way the user wrote them. */
static src_status find(loader *L, const char *name, const char *from, uint32_t *file, int *err_no) {
  if (strncmp(name, "std/", 4) == 0) return load_std(L, name + 4, file, err_no);
  if (name[0] == '/' || !from) return try_dir(L, "", 0, name, file, err_no);
  src_status st = SRC_NOT_FOUND;
  if (strncmp(from, "std/", 4) != 0) {
    const char *slash = strrchr(from, '/');
    st = try_dir(L, from, slash ? (size_t)(slash - from) : 0, name, file, err_no);
    if (st != SRC_NOT_FOUND) return st;
  }
  for (size_t i = 0; i < L->o->nincdirs; i++) {
    st = try_dir(L, L->o->incdirs[i], strlen(L->o->incdirs[i]), name, file, err_no);
    if (st != SRC_NOT_FOUND) return st;
  }
  for (const char *p = L->o->planpath; p && *p;) {
    const char *colon = strchr(p, ':');
    size_t len = colon ? (size_t)(colon - p) : strlen(p);
    if (len) {
      st = try_dir(L, p, len, name, file, err_no);
      if (st != SRC_NOT_FOUND) return st;
    }
    p = colon ? colon + 1 : p + len;
  }
  return SRC_NOT_FOUND;
}

static void report_cycle(loader *L, const frame *top, uint32_t file, md_loc at) {
  src_table *src = L->m->src;
  dg_diag *d = dg_add(L->m->diags, DG_ERROR, "include", at.file, at.off, at.len,
                      _("include cycle: %s includes %s, which is already being read"),
                      src->files[at.file].path, src->files[file].path);
  for (const frame *f = top; f && f->up; f = f->up) {
    dg_note(L->m->diags, d, f->from.file, f->from.off, f->from.len, _("%s is included from here"),
            src->files[f->file].path);
    if (f->file == file) break;
  }
}

/* Whether `file` is a standard file: "std/NAME" from the built-in
 * library, or DIR/NAME as std_file names it from --stdlib DIR (the same
 * files installed in share/plancheck/stdlib, which use each other too). */
static int is_std(const loader *L, uint32_t file) {
  const char *path = L->m->src->files[file].path;
  if (strncmp(path, "std/", 4) == 0) return 1;
  const char *dir = L->o->stdlib_dir;
  if (!dir) return 0;
  const char *prefix = join(L->m->arena, dir, strlen(dir), "", "");
  return strncmp(path, prefix, strlen(prefix)) == 0;
}

static int on_stack(const frame *top, uint32_t file) {
  for (const frame *f = top; f; f = f->up)
    if (f->file == file) return 1;
  return 0;
}

static void attach_orphans(loader *L, md_item *orphans, md_plan *plan) {
  if (!orphans || !orphans->first) return;
  if (!plan) {
    md_item *first = orphans->first;
    dg_add(L->m->diags, DG_ERROR, "no-plan", first->loc.file, first->loc.off, first->loc.len,
           _("this item belongs to no plan: the file declares none and was not included by a plan"));
    return;
  }
  md_move_children(&plan->root, orphans);
}

/* Parses one file and puts a frame for it on the include stack. */
static frame *parse_one(loader *L, frame *up, uint32_t file, md_loc from, md_plan *inherited, md_plan **declared) {
  ps_result r;
  ps_parse_file(L->m, file, &r);
  md_plan *plan = r.plan ? r.plan : inherited;
  attach_orphans(L, r.orphans, plan);
  frame *f = ar_alloc(L->m->arena, sizeof *f);
  *f = (frame){ file, from, up, r.includes, plan };
  *declared = r.plan;
  return f;
}

/* Reads the next include of the file on top of the stack; the frame of
 * the file it reads, or `top` when it reads none. */
static frame *include_next(loader *L, frame *top) {
  md_include *inc = top->inc;
  top->inc = inc->next;
  const char *name = ar_strndup(L->m->arena, inc->path.value.p, inc->path.value.n);
  uint32_t file;
  int err_no;
  src_status st = find(L, name, L->m->src->files[top->file].path, &file, &err_no);
  md_loc at = inc->path.loc;
  if (st == SRC_ALREADY) {
    /* The standard files may use each other: std/district uses std/commune
     * for the bodies that took the district's work over, and std/commune
     * uses the chain that ends in std/district. Their declarations are
     * all read before any reference is resolved, so the order is moot. */
    if (on_stack(top, file) && !(is_std(L, top->file) && is_std(L, file))) report_cycle(L, top, file, at);
    return top;
  }
  if (st != SRC_OK) {
    dg_add(L->m->diags, DG_ERROR, "include", at.file, at.off, at.len, inc->is_use ? _("cannot use '%s': %s") : _("cannot include '%s': %s"), name, src_status_text(st, err_no));
    return top;
  }
  md_plan *ignored;
  return parse_one(L, top, file, at, top->plan, &ignored);
}

/* Parses a newly loaded file and everything it includes, depth first, in
 * the order written; the plan the file declares, or NULL. The include
 * stack is a list of frames in the arena, not the C stack: a chain of a
 * hundred thousand includes is read like any other. */
static md_plan *parse_tree(loader *L, uint32_t file, md_loc from, md_plan *inherited) {
  md_plan *declared;
  frame *top = parse_one(L, NULL, file, from, inherited, &declared);
  while (top) top = top->inc ? include_next(L, top) : top->up;
  return declared;
}

/* ---- parent plans ---- */

enum { SCAN_DEPTH = 3 };

/* The conventional file name of a plan number: "12-KH/TW" → "12-kh-tw.plan". */
static const char *slug(ar_arena *a, sl_slice number) {
  char *s = ar_alloc_text(a, number.n + 5);
  for (size_t i = 0; i < number.n; i++) {
    char c = number.p[i];
    s[i] = (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : (c == '/' || c == ' ') ? '-' : c;
  }
  memcpy(s + number.n, ".plan", 6);
  return s;
}

/* The number of a `plan "NUMBER"` whose opening quote is at p, or an
 * empty slice: a cheap reading made before a file found by scanning is
 * parsed. */
static sl_slice declared_at(const char *data, size_t n, const char *p) {
  const char *end = memchr(p + 1, '"', (size_t)(data + n - p - 1));
  const char *q = p;
  while (q > data && (q[-1] == ' ' || q[-1] == '\t')) q--;
  if (!end || q == p) return SL_NONE;
  int english = q - data >= 4 && memcmp(q - 4, "plan", 4) == 0 && (q - 4 == data || q[-5] == '\n' || q[-5] == ' ');
  if (!english) {
    /* `kế hoạch "NUMBER"` or `chương trình "NUMBER"` from the start of
     * its line (after blanks). */
    const char *line = q;
    while (line > data && line[-1] != '\n' && q - line < 96) line--;
    while (line < q && (*line == ' ' || *line == '\t')) line++;
    if (line == q || !lx_names_plan(line, (size_t)(q - line))) return SL_NONE;
  }
  return (sl_slice){ p + 1, (size_t)(end - p - 1) };
}

static int by_name(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* A search for parents under one directory: the .plan files below it in
 * name order, depth first (sub-directories up to SCAN_DEPTH deep), each
 * read once, when a search first needs it, and the plans each declares
 * remembered. A search that fails has read them all, and so does not read
 * them again: N children naming a parent that no file declares cost one
 * walk, not N. */
typedef struct scan_level {
  const char *dir;
  char **names;                 /* sorted, in the arena */
  size_t n, next;
} scan_level;

typedef struct scan {
  const char *root;
  scan_level level[SCAN_DEPTH + 1];
  int depth;                    /* levels open; 0 once every file is read */
  ix_table declared;            /* number → struct declared, first file wins */
} scan;

typedef struct declared {
  sl_slice number;
  const char *path;
} declared;

static sl_slice scan_key(const void *v) {
  const char *root = ((const scan *)v)->root;
  return (sl_slice){ root, strlen(root) };
}

static sl_slice declared_key(const void *v) { return ((const declared *)v)->number; }

/* Lists a directory, sorted, as the next level of the walk. */
static void open_level(ar_arena *a, scan *s, const char *dir) {
  DIR *d = opendir(dir[0] ? dir : ".");
  if (!d) { mem_check(errno); return; }
  scan_level *l = &s->level[s->depth++];
  *l = (scan_level){ dir, NULL, 0, 0 };
  size_t cap = 0;
  for (struct dirent *e; (e = readdir(d)) != NULL;) {
    if (e->d_name[0] == '.') continue;
    l->names = ar_grow(a, l->names, sizeof *l->names, &cap, l->n + 1);
    l->names[l->n++] = ar_strndup(a, e->d_name, strlen(e->d_name));
  }
  closedir(d);
  if (l->n) qsort(l->names, l->n, sizeof *l->names, by_name);
}

/* The next .plan file of the walk, or NULL at its end. */
static const char *next_file(ar_arena *a, scan *s) {
  while (s->depth > 0) {
    scan_level *l = &s->level[s->depth - 1];
    if (l->next == l->n) { s->depth--; continue; }
    const char *name = l->names[l->next++];
    char *path = join(a, l->dir, strlen(l->dir), name, "");
    struct stat st;
    if (stat(path, &st) != 0) continue;
    if (S_ISDIR(st.st_mode)) {
      if (s->depth <= SCAN_DEPTH) open_level(a, s, path);
    } else if (ends_with(name, ".plan")) {
      return path;
    }
  }
  return NULL;
}

/* Remembers every plan the file declares that no earlier file did. */
static void read_declarations(ar_arena *a, scan *s, const char *path) {
  char *data;
  size_t n;
  if (src_read(path, &data, &n) != 0) return;
  for (const char *p = data; (p = memchr(p, '"', (size_t)(data + n - p))) != NULL; p++) {
    sl_slice number = declared_at(data, n, p);
    if (!number.n || ix_get(&s->declared, number)) continue;
    declared *d = ar_alloc(a, sizeof *d);
    *d = (declared){ ar_slice_dup(a, number), path };
    ix_put(&s->declared, d);
  }
  free(data);
}

/* The first .plan file under `dir` that declares the plan, or NULL. */
static const char *scan_dir(loader *L, const char *dir, sl_slice number) {
  ar_arena *a = L->m->arena;
  scan *s = ix_get(&L->scans, (sl_slice){ dir, strlen(dir) });
  if (!s) {
    s = ar_alloc(a, sizeof *s);
    s->root = ar_strndup(a, dir, strlen(dir));
    ix_init(&s->declared, a, declared_key);
    open_level(a, s, s->root);
    ix_put(&L->scans, s);
  }
  for (;;) {
    declared *d = ix_get(&s->declared, number);
    if (d) return d->path;
    const char *path = next_file(a, s);
    if (!path) return NULL;
    read_declarations(a, s, path);
  }
}

/* The directories a parent is searched in: the child's own, -I, PLANPATH. */
static const char *search_parent(loader *L, const char *from, sl_slice number) {
  ar_arena *a = L->m->arena;
  const char *slash = strrchr(from, '/');
  const char *own = slash ? ar_strndup(a, from, (size_t)(slash - from)) : "";
  const char *found = NULL;
  if (strncmp(from, "std/", 4) != 0) found = scan_dir(L, own, number);
  for (size_t i = 0; i < L->o->nincdirs && !found; i++) found = scan_dir(L, L->o->incdirs[i], number);
  for (const char *p = L->o->planpath; p && *p && !found;) {
    const char *colon = strchr(p, ':');
    size_t len = colon ? (size_t)(colon - p) : strlen(p);
    if (len) found = scan_dir(L, ar_strndup(a, p, len), number);
    p = colon ? colon + 1 : p + len;
  }
  return found;
}

/* Loads the text of one parent: by its `path`, by the conventional file
 * name, or by scanning the search directories for a file declaring it. */
static void load_parent(loader *L, const char *from, md_parent *par) {
  md_model *m = L->m;
  sl_slice number = par->number.value;
  par->plan = md_plan_by_key(m, number);
  if (par->plan || (par->desc && par->desc->unavailable.value.n)) return;
  const char *num = ar_strndup(m->arena, number.p, number.n);
  uint32_t file;
  int err_no = 0;
  src_status st;
  const char *how;
  if (par->path.value.n) {
    how = ar_strndup(m->arena, par->path.value.p, par->path.value.n);
    st = find(L, how, from, &file, &err_no);
  } else {
    how = slug(m->arena, number);
    st = find(L, how, from, &file, &err_no);
    if (st == SRC_NOT_FOUND) {
      const char *scanned = search_parent(L, from, number);
      if (scanned) st = src_load(m->src, how = scanned, &file, &err_no);
    }
  }
  md_loc at = par->loc;
  if (st == SRC_OK) {
    parse_tree(L, file, at, NULL);
  } else if (st != SRC_ALREADY) {
    if (par->desc) return; /* described here: the checker works from the description */
    if (par->path.value.n)
      dg_add(m->diags, DG_ERROR, "parent-not-found", at.file, at.off, at.len, _("cannot read parent plan %s from '%s': %s"),
             num, how, src_status_text(st, err_no));
    else
      dg_add(m->diags, DG_ERROR, "parent-not-found", at.file, at.off, at.len,
             _("cannot find parent plan %s: give its file with 'path', add its directory with -I or PLANPATH, "
               "or describe it with an 'unavailable' block"), num);
    return;
  }
  par->plan = md_plan_by_key(m, number);
  if (!par->plan)
    dg_add(m->diags, DG_ERROR, "parent-not-found", at.file, at.off, at.len, _("%s does not declare plan %s"),
           m->src->files[file].path, num);
}

/* Loads every parent of every plan, so the whole chain up to the root is
 * read once however many children share it. Plans parsed here are appended
 * to m->plans, so the loop reaches their parents too. */
static void load_parents(loader *L, md_plan *from) {
  for (md_plan *p = from; p; p = p->next)
    for (md_parent *par = p->parents; par; par = par->next) load_parent(L, L->m->src->files[p->file].path, par);
}

/* The progress record kept beside a plan: "tuyphuoc.progress" next to
 * "tuyphuoc.plan", read when it exists. */
static void load_record_beside(loader *L, md_plan *p) {
  md_model *m = L->m;
  const char *path = m->src->files[p->file].path;
  if (!ends_with(path, ".plan") || strncmp(path, "std/", 4) == 0) return;
  const char *progress[] = { ".progress" };
  const char *beside = cat(m->arena, path, strlen(path) - 5, progress, 1);
  if (!src_may_exist(m->src, beside)) return;
  uint32_t file;
  int err_no;
  src_status st = src_load(m->src, beside, &file, &err_no);
  if (st == SRC_OK) {
    parse_tree(L, file, (md_loc){ 0, 0, 0 }, NULL);
  } else if (st != SRC_ALREADY && st != SRC_NOT_FOUND) {
    dg_add(m->diags, DG_ERROR, "io", p->loc.file, p->loc.off, p->loc.len, _("cannot read the progress record '%s': %s"),
           beside, src_status_text(st, err_no));
  }
}

/* After new files are parsed: the parents of the plans they declared, up
 * to the root, and the progress records beside them. */
static void load_around(loader *L, md_plan *before) {
  md_model *m = L->m;
  md_plan *first = UNSEEN(m->plans, before), *last = m->last_plan;
  if (!first) return;
  load_parents(L, first);
  for (md_plan *p = first; p; p = p->next) {
    if (!p->is_described) load_record_beside(L, p);
    if (p == last) break;        /* not the plans a record might declare */
  }
}

/* The first plan (not a described one) read from `file`, or NULL: for a
 * file given twice, or read (included, or as a parent) before it was
 * given. Plans are indexed by file as they are first needed, each once,
 * rather than all of them walked for each such file. */
static md_plan *plan_of_file(loader *L, uint32_t file) {
  md_model *m = L->m;
  for (md_plan *p = UNSEEN(m->plans, L->indexed); p; p = p->next) {
    L->by_file = ar_grow(m->arena, L->by_file, sizeof *L->by_file, &L->by_file_cap, (size_t)p->file + 1);
    if (!p->is_described && !L->by_file[p->file]) L->by_file[p->file] = p;
    L->indexed = p;
  }
  return file < L->by_file_cap ? L->by_file[file] : NULL;
}

/* The levels and structures (std/levels) come before any plan, whether or
 * not it uses the standard bodies: a plan's `level` is read against them.
 * A --stdlib directory without the file has the embedded one. */
static void load_levels(md_model *m, const char *dir, void (*parse)(void *, uint32_t), void *ctx) {
  uint32_t file;
  int err_no;
  src_status st = std_file(m->arena, m->src, dir, "levels", &file, &err_no);
  if (st == SRC_NOT_FOUND && dir) st = std_file(m->arena, m->src, NULL, "levels", &file, &err_no);
  if (st == SRC_OK) parse(ctx, file);
}

static void parse_levels(void *ctx, uint32_t file) { parse_tree(ctx, file, (md_loc){ 0, 0, 0 }, NULL); }

static void parse_plain(void *ctx, uint32_t file) {
  ps_result r;
  ps_parse_file(ctx, file, &r);
}

size_t rs_load(md_model *m, const rs_options *o, rs_input *inputs, size_t n) {
  loader L = { m, o, { 0 }, NULL, 0, NULL };
  m->stdlib_dir = o->stdlib_dir;
  ix_init(&L.scans, m->arena, scan_key);
  size_t failed = 0;
  md_plan *before = m->last_plan;
  load_levels(m, o->stdlib_dir, parse_levels, &L);
  for (size_t i = 0; i < n; i++) {
    rs_input *in = &inputs[i];
    int err_no;
    src_status st = find(&L, in->path, NULL, &in->file, &err_no);
    if (st == SRC_ALREADY) {
      in->loaded = 1;
      in->plan = plan_of_file(&L, in->file);
      continue;
    }
    if (st != SRC_OK) {
      dg_add(m->diags, DG_ERROR, "io", DG_NOFILE, 0, 0, _("cannot read '%s': %s"), in->path, src_status_text(st, err_no));
      failed++;
      continue;
    }
    in->loaded = 1;
    in->plan = parse_tree(&L, in->file, (md_loc){ 0, 0, 0 }, NULL);
  }
  load_around(&L, before);
  return failed;
}

md_plan *rs_load_memory(md_model *m, const rs_options *o, uint32_t file) {
  loader L = { m, o, { 0 }, NULL, 0, NULL };
  m->stdlib_dir = o->stdlib_dir;
  ix_init(&L.scans, m->arena, scan_key);
  md_plan *before = m->last_plan;
  load_levels(m, o->stdlib_dir, parse_levels, &L);
  md_plan *p = parse_tree(&L, file, (md_loc){ 0, 0, 0 }, NULL);
  load_around(&L, before);
  return p;
}

/* ---- did you mean ---- */

/* The bodies an unknown name may have meant: those loaded, and those of
 * the standard files the plan does not use, found through one index
 * (guess.h) built at the first unknown name. Each distinct name is
 * looked up once: a plan that misspells one body a thousand times costs
 * one lookup. */
typedef struct rs_guesses {
  gs_index *ix;
  md_body *indexed;             /* the last loaded body in ix */
  ix_table memo;                /* name as written → its suggestions */
} rs_guesses;

typedef struct memo_entry {
  sl_slice key;
  const char *text;             /* the suggestions, joined; "" for none */
} memo_entry;

static sl_slice memo_key(const void *v) { return ((const memo_entry *)v)->key; }

static void guess_body(md_model *m, md_model *from, gs_index *ix, const md_body *b, const char *where) {
  sl_slice id = ar_slice_dup(m->arena, b->id), name = ar_slice_dup(m->arena, b->name.value);
  gs_add_name(ix, id, name, id, where);
  gs_add_name(ix, id, name, md_name_key(from, b->name.value), where);
  for (const md_strs *a = b->aliases; a; a = a->next) gs_add_name(ix, id, name, md_name_key(from, a->s.value), where);
}

/* The bodies of the standard files (std/central ... std/grassroots) that
 * no file of the run declares: read into a model of their own, whose
 * files are let go once their bodies are indexed. */
const char *const rs_standard_files[] = { "central", "province", "district", "commune", "grassroots", NULL };

static void guess_standard(md_model *m, gs_index *ix) {
  const char *const *files = rs_standard_files;
  src_table src;
  src_init(&src);
  dg_list dl;
  dg_init(&dl, m->arena);
  md_model sm;
  md_init(&sm, m->arena, &src, &dl);
  sm.parser = m->parser;
  load_levels(&sm, m->stdlib_dir, parse_plain, &sm);
  for (size_t i = 0; files[i]; i++) {
    uint32_t file;
    int err_no;
    if (std_file(m->arena, &src, m->stdlib_dir, files[i], &file, &err_no) != SRC_OK) continue;
    md_body *before = sm.last_body;
    ps_result r;
    ps_parse_file(&sm, file, &r);
    const char *where = dg_fmt(m->arena, "std/%s", files[i]);
    for (md_body *b = UNSEEN(sm.bodies, before); b; b = b->next)
      if (!md_body_by_id(m, b->id)) guess_body(m, &sm, ix, b, where);
  }
  if (!m->parser) m->parser = sm.parser;
  src_free(&src);
}

/* The guesses for a name (by_name) or an identifier, joined. */
static const char *guesses_for(md_model *m, sl_slice text, int by_name) {
  rs_guesses *g = m->guesses;
  if (!g) {
    g = m->guesses = ar_alloc(m->arena, sizeof *g);
    g->ix = gs_new(m->arena);
    g->indexed = NULL;
    ix_init(&g->memo, m->arena, memo_key);
    guess_standard(m, g->ix);
  }
  for (md_body *b = UNSEEN(m->bodies, g->indexed); b; b = b->next) {
    guess_body(m, m, g->ix, b, NULL);
    g->indexed = b;
  }
  memo_entry *e = ix_get(&g->memo, text);
  if (e) return e->text;
  gs_hit hits[GS_MAX];
  size_t n = gs_nearest(g->ix, by_name ? md_name_key(m, text) : text, hits);
  dg_buf list = dg_buf_in(m->arena);
  for (size_t i = 0; i < n; i++) {
    const gs_hit *h = &hits[i];
    const char *one = h->where ? dg_fmt(m->arena, _("%.*s \"%.*s\" (add use \"%s\")"), (int)h->id.n, h->id.p,
                                        (int)h->name.n, h->name.p, h->where)
                               : dg_fmt(m->arena, _("%.*s \"%.*s\""), (int)h->id.n, h->id.p, (int)h->name.n, h->name.p);
    dg_buf_item(&list, ", ", one, strlen(one));
  }
  e = ar_alloc(m->arena, sizeof *e);
  e->key = text;
  e->text = dg_buf_text(&list);
  ix_put(&g->memo, e);
  return e->text;
}

/* ---- references ---- */

/* `r` names no body: unknown-body, with the bodies nearest to `like` (a
 * name in quotes, or r's own text when it is empty). */
static void unknown_body(md_model *m, const md_ref *r, sl_slice like) {
  const char *near = like.n ? guesses_for(m, like, 1) : "";
  if (!*near) near = guesses_for(m, r->text, r->by_name);
  int n = (int)r->text.n;
  md_loc l = r->loc;
  if (*near)
    dg_add(m->diags, DG_ERROR, "unknown-body", l.file, l.off, l.len,
           r->by_name ? _("unknown body \"%.*s\"; did you mean %s?") : _("unknown body '%.*s'; did you mean %s?"), n,
           r->text.p, near);
  else
    dg_add(m->diags, DG_ERROR, "unknown-body", l.file, l.off, l.len,
           r->by_name ? _("unknown body \"%.*s\"") : _("unknown body '%.*s'"), n, r->text.p);
}

static void resolve_ref(md_model *m, md_ref *r) {
  for (; r; r = r->next) {
    r->body = r->by_name ? md_body_by_name(m, r->text) : md_body_by_id(m, r->text);
    if (!r->body) unknown_body(m, r, SL_NONE);
  }
}

/* `body ID { alias ... }`: the aliases join the body's names before any
 * reference is looked up. An unknown ID is guessed from the first alias,
 * the document's wording, before the ID itself. */
static void apply_extensions(md_model *m) {
  for (md_extension *e = UNSEEN(m->extensions, m->resolved_extension); e; e = e->next) {
    md_ref *t = e->target;
    m->resolved_extension = e;
    t->body = md_body_by_id(m, t->text);
    if (!t->body) {
      unknown_body(m, t, e->aliases ? e->aliases->s.value : SL_NONE);
      continue;
    }
    for (md_strs *a = e->aliases; a; a = a->next) md_add_alias(m, t->body, &a->s);
  }
}

static void resolve_item_refs(md_model *m, md_item *it) {
  resolve_ref(m, it->by);
  resolve_ref(m, it->with);
  resolve_ref(m, it->reports);
  resolve_ref(m, it->via);
}

/* ---- ids and owners ---- */

typedef struct idctx {
  md_model *m;
  md_plan *plan;
} idctx;

static int has_id(const md_item *it) { return it->kind == MD_TASK || it->kind == MD_SECTION; }

/* Reads an item's printed label, once: ids need its number, and check
 * its scheme and value (kept in the item). */
static md_label read_label(md_item *it) {
  if (!it->label.n || it->bullet || it->kind == MD_FOOTNOTE)
    return (md_label){ it->bullet ? MD_SCHEME_BULLET : MD_SCHEME_NONE, 0, SL_NONE, SL_NONE, SL_NONE };
  md_label l = md_label_parse(it->label);
  it->label_scheme = (unsigned char)(l.scheme + 1);
  it->label_value = l.value;
  it->label_parent = l.parent.n != 0;
  return l;
}

/* The part of an id a child contributes: its label's own number, or its
 * position among the unnumbered children (written into `buf`). */
static sl_slice component(const md_item *it, const md_label *l, int *ordinal, char buf[static 12]) {
  if (it->id_override.value.n) return it->id_override.value;
  if (l->scheme != MD_SCHEME_NONE && l->scheme != MD_SCHEME_BULLET) return l->component;
  size_t n = 0;
  for (unsigned v = (unsigned)++*ordinal; v; v /= 10) buf[n++] = (char)('0' + v % 10);
  for (size_t i = 0; i < n / 2; i++) { char t = buf[i]; buf[i] = buf[n - 1 - i]; buf[n - 1 - i] = t; }
  return (sl_slice){ buf, n };
}

/* "HEAD" SEP "COMP", then "#SEEN" when seen > 1, in the arena. Ids are
 * built for every task and section of a national run (a million), so by
 * copying, not by a printf. */
static sl_slice make_id(ar_arena *a, sl_slice head, char sep, sl_slice comp, int seen) {
  char num[12];
  size_t k = 0;
  for (unsigned v = seen > 1 ? (unsigned)seen : 0; v; v /= 10) num[k++] = (char)('0' + v % 10);
  size_t n = head.n + 1 + comp.n + (k ? k + 1 : 0);
  char *s = ar_alloc_text(a, n), *w = s;
  memcpy(w, head.p, head.n);
  w += head.n;
  *w++ = sep;
  memcpy(w, comp.p, comp.n);
  w += comp.n;
  if (k) *w++ = '#';
  while (k) *w++ = num[--k];
  return (sl_slice){ s, n };
}

static void assign_ids(idctx *c, md_item *parent, sl_slice prefix, md_ref *inherited);

/* The id of a child: "PLAN:comp" at the top, "PARENT-ID.comp" below. */
static sl_slice item_id(idctx *c, sl_slice prefix, sl_slice comp, int seen) {
  return prefix.p ? make_id(c->m->arena, prefix, '.', comp, seen) : make_id(c->m->arena, c->plan->key, ':', comp, seen);
}

static void report_duplicate(idctx *c, md_item *it) {
  md_item *first = md_item_by_id(c->m, it->id);
  dg_diag *d = dg_add(c->m->diags, DG_ERROR, "duplicate-id", it->loc.file, it->loc.off, it->loc.len,
                      _("id %s is used twice"), it->id);
  dg_note(c->m->diags, d, first->loc.file, first->loc.off, first->loc.len, _("first used here"));
}

/* Gives `it` the id, or reports that it is taken; 0 when it was free. */
static int assign_one(idctx *c, md_item *it, sl_slice id) {
  it->id = id.p;
  it->id_len = (uint32_t)id.n;
  return md_add_item_id(c->m, it);
}

/* How many of a parent's children so far carry each id component. Kept
 * only from the parent's first repeated number on: N siblings all numbered
 * "1." then cost N lookups, not N² comparisons. */
typedef struct tally {
  sl_slice comp;
  int n;
} tally;

static sl_slice tally_key(const void *v) { return ((const tally *)v)->comp; }

/* Counts one more child with `comp`; how many there are now. */
static int tally_add(ix_table *t, sl_slice comp) {
  tally *e = ix_get(t, comp);
  if (!e) {
    e = ar_alloc(t->arena, sizeof *e);
    e->comp = comp;
    ix_put(t, e);
  }
  return ++e->n;
}

static sl_slice component_of(const md_item *it) { return (sl_slice){ it->component, strlen(it->component) }; }

/* Starts the tally of a parent's children at its first repeat: the
 * children before `upto`. */
static void tally_start(ix_table *t, ar_arena *a, md_item *parent, md_item *upto) {
  ix_init(t, a, tally_key);
  for (md_item *prev = parent->first; prev != upto; prev = prev->next)
    if (has_id(prev) && prev->component) tally_add(t, component_of(prev));
}

/* One walk gives each item its plan, its bodies, its lead owners (its
 * own `by`, else those it inherits) and, for tasks and sections, its id:
 * a national run holds a million items, and each walk of them costs
 * their cache lines again. */
static void assign_ids(idctx *c, md_item *parent, sl_slice prefix, md_ref *inherited) {
  int ordinal = 0;
  ix_table seen_comps = { 0 };     /* the tally, once a number repeats */
  for (md_item *it = parent->first; it; it = it->next) {
    it->plan = c->plan;
    resolve_item_refs(c->m, it);
    it->owners = it->by ? it->by : inherited;
    md_label l = read_label(it);
    if (!has_id(it)) { assign_ids(c, it, prefix, it->owners); continue; }
    c->plan->ntasks += it->kind == MD_TASK;
    char buf[12];
    sl_slice comp = component(it, &l, &ordinal, buf);
    sl_slice id = item_id(c, prefix, comp, 1);
    /* The component is the plain id's tail, NUL-terminated with it. */
    it->component = id.p + id.n - comp.n;
    /* A number printed twice (seed 000 has two "4.") keeps both items
     * apart: the second becomes 4#2. check reports the numbering. The
     * first sibling with a component always takes the plain id, so when
     * that id is free there is no earlier one to count. */
    int clash = assign_one(c, it, id) != 0;
    if (clash && !seen_comps.arena) tally_start(&seen_comps, c->m->arena, parent, it);
    int seen = seen_comps.arena ? tally_add(&seen_comps, (sl_slice){ it->component, comp.n }) : 1;
    if (clash) {
      /* An id given with `id` must be unique: no renaming. */
      if (seen > 1 && !it->id_override.value.n) id = item_id(c, prefix, comp, seen);
      if (seen == 1 || it->id_override.value.n || assign_one(c, it, id) != 0) report_duplicate(c, it);
    }
    assign_ids(c, it, id, it->owners);
  }
}

/* ---- deadlines ---- */

/* A name to look up once every id exists, and where its item goes: a
 * link's target, or the task a due waits for (`after`). */
typedef struct named {
  const md_str *name;
  md_item **item;
} named;

/* The names noted while each plan's items are in the cache, so that
 * resolving them later reads these and not the whole tree again. A
 * scratch list, freed when resolve ends; when it cannot grow, the trees
 * are walked instead (failed). */
typedef struct names {
  named *v;
  size_t n, cap;
  int failed;
} names;

static void note_name(names *t, const md_str *name, md_item **item) {
  if (t->failed || !name->value.n) return;
  if (t->n == t->cap) {
    size_t cap = t->cap ? 2 * t->cap : 1024;
    named *v = mem_realloc(t->v, cap * sizeof *v);
    if (!v) { t->failed = 1; return; }
    t->v = v;
    t->cap = cap;
  }
  t->v[t->n++] = (named){ name, item };
}

typedef struct duectx {
  md_model *m;
  const rs_recognizer *more;
  names *later;
} duectx;

/* The `as` form a part of the phrase reads as ("... (trước 7h00 sáng ngày
 * 01/7/2025)" gives "before 2025-07-01"), for the user to check and write;
 * never taken as the meaning. */
static void suggest_as(md_model *m, dg_diag *g, sl_slice nfc, const dl_context *ctx, md_loc l) {
  const dl_deadline *guess = dl_guess(m->arena, nfc.p, nfc.n, ctx);
  if (!g || !guess) return;
  dg_note(m->diags, g, l.file, l.off, l.len, _("perhaps: 'as \"%s\"'"), dl_canonical_chain(m->arena, guess));
}

static void recognize_due(duectx *c, md_item *it, md_due *d) {
  md_model *m = c->m;
  md_str *src = d->as.value.n ? &d->as : &d->phrase;
  /* Plans repeat a few phrases thousands of times ("thực hiện thường
   * xuyên"): recognise each text once. Deadlines are read, never changed. */
  md_phrase *known = ix_get(&m->phrases, src->value);
  if (known) { d->dl = known->dl; return; }
  sl_slice nfc = tx_nfc(m->arena, src->value.p, src->value.n);
  /* A date without a year ("chậm nhất ngày 20/10") takes the plan's. */
  dl_context ctx = { it->plan && it->plan->date_known ? it->plan->date : DT_MIN };
  dl_result r = dl_recognize_in(m->arena, nfc.p, nfc.n, &ctx);
  d->dl = r.first;
  /* Such a reading holds for this plan's date only: not shared. */
  if (r.first && !r.bad_date && !r.used_context) {
    md_phrase *p = ar_alloc(m->arena, sizeof *p);
    *p = (md_phrase){ src->value, r.first };
    ix_put(&m->phrases, p);
  }
  md_loc l = src->loc;
  if (r.bad_date) {
    /* Point at the date itself when the phrase is written as it is read
     * (no escapes, already NFC): then its offsets are the file's. */
    const char *text = m->src->files[l.file].data + l.off + 1;
    if (nfc.n == src->value.n && memcmp(nfc.p, text, nfc.n) == 0) {
      size_t b = r.bad_offset, e = b;
      while (e < nfc.n && (nfc.p[e] == '/' || (nfc.p[e] >= '0' && nfc.p[e] <= '9'))) e++;
      l.off += 1 + (uint32_t)b;
      l.len = (uint32_t)(e > b ? e - b : 1);
    }
    dg_add(m->diags, DG_ERROR, "invalid-date", l.file, l.off, l.len, _("the date in deadline \"%.*s\" does not exist"),
           (int)src->value.n, src->value.p);
    return;
  }
  if (r.first) return;
  if (!d->as.value.n && c->more && (d->dl = c->more->fn(c->more->ud, m, d, it))) return;
  if (d->as.value.n)
    dg_add(m->diags, DG_ERROR, "deadline-unrecognized", l.file, l.off, l.len,
           _("\"%.*s\" is not a canonical deadline (e.g. \"within 2023-Q2\", \"before 2023-02-28\", \"yearly in 11\")"),
           (int)src->value.n, src->value.p);
  else
    suggest_as(m, dg_add(m->diags, DG_WARNING, "deadline-unrecognized", l.file, l.off, l.len,
                         _("deadline phrase not recognised; kept as text (give its meaning with 'as \"...\"')")),
               nfc, &ctx, l);
}

static void resolve_measures(md_model *m, md_item *it);

/* Deadlines, the names to look up once every id exists, and targets'
 * value phrases: one walk, after ids and owners (a recogniser from the
 * rules may read them). */
static int resolve_dues(md_item *it, void *ctx) {
  duectx *c = ctx;
  for (md_due *d = it->dues; d; d = d->next) {
    recognize_due(c, it, d);
    note_name(c->later, &d->after, &d->awaits);
  }
  for (md_link *l = it->implements; l; l = l->next) note_name(c->later, &l->target, &l->item);
  resolve_measures(c->m, it);
  return 0;
}

static void resolve_measures(md_model *m, md_item *it) {
  for (md_measure *ms = it->measures; ms; ms = ms->next) {
    if (!ms->phrase.value.n) continue;
    sl_slice nfc = tx_nfc(m->arena, ms->phrase.value.p, ms->phrase.value.n);
    if (dl_target_value(nfc.p, nfc.n, &ms->op, &ms->value, &ms->percent) == 0) continue;
    md_loc l = ms->phrase.loc;
    dg_add(m->diags, DG_WARNING, "target-unrecognized", l.file, l.off, l.len,
           _("target value phrase not recognised (e.g. \"từ 90%% trở lên\", \"dưới 0,4%%\")"));
  }
}

/* ---- counterparts ---- */

enum { MAX_CHAIN = 8 };     /* central, province, district, grassroots, and slack */

/* Marks every body `b` reaches through counterparts as carried at `level`.
 * Counterparts point one level up, so chains are short; the depth bound
 * only guards against a cycle someone declared by mistake. */
static void carry(md_body *b, unsigned level_bit, int depth) {
  if (depth > MAX_CHAIN) return;
  for (md_ref *c = b->counterparts; c; c = c->next) {
    if (!c->body) continue;
    c->body->carried_at |= level_bit;
    carry(c->body, level_bit, depth + 1);
  }
}

/* ---- successions ---- */

/* `succeeds A, B from D` in body X: A and B list X among their
 * successors, which the cascade follows (md_same_work). */
static void resolve_successions(md_model *m, md_body *b) {
  for (md_succession *s = b->succeeds; s; s = s->next) {
    resolve_ref(m, s->refs);
    for (md_ref *r = s->refs; r; r = r->next) {
      if (!r->body || r->body == b) continue;
      md_successor *e = ar_alloc(m->arena, sizeof *e);
      *e = (md_successor){ b, s->from, r->body->successors };
      r->body->successors = e;
    }
  }
}

/* The names of a body's successors, joined. */
static const char *successor_names(md_model *m, const md_body *b) {
  dg_buf list = dg_buf_in(m->arena);
  for (const md_successor *s = b->successors; s; s = s->next) dg_buf_item(&list, ", ", s->body->name.value.p, s->body->name.value.n);
  return dg_buf_text(&list);
}

/* A plan dated on or after the day a body ceased that still names it:
 * body-succeeded with who took its work over, or body-abolished when its
 * level is not in the organisation of that day and nobody did. Once per
 * body and plan. */
static void check_ceased(md_model *m, md_plan *p, const md_structure *on, md_ref *refs) {
  for (md_ref *r = refs; r; r = r->next) {
    md_body *b = r->body;
    if (!b || b->warned_in == p) continue;
    char day[11];
    if (b->successors && md_body_end(b) <= p->date) {
      b->warned_in = p;
      lg_day(md_body_end(b), day);
      dg_add(m->diags, DG_WARNING, "body-succeeded", r->loc.file, r->loc.off, r->loc.len,
             _("%.*s has not existed since %s: its work passed to %s"), (int)b->name.value.n, b->name.value.p, day,
             successor_names(m, b));
    } else if (!b->successors && on && b->level && !(on->mask & MD_LEVEL_BIT(b->level))) {
      b->warned_in = p;
      lg_day(p->date, day);
      dg_add(m->diags, DG_WARNING, "body-abolished", r->loc.file, r->loc.off, r->loc.len,
             _("%.*s does not exist on %s: the %s level is not in the organisation of that day (%.*s)"),
             (int)b->name.value.n, b->name.value.p, day, md_level_name(m, b->level), (int)on->name.value.n,
             on->name.value.p);
    }
  }
}

typedef struct ceased { md_model *m; md_plan *p; const md_structure *on; } ceased;

static int ceased_in_item(md_item *it, void *ctx) {
  ceased *c = ctx;
  check_ceased(c->m, c->p, c->on, it->by);
  check_ceased(c->m, c->p, c->on, it->with);
  return 0;
}

static void check_ceased_plan(md_model *m, md_plan *p) {
  if (!p->date_known || (!m->structures && !m->bodies)) return;
  /* The organisation of its date, unless it says which it follows. */
  ceased c = { m, p, p->structure_id.n && p->structure ? p->structure : md_structure_on(m, p->date) };
  check_ceased(m, p, c.on, p->issuer);
  md_walk(&p->root, ceased_in_item, &c);
}

/* ---- links ---- */

static md_item *item_named(md_model *m, const md_str *s) {
  return s->value.n ? md_item_by_key(m, s->value) : NULL;
}

static int resolve_links(md_item *it, void *ctx) {
  md_model *m = ctx;
  for (md_link *l = it->implements; l; l = l->next) l->item = item_named(m, &l->target);
  for (md_due *d = it->dues; d; d = d->next) d->awaits = item_named(m, &d->after);
  return 0;
}

void rs_resolve(md_model *m, const rs_recognizer *more) {
  names later = { NULL, 0, 0, 0 };
  duectx dc = { m, more, &later };
  md_index_names(m);
  pl_index(m);
  apply_extensions(m);
  md_body *bodies = UNSEEN(m->bodies, m->resolved_body);
  for (md_body *b = bodies; b; b = b->next) {
    resolve_ref(m, b->counterparts);
    resolve_successions(m, b);
  }
  for (md_body *b = bodies; b; b = b->next)
    if (b->level != MD_LEVEL_NONE) carry(b, MD_LEVEL_BIT(b->level), 0);
  if (m->last_body) m->resolved_body = m->last_body;
  md_plan *plans = UNSEEN(m->plans, m->resolved_plan);
  for (md_plan *p = plans; p; p = p->next) {
    resolve_ref(m, p->issuer);
    md_plan_structure(m, p);
    if (p->is_described) continue;
    md_plan *first = md_plan_by_key(m, p->key);
    if (first != p) {
      dg_diag *d = dg_add(m->diags, DG_ERROR, "duplicate-id", p->loc.file, p->loc.off, p->loc.len,
                          _("plan %.*s is declared twice"), (int)p->key.n, p->key.p);
      dg_note(m->diags, d, first->loc.file, first->loc.off, first->loc.len, _("first declared here"));
      continue;
    }
    idctx c = { m, p };
    /* Counted by the parser, not by another walk of the tree: items an
     * included file adds only make the table grow. */
    md_reserve_ids(m, p, p->nids);
    assign_ids(&c, &p->root, SL_NONE, NULL);
    md_walk(&p->root, resolve_dues, &dc);
    check_ceased_plan(m, p);
  }
  for (md_event *e = UNSEEN(m->events, m->resolved_event); e; e = e->next) {
    resolve_ref(m, e->issuer);
    resolve_ref(m, e->by);
  }
  if (m->last_event) m->resolved_event = m->last_event;
  /* Links name ids of any plan, so they are resolved once all ids exist;
   * the cascade reports the ones that name nothing. The items of a plan
   * declared twice were not walked above. */
  for (md_plan *p = plans; p; p = p->next)
    if (!p->is_described && (later.failed || md_plan_by_key(m, p->key) != p)) md_walk(&p->root, resolve_links, m);
  if (!later.failed)
    for (size_t i = 0; i < later.n; i++) *later.v[i].item = item_named(m, later.v[i].name);
  free(later.v);
  if (m->last_plan) m->resolved_plan = m->last_plan;
}
