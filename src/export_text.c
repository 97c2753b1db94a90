/* export: the text format of `coverage`, `suggest` and `agenda`, as a
 * terminal shows them; see export.h. */
#include "export.h"

#include <string.h>

#include "lang.h"
#include "progress.h"
#include "report.h"
#include "text.h"

/* Pads `s` with spaces to `width` characters (not bytes: Vietnamese). */
static void put_padded(FILE *out, const char *s, size_t width) {
  fputs(s, out);
  for (size_t n = tx_codepoints(s, strlen(s)); n < width; n++) fputc(' ', out);
}

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

static void text_why(FILE *out, md_model *m, const rp_explain *x, const md_item *d, const cs_row *row) {
  if (x->on) fprintf(out, "      %s\n", cs_why(m, x->c, d, row));
}

static void text_row(FILE *out, md_model *m, const cs_row *row, int width) {
  const char *what;
  if (row->status == CS_COVERED)
    what = dg_fmt(m->arena, _("by %s"), rp_implemented_by(m, row));
  else if (row->status == CS_EXTRA)
    what = dg_fmt(m->arena, _("by %s (not addressed to this level)"), rp_implemented_by(m, row));
  else if (row->status == CS_MISSING && !row->expired)
    what = dg_fmt(m->arena, _("\"%s\" (%s)"), excerpt(m, row->directive), rp_owner_names(m, row->directive));
  else
    what = rp_row_note(m, row);
  fprintf(out, "  %-*s  ", width, row->directive->id);
  put_padded(out, cs_status_text(row->status), status_width());
  fprintf(out, "  %s\n", what);
}

typedef struct unaddressed {
  FILE *out;
  md_model *m;
  const rp_explain *x;
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

static void text_coverage(FILE *out, md_model *m, const cs_coverage *c, const rp_explain *x) {
  md_plan *p = c->child;
  if (!c->ntargets) {
    fprintf(out, _("%s: plan %s implements no plan whose text is available\n"), rp_path_of(m, p), rp_key(m, p));
    return;
  }
  for (size_t i = 0; i < c->ntargets; i++) {
    const cs_target *t = &c->targets[i];
    fprintf(out, _("%s: plan %s (%s) against %s\n"), rp_path_of(m, p), rp_key(m, p), cs_level_text(m, c->level),
            rp_target_title(m, t));
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
    fprintf(out, "  %s\n", rp_totals(m, c, t));
  }
}

static void text_hits(FILE *out, md_model *m, const sg_suggestion *sg) {
  const md_item *d = sg->directive;
  const sg_hit *h = sg->hits;
  fprintf(out, _("%s  \"%s\" (%s)\n"), d->id, excerpt(m, d), rp_owner_names(m, d));
  if (!sg->nhits) fputs(_("    no likely task\n"), out);
  for (size_t i = 0; i < sg->nhits; i++)
    fprintf(out, _("    %.2f  %s  \"%s\" (%s%s); shares: %s\n"), h[i].score, h[i].task->id,
            cs_excerpt(m, h[i].task, 50), rp_owner_names(m, h[i].task), h[i].owner ? _(", owner corresponds") : "",
            sg->shares[i]);
}


static void print_eval(FILE *out, const char *name, const sg_eval *e) {
  double n = e->links ? (double)e->links : 1;
  fprintf(out, _("%s: %zu links; the hidden task ranked first for %zu (%.0f%%), in the top 3 for %zu (%.0f%%), "
                 "not proposed for %zu; mean reciprocal rank %.2f\n"), name, e->links, e->top1, 100 * e->top1 / n, e->top3,
          100 * e->top3 / n, e->unranked, e->reciprocal / n);
}

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
      return dg_fmt(m->arena, _("no report recorded for %s, %s late"), rp_day(m, e->missed), rp_days(m, e->days));
    return dg_fmt(m->arena, _("%s late, due %s"), rp_days(m, e->days), rp_day(m, e->date));
  case AG_DUE:
    return e->days ? dg_fmt(m->arena, _("due %s, in %s"), rp_day(m, e->date), rp_days(m, e->days)) : _("due today");
  case AG_TRIGGERED:
    if (e->no_delay && e->dl->delay_days == 0) return dg_fmt(m->arena, _("due at once, since %s"), rp_day(m, e->date));
    if (e->no_delay) return dg_fmt(m->arena, _("due since %s (the plan gives no time limit)"), rp_day(m, e->date));
    return dg_fmt(m->arena, _("due %s, in %s"), rp_day(m, e->date), rp_days(m, e->days));
  case AG_RECURRING:
    if (e->date == DT_MAX) return _("recurring, with no period to count");
    return dg_fmt(m->arena, _("next %s, in %s"), rp_day(m, e->date), rp_days(m, e->days));
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
    return dg_fmt(m->arena, _("%s%s%s on %s%s%s"), ids, *ids ? " " : "", pg_kind_text(t->kind), rp_day(m, t->day), doc, by);
  }
  const md_ref *b = t->issuer;
  return dg_fmt(m->arena, _("\"%.*s\"%s issued by %.*s on %s"), (int)t->what.value.n, t->what.value.p, doc,
                b && b->body ? (int)b->body->name.value.n : (int)(b ? b->text.n : 0),
                b && b->body ? b->body->name.value.p : b ? b->text.p : "", rp_day(m, t->day));
}

/* The lines under an entry: what triggered it, since when it is in
 * progress, the last report. */
static void text_details(FILE *out, md_model *m, const ag_entry *e, dt_day as_of) {
  if (e->trigger)
    fprintf(out, _("        triggered by %s%s\n"), event_text(m, e->trigger, 1),
            e->no_delay ? "" : dg_fmt(m->arena, _(", %s to act"), rp_days(m, e->dl->delay_days)));
  if (e->group == AG_WAITING && e->expected != DT_MAX)
    fprintf(out, _("        expected by %s%s\n"), rp_day(m, e->expected), e->expected < as_of ? _(", now past") : "");
  if (e->stage) fprintf(out, _("        the %s stage, which this plan sets\n"), cs_level_text(m, e->stage));
  if (e->named_owner)
    fprintf(out, _("        lead in the plan: %.*s, now carried by %.*s (since %s)\n"), (int)e->named_owner->name.value.n,
            e->named_owner->name.value.p, (int)e->owner->name.value.n, e->owner->name.value.p, rp_day(m, e->carried_since));
  if (e->started) fprintf(out, _("        in progress since %s\n"), rp_day(m, e->started->day));
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
  fprintf(out, _("%s: plan %s as of %s, looking %s ahead: %s\n"), rp_path_of(m, a->plan), rp_key(m, a->plan),
          rp_day(m, a->as_of), rp_days(m, a->within), agenda_counts(m, a));
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


void ex_text_coverage(FILE *out, md_model *m, cs_coverage *const *c, size_t n, int explain) {
  for (size_t i = 0; i < n; i++) {
    rp_explain x = { c[i], explain };
    text_coverage(out, m, c[i], &x);
  }
}

void ex_text_suggest(FILE *out, md_model *m, const sg_target *t, size_t n) {
  for (size_t i = 0; i < n; i++) {
    const cs_coverage *c = t[i].c;
    fprintf(out, _("%s: plan %s against %s: %zu uncovered\n"), rp_path_of(m, c->child), rp_key(m, c->child),
            rp_key(m, t[i].t->plan), t[i].t->count[CS_MISSING]);
    for (size_t k = 0; k < t[i].n; k++) text_hits(out, m, &t[i].v[k]);
  }
}

void ex_text_evaluate(FILE *out, md_model *m, cs_coverage *const *c, const sg_eval *each, size_t n,
                      const sg_eval *total) {
  for (size_t i = 0; i < n; i++) print_eval(out, rp_path_of(m, c[i]->child), &each[i]);
  print_eval(out, _("total"), total);
}

void ex_text_agenda(FILE *out, md_model *m, ag_agenda *const *a, size_t n) {
  for (size_t i = 0; i < n; i++) {
    if (i) fputc('\n', out);
    text_agenda(out, m, a[i]);
  }
}
