/* newplan: a child plan started from its parent; see newplan.h. */
#include "newplan.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cascade.h"
#include "date.h"
#include "lang.h"
#include "mem.h"
#include "planwrite.h"
#include "text.h"

enum { MAX_SECTION_DEPTH = 16 };   /* sections inside sections, kept */

struct np_child {
  md_plan *plan;             /* the child as loaded from memory */
  uint32_t file;             /* its in-memory file */
  md_plan *parent;
  const char *parent_path;   /* `path` of the written `implements` */
  const char *stdlib;        /* the `use` it needs */
  const md_body *issuer;
  md_level level;
  cs_coverage *cov;
  size_t ntasks;
  np_request rq;
};

static sl_slice slice(const char *s) { return (sl_slice){ s, strlen(s) }; }

static const char *str(md_model *m, md_str s) { return ar_strndup(m->arena, s.value.p, s.value.n); }

static int bad(md_model *m, const char *msg) {
  dg_add(m->diags, DG_ERROR, "usage", DG_NOFILE, 0, 0, "%s", msg);
  return NP_BAD_ARGUMENTS;
}

/* ---- where the child is, and the path from there to its parent ---- */

/* The directory the child will be written in ("" for the current one). */
static const char *child_dir(md_model *m, const char *output) {
  const char *slash = output ? strrchr(output, '/') : NULL;
  if (!slash) return "";
  return slash == output ? "/" : ar_strndup(m->arena, output, (size_t)(slash - output));
}

/* realpath(3) of a path, in the arena, or NULL. */
static const char *real(md_model *m, const char *path) {
  char *r = realpath(*path ? path : ".", NULL);
  if (!r) {
    mem_check(errno);
    return NULL;
  }
  const char *copy = ar_strndup(m->arena, r, strlen(r));
  free(r);
  return copy;
}

/* `file` relative to directory `dir`, both made absolute first: the
 * `path` the child writes, which resolve reads relative to the child's
 * own file. The path as found when either cannot be made absolute. */
static const char *relative(md_model *m, const char *dir, const char *file) {
  const char *d = real(m, dir), *f = real(m, file);
  if (!d || !f) return file;
  size_t common = 0;                 /* bytes of whole shared components */
  for (size_t i = 0; d[i] && d[i] == f[i]; i++)
    if (d[i + 1] == '\0' ? f[i + 1] == '/' : d[i + 1] == '/' && f[i + 1] == '/') common = i + 1;
  if (strcmp(d, "/") == 0) return f + 1;
  dg_buf b = dg_buf_in(m->arena);
  for (const char *p = d + common; *p; p++)
    if (*p == '/') dg_buf_add(&b, "../", 3);
  const char *rest = f + common + (f[common] == '/');
  dg_buf_add(&b, rest, strlen(rest));
  return dg_buf_text(&b);
}

/* ---- the child in memory ---- */

/* The standard bodies a plan of the level uses ("std/province"), or all
 * of them for a level the library has no file for. */
static const char *stdlib_for(md_model *m, md_level l) {
  const char *id = md_level_name(m, l);
  for (size_t i = 0; rs_standard_files[i]; i++)
    if (strcmp(id, rs_standard_files[i]) == 0) return dg_fmt(m->arena, "std/%s", id);
  return "std/all";
}

/* The child's header as a plan text, to load: the parent is then found,
 * and its directives chosen, exactly as for the plan once written. */
static char *header_text(md_model *m, const np_child *c, const np_request *rq, sl_slice key, size_t *n) {
  char *buf = NULL;
  FILE *f = open_memstream(&buf, n);
  if (!f) mem_check(errno ? errno : ENOMEM);
  pw_writer w;
  pw_init(&w, f, 0);
  pw_keyword(&w, PW_USE);
  pw_string(&w, c->stdlib, strlen(c->stdlib));
  pw_newline(&w);
  pw_keyword(&w, PW_PLAN);
  pw_string(&w, rq->number, strlen(rq->number));
  pw_open(&w);
  pw_keyword(&w, PW_LEVEL);
  pw_word(&w, md_level_name(m, c->level));
  pw_newline(&w);
  pw_keyword(&w, PW_DATE);
  pw_word(&w, rq->date);
  pw_newline(&w);
  if (rq->place) {
    pw_keyword(&w, PW_PLACE);
    pw_string(&w, rq->place, strlen(rq->place));
    pw_newline(&w);
  }
  pw_keyword(&w, PW_IMPLEMENTS);
  pw_string(&w, key.p, key.n);
  pw_close(&w);
  if (fclose(f) != 0) mem_check(ENOMEM);
  char *copy = ar_alloc_text(m->arena, *n);
  memcpy(copy, buf, *n);
  free(buf);
  return copy;
}

/* Loads the parent given as a file, for its key; an empty slice after
 * reporting why there is none. */
static sl_slice parent_file_key(md_model *m, const rs_options *o, const char *path) {
  rs_input in = { .path = path };
  if (rs_load(m, o, &in, 1) || !in.plan) {
    if (in.loaded) bad(m, dg_fmt(m->arena, _("--from: %s declares no plan"), path));
    return SL_NONE;
  }
  return in.plan->key;
}

/* Whether `from` names a file (rather than a plan's number): anything
 * there is, for the loader to read or refuse (a directory, a FIFO), never
 * opened here. */
static int names_file(const char *from) {
  struct stat st;
  return stat(from, &st) == 0;
}

/* Whether an argument can be written as a plan string: valid UTF-8 with
 * no control character (a string is one line). */
static int writable(const char *s) {
  size_t n = strlen(s);
  for (size_t i = 0; i < n;) {
    int32_t cp;
    int k = tx_decode((const unsigned char *)s + i, n - i, &cp);
    if (k == 0 || cp < 0x20 || cp == 0x7f) return 0;
    i += (size_t)k;
  }
  return 1;
}

static int is_header_diag(const dg_diag *d, void *ud) { return d->file == *(const uint32_t *)ud; }

/* The findings about the in-memory header are the arguments' (an unknown
 * parent, a number taken): said here in the arguments' terms, not
 * pointing into a file the user never saw. */
static void drop_header_diags(md_model *m, uint32_t file) {
  dg_list gone;
  dg_init(&gone, m->arena);
  dg_move_if(m->diags, &gone, is_header_diag, &file);
}

static int load_child(md_model *m, const rs_options *o, const rs_recognizer *more, const np_request *rq,
                      np_child *c) {
  sl_slice key = slice(rq->from);
  if (names_file(rq->from)) {
    key = parent_file_key(m, o, rq->from);
    if (!key.n) return m->diags->errors ? NP_BAD_ARGUMENTS : bad(m, _("--from names no plan"));
  }
  if (strlen(rq->number) == key.n && memcmp(rq->number, key.p, key.n) == 0)   /* it would implement itself */
    return bad(m, dg_fmt(m->arena, _("--number: a plan numbered %s is loaded already"), rq->number));
  size_t n;
  char *text = header_text(m, c, rq, key, &n);
  const char *dir = child_dir(m, rq->output);
  const char *name = dg_fmt(m->arena, "%s%s(plancheck new)", dir, *dir && strcmp(dir, "/") ? "/" : "");
  if (src_add_memory(m->src, name, text, n, &c->file) != SRC_OK) return bad(m, _("--from names no plan"));
  c->plan = rs_load_memory(m, o, c->file);
  rs_resolve(m, more);
  drop_header_diags(m, c->file);
  if (!c->plan || md_plan_by_key(m, c->plan->key) != c->plan)
    return bad(m, dg_fmt(m->arena, _("--number: a plan numbered %s is loaded already"), rq->number));
  c->parent = c->plan->parents ? c->plan->parents->plan : NULL;
  if (!c->parent)
    return bad(m, dg_fmt(m->arena, _("--from: cannot find plan %.*s: give its file, or add its directory with -I or "
                                     "PLANPATH"), (int)key.n, key.p));
  return NP_OK;
}

/* ---- the arguments read against the model ---- */

static int read_level(md_model *m, const np_request *rq, np_child *c) {
  c->level = md_level_by_text(m, slice(rq->level));
  if (c->level) return NP_OK;
  const char *near = md_level_guess(m, slice(rq->level));
  if (near) return bad(m, dg_fmt(m->arena, _("--level: no level is named '%s'; did you mean '%s'?"), rq->level, near));
  return bad(m, dg_fmt(m->arena, _("--level: no level is named '%s'"), rq->level));
}

static int read_issuer(md_model *m, const np_request *rq, np_child *c) {
  md_body *b = md_body_by_id(m, slice(rq->issuer));
  if (!b) b = md_body_by_name(m, slice(rq->issuer));
  if (!b) return bad(m, dg_fmt(m->arena, _("--issuer: no body is named '%s' (plancheck --list-bodies lists them)"), rq->issuer));
  if (b->level != c->level)
    return bad(m, dg_fmt(m->arena, _("--issuer: %s is a body of the %s level, not of the %s level"), str(m, b->name),
                         cs_level_text(m, b->level), cs_level_text(m, c->level)));
  c->issuer = b;
  return NP_OK;
}

/* The child's level must exist on its date (no district plan after the
 * reform of 1 July 2025) and lie below its parent's. */
static int check_level(md_model *m, np_child *c) {
  const md_structure *on = md_structure_on(m, c->plan->date);
  if (on && !(on->mask & MD_LEVEL_BIT(c->level)))
    return bad(m, dg_fmt(m->arena, _("--level: the organisation of %s has no %s level (%s)"),
                         md_day_text(m->arena, c->plan->date), cs_level_text(m, c->level), str(m, on->name)));
  const md_structure *s = md_plan_structure(m, c->plan);
  int mine = md_level_rank(m, s, c->level), theirs = md_level_rank(m, s, c->parent->level);
  if (mine > theirs && theirs >= 0) return NP_OK;
  return bad(m, dg_fmt(m->arena, _("--level: %s plans are not below plan %.*s (of the %s level)"),
                       cs_level_text(m, c->level), (int)c->parent->key.n, c->parent->key.p,
                       cs_level_text(m, c->parent->level)));
}

int np_prepare(md_model *m, const rs_options *o, const rs_recognizer *more, const np_request *rq, np_child **out) {
  np_child *c = ar_alloc(m->arena, sizeof *c);
  memset(c, 0, sizeof *c);
  c->rq = *rq;
  dt_day day;
  if (dt_parse_iso(rq->date, strlen(rq->date), &day) != 0)
    return bad(m, dg_fmt(m->arena, _("--date wants a day such as 2026-03-10, not '%s'"), rq->date));
  if (!*rq->number || !writable(rq->number))
    return bad(m, _("--number wants the plan's number, such as \"15-KH/TU\""));
  if (rq->place && (!*rq->place || !writable(rq->place)))
    return bad(m, _("--place wants the place's name, such as \"Quảng Ngãi\""));
  rs_input none = { 0 };
  rs_load(m, o, &none, 0);                /* the levels, to read --level */
  int r = read_level(m, rq, c);
  if (r) return r;
  c->stdlib = stdlib_for(m, c->level);
  if ((r = load_child(m, o, more, rq, c)) || (r = read_issuer(m, rq, c)) || (r = check_level(m, c))) return r;
  if (m->diags->errors) return NP_PARENT_ERRORS;
  c->parent_path = relative(m, child_dir(m, rq->output), m->src->files[c->parent->file].path);
  c->cov = cs_coverage_of(m, c->plan, day);
  for (size_t t = 0; t < c->cov->ntargets; t++) c->ntasks += cs_addressed_count(&c->cov->targets[t]);
  if (!c->ntasks)
    return bad(m, dg_fmt(m->arena, _("plan %.*s addresses no directive to %s plans: there is nothing to start from"),
                         (int)c->parent->key.n, c->parent->key.p, cs_level_text(m, c->level)));
  *out = c;
  return NP_OK;
}

size_t np_tasks(const np_child *c) { return c->ntasks; }

const char *np_parent_key(md_model *m, const np_child *c) {
  return ar_strndup(m->arena, c->parent->key.p, c->parent->key.n);
}

/* ---- writing ---- */

typedef struct writer {
  md_model *m;
  np_child *c;
  pw_writer w;
  const md_item *open[MAX_SECTION_DEPTH];   /* the parent's sections open */
  int depth;
  int count[MAX_SECTION_DEPTH + 1];          /* sections numbered at each depth */
} writer;

static const char *roman(md_model *m, int n) {
  static const char *const digits[] = { "M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I" };
  static const int values[] = { 1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1 };
  dg_buf b = dg_buf_in(m->arena);
  for (int i = 0; i < 13; i++)
    for (; n >= values[i]; n -= values[i]) dg_buf_add(&b, digits[i], strlen(digits[i]));
  return dg_buf_text(&b);
}

/* The child's own numbering (the parent's has gaps where sections are
 * not addressed to the level): I., II. at the top, 1., 2. under them,
 * a), b) below (in the Vietnamese order: d), đ), e)); deeper sections,
 * and letters past the last, go unnumbered. */
static const char *section_label(writer *x, int depth, int n) {
  if (depth == 0) return dg_fmt(x->m->arena, "%s.", roman(x->m, n));
  if (depth == 1) return dg_fmt(x->m->arena, "%d.", n);
  if (depth == 2 && md_letter(n)) return dg_fmt(x->m->arena, "%s)", md_letter(n));
  return NULL;
}

/* The bodies carrying the work of a section's owners, as its heading
 * ("Ban Tổ chức Tỉnh ủy" for "Ban Tổ chức Trung ương"), or NULL when one
 * of them has no carrier, or the section has no owner. */
static const char *owner_heading(writer *x, const md_item *s) {
  dg_buf b = dg_buf_in(x->m->arena);
  if (!s->owners) return NULL;
  for (const md_ref *o = s->owners; o; o = o->next) {
    const md_body *by = o->body ? cs_carrier(x->m, o->body, x->c->level, x->c->plan) : NULL;
    if (!by || (o->body->addresses & MD_LEVEL_BIT(x->c->level))) return NULL;
    dg_buf_item(&b, ", ", by->name.value.p, by->name.value.n);
  }
  return dg_buf_text(&b);
}

static void open_section(writer *x, const md_item *s) {
  int d = x->depth;
  x->count[d]++;
  x->count[d + 1] = 0;
  const char *heading = owner_heading(x, s);
  const char *title = s->texts ? str(x->m, s->texts->s) : "";
  pw_newline(&x->w);
  if (d == 0) pw_comment(&x->w, "%s", "");
  pw_comment(&x->w, _("Section %s of plan %.*s: %s"), md_local_id(s), (int)s->plan->key.n, s->plan->key.p,
             *title ? title : "-");
  pw_keyword(&x->w, PW_SECTION);
  const char *label = section_label(x, d, x->count[d]);
  if (label) pw_word(&x->w, label);
  if (!heading) heading = title;
  pw_string(&x->w, heading, strlen(heading));
  pw_open(&x->w);
  x->open[x->depth++] = s;
}

/* The parent's sections around d, outermost first (tasks holding
 * sub-tasks are not sections). */
static int sections_of(const md_item *d, const md_item **chain) {
  const md_item *v[MAX_SECTION_DEPTH * 4];
  int n = 0;
  for (const md_item *s = d->parent; s && s->parent && n < MAX_SECTION_DEPTH * 4; s = s->parent)
    if (s->kind == MD_SECTION) v[n++] = s;
  int k = n < MAX_SECTION_DEPTH ? n : MAX_SECTION_DEPTH;
  for (int i = 0; i < k; i++) chain[i] = v[n - 1 - i];
  return k;
}

/* Closes the sections that do not hold d and opens those that do. */
static void enter_sections(writer *x, const md_item *d) {
  const md_item *chain[MAX_SECTION_DEPTH];
  int n = sections_of(d, chain), same = 0;
  while (same < n && same < x->depth && x->open[same] == chain[same]) same++;
  while (x->depth > same) {
    pw_close(&x->w);
    x->depth--;
  }
  for (int i = same; i < n; i++) open_section(x, chain[i]);
}

static void close_sections(writer *x) {
  while (x->depth > 0) {
    pw_close(&x->w);
    x->depth--;
  }
}

/* Adds b to the owners written, once. */
static void add_owner(const md_body **v, size_t *n, size_t max, const md_body *b) {
  for (size_t i = 0; i < *n; i++)
    if (v[i] == b) return;
  if (*n < max) v[(*n)++] = b;
}

/* "by a, b": the keyword, then the bodies' identifiers, one line. The
 * comma goes straight after a word (pw_word would put a space first). */
static void write_bodies(writer *x, pw_kw kw, const md_body *const *v, size_t n) {
  pw_keyword(&x->w, kw);
  for (size_t i = 0; i < n; i++) {
    if (i) fputc(',', x->w.out);
    pw_word(&x->w, ar_strndup(x->m->arena, v[i]->id.p, v[i]->id.n));
  }
  pw_newline(&x->w);
}

/* `by`: the body of the child's level carrying each owner's work; the
 * issuer for the work of a collective addressing the level as a whole,
 * for a directive with no owner, and (with a comment) when no body of the
 * level carries it. */
static void write_by(writer *x, const md_item *d) {
  const md_body *v[16];
  size_t n = 0;
  int unknown = 0;
  for (const md_ref *o = d->owners; o; o = o->next) {
    if (!o->body) { unknown = 1; continue; }
    if (o->body->addresses & MD_LEVEL_BIT(x->c->level)) { add_owner(v, &n, 16, x->c->issuer); continue; }
    const md_body *b = cs_carrier(x->m, o->body, x->c->level, x->c->plan);
    if (b) add_owner(v, &n, 16, b);
    else unknown = 1;
  }
  if (!n) {
    if (d->owners || unknown)
      pw_comment(&x->w, _("No body of this level carries the work of %s: the issuer is written; name the body "
                          "that will lead it."), md_ref_names(x->m, d->owners));
    add_owner(v, &n, 16, x->c->issuer);
  }
  write_bodies(x, PW_BY, v, n);
}

/* Whether a deadline ends, for the child's level, before the child's
 * date (the parent's "trong tháng 12/2022" in a plan of January 2023):
 * the child cannot promise it (deadline-before-issue), and sets its own. */
static int ended(writer *x, const md_due *u) {
  const md_structure *s = md_plan_structure(x->m, x->c->plan);
  for (const dl_deadline *p = u->dl; p; p = p->next) {
    if (!md_applies(x->m, s, p, x->c->level)) continue;
    dt_span span = dl_span(p);
    if (span.last != DT_MAX && span.last < x->c->plan->date) return 1;
  }
  return 0;
}

/* `with`: the bodies of the child's level carrying the work of the
 * directive's co-operators, those not leading it already; a co-operator
 * no body of the level carries is left to the office. */
static void write_with(writer *x, const md_item *d) {
  const md_body *lead[16], *v[16];
  size_t nlead = 0, n = 0;
  for (const md_ref *o = d->owners; o; o = o->next)
    if (o->body) add_owner(lead, &nlead, 16, cs_carrier(x->m, o->body, x->c->level, x->c->plan));
  for (const md_ref *o = d->with; o; o = o->next) {
    const md_body *b = o->body && !o->body->addresses ? cs_carrier(x->m, o->body, x->c->level, x->c->plan) : NULL;
    size_t k = 0;
    while (b && k < nlead && lead[k] != b) k++;
    if (b && k == nlead) add_owner(v, &n, 16, b);
  }
  if (n) write_bodies(x, PW_WITH, v, n);
}

static void write_dues(writer *x, const md_item *d) {
  for (const md_due *u = d->dues; u; u = u->next) {
    if (ended(x, u)) {
      pw_comment(&x->w, _("The parent's deadline \"%s\" ended before this plan's date: set this plan's own."),
                 str(x->m, u->phrase));
      continue;
    }
    pw_keyword(&x->w, PW_DUE);
    pw_string(&x->w, u->phrase.value.p, u->phrase.value.n);
    if (u->as.value.n) {
      pw_keyword(&x->w, PW_AS);
      pw_string(&x->w, u->as.value.p, u->as.value.n);
    }
    if (u->what.value.n) {
      pw_keyword(&x->w, PW_FOR);
      pw_string(&x->w, u->what.value.p, u->what.value.n);
    }
    if (u->after.value.n) {     /* the deliverable it awaits, by its id anywhere */
      pw_keyword(&x->w, PW_AFTER);
      pw_string(&x->w, u->after.value.p, u->after.value.n);
    }
    pw_newline(&x->w);
  }
}

/* One task: the directive's paragraphs, then its attributes one step in
 * (pw_writer indents by its depth, and attributes are no block). */
static void write_task(writer *x, const cs_row *row) {
  md_item *d = row->directive;
  enter_sections(x, d);
  pw_newline(&x->w);
  pw_comment(&x->w, "%s: %s.", d->id, cs_why(x->m, x->c->cov, d, row));
  pw_word(&x->w, "-");
  for (const md_strs *t = d->texts; t; t = t->next) pw_string(&x->w, t->s.value.p, t->s.value.n);
  pw_newline(&x->w);
  x->w.depth++;
  write_by(x, d);
  write_with(x, d);
  write_dues(x, d);
  pw_keyword(&x->w, PW_IMPLEMENTS);
  pw_string(&x->w, d->id, d->id_len);
  pw_keyword(&x->w, PW_FINGERPRINT);
  const char *fp = cs_fingerprint(x->m, d);
  pw_string(&x->w, fp, strlen(fp));
  pw_newline(&x->w);
  x->w.depth--;
}

static void write_header(writer *x) {
  const np_request *rq = &x->c->rq;
  md_model *m = x->m;
  np_child *c = x->c;
  const char *key = np_parent_key(m, c);
  pw_comment(&x->w, _("Plan %s, started with 'plancheck new' from plan %s: one task for each directive of %s\n"
                      "addressed to %s plans, with the parent's text, the body of this level that carries\n"
                      "the owner's work, the parent's deadlines and the link to the directive."),
             str(m, (md_str){ c->plan->key, { 0 } }), key, key, cs_level_text(m, c->level));
  pw_comment(&x->w, _("To edit: write each task for this level in the plan's own words; keep each deadline,\n"
                      "or set an earlier one (the parent's is the latest allowed); change an owner where\n"
                      "another body will lead; add what the document prints (kind, title, basis, signer,\n"
                      "recipients). Then check it: plancheck FILE"));
  pw_comment(&x->w, "%s", "");
  pw_keyword(&x->w, PW_USE);
  pw_string(&x->w, c->stdlib, strlen(c->stdlib));
  pw_newline(&x->w);
  pw_comment(&x->w, "%s", "");
  pw_keyword(&x->w, PW_PLAN);
  pw_string(&x->w, rq->number, strlen(rq->number));
  pw_open(&x->w);
  pw_keyword(&x->w, PW_ISSUER);
  pw_word(&x->w, ar_strndup(m->arena, c->issuer->id.p, c->issuer->id.n));
  pw_newline(&x->w);
  pw_keyword(&x->w, PW_LEVEL);
  pw_word(&x->w, md_level_name(m, c->level));
  pw_newline(&x->w);
  pw_keyword(&x->w, PW_DATE);
  pw_word(&x->w, rq->date);
  pw_newline(&x->w);
  if (rq->place) {
    pw_keyword(&x->w, PW_PLACE);
    pw_string(&x->w, rq->place, strlen(rq->place));
    pw_newline(&x->w);
  }
  pw_keyword(&x->w, PW_IMPLEMENTS);
  pw_string(&x->w, key, strlen(key));
  pw_keyword(&x->w, PW_PATH);
  pw_string(&x->w, c->parent_path, strlen(c->parent_path));
  pw_close(&x->w);
}

const char *np_text(md_model *m, np_child *c, int vietnamese_keywords, size_t *n) {
  char *buf = NULL;
  FILE *f = open_memstream(&buf, n);
  if (!f) mem_check(errno ? errno : ENOMEM);
  writer x = { .m = m, .c = c };
  pw_init(&x.w, f, vietnamese_keywords);
  write_header(&x);
  for (size_t t = 0; t < c->cov->ntargets; t++) {
    const cs_target *tg = &c->cov->targets[t];
    for (size_t i = 0; i < tg->nrows; i++)
      if (tg->rows[i].status != CS_EXTRA) write_task(&x, &tg->rows[i]);
    close_sections(&x);   /* another plan's sections are others */
  }
  if (fclose(f) != 0) mem_check(ENOMEM);
  char *copy = ar_alloc_text(m->arena, *n);
  memcpy(copy, buf, *n);
  free(buf);
  return copy;
}
