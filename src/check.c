/* check: single-plan checks; see check.h. */
#include "check.h"

#include "lang.h"

static const char *label_str(md_model *m, const md_item *it) {
  return ar_strndup(m->arena, it->label.p, it->label.n);
}

/* "2.1." must stand under "2.": compares the number a label says it
 * belongs to with the enclosing item's own full number. */
static void check_parent_number(md_model *m, md_item *parent, md_label pl, md_item *it, md_label l) {
  if (!l.parent.n || pl.scheme != MD_SCHEME_ARABIC || sl_eq(pl.number, l.parent)) return;
  md_loc a = it->label_loc;
  dg_diag *d = dg_add(m->diags, DG_WARNING, "numbering-parent", a.file, a.off, a.len,
                      _("%s is numbered as part of %.*s but stands under %s"), label_str(m, it), (int)l.parent.n,
                      l.parent.p, label_str(m, parent));
  dg_note(m->diags, d, parent->label_loc.file, parent->label_loc.off, parent->label_loc.len, _("the enclosing item"));
}

/* An item's label taken apart: from what resolve noted (scheme and value)
 * when that is all there is, which spares reading the label's text again;
 * in full when it names a parent number or resolve did not read it. */
static md_label label_of(const md_item *it) {
  if (!it->label_scheme || it->label_parent) return md_label_parse(it->label);
  return (md_label){ (md_scheme)(it->label_scheme - 1), it->label_value, SL_NONE, SL_NONE, SL_NONE };
}

/* Numbering of one parent's children: each printed scheme (Roman, Arabic,
 * letters) must count 1, 2, 3 without repeats or gaps. Each label is
 * taken apart once, each child's kept for the next; the parent's only
 * when a child's number names its parent's. */
static void check_numbering(md_model *m, md_item *parent) {
  if (!parent->first) return;
  md_item *last[5] = { 0 };        /* last item seen per scheme */
  md_label lastl[5];               /* and its label */
  md_label parentl = { MD_SCHEME_NONE, 0, SL_NONE, SL_NONE, SL_NONE };  /* read when a child names one */
  int parent_read = 0;
  for (md_item *it = parent->first; it; it = it->next) {
    if (it->kind == MD_FOOTNOTE || !it->label.n || it->bullet) continue;
    md_label l = label_of(it);
    if (l.scheme == MD_SCHEME_NONE || l.scheme == MD_SCHEME_BULLET) continue;
    md_item *prev = last[l.scheme];
    md_label pl = prev ? lastl[l.scheme] : l;
    if (prev && pl.value == l.value) {
      md_loc a = it->label_loc, b = prev->label_loc;
      dg_diag *d = dg_add(m->diags, DG_WARNING, "numbering-duplicate", a.file, a.off, a.len,
                          _("number %s is used twice here; this item's id is %s"), label_str(m, it),
                          it->id ? it->id : _("(none)"));
      dg_note(m->diags, d, b.file, b.off, b.len, _("%s is first used here"), label_str(m, prev));
    } else if (prev && l.value != pl.value + 1) {
      md_loc a = it->label_loc, b = prev->label_loc;
      dg_diag *d = dg_add(m->diags, DG_WARNING, "numbering-gap", a.file, a.off, a.len,
                          _("numbering skips from %s to %s"), label_str(m, prev), label_str(m, it));
      dg_note(m->diags, d, b.file, b.off, b.len, _("%s is here"), label_str(m, prev));
    } else if (!prev && l.value != 1 && l.scheme != MD_SCHEME_ROMAN) {
      md_loc a = it->label_loc;
      dg_add(m->diags, DG_WARNING, "numbering-gap", a.file, a.off, a.len, _("numbering starts at %s instead of %s"),
             label_str(m, it), l.scheme == MD_SCHEME_LETTER ? "a)" : "1");
    }
    last[l.scheme] = it;
    lastl[l.scheme] = l;
    if (!l.parent.n) continue;
    if (!parent_read) parentl = md_label_parse(parent->label);
    parent_read = 1;
    check_parent_number(m, parent, parentl, it, l);
  }
}

static int check_item(md_item *it, void *ctx) {
  check_numbering(ctx, it);
  return 0;
}

/* What a plan without its issue date is not checked for: the checks that
 * compare with the date (the rule deadline-before-issue and the cascade's
 * awaited-before-issue) pass it over, and the agenda counts reports
 * missed from the first entry of the progress record instead. */
static void note_date_unknown(md_model *m, const md_plan *p) {
  if (!p->date_unknown || p->date_known) return;
  md_loc l = p->date_loc;
  dg_add(m->diags, DG_NOTE, "date-unknown", l.file, l.off, l.len,
         _("the plan's issue date is unknown, so deadline-before-issue and awaited-before-issue are not checked, "
           "and reports missed are counted from the first entry of its progress record"));
}

void ck_plan(md_model *m, md_plan *p) {
  note_date_unknown(m, p);
  check_numbering(m, &p->root);
  md_walk(&p->root, check_item, m);
}
