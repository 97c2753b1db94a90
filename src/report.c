/* report: what the output formats share; see report.h. */
#include "report.h"

#include <string.h>

#include "lang.h"
#include "text.h"

static const char *const format_names[] = { "text", "json", "md", "csv", "sarif" };

int rp_parse_format(const char *s, rp_format *f) {
  for (size_t i = 0; i < sizeof format_names / sizeof *format_names; i++)
    if (strcmp(s, format_names[i]) == 0) { *f = (rp_format)i; return 0; }
  return -1;
}

const char *rp_format_name(rp_format f) { return format_names[f]; }

const char *rp_path_of(md_model *m, const md_plan *p) { return m->src->files[p->file].path; }

/* A day as users read it (lang.h); JSON keeps ISO days (iso). */
const char *rp_day(md_model *m, dt_day d) {
  char buf[11];
  lg_day(d, buf);
  return ar_strndup(m->arena, buf, strlen(buf));
}

const char *rp_iso(md_model *m, dt_day d) { return md_day_text(m->arena, d); }

const char *rp_days(md_model *m, long n) { return dg_fmt(m->arena, lg_ntext("%ld day", "%ld days", (unsigned long)n), n); }

const char *rp_key(md_model *m, const md_plan *p) { return ar_strndup(m->arena, p->key.p, p->key.n); }

const char *rp_text_of(md_model *m, const md_item *it) { return md_item_text(m, it); }

const char *rp_owner_names(md_model *m, const md_item *it) { return md_ref_names(m, it->owners); }

const char *rp_implemented_by(md_model *m, const cs_row *row) {
  dg_buf b = dg_buf_in(m->arena);
  for (size_t i = 0; i < row->nlinks; i++) dg_buf_item(&b, ", ", row->links[i]->from->id, strlen(row->links[i]->from->id));
  return dg_buf_text(&b);
}


/* What the row's status rests on, in words: the waiver, the forward. */
const char *rp_row_note(md_model *m, const cs_row *row) {
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
    if (row->expired) return dg_fmt(m->arena, _("waiver expired on %s: %s"), rp_day(m, w->until), reason);
    return dg_fmt(m->arena, _("%s until %s"), reason, rp_day(m, w->until));
  }
  if (row->status == CS_EXTRA) return _("not addressed to this level");
  if (row->status == CS_MISSING) return _("no task implements it");
  return "";
}

int rp_percent(const cs_target *t) {
  size_t a = cs_addressed_count(t);
  return a ? (int)((t->count[CS_COVERED] + t->count[CS_WAIVED] + t->count[CS_FORWARDED]) * 100 / a) : 100;
}

const char *rp_target_title(md_model *m, const cs_target *t) {
  if (!t->through) return dg_fmt(m->arena, "%s (%s)", rp_key(m, t->plan), rp_path_of(m, t->plan));
  return dg_fmt(m->arena, _("%s (%s), the nearest available ancestor: the text of %s is not available"),
                rp_key(m, t->plan), rp_path_of(m, t->plan), rp_key(m, t->through));
}

const char *rp_totals(md_model *m, const cs_coverage *c, const cs_target *t) {
  return dg_fmt(m->arena,
                _("%zu directives addressed to %s plans: %zu covered, %zu waived, %zu forwarded, %zu missing (%d%%)%s"),
                cs_addressed_count(t), cs_level_text(m, c->level), t->count[CS_COVERED], t->count[CS_WAIVED],
                t->count[CS_FORWARDED], t->count[CS_MISSING], rp_percent(t),
                t->count[CS_EXTRA] ? dg_fmt(m->arena, _("; %zu more implemented though not addressed"), t->count[CS_EXTRA])
                                   : "");
}

/* The note of a row, with the explanation when asked for. */
const char *rp_note_why(md_model *m, const rp_explain *x, const cs_row *row) {
  const char *note = rp_row_note(m, row);
  if (!x->on) return note;
  const char *why = cs_why(m, x->c, row->directive, row);
  return *note ? dg_fmt(m->arena, "%s; %s", note, why) : why;
}

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

void rp_csv_field(FILE *out, const char *s, int last) {
  fputc('"', out);
  for (; *s; s++) {
    if (*s == '"') fputc('"', out);
    fputc(*s, out);
  }
  fputc('"', out);
  fputs(last ? "\r\n" : ",", out);
}
