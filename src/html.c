/* html: the self-contained HTML report; see html.h. */
#include "html.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "agenda.h"
#include "cascade.h"
#include "lang.h"
#include "text.h"

/* Where a finding's place falls: the start of a task, a section or
 * another item of a plan, or the start of the plan itself. */
typedef struct ht_mark {
  uint32_t file, off;
  const md_plan *plan;
  const md_item *item;     /* NULL: the plan's header */
} ht_mark;

typedef struct ht {
  FILE *out;
  md_model *m;
  md_plan *plan;
  dt_day as_of;
  int within;
  ht_mark *marks;          /* every input plan's marks, by file and offset */
  size_t nmarks, cap;
} ht;

/* ---- writing ---- */

static void raw(ht *h, const char *s) { fputs(s, h->out); }

/* Markup whose variable parts are numbers, codes or anchors, never text
 * from a plan or a translation (those go through text() or tpl()). */
static void rawf(ht *h, const char *fmt, ...) DG_PRINTF(2, 3);
static void rawf(ht *h, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vfprintf(h->out, fmt, ap);
  va_end(ap);
}

/* The entity a byte is written as in element content and in quoted
 * attribute values, or NULL when it stands for itself. */
static const char *entity(char c) {
  switch (c) {
  case '&': return "&amp;";
  case '<': return "&lt;";
  case '>': return "&gt;";
  case '"': return "&quot;";
  case '\'': return "&#39;";
  default: return NULL;
  }
}

/* Text escaped, written out; bad bytes and control characters are made
 * visible first, as in messages. */
static void text_n(ht *h, const char *s, size_t n) {
  sl_slice p = tx_printable(h->m->arena, s, n);
  for (size_t i = 0; i < p.n; i++) {
    const char *e = entity(p.p[i]);
    if (e) raw(h, e); else fputc(p.p[i], h->out);
  }
}

/* The same, as markup to put into a tpl() slot. */
static const char *esc(ht *h, const char *s) {
  sl_slice p = tx_printable(h->m->arena, s, strlen(s));
  dg_buf b = dg_buf_in(h->m->arena);
  for (size_t i = 0; i < p.n; i++) {
    const char *e = entity(p.p[i]);
    dg_buf_add(&b, e ? e : p.p + i, e ? strlen(e) : 1);
  }
  return dg_buf_text(&b);
}

static void text(ht *h, const char *s) { text_n(h, s, strlen(s)); }
static void slice(ht *h, sl_slice s) { text_n(h, s.p, s.n); }

/* A translated text whose %s (or %N$s) slots hold markup: the text is
 * escaped, each slot gets its argument as it is (markup this module made,
 * or "" for nothing), so a translation may put the slots where its
 * language wants them. */
static void tpl(ht *h, const char *fmt, int n, ...) {
  const char *args[4] = { "", "", "", "" };
  va_list ap;
  va_start(ap, n);
  for (int i = 0; i < n && i < 4; i++) args[i] = va_arg(ap, const char *);
  va_end(ap);
  int next = 0;
  const char *s = fmt, *run = fmt;
  while (*s) {
    if (s[0] != '%') { s++; continue; }
    text_n(h, run, (size_t)(s - run));
    if (s[1] == '%') { raw(h, "%"); s += 2; run = s; continue; }
    int k = next++;
    const char *p = s + 1;
    if (p[0] >= '1' && p[0] <= '9' && p[1] == '$') { k = p[0] - '1'; p += 2; }
    if (*p == 's') p++;
    if (k < 4) raw(h, args[k]);
    s = run = p;
  }
  text_n(h, run, (size_t)(s - run));
}

/* A translated text, its numbers put in, escaped. */
static void textf(ht *h, const char *fmt, ...) DG_PRINTF(2, 3);
static void textf(ht *h, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  text(h, dg_vfmt(h->m->arena, fmt, ap));
  va_end(ap);
}

/* open, the text escaped, close. */
static void el(ht *h, const char *open, const char *s, const char *close) {
  raw(h, open);
  text(h, s);
  raw(h, close);
}

static void attr(ht *h, const char *name, const char *value) {
  rawf(h, " %s=\"", name);
  text(h, value);
  raw(h, "\"");
}

/* A table cell with the label the phone layout shows before it. */
static void cell(ht *h, const char *label, const char *s) {
  raw(h, "<td");
  attr(h, "data-label", label);
  raw(h, ">");
  text(h, s);
  raw(h, "</td>");
}

/* The head of a cell, with that label. */
static void cell_open(ht *h, const char *cls, const char *label) {
  raw(h, "<td");
  if (cls) rawf(h, " class=\"%s\"", cls);
  attr(h, "data-label", label);
  raw(h, ">");
}

/* A table's header row. */
static void head_row(ht *h, const char *cls, const char *const *labels, size_t n) {
  rawf(h, "<div class=\"tbl\"><table class=\"%s reflow\"><thead><tr>", cls);
  for (size_t i = 0; i < n; i++) el(h, "<th>", _(labels[i]), "</th>");
  raw(h, "</tr></thead><tbody>\n");
}

/* An element id for any string: letters, digits, '.' and '-' stay, every
 * other byte becomes _XX, so distinct ids stay distinct ("III.4#2" is not
 * "III.4-2") and a fragment link needs no further escaping. */
static const char *anchor(ht *h, const char *prefix, const char *id) {
  size_t n = strlen(id);
  char *s = ar_alloc(h->m->arena, strlen(prefix) + 3 * n + 1), *w = s;
  w += strlen(strcpy(w, prefix));
  for (const unsigned char *p = (const unsigned char *)id; *p; p++) {
    int plain = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || *p == '.' || *p == '-';
    if (plain) *w++ = (char)*p;
    else w += sprintf(w, "_%02X", *p);
  }
  *w = '\0';
  return s;
}

static const char *key(ht *h, const md_plan *p) { return ar_strndup(h->m->arena, p->key.p, p->key.n); }

/* A day as users read it (31/07/2023 in Vietnamese), machine-readable
 * too, as markup. */
static const char *day_html(ht *h, dt_day d) {
  char iso[11], shown[11];
  dt_format(d, iso);
  lg_day(d, shown);
  return dg_fmt(h->m->arena, "<time datetime=\"%s\">%s</time>", iso, shown);
}

static void day(ht *h, dt_day d) { raw(h, day_html(h, d)); }

/* The day as plain text, for an attribute. */
static const char *day_text(ht *h, dt_day d) {
  char shown[11];
  lg_day(d, shown);
  return ar_strndup(h->m->arena, shown, strlen(shown));
}

/* The standard levels by their identifiers; any other level a user
 * declares shows as it is named ("cấp ..."). */
static const char *level_name(ht *h, md_level l) {
  static const char *const names[][2] = { { "central", N_("central level") }, { "province", N_("province level") },
                                          { "district", N_("district level") }, { "commune", N_("commune level") },
                                          { "grassroots", N_("grassroots level") } };
  if (l == MD_LEVEL_NONE || l > h->m->nlevels) return _("unknown level");
  const char *id = md_level_name(h->m, l);
  for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
    if (strcmp(names[i][0], id) == 0) return _(names[i][1]);
  return ar_strndup(h->m->arena, h->m->levels[l].name.value.p, h->m->levels[l].name.value.n);
}

static const char *item_anchor(ht *h, const md_item *t) { return anchor(h, "t-", t->id ? t->id : ""); }

static const char *task_link_html(ht *h, const md_item *t) {
  return dg_fmt(h->m->arena, "<a href=\"#%s\">%s</a>", item_anchor(h, t), esc(h, md_local_id(t)));
}

static void task_link(ht *h, const md_item *t) { raw(h, task_link_html(h, t)); }

static const char *part_id(ht *h, const char *part) { return anchor(h, dg_fmt(h->m->arena, "p-%s-", part), key(h, h->plan)); }

/* ---- deadlines in words ---- */

static const char *const roman[] = { "I", "II", "III", "IV" };

/* The period a day falls in, at a unit: "quý II/2023", "2023-Q2"... */
static const char *period_text(ht *h, dl_unit unit, dt_day d) {
  int y, m, dd;
  dt_to_ymd(d, &y, &m, &dd);
  switch (unit) {
  case DL_UNIT_DAY: return dg_fmt(h->m->arena, _("day %s"), day_text(h, d));
  case DL_UNIT_MONTH: return dg_fmt(h->m->arena, _("month %02d/%d"), m, y);
  case DL_UNIT_QUARTER: return dg_fmt(h->m->arena, _("quarter %s of %d"), roman[(m - 1) / 3], y);
  default: return dg_fmt(h->m->arena, _("year %d"), y);
  }
}

static const char *recurring_text(ht *h, const dl_deadline *d) {
  switch (d->period) {
  case DL_PERIOD_YEAR:
    if (d->month >= 1 && d->month <= 12) return dg_fmt(h->m->arena, _("yearly, in month %d"), d->month);
    return _("yearly");
  case DL_PERIOD_QUARTER: return _("quarterly");
  case DL_PERIOD_MONTH: return _("monthly");
  case DL_PERIOD_TERM: return _("per term");
  default: return _("periodic");
  }
}

static const char *str(ht *h, sl_slice s) { return ar_strndup(h->m->arena, s.p, s.n); }

static const char *event_text(ht *h, const dl_deadline *d) {
  ar_arena *a = h->m->arena;
  const char *s = d->event_issuer.n ? dg_fmt(a, _("after \"%s\" of \"%s\""), str(h, d->event_doc), str(h, d->event_issuer))
                                    : dg_fmt(a, _("after \"%s\""), str(h, d->event_doc));
  if (d->delay_days == 0) s = dg_fmt(a, _("%s, at once"), s);
  else if (d->delay_days > 0) s = dg_fmt(a, lg_ntext("%s, within %d day", "%s, within %d days", (unsigned long)d->delay_days), s, d->delay_days);
  if (d->unit != DL_UNIT_NONE && d->span.first != DT_MIN) s = dg_fmt(a, _("%s, expected in %s"), s, period_text(h, d->unit, d->span.first));
  return s;
}

static const char *per_plan_text(ht *h, const dl_deadline *d) {
  ar_arena *a = h->m->arena;
  if (d->plan_ref.n && d->event_issuer.n) return dg_fmt(a, _("as plan \"%s\" of \"%s\" says"), str(h, d->plan_ref), str(h, d->event_issuer));
  if (d->plan_ref.n) return dg_fmt(a, _("as plan \"%s\" says"), str(h, d->plan_ref));
  if (d->event_issuer.n) return dg_fmt(a, _("as a plan of \"%s\" says"), str(h, d->event_issuer));
  return _("as another plan says");
}

/* What plancheck understood of one deadline, in the user's language. */
static const char *meaning_one(ht *h, const dl_deadline *d) {
  ar_arena *a = h->m->arena;
  switch (d->kind) {
  case DL_WITHIN: return dg_fmt(a, _("within %s"), period_text(h, d->unit, d->span.first));
  case DL_BEFORE: return dg_fmt(a, _("before %s"), day_text(h, d->span.last + 1));  /* the day the phrase names */
  case DL_BY: return dg_fmt(a, lg_ptext("deadline", "by %s"), period_text(h, d->unit, d->span.last));
  case DL_CONTINUOUS: return _("continuous");
  case DL_RECURRING: return recurring_text(h, d);
  case DL_FROM:
    if (d->span.last == DT_MAX) return dg_fmt(a, _("from %s"), period_text(h, d->unit, d->span.first));
    return dg_fmt(a, _("from %s to %s"), period_text(h, d->unit, d->span.first), period_text(h, d->unit, d->span.last));
  case DL_EVENT: return event_text(h, d);
  case DL_ON_REQUEST:
    if (d->event_issuer.n) return dg_fmt(a, _("on request of \"%s\""), str(h, d->event_issuer));
    return _("on request");
  case DL_PER_PLAN: return per_plan_text(h, d);
  default: return _("not recognised");
  }
}

/* A whole chain: each part, after the level it is for when staged. */
static const char *meaning(ht *h, const dl_deadline *d) {
  if (!d) return _("not recognised");
  dg_buf b = dg_buf_in(h->m->arena);
  for (; d; d = d->next) {
    const char *s = meaning_one(h, d);
    if (d->stage != DL_STAGE_ALL) s = dg_fmt(h->m->arena, _("%s: %s"), level_name(h, md_stage_level(h->m, h->plan ? h->plan->structure : NULL, (int)d->stage)), s);
    dg_buf_item(&b, "; ", s, strlen(s));
  }
  return dg_buf_text(&b);
}

/* ---- the page ---- */

static const char css[] =
  ":root{--fg:#1b1d21;--muted:#5c6370;--line:#d3d7de;--head:#eef1f5;--accent:#9b1c1c;"
  "--covered:#176b2c;--covered-bg:#e3f3e7;--waived:#7a5a00;--waived-bg:#fdf1cf;"
  "--forwarded:#1d4f91;--forwarded-bg:#e2ecfa;--missing:#a61b1b;--missing-bg:#fbe3e1;"
  "--extra:#5b3f8c;--extra-bg:#eee7f8}\n"
  "*{box-sizing:border-box}html{-webkit-text-size-adjust:100%;text-size-adjust:100%}\n"
  "body{margin:0 auto;max-width:72rem;padding:1rem;color:var(--fg);background:#fff;"
  "font:16px/1.5 system-ui,-apple-system,\"Segoe UI\",Roboto,\"Noto Sans\",Arial,sans-serif;overflow-wrap:anywhere}\n"
  "h1{font-size:1.45rem;margin:.2rem 0 .6rem}h2{font-size:1.2rem;margin:2rem 0 .6rem;padding-bottom:.2rem;"
  "border-bottom:2px solid var(--accent);color:var(--accent)}h3{font-size:1.08rem;margin:1.2rem 0 .4rem}"
  "h4,h5{font-size:1rem;margin:1rem 0 .3rem}p{margin:.3rem 0}\n"
  ".report-head{border-bottom:1px solid var(--line);margin-bottom:1rem;color:var(--muted)}\n"
  ".kind{margin:0;font-weight:700;letter-spacing:.04em;color:var(--accent)}\n"
  "dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:.15rem 1rem;margin:.5rem 0}"
  "dl.meta dt{font-weight:600;color:var(--muted)}dl.meta dd{margin:0}dl.meta ul{margin:0;padding-left:1.1rem}\n"
  "nav.toc ol{display:flex;flex-wrap:wrap;gap:.3rem .9rem;padding:0;margin:.5rem 0;list-style:none}\n"
  "a{color:#1d4f91}.muted,.tid,.note{color:var(--muted)}.tid{font-size:.85em}\n"
  ".lbl{font-weight:600;margin-right:.3rem}.sec>.sec{margin-left:.6rem}\n"
  ".tbl{overflow-x:auto;-webkit-overflow-scrolling:touch;margin:.4rem 0 1rem}\n"
  "table{border-collapse:collapse;width:100%;font-size:.94rem}"
  "th,td{border:1px solid var(--line);padding:.35rem .5rem;vertical-align:top;text-align:left}"
  "thead th{background:var(--head);font-weight:600}td p{margin:0 0 .3rem}td p:last-child{margin:0}\n"
  "th,td.stt,td.id{white-space:nowrap}table.tasks th:nth-child(2){width:46%}table.tasks th:nth-child(3){width:16%}"
  "table.tasks th:nth-child(5){width:20%}table.coverage th:nth-child(3){width:38%}\n"
  "tr.sub td.stt{padding-left:1.2rem}tr:target{outline:3px solid #e8b300}\n"
  "ul.dues{margin:0;padding-left:1rem}.for{font-style:italic}\n"
  ".status,.chip{display:inline-block;padding:0 .5rem;border-radius:1rem;font-weight:600;font-size:.88em;white-space:nowrap}\n"
  ".st-covered .status,.chip.st-covered{background:var(--covered-bg);color:var(--covered)}"
  ".st-waived .status,.chip.st-waived{background:var(--waived-bg);color:var(--waived)}"
  ".st-forwarded .status,.chip.st-forwarded{background:var(--forwarded-bg);color:var(--forwarded)}"
  ".st-missing .status,.chip.st-missing{background:var(--missing-bg);color:var(--missing)}"
  ".st-extra .status,.chip.st-extra{background:var(--extra-bg);color:var(--extra)}\n"
  "tr.st-covered td:first-child{box-shadow:inset 4px 0 var(--covered)}"
  "tr.st-waived td:first-child{box-shadow:inset 4px 0 var(--waived)}"
  "tr.st-forwarded td:first-child{box-shadow:inset 4px 0 var(--forwarded)}"
  "tr.st-missing td:first-child{box-shadow:inset 4px 0 var(--missing)}"
  "tr.st-extra td:first-child{box-shadow:inset 4px 0 var(--extra)}\n"
  ".ag-overdue .status,.chip.ag-overdue{background:var(--missing-bg);color:var(--missing)}"
  ".ag-due .status,.chip.ag-due{background:var(--waived-bg);color:var(--waived)}"
  ".ag-triggered .status,.chip.ag-triggered{background:var(--forwarded-bg);color:var(--forwarded)}"
  ".ag-recurring .status,.chip.ag-recurring{background:var(--extra-bg);color:var(--extra)}"
  ".ag-waiting .status,.chip.ag-waiting{background:var(--head);color:var(--muted)}"
  "tr.ag-overdue td:first-child{box-shadow:inset 4px 0 var(--missing)}\n"
  ".bar{display:flex;height:.75rem;border-radius:.4rem;overflow:hidden;background:var(--head);margin:.4rem 0}"
  ".bar .st-covered{background:var(--covered)}.bar .st-waived{background:#d9a400}"
  ".bar .st-forwarded{background:var(--forwarded)}.bar .st-missing{background:var(--missing)}"
  ".bar .st-extra{background:var(--extra)}\n"
  ".through{border-left:4px solid #d9a400;background:var(--waived-bg);padding:.3rem .6rem}\n"
  "ol.timeline{list-style:none;margin:.5rem 0 1rem .4rem;padding:0 0 0 1rem;border-left:3px solid var(--line)}"
  "ol.timeline>li{position:relative;margin:0 0 .7rem;padding-left:.4rem}"
  "ol.timeline>li::before{content:\"\";position:absolute;left:-1.53rem;top:.35rem;width:.8rem;height:.8rem;"
  "border-radius:50%;background:#fff;border:3px solid var(--line)}"
  "ol.timeline>li.past::before{background:var(--line)}ol.timeline>li.now::before{border-color:var(--accent)}"
  "ol.timeline h4{margin:0}ol.timeline ul{list-style:none;margin:.2rem 0;padding:0}"
  "li.ev{padding:.1rem 0}li.ev.past{color:var(--muted)}li.ev.soon time{color:var(--accent);font-weight:700}\n"
  "li.gap{color:var(--muted);font-style:italic}\n"
  ".asof{border-top:2px dashed var(--accent);color:var(--accent);font-weight:700;margin:.3rem 0;padding-top:.1rem}\n"
  "ul.undated{margin:.2rem 0 .6rem;padding-left:1.1rem}ul.undated li{margin:.15rem 0}\n"
  ".tag{font-size:.78em;border:1px solid var(--line);border-radius:.3rem;padding:0 .3rem;margin-left:.2rem;white-space:nowrap}\n"
  "footer{margin-top:2rem;border-top:1px solid var(--line);color:var(--muted);font-size:.85rem}\n"
  ".sev{display:inline-block;padding:0 .5rem;border-radius:1rem;font-weight:600;font-size:.88em;white-space:nowrap}"
  ".sev-error .sev,.chip.sev-error{background:var(--missing-bg);color:var(--missing)}"
  ".sev-warning .sev,.chip.sev-warning{background:var(--waived-bg);color:var(--waived)}"
  ".sev-note .sev,.chip.sev-note{background:var(--head);color:var(--muted)}"
  "tr.sev-error td:first-child{box-shadow:inset 4px 0 var(--missing)}"
  "tr.sev-warning td:first-child{box-shadow:inset 4px 0 #d9a400}\n"
  ".code,.where{font-size:.85em;color:var(--muted)}.code{white-space:nowrap}ul.notes{margin:.2rem 0 0;padding-left:1rem;color:var(--muted)}\n"
  "@media (max-width:640px){body{padding:.6rem;font-size:15px}"
  "dl.meta{grid-template-columns:1fr}dl.meta dd{margin-bottom:.3rem}"
  "table.reflow thead{display:none}table.reflow,table.reflow tbody,table.reflow tr,table.reflow td{display:block;width:100%}"
  "table.reflow tr{border:1px solid var(--line);border-radius:.4rem;margin:0 0 .6rem;padding:.3rem .6rem}"
  "table.reflow td{border:0;padding:.1rem 0}table.reflow td:empty{display:none}"
  "table.reflow td[data-label]::before{content:attr(data-label) \": \";font-weight:600;color:var(--muted)}"
  "table.reflow td:first-child{box-shadow:none}table.reflow td.inl{display:inline-block;width:auto;margin-right:.8rem}"
  "table.reflow tr.st-covered{border-left:5px solid var(--covered)}table.reflow tr.st-waived{border-left:5px solid var(--waived)}"
  "table.reflow tr.st-forwarded{border-left:5px solid var(--forwarded)}table.reflow tr.st-missing{border-left:5px solid var(--missing)}"
  "table.reflow tr.st-extra{border-left:5px solid var(--extra)}tr.sub td.stt{padding-left:0}tr.sub{margin-left:1rem}"
  "table.reflow tr.sev-error{border-left:5px solid var(--missing)}table.reflow tr.sev-warning{border-left:5px solid #d9a400}}\n"
  "@media print{body{max-width:none;padding:0;font-size:10.5pt}nav.toc{display:none}a{color:inherit;text-decoration:none}"
  "tr,li.ev,.through{break-inside:avoid}h2,h3,h4{break-after:avoid}article+article{break-before:page}"
  ".tbl{overflow:visible}*{-webkit-print-color-adjust:exact;print-color-adjust:exact}}\n";

static void page_head(ht *h, const char *title) {
  rawf(h, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n",
       lg_current() == LG_VI ? "vi" : "en");
  el(h, "<title>", title, "</title>\n");
  raw(h, "<style>\n");
  raw(h, css);
  raw(h, "</style>\n</head>\n<body>\n");
}

/* ---- 1. the plan as printed ---- */

static void paragraphs(ht *h, const md_strs *t) {
  for (; t; t = t->next) {
    raw(h, "<p>");
    slice(h, t->s.value);
    raw(h, "</p>");
  }
}

static void parent_item(ht *h, const md_parent *pa) {
  const md_plan *d = pa->plan ? pa->plan : pa->desc;
  raw(h, "<li><b>");
  slice(h, pa->number.value);
  raw(h, "</b>");
  if (d && d->title.value.n) {
    raw(h, ": ");
    slice(h, d->title.value);
  }
  if (!pa->plan) {
    raw(h, " <span class=\"note\">");
    if (d && d->unavailable.value.n) textf(h, _("(text not available: %s)"), str(h, d->unavailable.value));
    else text(h, _("(text not available)"));
    raw(h, "</span>");
  }
  raw(h, "</li>");
}

/* A field of the header: its label, then the caller writes the value. */
static void meta(ht *h, const char *label) { el(h, "</dd><dt>", label, "</dt><dd>"); }

static void plan_head(ht *h) {
  md_plan *p = h->plan;
  raw(h, "<header class=\"plan-head\">\n");
  if (p->kind.value.n) {
    raw(h, "<p class=\"kind\">");
    slice(h, p->kind.value);
    raw(h, "</p>\n");
  }
  raw(h, "<h1>");
  if (p->title.value.n) slice(h, p->title.value); else text(h, key(h, p));
  el(h, "</h1>\n<dl class=\"meta\"><dt>", _("Number"), "</dt><dd>");
  if (p->numbered) text(h, key(h, p));
  else {
    raw(h, "<span class=\"note\">");
    textf(h, _("Not numbered (id: %s)"), key(h, p));
    raw(h, "</span>");
  }
  meta(h, _("Date issued"));
  if (p->date_known) day(h, p->date); else el(h, "<span class=\"note\">", _("Not dated"), "</span>");
  meta(h, _("Issued by"));
  text(h, md_ref_names(h->m, p->issuer));
  meta(h, _("Level"));
  text(h, level_name(h, p->level));
  if (p->parents) {
    meta(h, _("Implements"));
    raw(h, "<ul>");
    for (const md_parent *pa = p->parents; pa; pa = pa->next) parent_item(h, pa);
    raw(h, "</ul>");
  }
  raw(h, "</dd></dl>\n");
}

enum { NPARTS = 5 };
static const char *const parts[NPARTS][2] = {
  { "noi-dung", N_("I. Plan contents") }, { "doi-chieu", N_("II. Implementing the parent plans") },
  { "thoi-han", N_("III. Deadline calendar") }, { "viec-can-lam", N_("IV. To do") },
  { "kiem-tra", N_("V. Findings") },
};

static void plan_toc(ht *h) {
  raw(h, "<nav class=\"toc\"><ol>");
  for (size_t i = 0; i < NPARTS; i++) el(h, dg_fmt(h->m->arena, "<li><a href=\"#%s\">", part_id(h, parts[i][0])), _(parts[i][1]), "</a></li>");
  raw(h, "</ol></nav>\n</header>\n");
}

static void part_heading(ht *h, int part) {
  rawf(h, "<section class=\"part\" id=\"%s\">\n", part_id(h, parts[part][0]));
  el(h, "<h2>", _(parts[part][1]), "</h2>\n");
}

static void dues(ht *h, const md_due *d) {
  if (!d) return;
  raw(h, "<ul class=\"dues\">");
  for (; d; d = d->next) {
    raw(h, "<li");
    attr(h, "title", meaning(h, d->dl));
    raw(h, ">");
    if (d->what.value.n) {
      raw(h, "<span class=\"for\">");
      slice(h, d->what.value);
      raw(h, ":</span> ");
    }
    slice(h, d->phrase.value);
    raw(h, "</li>");
  }
  raw(h, "</ul>");
}

static const char *const task_heads[] = { N_("No."), N_("Content"), N_("Lead"), N_("With"), N_("Deadline") };

static void task_row(ht *h, const md_item *t, int sub) {
  rawf(h, "<tr id=\"%s\"%s>", item_anchor(h, t), sub ? " class=\"sub\"" : "");
  cell_open(h, "stt", _("No."));
  if (t->label.n) {
    raw(h, "<span class=\"lbl\">");
    slice(h, t->label);
    raw(h, "</span>");
  }
  el(h, "<span class=\"tid\">", md_local_id(t), "</span></td>");
  cell_open(h, NULL, _("Content"));
  paragraphs(h, t->texts);
  raw(h, "</td>");
  cell(h, _("Lead"), md_ref_names(h->m, t->owners));
  cell(h, _("With"), md_ref_names(h->m, t->with));
  cell_open(h, NULL, _("Deadline"));
  dues(h, t->dues);
  raw(h, "</td></tr>\n");
  for (const md_item *c = t->first; c; c = c->next)
    if (c->kind == MD_TASK) task_row(h, c, 1);
}

/* The table of a run of sibling tasks; returns the item after the run. */
static const md_item *task_table(ht *h, const md_item *it) {
  head_row(h, "tasks", task_heads, 5);
  for (; it && it->kind == MD_TASK; it = it->next) task_row(h, it, 0);
  raw(h, "</tbody></table></div>\n");
  return it;
}

static void prose(ht *h, const md_item *it) {
  static const char *const classes[] = { [MD_TEXT] = "text", [MD_TARGET] = "target", [MD_FOOTNOTE] = "footnote" };
  rawf(h, "<div class=\"%s\">", classes[it->kind]);
  if (it->label.n) {
    raw(h, "<span class=\"lbl\">");
    slice(h, it->label);
    raw(h, "</span>");
  }
  paragraphs(h, it->texts);
  raw(h, "</div>\n");
}

static void items(ht *h, const md_item *parent, int depth);

/* Sections have an anchor too: a finding about one links to it. */
static void section(ht *h, const md_item *s, int depth) {
  int level = depth < 2 ? depth + 3 : 5;
  rawf(h, "<section class=\"sec\" id=\"%s\"><h%d>", item_anchor(h, s), level);
  if (s->label.n) {
    raw(h, "<span class=\"lbl\">");
    slice(h, s->label);
    raw(h, "</span>");
  }
  text(h, md_item_text(h->m, s));
  rawf(h, "</h%d>\n", level);
  items(h, s, depth + 1);
  raw(h, "</section>\n");
}

/* Waivers and forwards are not printed text: part II shows them. */
static void items(ht *h, const md_item *parent, int depth) {
  const md_item *it = parent->first;
  while (it) {
    if (it->kind == MD_TASK) { it = task_table(h, it); continue; }
    if (it->kind == MD_SECTION) section(h, it, depth);
    else if (it->kind == MD_TEXT || it->kind == MD_TARGET || it->kind == MD_FOOTNOTE) prose(h, it);
    it = it->next;
  }
}

/* ---- 2. the coverage matrix ---- */

/* In the order a reader weighs them: done, excused, passed on, missing. */
static const cs_status shown[] = { CS_COVERED, CS_WAIVED, CS_FORWARDED, CS_MISSING, CS_EXTRA };
static const char *const status_words[] = { N_("Not implemented"), N_("Implemented"), N_("Waived"), N_("Passed down"),
                                            N_("Not required") };

static void totals(ht *h, const cs_coverage *c, const cs_target *t) {
  size_t a = cs_addressed_count(t), done = t->count[CS_COVERED] + t->count[CS_WAIVED] + t->count[CS_FORWARDED];
  raw(h, "<p class=\"totals\">");
  textf(h, lg_ntext("%zu directive addressed to the %s:", "%zu directives addressed to the %s:", a), a, level_name(h, c->level));
  raw(h, " ");
  for (size_t i = 0; i < 5; i++) {
    cs_status s = shown[i];
    if (s == CS_EXTRA && !t->count[s]) continue;
    rawf(h, "<span class=\"chip st-%s\" data-count=\"%zu\">", cs_status_name(s), t->count[s]);
    textf(h, "%s: %zu", _(status_words[s]), t->count[s]);
    raw(h, "</span> ");
  }
  tpl(h, _("— answered %s"), 1, dg_fmt(h->m->arena, "<b>%d%%</b>", a ? (int)(done * 100 / a) : 100));
  raw(h, "</p>\n<div class=\"bar\" aria-hidden=\"true\">");
  for (size_t i = 0; i < 5; i++)
    if (t->count[shown[i]]) rawf(h, "<span class=\"st-%s\" style=\"flex:%zu\"></span>", cs_status_name(shown[i]), t->count[shown[i]]);
  raw(h, "</div>\n");
}

static void forward_note(ht *h, const md_item *fw) {
  dg_buf b = dg_buf_in(h->m->arena);
  for (int l = 1; l <= h->m->nlevels; l++)
    if (fw->cascade & MD_LEVEL_BIT(l)) dg_buf_item(&b, ", ", level_name(h, l), strlen(level_name(h, l)));
  textf(h, _("Passed down to the %s"), b.n ? dg_buf_text(&b) : _("levels below"));
}

static void waiver_note(ht *h, const cs_row *row) {
  const md_item *w = row->waiver;
  if (row->expired) {
    tpl(h, _("The waiver expired on %s."), 1, day_html(h, w->until));
    raw(h, " ");
  }
  text(h, _("Reason:"));
  raw(h, " ");
  if (w->reason.value.n) slice(h, w->reason.value); else text(h, _("(not given)"));
  if (w->until != DT_MAX && !row->expired) {
    raw(h, " ");
    tpl(h, _("Until the end of %s."), 1, day_html(h, w->until));
  }
}

/* What the status rests on: the implementing tasks, the waiver, the
 * forward; part II's counterpart of report.c's note column. */
static void row_note(ht *h, const cs_row *row) {
  if (row->nlinks) {
    dg_buf b = dg_buf_in(h->m->arena);
    for (size_t i = 0; i < row->nlinks; i++) {
      const char *l = task_link_html(h, row->links[i]->from);
      dg_buf_item(&b, ", ", l, strlen(l));
    }
    tpl(h, _("Implemented in: %s"), 1, dg_buf_text(&b));
    if (row->status == CS_EXTRA) {
      raw(h, " ");
      text(h, _("(the parent plan does not address it to this level)"));
    }
  } else if (row->status == CS_FORWARDED) forward_note(h, row->forward);
  else if (row->waiver) waiver_note(h, row);
  else text(h, _("No task implements it"));
}

static const char *const coverage_heads[] = { N_("No."), N_("Id"), N_("Content"), N_("Lead"), N_("Status"),
                                              N_("Implemented in, notes") };

static void coverage_row(ht *h, size_t k, const cs_row *row) {
  const char *code = cs_status_name(row->status);
  rawf(h, "<tr class=\"st-%s%s\" data-status=\"%s\"", code, row->expired ? " expired" : "", code);
  attr(h, "data-id", row->directive->id);
  raw(h, ">");
  cell_open(h, "inl", _("No."));
  rawf(h, "%zu</td>", k + 1);
  cell_open(h, "inl id", _("Id"));
  text(h, row->directive->id);
  raw(h, "</td>");
  cell(h, _("Content"), cs_excerpt(h->m, row->directive, 180));
  cell(h, _("Lead"), md_ref_names(h->m, row->directive->owners));
  cell_open(h, NULL, _("Status"));
  el(h, "<span class=\"status\">", _(status_words[row->status]), "</span></td>");
  cell_open(h, NULL, _("Note"));
  row_note(h, row);
  raw(h, "</td></tr>\n");
}

static void through_note(ht *h, const cs_target *t) {
  const md_plan *u = t->through;
  raw(h, "<p class=\"through\">");
  textf(h, _("The text of %s is not in the file"), key(h, u));
  if (u->unavailable.value.n) {
    raw(h, " (");
    slice(h, u->unavailable.value);
    raw(h, ")");
  }
  textf(h, _("; the plan is checked against %s, the nearest parent plan available. As the plan in between may have "
             "changed what it passes on, what is not implemented here is only a warning."), key(h, t->plan));
  raw(h, "</p>\n");
}

static void coverage_target(ht *h, const cs_coverage *c, const cs_target *t) {
  raw(h, "<h3>");
  textf(h, _("Checked against %s"), key(h, t->plan));
  if (t->plan->title.value.n) {
    raw(h, " <span class=\"note\">");
    slice(h, t->plan->title.value);
    raw(h, "</span>");
  }
  raw(h, "</h3>\n");
  if (t->through) through_note(h, t);
  totals(h, c, t);
  head_row(h, "coverage", coverage_heads, 6);
  for (size_t k = 0; k < t->nrows; k++) coverage_row(h, k, &t->rows[k]);
  raw(h, "</tbody></table></div>\n");
}

static void coverage(ht *h) {
  cs_coverage *c = cs_coverage_of(h->m, h->plan, h->as_of);
  part_heading(h, 1);
  if (!c->ntargets)
    el(h, "<p class=\"note\">", _("The plan implements no parent plan with contents to check it against."), "</p>\n");
  for (size_t i = 0; i < c->ntargets; i++) coverage_target(h, c, &c->targets[i]);
  raw(h, "</section>\n");
}

/* ---- 3. the timeline of deadlines ---- */

typedef enum tl_tag { TL_DUE, TL_START, TL_EXPECTED, TL_OCCURS } tl_tag;

/* One deadline of a task: on the timeline at `day`, or undated. */
typedef struct tl_item {
  dt_day day;
  tl_tag tag;
  const md_item *task;
  const md_due *due;
  const dl_deadline *dl;   /* NULL: the phrase was not recognised */
  size_t seq;              /* document order, to keep sorting stable */
} tl_item;

typedef struct tl_list {
  tl_item *v;
  size_t n, cap;
} tl_list;

typedef struct timeline {
  ht *h;
  tl_list dated, recurring, undated;
  size_t seq, without;     /* tasks with no deadline */
} timeline;

static void tl_add(timeline *tl, tl_list *l, tl_item it) {
  l->v = ar_grow(tl->h->m->arena, l->v, sizeof *l->v, &l->cap, l->n + 1);
  it.seq = tl->seq++;
  l->v[l->n++] = it;
}

/* Where one part of a deadline goes: its last day when it has one (the
 * start of an open "từ năm"), each occurrence of a yearly, quarterly or
 * monthly duty, else the undated list. */
static void tl_place(timeline *tl, const md_item *t, const md_due *d, const dl_deadline *dl) {
  tl_item it = { DT_MAX, TL_DUE, t, d, dl, 0 };
  dt_span s = dl ? dl_span(dl) : (dt_span){ DT_MIN, DT_MAX };
  int periodic = dl && dl->kind == DL_RECURRING && dl->period >= DL_PERIOD_YEAR && dl->period <= DL_PERIOD_MONTH;
  if (periodic) { tl_add(tl, &tl->recurring, it); return; }
  if (s.last == DT_MAX && s.first != DT_MIN && dl->kind == DL_FROM) {
    it.day = s.first;
    it.tag = TL_START;
    tl_add(tl, &tl->dated, it);
    return;
  }
  if (s.last == DT_MAX) { tl_add(tl, &tl->undated, it); return; }
  it.day = s.last;
  it.tag = dl->kind == DL_EVENT ? TL_EXPECTED : TL_DUE;
  tl_add(tl, &tl->dated, it);
}

static int tl_collect(md_item *t, void *ctx) {
  timeline *tl = ctx;
  if (t->kind != MD_TASK) return 0;
  if (!t->dues) tl->without++;
  for (const md_due *d = t->dues; d; d = d->next) {
    if (!d->dl) tl_place(tl, t, d, NULL);
    for (const dl_deadline *dl = d->dl; dl; dl = dl->next)
      if (md_applies(tl->h->m, tl->h->plan->structure, dl, tl->h->plan->level)) tl_place(tl, t, d, dl);
  }
  return 0;
}

/* The months a recurring duty falls in: its month each year, each
 * quarter's last month, or every month; due on the month's last day. */
static void tl_occurrences(timeline *tl, const tl_item *r, dt_day lo, dt_day hi) {
  int y, mo, d, step = r->dl->period == DL_PERIOD_YEAR ? 12 : r->dl->period == DL_PERIOD_QUARTER ? 3 : 1;
  int first = r->dl->period == DL_PERIOD_YEAR ? (r->dl->month ? r->dl->month : 12) : step;
  dt_to_ymd(lo, &y, &mo, &d);
  for (int k = y * 12 + first - 1, n = 0; n < 240; k += step, n++) {
    dt_day last = dt_month(k / 12, k % 12 + 1).last;
    if (last > hi) break;
    if (last < lo) continue;
    tl_item it = *r;
    it.day = last;
    it.tag = TL_OCCURS;
    tl_add(tl, &tl->dated, it);
  }
}

static int by_day(const void *a, const void *b) {
  const tl_item *x = a, *y = b;
  if (x->day != y->day) return x->day < y->day ? -1 : 1;
  return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* The range the timeline covers: from the plan's date (or its first
 * deadline) to its last deadline, and always the as-of day and window. */
static dt_span tl_range(const timeline *tl) {
  const ht *h = tl->h;
  dt_span r = { h->as_of, h->as_of + h->within };
  if (h->plan->date_known && h->plan->date < r.first) r.first = h->plan->date;
  for (size_t i = 0; i < tl->dated.n; i++) {
    if (tl->dated.v[i].day < r.first) r.first = tl->dated.v[i].day;
    if (tl->dated.v[i].day > r.last) r.last = tl->dated.v[i].day;
  }
  int y, m, d;
  dt_to_ymd(r.first, &y, &m, &d);
  r.first = dt_month(y, m).first;
  dt_to_ymd(r.last, &y, &m, &d);
  r.last = dt_month(y, m).last;
  return r;
}

/* Periods are months, or quarters when the range is over three years. */
typedef struct tl_scale {
  int quarters;
} tl_scale;

static int period_of(tl_scale s, dt_day d) {
  int y, m, dd;
  dt_to_ymd(d, &y, &m, &dd);
  return s.quarters ? y * 4 + (m - 1) / 3 : y * 12 + m - 1;
}

static tl_scale scale_of(dt_span r) {
  tl_scale months = { 0 };
  return (tl_scale){ period_of(months, r.last) - period_of(months, r.first) >= 36 };
}

static const char *period_name(ht *h, tl_scale s, int p) {
  if (s.quarters) return dg_fmt(h->m->arena, _("Quarter %s/%d"), roman[p % 4], p / 4);
  return dg_fmt(h->m->arena, _("Month %d/%d"), p % 12 + 1, p / 12);
}

static const char *ev_class(const ht *h, dt_day d) {
  return d < h->as_of ? "past" : d <= h->as_of + h->within ? "soon" : "later";
}

/* "— lead bodies; “phrase”", without the dash and the semicolon when the
 * task names no lead body. */
static void owner_and_phrase(ht *h, const md_item *t, const md_due *d) {
  const char *names = md_ref_names(h->m, t->owners);
  raw(h, " <span class=\"note\">");
  if (*names) el(h, "— ", names, "; ");
  raw(h, "<q>");
  slice(h, d->phrase.value);
  raw(h, "</q></span>");
}

static void tl_event(ht *h, const tl_item *it) {
  static const char *const tags[] = { "", N_("starts"), N_("expected"), N_("recurring") };
  rawf(h, "<li class=\"ev %s\">", ev_class(h, it->day));
  if (it->tag == TL_DUE && it->dl && it->dl->kind == DL_BEFORE) tpl(h, _("before %s"), 1, day_html(h, it->day + 1));
  else day(h, it->day);
  if (it->tag != TL_DUE) el(h, "<span class=\"tag\">", _(tags[it->tag]), "</span>");
  raw(h, " ");
  task_link(h, it->task);
  el(h, " ", cs_excerpt(h->m, it->task, 90), "");
  owner_and_phrase(h, it->task, it->due);
  raw(h, "</li>\n");
}

static void tl_gap(ht *h, tl_scale s, int from, int to) {
  raw(h, "<li class=\"gap\">");
  if (to > from) textf(h, _("%s – %s: no deadline"), period_name(h, s, from), period_name(h, s, to));
  else textf(h, _("%s: no deadline"), period_name(h, s, from));
  raw(h, "</li>\n");
}

static void as_of_line(ht *h) {
  raw(h, "</ul><div class=\"asof\">");
  tpl(h, _("As of: %s"), 1, day_html(h, h->as_of));
  raw(h, "</div><ul>");
}

/* One period with its deadlines, and the as-of line where it falls. */
static size_t tl_period(ht *h, tl_scale s, int p, const tl_list *l, size_t i) {
  int now = p == period_of(s, h->as_of), marked = !now;
  const char *cls = now ? "now" : p < period_of(s, h->as_of) ? "past" : "later";
  el(h, dg_fmt(h->m->arena, "<li class=\"period %s\"><h4>", cls), period_name(h, s, p), "</h4><ul>\n");
  for (; i < l->n && period_of(s, l->v[i].day) == p; i++) {
    if (!marked && l->v[i].day >= h->as_of) {
      as_of_line(h);
      raw(h, "\n");
      marked = 1;
    }
    tl_event(h, &l->v[i]);
  }
  if (!marked) as_of_line(h);
  raw(h, "</ul></li>\n");
  return i;
}

static void tl_dated(ht *h, timeline *tl, dt_span r) {
  for (size_t i = 0, n = tl->recurring.n; i < n; i++) tl_occurrences(tl, &tl->recurring.v[i], r.first, r.last);
  if (tl->dated.n) qsort(tl->dated.v, tl->dated.n, sizeof *tl->dated.v, by_day);   /* v is NULL when empty */
  tl_scale s = scale_of(r);
  raw(h, "<ol class=\"timeline\">\n");
  size_t i = 0;
  int empty_from = -1, now = period_of(s, h->as_of);
  for (int p = period_of(s, r.first); p <= period_of(s, r.last); p++) {
    int has = i < tl->dated.n && period_of(s, tl->dated.v[i].day) == p;
    if (!has && p != now) {
      if (empty_from < 0) empty_from = p;
      continue;
    }
    if (empty_from >= 0) tl_gap(h, s, empty_from, p - 1);
    empty_from = -1;
    i = tl_period(h, s, p, &tl->dated, i);
  }
  if (empty_from >= 0) tl_gap(h, s, empty_from, period_of(s, r.last));
  raw(h, "</ol>\n");
}

/* Undated deadlines, grouped by what they wait on. */
static int undated_rank(const tl_item *it) {
  if (!it->dl) return 6;
  switch (it->dl->kind) {
  case DL_CONTINUOUS: return 0;
  case DL_RECURRING: return 1;
  case DL_EVENT: return 2;
  case DL_ON_REQUEST: return 3;
  case DL_PER_PLAN: return 4;
  default: return 5;
  }
}

static int by_rank(const void *a, const void *b) {
  const tl_item *x = a, *y = b;
  int rx = undated_rank(x), ry = undated_rank(y);
  if (rx != ry) return rx - ry;
  return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* Undated deadlines as short lists under their kind: on a phone a card
 * per continuous duty would bury the few that wait on something. */
static void tl_undated(ht *h, timeline *tl) {
  static const char *const kinds[] = { N_("Continuous"), N_("Recurring"), N_("On a document or an event"),
                                       N_("On request"), N_("As another plan says"), N_("No day given"),
                                       N_("Not recognised") };
  el(h, "<h3>", _("Deadlines with no day"), "</h3>\n");
  if (!tl->undated.n) { el(h, "<p class=\"note\">", _("None."), "</p>\n"); return; }
  qsort(tl->undated.v, tl->undated.n, sizeof *tl->undated.v, by_rank);
  for (size_t i = 0; i < tl->undated.n; i++) {
    const tl_item *it = &tl->undated.v[i];
    int rank = undated_rank(it);
    if (!i || undated_rank(&tl->undated.v[i - 1]) != rank) el(h, "<h4>", _(kinds[rank]), "</h4><ul class=\"undated\">\n");
    raw(h, "<li>");
    task_link(h, it->task);
    el(h, " ", cs_excerpt(h->m, it->task, 90), "");
    owner_and_phrase(h, it->task, it->due);
    raw(h, "</li>\n");
    if (i + 1 == tl->undated.n || undated_rank(&tl->undated.v[i + 1]) != rank) raw(h, "</ul>\n");
  }
}

static void deadlines(ht *h) {
  timeline tl = { .h = h };
  md_walk(&h->plan->root, tl_collect, &tl);
  part_heading(h, 2);
  dt_span r = tl_range(&tl);
  raw(h, "<p>");
  tpl(h, scale_of(r).quarters ? _("The plan's dated deadlines by quarter, from %s to %s; recurring duties are shown "
                                  "in each period of that range. The dashed line is the as-of day.")
                              : _("The plan's dated deadlines by month, from %s to %s; recurring duties are shown "
                                  "in each period of that range. The dashed line is the as-of day."),
      2, day_html(h, r.first), day_html(h, r.last));
  raw(h, "</p>\n");
  tl_dated(h, &tl, r);
  tl_undated(h, &tl);
  if (tl.without) {
    raw(h, "<p class=\"note\">");
    textf(h, lg_ntext("%zu task gives no deadline.", "%zu tasks give no deadline.", tl.without), tl.without);
    raw(h, "</p>\n");
  }
  raw(h, "</section>\n");
}

/* ---- 4. the agenda ---- */

static const char *const group_words[] = { N_("Overdue"), N_("Due soon"), N_("Triggered"), N_("Recurring"),
                                           N_("Waiting") };

static void agenda_counts(ht *h, const ag_agenda *a) {
  raw(h, "<p class=\"totals\">");
  for (int g = 0; g < AG_NGROUPS; g++) {
    rawf(h, "<span class=\"chip ag-%s\" data-count=\"%zu\">", ag_group_name((ag_group)g), a->count[g]);
    textf(h, "%s: %zu", _(group_words[g]), a->count[g]);
    raw(h, "</span> ");
  }
  raw(h, "</p>\n<p class=\"note\">");
  textf(h, _("Not listed: %zu tasks done, %zu cancelled; %zu continuous deadlines; %zu deadlines with no day. "
             "Due soon: within the next %d days."),
        a->done, a->cancelled, a->continuous, a->undated, a->within);
  raw(h, "</p>\n");
}

/* The day an entry falls due as the plan says it: "due before 30/05/2020"
 * for a "trước 30/5/2020" deadline (its last day is the 29th), else "due
 * 30/05/2020". */
static void due_on(ht *h, const ag_entry *e) {
  if (e->dl && e->dl->kind == DL_BEFORE && e->date == e->dl->span.last) tpl(h, _("Due before %s"), 1, day_html(h, e->date + 1));
  else tpl(h, _("Due %s"), 1, day_html(h, e->date));
}

/* Where the entry stands, in words: late by, due on, next on, waits for. */
static void entry_status(ht *h, const ag_entry *e) {
  switch (e->group) {
  case AG_OVERDUE:
    if (e->missed != DT_MAX) tpl(h, _("No report for the period of %s"), 1, day_html(h, e->missed));
    else due_on(h, e);
    textf(h, lg_ntext(", %ld day late", ", %ld days late", (unsigned long)e->days), e->days);
    break;
  case AG_DUE:
  case AG_TRIGGERED:
    if (e->group == AG_TRIGGERED && e->no_delay) {
      tpl(h, _("To be done from %s (the plan gives no time)"), 1, day_html(h, e->date));
      break;
    }
    if (!e->days) { text(h, _("Due today")); break; }
    due_on(h, e);
    textf(h, lg_ntext(", %ld day left", ", %ld days left", (unsigned long)e->days), e->days);
    break;
  case AG_RECURRING:
    if (e->date == DT_MAX) { text(h, _("Recurring, no period given")); break; }
    tpl(h, _("Next %s"), 1, day_html(h, e->date));
    textf(h, lg_ntext(", %ld day left", ", %ld days left", (unsigned long)e->days), e->days);
    break;
  default:
    textf(h, _("Waiting for %s"), e->waits_for ? e->waits_for : _("an event"));
    if (e->expected != DT_MAX)
      tpl(h, e->expected < h->as_of ? _("; expected before %s") : _("; expected by %s"), 1, day_html(h, e->expected));
  }
}

/* An entry of the progress record in words. */
static void event_note(ht *h, const md_event *t) {
  ar_arena *a = h->m->arena;
  const char *doc = t->doc.value.n ? dg_fmt(a, " (%s)", esc(h, str(h, t->doc.value))) : "";
  if (t->kind == MD_EV_ISSUED) {
    const char *what = dg_fmt(a, "<q>%s</q>", esc(h, str(h, t->what.value)));
    /* TRANSLATORS: a document issued: “what” of the issuer, (its number), on a day. */
    tpl(h, _("%s of %s%s on %s"), 4, what, esc(h, md_ref_names(h->m, t->issuer)), doc, day_html(h, t->day));
    return;
  }
  dg_buf ids = dg_buf_in(a);
  for (size_t i = 0; i < t->nitems; i++)
    if (t->items[i]) dg_buf_item(&ids, ", ", t->items[i]->id, strlen(t->items[i]->id));
  /* TRANSLATORS: tasks recorded done: their ids, (the document), on a day. */
  tpl(h, _("Done: %s%s on %s"), 3, esc(h, dg_buf_text(&ids)), doc, day_html(h, t->day));
}

static void entry_notes(ht *h, const ag_entry *e) {
  if (e->stage) el(h, "<p>", dg_fmt(h->m->arena, _("The %s stage, which this plan sets"), level_name(h, e->stage)), "</p>");
  if (e->named_owner) {
    raw(h, "<p>");
    /* TRANSLATORS: the lead the plan names, the body that took its work
     * over, the day it did. */
    tpl(h, _("Lead in the plan: %s, now carried by %s (since %s)"), 3, esc(h, str(h, e->named_owner->name.value)),
        esc(h, str(h, e->owner->name.value)), day_html(h, e->carried_since));
    raw(h, "</p>");
  }
  if (e->trigger) {
    raw(h, "<p>");
    text(h, _("Triggered by:"));
    raw(h, " ");
    event_note(h, e->trigger);
    raw(h, "</p>");
  }
  if (e->started) {
    raw(h, "<p>");
    tpl(h, _("In progress since %s"), 1, day_html(h, e->started->day));
    raw(h, "</p>");
  }
  if (e->last_report) {
    raw(h, "<p>");
    tpl(h, _("Last report: %s"), 1, day_html(h, e->last_report->day));
    raw(h, "</p>");
  } else if (e->task->reports && (e->group == AG_RECURRING || e->missed != DT_MAX))
    el(h, "<p>", _("No report recorded yet"), "</p>");
}

static const char *const agenda_heads[] = { N_("Status"), N_("No."), N_("Content"), N_("Deadline"), N_("Follow-up") };

static void agenda_row(ht *h, const ag_entry *e) {
  const char *g = ag_group_name(e->group);
  rawf(h, "<tr class=\"ag-%s\" data-group=\"%s\"", g, g);
  attr(h, "data-id", e->task->id);
  raw(h, ">");
  cell_open(h, "inl", _("Status"));
  el(h, "<span class=\"status\">", _(group_words[e->group]), "</span></td>");
  cell_open(h, "inl", _("No."));
  task_link(h, e->task);
  raw(h, "</td>");
  cell(h, _("Content"), cs_excerpt(h->m, e->task, 120));
  cell_open(h, NULL, _("Deadline"));
  dues(h, &(md_due){ .phrase = e->due->phrase, .what = e->due->what, .dl = e->due->dl });
  raw(h, "</td>");
  cell_open(h, NULL, _("Follow-up"));
  raw(h, "<p>");
  entry_status(h, e);
  raw(h, "</p>");
  entry_notes(h, e);
  raw(h, "</td></tr>\n");
}

static void agenda_owner(ht *h, const md_body *b) {
  raw(h, "<h3>");
  if (b) slice(h, b->name.value); else text(h, _("Lead body unknown"));
  raw(h, "</h3>\n");
  head_row(h, "agenda", agenda_heads, 5);
}

static void agenda(ht *h) {
  ag_agenda *a = ag_agenda_of(h->m, h->plan, h->as_of, h->within, NULL);
  part_heading(h, 3);
  raw(h, "<p>");
  tpl(h, _("As of %s, by lead body."), 1, day_html(h, h->as_of));
  raw(h, "</p>\n");
  agenda_counts(h, a);
  for (size_t i = 0; i < a->n; i++) {
    const ag_entry *e = &a->entries[i];
    if (!i || a->entries[i - 1].owner != e->owner) agenda_owner(h, e->owner);
    agenda_row(h, e);
    if (i + 1 == a->n || a->entries[i + 1].owner != e->owner) raw(h, "</tbody></table></div>\n");
  }
  if (!a->n) el(h, "<p class=\"note\">", _("Nothing to follow up."), "</p>\n");
  raw(h, "</section>\n");
}

/* ---- 5. the findings ---- */

/* The findings are those of `check` on the same plans: the command runs
 * every check before the page is written (EX_FINDINGS) and hands them in
 * the model's list, sorted; the page only places and renders them. */

static int mark_item(md_item *it, void *ctx) {
  ht *h = ctx;
  h->marks = ar_grow(h->m->arena, h->marks, sizeof *h->marks, &h->cap, h->nmarks + 1);
  h->marks[h->nmarks++] = (ht_mark){ it->loc.file, it->loc.off, it->plan, it };
  return 0;
}

static int by_place(const void *a, const void *b) {
  const ht_mark *x = a, *y = b;
  if (x->file != y->file) return x->file < y->file ? -1 : 1;
  if (x->off != y->off) return x->off < y->off ? -1 : 1;
  return (x->item != NULL) - (y->item != NULL);   /* the plan before its first item */
}

/* Every item of the plans on the page, and each plan's start, by place. */
static void mark_plans(ht *h, md_plan *const *plans, size_t n) {
  for (size_t i = 0; i < n; i++) {
    h->marks = ar_grow(h->m->arena, h->marks, sizeof *h->marks, &h->cap, h->nmarks + 1);
    h->marks[h->nmarks++] = (ht_mark){ plans[i]->file, plans[i]->loc.off, plans[i], NULL };
    md_walk(&plans[i]->root, mark_item, h);
  }
  if (h->nmarks) qsort(h->marks, h->nmarks, sizeof *h->marks, by_place);
}

/* The last mark at or before a finding's place, in its file; NULL for a
 * finding in no plan's file, or before any plan of its file. */
static const ht_mark *mark_of(const ht *h, const dg_diag *d) {
  size_t lo = 0, hi = h->nmarks;   /* the first mark past the place */
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    const ht_mark *k = &h->marks[mid];
    if (k->file < d->file || (k->file == d->file && k->off <= d->off)) lo = mid + 1; else hi = mid;
  }
  if (!lo || h->marks[lo - 1].file != d->file) return NULL;
  return &h->marks[lo - 1];
}

/* The plan a finding is listed under: where it lies, else (a finding in
 * a parent plan, a record, or in no file) the first plan of the page. */
static const md_plan *plan_of(const ht *h, const dg_diag *d, md_plan *const *plans) {
  const ht_mark *k = d->file == DG_NOFILE ? NULL : mark_of(h, d);
  return k ? k->plan : plans[0];
}

/* What a finding links to: the task or section its place falls in (an
 * item that is neither is in its nearest one), else the plan's header. */
static void finding_target(ht *h, const dg_diag *d, const char **id, const char **label) {
  const ht_mark *k = d->file == DG_NOFILE ? NULL : mark_of(h, d);
  const md_item *it = k ? k->item : NULL;
  while (it && it->kind != MD_TASK && it->kind != MD_SECTION) it = it->parent;
  *id = *label = "";
  if (it && it->id) {
    *id = item_anchor(h, it);
    *label = dg_fmt(h->m->arena, it->kind == MD_TASK ? _("task %s") : _("section %s"), md_local_id(it));
  } else if (k) {
    *id = anchor(h, "p-", key(h, k->plan));
    *label = _("plan header");
  }
}

static const char *where(ht *h, const dg_diag *d) {
  if (d->file == DG_NOFILE) return "";
  src_pos p = src_position(h->m->src, d->file, d->off);
  return dg_fmt(h->m->arena, "%s:%u:%u", h->m->src->files[d->file].path, p.line, p.col);
}

static void finding_note(ht *h, const dg_diag *n) {
  raw(h, "<li>");
  text(h, n->msg);
  const char *w = where(h, n);
  if (*w) el(h, " <span class=\"where\">", w, "</span>");
  raw(h, "</li>");
}

static const char *const finding_heads[] = { N_("Severity"), N_("Finding"), N_("Where"), N_("Task") };

static void finding_row(ht *h, const dg_diag *d) {
  const char *sev = dg_severity_name(d->sev), *target, *label;
  finding_target(h, d, &target, &label);
  rawf(h, "<tr class=\"finding sev-%s\" data-severity=\"%s\"", sev, sev);
  attr(h, "data-code", d->code ? d->code : "");
  rawf(h, " data-target=\"%s\">", target);
  cell_open(h, "inl", _("Severity"));
  el(h, "<span class=\"sev\">", dg_severity_text(d->sev), "</span></td>");
  cell_open(h, NULL, _("Finding"));
  text(h, d->msg);
  if (d->code) el(h, " <span class=\"code\">[", d->code, "]</span>");
  if (d->notes) {
    raw(h, "<ul class=\"notes\">");
    for (const dg_diag *n = d->notes; n; n = n->next) finding_note(h, n);
    raw(h, "</ul>");
  }
  raw(h, "</td>");
  cell_open(h, "where", _("Where"));
  text(h, where(h, d));
  raw(h, "</td>");
  cell_open(h, NULL, _("Task"));
  if (*target) el(h, dg_fmt(h->m->arena, "<a href=\"#%s\">", target), label, "</a>");
  raw(h, "</td></tr>\n");
}

/* Whether a finding is listed under h->plan: every finding when the page
 * has one plan (or none, h->plan NULL), else those plan_of gives it. */
static int listed_here(const ht *h, const dg_diag *d, md_plan *const *plans, size_t n) {
  return n <= 1 || plan_of(h, d, plans) == h->plan;
}

/* The findings of this plan, after the heading of their part. */
static void findings(ht *h, md_plan *const *plans, size_t n) {
  unsigned long count[3] = { 0, 0, 0 };
  for (const dg_diag *d = h->m->diags->first; d; d = d->next)
    if (listed_here(h, d, plans, n)) count[d->sev]++;
  if (!count[DG_ERROR] && !count[DG_WARNING] && !count[DG_NOTE]) {
    el(h, "<p class=\"note\">", _("The checks found nothing to report."), "</p>\n</section>\n");
    return;
  }
  static const char *const totals_of[] = { N_("Errors"), N_("Warnings"), N_("Notes") };
  raw(h, "<p class=\"totals\">");
  for (int s = DG_ERROR; s <= DG_NOTE; s++) {
    rawf(h, "<span class=\"chip sev-%s\" data-count=\"%lu\">", dg_severity_name((dg_severity)s), count[s]);
    textf(h, "%s: %lu", _(totals_of[s]), count[s]);
    raw(h, "</span> ");
  }
  raw(h, "</p>\n");
  head_row(h, "findings", finding_heads, 4);
  for (const dg_diag *d = h->m->diags->first; d; d = d->next)
    if (listed_here(h, d, plans, n)) finding_row(h, d);
  raw(h, "</tbody></table></div>\n</section>\n");
}

/* ---- the document ---- */

static void plan_article(ht *h, md_plan *const *plans, size_t n) {
  rawf(h, "<article class=\"plan\" id=\"%s\">\n", anchor(h, "p-", key(h, h->plan)));
  plan_head(h);
  plan_toc(h);
  part_heading(h, 0);
  items(h, &h->plan->root, 0);
  raw(h, "</section>\n");
  coverage(h);
  deadlines(h);
  agenda(h);
  part_heading(h, 4);
  findings(h, plans, n);
  raw(h, "</article>\n");
}

void ht_write(FILE *out, md_model *m, md_plan *const *plans, size_t n, dt_day as_of, int within) {
  ht h = { out, m, NULL, as_of, within, NULL, 0, 0 };
  mark_plans(&h, plans, n);
  const char *title = n == 1 ? dg_fmt(m->arena, _("%s — plan report"), key(&h, plans[0])) : _("Plan report");
  page_head(&h, title);
  raw(&h, "<header class=\"report-head\"><p>");
  tpl(&h, lg_ntext("Plan report as of %s; due soon: within %s day.", "Plan report as of %s; due soon: within %s days.",
                   (unsigned long)within),
      2, day_html(&h, as_of), dg_fmt(m->arena, "%d", within));
  raw(&h, "</p>");
  if (n > 1) {
    raw(&h, "<nav class=\"toc\"><ol>");
    for (size_t i = 0; i < n; i++) {
      h.plan = plans[i];
      rawf(&h, "<li><a href=\"#%s\">", anchor(&h, "p-", key(&h, plans[i])));
      el(&h, "", key(&h, plans[i]), "</a></li>");
    }
    raw(&h, "</ol></nav>");
  }
  raw(&h, "</header>\n");
  for (size_t i = 0; i < n; i++) {
    h.plan = plans[i];
    plan_article(&h, plans, n);
  }
  if (!n) {   /* no input declares a plan: the page holds why */
    h.plan = NULL;
    el(&h, "<section class=\"part\" id=\"kiem-tra\">\n<h2>", _("Findings"), "</h2>\n");
    findings(&h, plans, n);
  }
  el(&h, "<footer><p>", _("Made by plancheck from the text of the plan; the codes in small print are plancheck's task ids."),
     "</p></footer>\n</body>\n</html>\n");
}
