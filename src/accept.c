/* accept: rewriting link fingerprints; see accept.h. */
#include "accept.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cascade.h"
#include "lang.h"
#include "mem.h"

typedef struct edit {         /* replace data[off, off + len) with text */
  uint32_t off, len;
  const char *text;
} edit;

typedef struct acc {
  md_model *m;
  const char *const *ids;
  size_t nids;
  int *used;                  /* per id: it matched a link */
  ac_result r;
  ac_change *last;
} acc;

static int id_is(const char *id, const char *want) { return id && strcmp(id, want) == 0; }

static int chosen(acc *a, const md_link *l) {
  if (!a->nids) return 1;
  int any = 0;
  for (size_t i = 0; i < a->nids; i++) {
    sl_slice t = l->target.value;
    if (id_is(l->from->id, a->ids[i]) || (strlen(a->ids[i]) == t.n && memcmp(t.p, a->ids[i], t.n) == 0)) {
      a->used[i] = 1;
      any = 1;
    }
  }
  return any;
}

static void record(acc *a, md_link *l, const char *fp) {
  ac_change *c = ar_alloc(a->m->arena, sizeof *c);
  c->link = l;
  c->before = ar_strndup(a->m->arena, l->fingerprint.value.p, l->fingerprint.value.n);
  c->after = fp;
  if (a->last) a->last->next = c; else a->r.changes = c;
  a->last = c;
}

static int visit(md_item *it, void *ctx) {
  acc *a = ctx;
  if (it->kind != MD_TASK) return 0;
  for (md_link *l = it->implements; l; l = l->next) {
    if (!chosen(a, l)) continue;
    if (!l->item || l->item->kind != MD_TASK) {
      dg_add(a->m->diags, DG_ERROR, "link-unknown", l->target.loc.file, l->target.loc.off, l->target.loc.len,
             _("cannot accept the link to %.*s: it names no directive of a loaded plan"), (int)l->target.value.n,
             l->target.value.p);
      continue;
    }
    const char *fp = cs_fingerprint(a->m, l->item);
    if (l->fingerprint.value.n == strlen(fp) && memcmp(l->fingerprint.value.p, fp, l->fingerprint.value.n) == 0) {
      a->r.unchanged++;
      continue;
    }
    record(a, l, fp);
    a->r.changed++;
  }
  return 0;
}

static int by_offset(const void *x, const void *y) {
  const edit *a = x, *b = y;
  return a->off < b->off ? -1 : a->off > b->off;
}

/* The file's bytes with the edits applied, in the arena. */
static char *apply(ar_arena *ar, const src_file *f, edit *e, size_t n, size_t *len) {
  qsort(e, n, sizeof *e, by_offset);
  size_t size = f->size;
  for (size_t i = 0; i < n; i++) size += strlen(e[i].text);
  char *out = ar_alloc_text(ar, size);
  size_t o = 0, from = 0;
  for (size_t i = 0; i < n; i++) {
    memcpy(out + o, f->data + from, e[i].off - from);
    o += e[i].off - from;
    size_t k = strlen(e[i].text);
    memcpy(out + o, e[i].text, k);
    o += k;
    from = e[i].off + e[i].len;
  }
  memcpy(out + o, f->data + from, f->size - from);
  o += f->size - from;
  *len = o;
  return out;
}

/* Whether the line holding off, up to it, has a letter outside quotes
 * that is not ASCII: its keywords are Vietnamese (`cụ thể hóa "..."`). */
static int vietnamese_before(const char *data, uint32_t off) {
  uint32_t b = off;
  while (b > 0 && data[b - 1] != '\n') b--;
  int quoted = 0;
  for (uint32_t i = b; i < off; i++) {
    if (data[i] == '\\' && quoted) i++;
    else if (data[i] == '"') quoted = !quoted;
    else if (!quoted && (unsigned char)data[i] >= 0x80 && memcmp(data + i, "\xC4\x91)", 3) != 0) return 1;  /* not the label đ) */
  }
  return 0;
}

/* The edit for one change: replace the recorded fingerprint, or insert one
 * after the link's target, with the keyword in the language the line's
 * keywords are written in. */
static edit edit_of(md_model *m, const ac_change *c) {
  const md_link *l = c->link;
  if (l->fingerprint.loc.len)
    return (edit){ l->fingerprint.loc.off, l->fingerprint.loc.len, dg_fmt(m->arena, "\"%s\"", c->after) };
  const char *kw = vietnamese_before(m->src->files[l->target.loc.file].data, l->target.loc.off) ? "mã kiểm tra" : "fingerprint";
  return (edit){ l->target.loc.off + l->target.loc.len, 0, dg_fmt(m->arena, " %s \"%s\"", kw, c->after) };
}

/* The file a path ends at, links followed, so that the rename replaces the
 * file and not a link to it (in the arena); NULL with errno when it is gone. */
static const char *target_of(ar_arena *ar, const char *path) {
  char *real = realpath(path, NULL);
  if (!real) {
    mem_check(errno);
    return NULL;
  }
  const char *copy = ar_strndup(ar, real, strlen(real));
  free(real);
  return copy;
}

/* One file to rewrite: its new bytes, the file its path ends at, and the
 * temporary written beside that. */
typedef struct rewrite {
  uint32_t file;
  const char *data;
  size_t len;
  const char *target, *tmp;
} rewrite;

/* Everything a file's rewrite needs that allocates, so that running out
 * of memory never leaves a temporary behind; 0 after reporting why the
 * file cannot be rewritten. */
static int prepare(acc *a, rewrite *w) {
  md_model *m = a->m;
  src_file *f = &m->src->files[w->file];
  size_t n = 0;
  for (ac_change *c = a->r.changes; c; c = c->next) n += c->link->target.loc.file == w->file;
  edit *e = ar_alloc(m->arena, n * sizeof *e);
  size_t k = 0;
  for (ac_change *c = a->r.changes; c; c = c->next)
    if (c->link->target.loc.file == w->file) e[k++] = edit_of(m, c);
  if (!f->owned) {
    dg_add(m->diags, DG_ERROR, "io", w->file, e[0].off, 0, _("cannot rewrite %s: it is part of the built-in library"), f->path);
    return 0;
  }
  w->data = apply(m->arena, f, e, n, &w->len);
  if (!(w->target = target_of(m->arena, f->path))) {
    dg_add(m->diags, DG_ERROR, "io", DG_NOFILE, 0, 0, _("cannot write %s: %s"), f->path, strerror(errno));
    return 0;
  }
  w->tmp = src_temp_name(m->arena, w->target);
  return 1;
}

static int touched(const acc *a, uint32_t file) {
  for (const ac_change *c = a->r.changes; c; c = c->next)
    if (c->link->target.loc.file == file) return 1;
  return 0;
}

/* Writes the temporaries of w[0, n); on a failure removes those written
 * and returns the errno (the file in *failed), else 0. */
static int write_temps(const rewrite *w, size_t n, size_t *failed) {
  for (size_t i = 0; i < n; i++) {
    int err = src_write_temp(w[i].tmp, w[i].target, w[i].data, w[i].len);
    if (!err) continue;
    *failed = i;
    while (i-- > 0) src_discard(w[i].tmp);
    return err;
  }
  return 0;
}

/* Every file is prepared and its temporary written before any is
 * replaced, so that a file that cannot be written (read-only, or in a
 * read-only directory) leaves all of them as they were. */
static void write_files(acc *a) {
  md_model *m = a->m;
  rewrite *w = ar_alloc(m->arena, (m->src->n + 1) * sizeof *w);
  size_t n = 0;
  for (uint32_t file = 0; file < m->src->n; file++)
    if (touched(a, file)) {
      w[n].file = file;
      if (!prepare(a, &w[n++])) return;
    }
  size_t failed = 0;
  int err = write_temps(w, n, &failed);
  if (err) {
    dg_add(m->diags, DG_ERROR, "io", DG_NOFILE, 0, 0, _("cannot write %s: %s"), m->src->files[w[failed].file].path,
           strerror(err));
    return;
  }
  for (size_t i = 0; i < n; i++) {
    err = src_replace(w[i].tmp, w[i].target);
    if (err) dg_add(m->diags, DG_ERROR, "io", DG_NOFILE, 0, 0, _("cannot replace %s: %s"), m->src->files[w[i].file].path, strerror(err));
    else a->r.files++;
  }
}

ac_result ac_accept(md_model *m, md_plan *plan, const char *const *ids, size_t nids) {
  acc a = { m, ids, nids, ar_alloc(m->arena, (nids + 1) * sizeof(int)), { 0 }, NULL };
  md_walk(&plan->root, visit, &a);
  for (size_t i = 0; i < nids; i++)
    if (!a.used[i])
      dg_add(m->diags, DG_ERROR, "link-unknown", DG_NOFILE, 0, 0, _("no link of plan %.*s names or starts at '%s'"),
             (int)plan->key.n, plan->key.p, ids[i]);
  /* A run with errors (a file that does not parse, an id that names no
   * link) writes nothing: the user fixes the command or the plan first. */
  if (m->diags->errors) return a.r;
  write_files(&a);
  return a.r;
}

const char *ac_link_edit(md_model *m, md_link *l, uint32_t *off, uint32_t *len) {
  ac_change c = { l, "", cs_fingerprint(m, l->item), NULL };
  edit e = edit_of(m, &c);
  *off = e.off;
  *len = e.len;
  return e.text;
}

int ac_vietnamese_line(const char *data, uint32_t off) { return vietnamese_before(data, off); }
