/* report: coverage and suggestion tables; see report.h. */
#include "report.h"

#include <string.h>

#include "lang.h"
#include "progress.h"
#include "text.h"

int rp_parse_format(const char *s, rp_format *f) {
  static const char *const names[] = { "text", "json", "md", "csv", "sarif" };
  for (int i = 0; i < 5; i++)
    if (strcmp(s, names[i]) == 0) { *f = (rp_format)i; return 0; }
  return -1;
}



static const char *path_of(md_model *m, const md_plan *p) { return m->src->files[p->file].path; }

/* A day as users read it (lang.h); JSON keeps ISO days (iso). */
static const char *day(md_model *m, dt_day d) {
  char buf[11];
  lg_day(d, buf);
  return ar_strndup(m->arena, buf, strlen(buf));
}

static const char *iso(md_model *m, dt_day d) { return md_day_text(m->arena, d); }

static const char *days(md_model *m, long n) { return dg_fmt(m->arena, lg_ntext("%ld day", "%ld days", (unsigned long)n), n); }

/* Pads `s` with spaces to `width` characters (not bytes: Vietnamese). */
static void put_padded(FILE *out, const char *s, size_t width) {
  fputs(s, out);
  for (size_t n = tx_codepoints(s, strlen(s)); n < width; n++) fputc(' ', out);
}

static const char *key(md_model *m, const md_plan *p) { return ar_strndup(m->arena, p->key.p, p->key.n); }

static const char *text_of(md_model *m, const md_item *it) { return md_item_text(m, it); }

static const char *owner_names(md_model *m, const md_item *it) { return md_ref_names(m, it->owners); }

static const char *implemented_by(md_model *m, const cs_row *row) {
  dg_buf b = dg_buf_in(m->arena);
  for (size_t i = 0; i < row->nlinks; i++) dg_buf_item(&b, ", ", row->links[i]->from->id, strlen(row->links[i]->from->id));
  return dg_buf_text(&b);
}


/* What the row's status rests on, in words: the waiver, the forward. */
static const char *row_note(md_model *m, const cs_row *row) {
  const md_item *w = row->waiver;
  if (row->status == CS_FORWARDED) {
    const char *lv = "";
    for (int l = 1; l <= m->nlevels; l++)
      if (row->forward->cascade & MD_LEVEL_BIT(l)) lv = dg_fmt(m->arena, "%s%s%s", lv, *lv ? ", " : "", cs_level_text(m, l));
    return *lv ? dg_fmt(m->arena, _("to %s"), lv) : _("to the level below");
  }
  if (w && (row->status == CS_WAIVED || row->expired)) {
    /* TRANSLATORS: a text quoted from the plan. */
    const char *reason = w->reason.value.n ? dg_fmt(m->arena, _("\"%.*s\""), (int)w->reason.value.n, w->reason.value.p)
                                          : _("(no reason)");
    if (w->until == DT_MAX) return reason;
    if (row->expired) return dg_fmt(m->arena, _("waiver expired on %s: %s"), day(m, w->until), reason);
    return dg_fmt(m->arena, _("%s until %s"), reason, day(m, w->until));
  }
  if (row->status == CS_EXTRA) return _("not addressed to this level");
  if (row->status == CS_MISSING) return _("no task implements it");
  return "";
}

static int percent(const cs_target *t) {
  size_t a = cs_addressed_count(t);
  return a ? (int)((t->count[CS_COVERED] + t->count[CS_WAIVED] + t->count[CS_FORWARDED]) * 100 / a) : 100;
}

static const char *target_title(md_model *m, const cs_target *t) {
  if (!t->through) return dg_fmt(m->arena, "%s (%s)", key(m, t->plan), path_of(m, t->plan));
  return dg_fmt(m->arena, _("%s (%s), the nearest available ancestor: the text of %s is not available"),
                key(m, t->plan), path_of(m, t->plan), key(m, t->through));
}

static const char *totals(md_model *m, const cs_coverage *c, const cs_target *t) {
  return dg_fmt(m->arena,
                _("%zu directives addressed to %s plans: %zu covered, %zu waived, %zu forwarded, %zu missing (%d%%)%s"),
                cs_addressed_count(t), cs_level_text(m, c->level), t->count[CS_COVERED], t->count[CS_WAIVED],
                t->count[CS_FORWARDED], t->count[CS_MISSING], percent(t),
                t->count[CS_EXTRA] ? dg_fmt(m->arena, _("; %zu more implemented though not addressed"), t->count[CS_EXTRA])
                                   : "");
}

/* ---- text ---- */

static const char *excerpt(md_model *m, const md_item *it) { return cs_excerpt(m, it, 60); }

/* The width of the status column: its longest word. */
static size_t status_width(void) {
  size_t w = 0;
  for (int s = CS_MISSING; s <= CS_EXTRA; s++) {
    const char *t = cs_status_text((cs_status)s);
    size_t n = tx_codepoints(t, strlen(t));
    if (n > w) w = n;
  }
  return w;
}

/* The explanations are asked for per run, not kept in the model. */
typedef struct explain { const cs_coverage *c; int on; } explain;

static void text_why(FILE *out, md_model *m, const explain *x, const md_item *d, const cs_row *row) {
  if (x->on) fprintf(out, "      %s\n", cs_why(m, x->c, d, row));
}

static void text_row(FILE *out, md_model *m, const cs_row *row, int width) {
  const char *what;
  if (row->status == CS_COVERED)
    what = dg_fmt(m->arena, _("by %s"), implemented_by(m, row));
  else if (row->status == CS_EXTRA)
    what = dg_fmt(m->arena, _("by %s (not addressed to this level)"), implemented_by(m, row));
  else if (row->status == CS_MISSING && !row->expired)
    what = dg_fmt(m->arena, _("\"%s\" (%s)"), excerpt(m, row->directive), owner_names(m, row->directive));
  else
    what = row_note(m, row);
  fprintf(out, "  %-*s  ", width, row->directive->id);
  put_padded(out, cs_status_text(row->status), status_width());
  fprintf(out, "  %s\n", what);
}

typedef struct unaddressed {
  FILE *out;
  md_model *m;
  const explain *x;
  const cs_target *t;
  int width, any;
} unaddressed;

/* The parent's directives that have no row: not addressed to the child's
 * level, and why. */
static int text_unaddressed(md_item *it, void *ctx) {
  unaddressed *u = ctx;
  if (it->kind != MD_TASK || cs_row_of(u->t, it)) return 0;
  if (!u->any++) fprintf(u->out, _("  not addressed to %s plans:\n"), cs_level_text(u->m, u->x->c->level));
  fprintf(u->out, "  %-*s  \"%s\"\n", u->width, it->id, excerpt(u->m, it));
  text_why(u->out, u->m, u->x, it, NULL);
  return 0;
}

static void text_coverage(FILE *out, md_model *m, const cs_coverage *c, const explain *x) {
  md_plan *p = c->child;
  if (!c->ntargets) {
    fprintf(out, _("%s: plan %s implements no plan whose text is available\n"), path_of(m, p), key(m, p));
    return;
  }
  for (size_t i = 0; i < c->ntargets; i++) {
    const cs_target *t = &c->targets[i];
    fprintf(out, _("%s: plan %s (%s) against %s\n"), path_of(m, p), key(m, p), cs_level_text(m, c->level),
            target_title(m, t));
    int width = 0;
    for (size_t k = 0; k < t->nrows; k++) {
      int w = (int)tx_codepoints(t->rows[k].directive->id, strlen(t->rows[k].directive->id));
      if (w > width) width = w;
    }
    for (size_t k = 0; k < t->nrows; k++) {
      text_row(out, m, &t->rows[k], width);
      text_why(out, m, x, t->rows[k].directive, &t->rows[k]);
    }
    if (x->on && c->level) {
      unaddressed u = { out, m, x, t, width, 0 };
      md_walk(&t->plan->root, text_unaddressed, &u);
    }
    fprintf(out, "  %s\n", totals(m, c, t));
  }
}

/* ---- Markdown ---- */

void rp_md_cell(FILE *out, const char *s) {
  fputs(" ", out);
  for (; *s; s++) {
    if (*s == '|' || *s == '\\') {
      fputc('\\', out);
      fputc(*s, out);
    } else if (*s == '\n') fputc(' ', out);
    else fputc(*s, out);
  }
  fputs(" |", out);
}

/* The note of a row, with the explanation when asked for. */
static const char *note_why(md_model *m, const explain *x, const cs_row *row) {
  const char *note = row_note(m, row);
  if (!x->on) return note;
  const char *why = cs_why(m, x->c, row->directive, row);
  return *note ? dg_fmt(m->arena, "%s; %s", note, why) : why;
}

static void md_coverage(FILE *out, md_model *m, const cs_coverage *c, const explain *x) {
  for (size_t i = 0; i < c->ntargets; i++) {
    const cs_target *t = &c->targets[i];
    fprintf(out, _("## %s (%s) against %s\n\n"), key(m, c->child), cs_level_text(m, c->level), target_title(m, t));
    fputs(_("| Directive | Text | Owner | Status | Implemented by | Note |\n"), out);
    fputs("| --- | --- | --- | --- | --- | --- |\n", out);
    for (size_t k = 0; k < t->nrows; k++) {
      const cs_row *row = &t->rows[k];
      fputs("|", out);
      rp_md_cell(out, row->directive->id);
      rp_md_cell(out, text_of(m, row->directive));
      rp_md_cell(out, owner_names(m, row->directive));
      rp_md_cell(out, cs_status_text(row->status));
      rp_md_cell(out, implemented_by(m, row));
      rp_md_cell(out, note_why(m, x, row));
      fputc('\n', out);
    }
    fprintf(out, "\n%s.\n\n", totals(m, c, t));
  }
}

/* ---- CSV (RFC 4180) ---- */

void rp_csv_field(FILE *out, const char *s, int last) {
  fputc('"', out);
  for (; *s; s++) {
    if (*s == '"') fputc('"', out);
    fputc(*s, out);
  }
  fputc('"', out);
  fputs(last ? "\r\n" : ",", out);
}

static void csv_coverage(FILE *out, md_model *m, const cs_coverage *c, const explain *x) {
  for (size_t i = 0; i < c->ntargets; i++) {
    const cs_target *t = &c->targets[i];
    for (size_t k = 0; k < t->nrows; k++) {
      const cs_row *row = &t->rows[k];
      rp_csv_field(out, key(m, c->child), 0);
      rp_csv_field(out, key(m, t->plan), 0);
      rp_csv_field(out, row->directive->id, 0);
      rp_csv_field(out, cs_status_text(row->status), 0);
      rp_csv_field(out, implemented_by(m, row), 0);
      rp_csv_field(out, owner_names(m, row->directive), 0);
      rp_csv_field(out, text_of(m, row->directive), 0);
      rp_csv_field(out, note_why(m, x, row), 1);
    }
  }
}

/* ---- JSON ---- */

static void js(FILE *out, const char *s) { dg_json_string(out, s, strlen(s)); }

static void js_field(FILE *out, const char *name, const char *value, int comma) {
  js(out, name);
  fputs(": ", out);
  js(out, value);
  if (comma) fputs(", ", out);
}

static void json_row(FILE *out, md_model *m, const cs_row *row, const explain *x) {
  fputs("{", out);
  js_field(out, "directive", row->directive->id, 1);
  js_field(out, "status", cs_status_name(row->status), 1);
  js_field(out, "text", text_of(m, row->directive), 1);
  fputs("\"owners\": [", out);
  for (const md_ref *o = row->directive->owners; o; o = o->next) {
    if (o != row->directive->owners) fputs(", ", out);
    dg_json_string(out, o->body ? o->body->id.p : o->text.p, o->body ? o->body->id.n : o->text.n);
  }
  fputs("], \"implemented_by\": [", out);
  for (size_t i = 0; i < row->nlinks; i++) {
    if (i) fputs(", ", out);
    js(out, row->links[i]->from->id);
  }
  fputs("]", out);
  if (row->waiver) {
    const md_item *w = row->waiver;
    fputs(", \"waiver\": {", out);
    dg_json_string(out, "reason", 6);
    fputs(": ", out);
    dg_json_string(out, w->reason.value.p, w->reason.value.n);
    if (w->until != DT_MAX) {
      fputs(", ", out);
      js_field(out, "until", iso(m, w->until), 0);
    }
    fprintf(out, ", \"expired\": %s}", row->expired ? "true" : "false");
  }
  if (row->forward) fputs(", \"forwarded\": true", out);
  if (x->on) {
    fputs(", ", out);
    js_field(out, "why", cs_why(m, x->c, row->directive, row), 0);
  }
  fputs("}", out);
}

typedef struct junaddressed { FILE *out; md_model *m; const explain *x; const cs_target *t; int any; } junaddressed;

static int json_unaddressed(md_item *it, void *ctx) {
  junaddressed *u = ctx;
  if (it->kind != MD_TASK || cs_row_of(u->t, it)) return 0;
  fputs(u->any++ ? ",\n      {" : "\n      {", u->out);
  js_field(u->out, "directive", it->id, 1);
  js_field(u->out, "why", cs_why(u->m, u->x->c, it, NULL), 0);
  fputs("}", u->out);
  return 0;
}

static void json_target(FILE *out, md_model *m, const cs_coverage *c, const cs_target *t, const explain *x) {
  fputs("{", out);
  js_field(out, "plan", key(m, t->plan), 1);
  js_field(out, "file", path_of(m, t->plan), 1);
  fputs("\"through\": ", out);
  if (t->through) js(out, key(m, t->through)); else fputs("null", out);
  fputs(", \"rows\": [", out);
  for (size_t k = 0; k < t->nrows; k++) {
    fputs(k ? ",\n      " : "\n      ", out);
    json_row(out, m, &t->rows[k], x);
  }
  if (x->on && c->level) {
    junaddressed u = { out, m, x, t, 0 };
    fputs("],\n    \"not_addressed\": [", out);
    md_walk(&t->plan->root, json_unaddressed, &u);
  }
  fprintf(out, "],\n    \"totals\": {\"addressed\": %zu, \"covered\": %zu, \"waived\": %zu, \"forwarded\": %zu, "
          "\"missing\": %zu, \"extra\": %zu, \"percent\": %d}}", cs_addressed_count(t), t->count[CS_COVERED], t->count[CS_WAIVED],
          t->count[CS_FORWARDED], t->count[CS_MISSING], t->count[CS_EXTRA], percent(t));
  (void)c;
}

static void json_coverage(FILE *out, md_model *m, const cs_coverage *c, const explain *x) {
  fputs("{", out);
  js_field(out, "file", path_of(m, c->child), 1);
  js_field(out, "plan", key(m, c->child), 1);
  js_field(out, "level", md_level_name(m, c->level), 1);
  fputs("\"targets\": [", out);
  for (size_t i = 0; i < c->ntargets; i++) {
    fputs(i ? ",\n    " : "\n    ", out);
    json_target(out, m, c, &c->targets[i], x);
  }
  fputs("]}", out);
}

void rp_coverage(FILE *out, md_model *m, cs_coverage *const *c, size_t n, rp_format f) {
  rp_coverage_explained(out, m, c, n, f, 0);
}

void rp_coverage_explained(FILE *out, md_model *m, cs_coverage *const *c, size_t n, rp_format f, int on) {
  if (f == RP_JSON) fputs("[", out);
  if (f == RP_CSV) {
    fputs(_("\"child\",\"parent\",\"directive\",\"status\",\"implemented_by\",\"owners\",\"text\",\"note\""), out);
    fputs("\r\n", out);
  }
  for (size_t i = 0; i < n; i++) {
    explain x = { c[i], on };
    if (f == RP_TEXT) text_coverage(out, m, c[i], &x);
    else if (f == RP_MD) md_coverage(out, m, c[i], &x);
    else if (f == RP_CSV) csv_coverage(out, m, c[i], &x);
    else {
      fputs(i ? ",\n  " : "\n  ", out);
      json_coverage(out, m, c[i], &x);
    }
  }
  if (f == RP_JSON) fputs("\n]\n", out);
}

/* ---- suggestions ---- */

static const char *shared(md_model *m, const sm_index *ix, const md_item *d, const md_item *t) {
  const char *terms[4];
  size_t n = sm_shared_terms(ix, d, t, terms, 4);
  const char *s = "";
  for (size_t i = 0; i < n; i++) s = dg_fmt(m->arena, "%s%s%s", s, i ? ", " : "", terms[i]);
  return s;
}

static void text_hits(FILE *out, md_model *m, const sm_index *ix, const md_item *d, const sg_hit *h, size_t n) {
  fprintf(out, _("%s  \"%s\" (%s)\n"), d->id, excerpt(m, d), owner_names(m, d));
  if (!n) fputs(_("    no likely task\n"), out);
  for (size_t i = 0; i < n; i++)
    fprintf(out, _("    %.2f  %s  \"%s\" (%s%s); shares: %s\n"), h[i].score, h[i].task->id,
            cs_excerpt(m, h[i].task, 50), owner_names(m, h[i].task), h[i].owner ? _(", owner corresponds") : "",
            shared(m, ix, d, h[i].task));
}

static void json_hits(FILE *out, md_model *m, const sm_index *ix, const md_item *d, const sg_hit *h, size_t n) {
  fputs("{", out);
  js_field(out, "directive", d->id, 1);
  fputs("\"suggestions\": [", out);
  for (size_t i = 0; i < n; i++) {
    fputs(i ? ", {" : "{", out);
    js_field(out, "task", h[i].task->id, 0);
    fprintf(out, ", \"score\": %.3f, \"text\": %.3f, \"owner\": %s, \"shares\": ", h[i].score, h[i].text,
            h[i].owner ? "true" : "false");
    js(out, shared(m, ix, d, h[i].task));
    fputs("}", out);
  }
  fputs("]}", out);
}

void rp_suggest(FILE *out, md_model *m, cs_coverage *const *c, size_t n, rp_format f) {
  int first = 1;
  if (f == RP_JSON) fputs("[", out);
  for (size_t i = 0; i < n; i++) {
    if (!c[i]->ntargets) continue;
    sm_index *ix = sg_index(m, c[i]);
    for (size_t t = 0; t < c[i]->ntargets; t++) {
      const cs_target *tg = &c[i]->targets[t];
      if (f == RP_TEXT)
        fprintf(out, _("%s: plan %s against %s: %zu uncovered\n"), path_of(m, c[i]->child), key(m, c[i]->child),
                key(m, tg->plan), tg->count[CS_MISSING]);
      for (size_t k = 0; k < tg->nrows; k++) {
        if (tg->rows[k].status != CS_MISSING) continue;
        sg_hit hits[SG_MAX_HITS];
        const md_item *d = tg->rows[k].directive;
        size_t nh = sg_rank(m, ix, c[i], d, NULL, hits, SG_MAX_HITS);
        if (f == RP_TEXT) { text_hits(out, m, ix, d, hits, nh); continue; }
        fputs(first ? "\n  " : ",\n  ", out);
        first = 0;
        json_hits(out, m, ix, d, hits, nh);
      }
    }
  }
  if (f == RP_JSON) fputs("\n]\n", out);
}

static void print_eval(FILE *out, const char *name, const sg_eval *e, rp_format f) {
  double n = e->links ? (double)e->links : 1;
  if (f == RP_JSON) {
    js(out, name);
    fprintf(out, ": {\"links\": %zu, \"top1\": %zu, \"top3\": %zu, \"unranked\": %zu, \"precision_at_1\": %.3f, "
            "\"hit_at_3\": %.3f, \"mrr\": %.3f}", e->links, e->top1, e->top3, e->unranked, e->top1 / n, e->top3 / n,
            e->reciprocal / n);
    return;
  }
  fprintf(out, _("%s: %zu links; the hidden task ranked first for %zu (%.0f%%), in the top 3 for %zu (%.0f%%), "
                 "not proposed for %zu; mean reciprocal rank %.2f\n"), name, e->links, e->top1, 100 * e->top1 / n, e->top3,
          100 * e->top3 / n, e->unranked, e->reciprocal / n);
}

void rp_evaluate(FILE *out, md_model *m, cs_coverage *const *c, size_t n, rp_format f) {
  sg_eval total = { 0 };
  if (f == RP_JSON) fputs("{", out);
  for (size_t i = 0; i < n; i++) {
    sg_eval e = { 0 };
    if (c[i]->ntargets) sg_evaluate(m, sg_index(m, c[i]), c[i], &e);
    print_eval(out, path_of(m, c[i]->child), &e, f);
    if (f == RP_JSON) fputs(",\n ", out);
    total.links += e.links;
    total.top1 += e.top1;
    total.top3 += e.top3;
    total.unranked += e.unranked;
    total.reciprocal += e.reciprocal;
  }
  print_eval(out, f == RP_JSON ? "total" : _("total"), &total, f);
  if (f == RP_JSON) fputs("}\n", out);
}

/* ---- agenda ---- */

/* An agenda group as users read it; ag_group_name is the code. */
static const char *group_text(ag_group g) {
  static const char *const names[] = { N_("overdue"), N_("due"), N_("triggered"), N_("recurring"), N_("waiting") };
  return _(names[g]);
}


/* The deadline as printed, with its `for` part, and the part's meaning when
 * the phrase has several (a staged deadline). */
static const char *phrase_of(md_model *m, const ag_entry *e) {
  const md_due *d = e->due;
  const char *s = dg_fmt(m->arena, _("\"%.*s\""), (int)d->phrase.value.n, d->phrase.value.p);
  if (d->what.value.n) s = dg_fmt(m->arena, _("%s for \"%.*s\""), s, (int)d->what.value.n, d->what.value.p);
  if (d->dl && d->dl->next) s = dg_fmt(m->arena, "%s [%s]", s, dl_canonical(m->arena, e->dl));
  return s;
}

static const char *owner_title(md_model *m, const md_body *b) {
  if (!b) return _("(no owner)");
  return dg_fmt(m->arena, "%.*s (%.*s)", (int)b->name.value.n, b->name.value.p, (int)b->id.n, b->id.p);
}

/* What the entry's group means for it, in a few words. */
static const char *status_of(md_model *m, const ag_entry *e) {
  switch (e->group) {
  case AG_OVERDUE:
    if (e->missed != DT_MAX)
      return dg_fmt(m->arena, _("no report recorded for %s, %s late"), day(m, e->missed), days(m, e->days));
    return dg_fmt(m->arena, _("%s late, due %s"), days(m, e->days), day(m, e->date));
  case AG_DUE:
    return e->days ? dg_fmt(m->arena, _("due %s, in %s"), day(m, e->date), days(m, e->days)) : _("due today");
  case AG_TRIGGERED:
    if (e->no_delay && e->dl->delay_days == 0) return dg_fmt(m->arena, _("due at once, since %s"), day(m, e->date));
    if (e->no_delay) return dg_fmt(m->arena, _("due since %s (the plan gives no time limit)"), day(m, e->date));
    return dg_fmt(m->arena, _("due %s, in %s"), day(m, e->date), days(m, e->days));
  case AG_RECURRING:
    if (e->date == DT_MAX) return _("recurring, with no period to count");
    return dg_fmt(m->arena, _("next %s, in %s"), day(m, e->date), days(m, e->days));
  case AG_WAITING:
    return dg_fmt(m->arena, _("waits for %s"), e->waits_for);
  default:
    return "";
  }
}

/* An entry of the record in words; `whose` names the directive(s) of a
 * done/started/... entry when they are not the one being listed. */
static const char *event_text(md_model *m, const md_event *t, int whose) {
  const char *doc = t->doc.value.n ? dg_fmt(m->arena, " (%.*s)", (int)t->doc.value.n, t->doc.value.p) : "";
  if (t->kind != MD_EV_ISSUED) {
    dg_buf idb = dg_buf_in(m->arena), byb = dg_buf_in(m->arena);
    for (size_t i = 0; whose && i < t->nitems; i++)
      if (t->items[i]) dg_buf_item(&idb, ", ", t->items[i]->id, strlen(t->items[i]->id));
    for (const md_ref *r = t->by; r; r = r->next) {
      if (!byb.n) dg_buf_add(&byb, _(" by "), strlen(_(" by ")));
      else dg_buf_add(&byb, ", ", 2);
      dg_buf_add(&byb, r->text.p, r->text.n);
    }
    const char *ids = dg_buf_text(&idb), *by = dg_buf_text(&byb);
    return dg_fmt(m->arena, _("%s%s%s on %s%s%s"), ids, *ids ? " " : "", pg_kind_text(t->kind), day(m, t->day), doc, by);
  }
  const md_ref *b = t->issuer;
  return dg_fmt(m->arena, _("\"%.*s\"%s issued by %.*s on %s"), (int)t->what.value.n, t->what.value.p, doc,
                b && b->body ? (int)b->body->name.value.n : (int)(b ? b->text.n : 0),
                b && b->body ? b->body->name.value.p : b ? b->text.p : "", day(m, t->day));
}

/* The lines under an entry: what triggered it, since when it is in
 * progress, the last report. */
static void text_details(FILE *out, md_model *m, const ag_entry *e, dt_day as_of) {
  if (e->trigger)
    fprintf(out, _("        triggered by %s%s\n"), event_text(m, e->trigger, 1),
            e->no_delay ? "" : dg_fmt(m->arena, _(", %s to act"), days(m, e->dl->delay_days)));
  if (e->group == AG_WAITING && e->expected != DT_MAX)
    fprintf(out, _("        expected by %s%s\n"), day(m, e->expected), e->expected < as_of ? _(", now past") : "");
  if (e->stage) fprintf(out, _("        the %s stage, which this plan sets\n"), cs_level_text(m, e->stage));
  if (e->named_owner)
    fprintf(out, _("        lead in the plan: %.*s, now carried by %.*s (since %s)\n"), (int)e->named_owner->name.value.n,
            e->named_owner->name.value.p, (int)e->owner->name.value.n, e->owner->name.value.p, day(m, e->carried_since));
  if (e->started) fprintf(out, _("        in progress since %s\n"), day(m, e->started->day));
  if (e->last_report) fprintf(out, _("        last report: %s\n"), event_text(m, e->last_report, 0));
  else if (e->task->reports && (e->group == AG_RECURRING || e->missed != DT_MAX))
    fputs(_("        last report: none recorded\n"), out);
}

static const char *agenda_counts(md_model *m, const ag_agenda *a) {
  const char *s = "";
  for (int g = 0; g < AG_NGROUPS; g++) s = dg_fmt(m->arena, "%s%s%zu %s", s, g ? ", " : "", a->count[g], group_text(g));
  return s;
}

static void text_agenda(FILE *out, md_model *m, const ag_agenda *a) {
  fprintf(out, _("%s: plan %s as of %s, looking %s ahead: %s\n"), path_of(m, a->plan), key(m, a->plan),
          day(m, a->as_of), days(m, a->within), agenda_counts(m, a));
  fputs(_("  not listed: "), out);
  fprintf(out, lg_ntext("%zu directive done, ", "%zu directives done, ", a->done), a->done);
  fprintf(out, _("%zu cancelled; "), a->cancelled);
  fprintf(out, lg_ntext("%zu continuous duty; ", "%zu continuous duties; ", a->continuous), a->continuous);
  fprintf(out, lg_ntext("%zu deadline with no date\n", "%zu deadlines with no date\n", a->undated), a->undated);
  const ag_entry *prev = NULL;
  for (size_t i = 0; i < a->n; i++) {
    const ag_entry *e = &a->entries[i];
    if (!prev || prev->owner != e->owner) fprintf(out, "\n%s\n", owner_title(m, e->owner));
    if (!prev || prev->owner != e->owner || prev->group != e->group) fprintf(out, "  %s\n", group_text(e->group));
    fprintf(out, "    %-10s %s: %s\n", md_local_id(e->task), status_of(m, e), phrase_of(m, e));
    fprintf(out, "        %s\n", cs_excerpt(m, e->task, 72));
    text_details(out, m, e, a->as_of);
    prev = e;
  }
}

static void js_day(FILE *out, md_model *m, const char *name, dt_day d) {
  js(out, name);
  fputs(": ", out);
  if (d == DT_MAX || d == DT_MIN) fputs("null", out);
  else js(out, iso(m, d));
  fputs(", ", out);
}

static void js_str(FILE *out, const char *name, const md_str *s) {
  js(out, name);
  fputs(": ", out);
  if (s->value.n) dg_json_string(out, s->value.p, s->value.n);
  else fputs("null", out);
  fputs(", ", out);
}

static void json_event(FILE *out, md_model *m, const char *name, const md_event *t) {
  js(out, name);
  fputs(": ", out);
  if (!t) { fputs("null, ", out); return; }
  fputs("{", out);
  js_field(out, "kind", pg_kind_name(t->kind), 1);
  js_day(out, m, "day", t->day);
  js_str(out, "what", &t->what);
  js(out, "issuer");
  fputs(": ", out);
  if (t->issuer && t->issuer->body) dg_json_string(out, t->issuer->body->id.p, t->issuer->body->id.n);
  else fputs("null", out);
  fputs(", ", out);
  js_str(out, "doc", &t->doc);
  js(out, "file");
  fputs(": ", out);
  js(out, m->src->files[t->loc.file].path);
  fprintf(out, ", \"line\": %u}, ", src_position(m->src, t->loc.file, t->loc.off).line);
}

static void json_entry(FILE *out, md_model *m, const ag_entry *e) {
  fputs("{", out);
  js_field(out, "group", ag_group_name(e->group), 1);
  js(out, "owner");
  fputs(": ", out);
  if (e->owner) dg_json_string(out, e->owner->id.p, e->owner->id.n); else fputs("null", out);
  fputs(", ", out);
  js_field(out, "task", e->task->id, 1);
  js_field(out, "text", text_of(m, e->task), 1);
  js_str(out, "phrase", &e->due->phrase);
  js_str(out, "for", &e->due->what);
  js_field(out, "deadline", e->dl ? dl_canonical(m->arena, e->dl) : "", 1);
  js_day(out, m, "date", e->date);
  fprintf(out, "\"days\": %ld, ", e->days);
  js_day(out, m, "missed", e->missed);
  js_day(out, m, "expected", e->expected);
  js(out, "waits_for");
  fputs(": ", out);
  if (e->waits_for) js(out, e->waits_for); else fputs("null", out);
  fputs(", ", out);
  json_event(out, m, "trigger", e->trigger);
  json_event(out, m, "started", e->started);
  json_event(out, m, "last_report", e->last_report);
  fprintf(out, "\"no_delay\": %s, ", e->no_delay ? "true" : "false");
  /* The lead the plan names, when the entry is listed under the body
   * that took its work over. */
  js(out, "stage");
  fputs(": ", out);
  if (e->stage) js(out, md_level_name(m, e->stage)); else fputs("null", out);
  fputs(", ", out);
  js(out, "named_owner");
  fputs(": ", out);
  if (e->named_owner) dg_json_string(out, e->named_owner->id.p, e->named_owner->id.n); else fputs("null", out);
  fputs("}", out);
}

static void json_agenda(FILE *out, md_model *m, const ag_agenda *a) {
  fputs("{", out);
  js_field(out, "plan", key(m, a->plan), 1);
  js_field(out, "file", path_of(m, a->plan), 1);
  js_day(out, m, "as_of", a->as_of);
  fprintf(out, "\"within\": %d, \"counts\": {", a->within);
  for (int g = 0; g < AG_NGROUPS; g++) fprintf(out, "%s\"%s\": %zu", g ? ", " : "", ag_group_name(g), a->count[g]);
  fprintf(out, ", \"done\": %zu, \"cancelled\": %zu, \"continuous\": %zu, \"undated\": %zu},\n  \"entries\": [",
          a->done, a->cancelled, a->continuous, a->undated);
  for (size_t i = 0; i < a->n; i++) {
    fputs(i ? ",\n   " : "\n   ", out);
    json_entry(out, m, &a->entries[i]);
  }
  fputs("]}", out);
}

void rp_agenda(FILE *out, md_model *m, ag_agenda *const *a, size_t n, rp_format f) {
  if (f == RP_JSON) fputs("[", out);
  for (size_t i = 0; i < n; i++) {
    if (f == RP_JSON) {
      fputs(i ? ",\n " : "\n ", out);
      json_agenda(out, m, a[i]);
    } else {
      if (i) fputc('\n', out);
      text_agenda(out, m, a[i]);
    }
  }
  if (f == RP_JSON) fputs("\n]\n", out);
}
