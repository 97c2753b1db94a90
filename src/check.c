/* check: single-plan checks; see check.h. */
#include "check.h"

#include <string.h>

#include "lang.h"
#include "text.h"

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

/* ---- deadline-in-text: a deadline printed in a task's text, no due ---- */

enum { TEXT_PHRASES = 64 };   /* phrases read per paragraph, at most */

/* The canonical text of one deadline whatever level it is staged for: a
 * part of a staged phrase read alone ("cấp huyện hoàn thành trong tháng
 * 01/2024; ..." gives "hoàn thành trong tháng 01/2024") has lost its level. */
static const char *unstaged(ar_arena *a, const dl_deadline *d) {
  dl_deadline one = *d;
  one.stage = DL_STAGE_ALL;
  one.next = NULL;
  return dl_canonical(a, &one);
}

/* Whether a due of the task carries a phrase found in its text: the same
 * words (case and spacing aside), or the same meaning, each deadline of
 * the phrase's chain being one of some due's ("thường xuyên rà soát" in a
 * task due "thực hiện thường xuyên"). */
static int carried(ar_arena *a, const md_item *it, sl_slice phrase, const dl_deadline *dl) {
  sl_slice key = tx_fold(a, phrase.p, phrase.n);
  for (const md_due *u = it->dues; u; u = u->next)
    if (sl_eq(tx_fold(a, u->phrase.value.p, u->phrase.value.n), key)) return 1;
  for (const dl_deadline *d = dl; d; d = d->next) {
    const char *want = unstaged(a, d);
    int met = 0;
    for (const md_due *u = it->dues; u && !met; u = u->next)
      for (const dl_deadline *e = u->dl; e && !met; e = e->next)
        met = strcmp(unstaged(a, e), want) == 0;
    if (!met) return 0;
  }
  return 1;
}

/* The offset in the file of byte k of a string's value. A value without
 * escapes is a slice of the file; otherwise the literal is walked, `\"`
 * and `\\` being one byte of the value (a string in “ ” has no escapes)
 * and a NUL none. */
static uint32_t value_offset(const md_model *m, const md_str *s, size_t k) {
  const src_file *f = &m->src->files[s->loc.file];
  if (s->value.p >= f->data && s->value.p + s->value.n <= f->data + f->size)
    return (uint32_t)(s->value.p - f->data + k);
  const char *lit = f->data + s->loc.off;
  size_t quote = *lit == '"' ? 1 : 3, r = quote, end = s->loc.len;
  for (size_t d = 0; d < k && r < end; r++) {
    if (quote == 1 && lit[r] == '\\' && r + 1 < end && (lit[r + 1] == '"' || lit[r + 1] == '\\')) r++;
    if (lit[r] != '\0') d++;
  }
  return s->loc.off + (uint32_t)r;
}

/* A phrase as a plan-language string: in quotes, '"' and '\\' escaped
 * (planwrite writes strings so, but sits in a layer above). */
static const char *quoted(ar_arena *a, sl_slice s) {
  char *q = ar_alloc_text(a, 2 * s.n + 2), *o = q;
  *o++ = '"';
  for (size_t i = 0; i < s.n; i++) {
    if (s.p[i] == '"' || s.p[i] == '\\') *o++ = '\\';
    *o++ = s.p[i];
  }
  *o = '"';
  return q;
}

/* The phrases of one paragraph that no due carries. A paragraph that is
 * not in NFC (the file's text in NFD) is read in NFC and its findings
 * point at the whole string: offsets of the two forms differ. */
static void check_paragraph(md_model *m, ar_arena *a, md_item *it, const md_str *s, const dl_context *ctx) {
  sl_slice nfc = tx_nfc(a, s->value.p, s->value.n);
  int same = nfc.n == s->value.n && memcmp(nfc.p, s->value.p, nfc.n) == 0;
  dl_found found[TEXT_PHRASES];
  size_t n = dl_find(a, nfc.p, nfc.n, ctx, found, TEXT_PHRASES);
  for (size_t i = 0; i < n && i < TEXT_PHRASES; i++) {
    sl_slice phrase = { nfc.p + found[i].off, found[i].len };
    if (carried(a, it, phrase, found[i].dl)) continue;
    uint32_t off = s->loc.off, len = s->loc.len;
    if (same) {
      off = value_offset(m, s, found[i].off);
      len = value_offset(m, s, found[i].off + found[i].len) - off;
    }
    dg_diag *d = dg_add(m->diags, DG_WARNING, "deadline-in-text", s->loc.file, off, len,
                        _("the text of %s holds the deadline \"%.*s\" (%s), which no due of the task carries"),
                        it->id ? it->id : _("(none)"), (int)phrase.n, phrase.p,
                        dl_canonical_chain(a, found[i].dl));
    dg_note(m->diags, d, it->loc.file, it->loc.off, it->loc.len, _("add to the task: due %s"),
            quoted(a, phrase));
  }
}

typedef struct text_check {
  md_model *m;
  ar_arena scratch;          /* the finder's readings, emptied per paragraph */
  dl_context ctx;
} text_check;

static int check_texts(md_item *it, void *arg) {
  text_check *t = arg;
  if (it->kind != MD_TASK) return 0;
  for (md_strs *s = it->texts; s; s = s->next) {
    check_paragraph(t->m, &t->scratch, it, &s->s, &t->ctx);
    ar_reset(&t->scratch);
  }
  return 0;
}

void ck_plan(md_model *m, md_plan *p, int texts) {
  note_date_unknown(m, p);
  check_numbering(m, &p->root);
  md_walk(&p->root, check_item, m);
  if (!texts) return;
  text_check t = { m, { 0 }, { p->date_known ? p->date : DT_MIN } };
  ar_init(&t.scratch);
  md_walk(&p->root, check_texts, &t);
  ar_free(&t.scratch);
}
