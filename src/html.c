/* html: the self-contained HTML report; see html.h. */
#include "html.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "agenda.h"
#include "cascade.h"
#include "text.h"

typedef struct ht {
  FILE *out;
  md_model *m;
  md_plan *plan;
  dt_day as_of;
  int within;
} ht;

/* ---- writing ---- */

static void raw(ht *h, const char *s) { fputs(s, h->out); }

/* Markup whose variable parts are numbers, codes or anchors, never text
 * from a plan (that goes through text()). */
static void rawf(ht *h, const char *fmt, ...) DG_PRINTF(2, 3);
static void rawf(ht *h, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vfprintf(h->out, fmt, ap);
  va_end(ap);
}

/* Text escaped for both element content and quoted attribute values; bad
 * bytes and control characters are made visible first, as in messages. */
static void text_n(ht *h, const char *s, size_t n) {
  sl_slice p = tx_printable(h->m->arena, s, n);
  for (size_t i = 0; i < p.n; i++) {
    switch (p.p[i]) {
    case '&': raw(h, "&amp;"); break;
    case '<': raw(h, "&lt;"); break;
    case '>': raw(h, "&gt;"); break;
    case '"': raw(h, "&quot;"); break;
    case '\'': raw(h, "&#39;"); break;
    default: fputc(p.p[i], h->out);
    }
  }
}

static void text(ht *h, const char *s) { text_n(h, s, strlen(s)); }
static void slice(ht *h, sl_slice s) { text_n(h, s.p, s.n); }

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
  rawf(h, "<td data-label=\"%s\">", label);
  text(h, s);
  raw(h, "</td>");
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

/* A day as the documents print it, 31/07/2023, machine-readable too. */
static void day(ht *h, dt_day d) {
  int y, mo, dd;
  dt_to_ymd(d, &y, &mo, &dd);
  rawf(h, "<time datetime=\"%04d-%02d-%02d\">%02d/%02d/%04d</time>", y, mo, dd, dd, mo, y);
}

static const char *level_vn(md_level l) {
  static const char *const names[] = { "chưa rõ cấp", "Trung ương", "cấp tỉnh", "cấp huyện", "cấp cơ sở" };
  return names[l];
}

static void task_link(ht *h, const md_item *t) {
  rawf(h, "<a href=\"#%s\">", anchor(h, "t-", t->id ? t->id : ""));
  text(h, md_local_id(t));
  raw(h, "</a>");
}

static const char *part_id(ht *h, const char *part) { return anchor(h, dg_fmt(h->m->arena, "p-%s-", part), key(h, h->plan)); }

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
  "@media (max-width:640px){body{padding:.6rem;font-size:15px}"
  "dl.meta{grid-template-columns:1fr}dl.meta dd{margin-bottom:.3rem}"
  "table.reflow thead{display:none}table.reflow,table.reflow tbody,table.reflow tr,table.reflow td{display:block;width:100%}"
  "table.reflow tr{border:1px solid var(--line);border-radius:.4rem;margin:0 0 .6rem;padding:.3rem .6rem}"
  "table.reflow td{border:0;padding:.1rem 0}table.reflow td:empty{display:none}"
  "table.reflow td[data-label]::before{content:attr(data-label) \": \";font-weight:600;color:var(--muted)}"
  "table.reflow td:first-child{box-shadow:none}table.reflow td.inl{display:inline-block;width:auto;margin-right:.8rem}"
  "table.reflow tr.st-covered{border-left:5px solid var(--covered)}table.reflow tr.st-waived{border-left:5px solid var(--waived)}"
  "table.reflow tr.st-forwarded{border-left:5px solid var(--forwarded)}table.reflow tr.st-missing{border-left:5px solid var(--missing)}"
  "table.reflow tr.st-extra{border-left:5px solid var(--extra)}tr.sub td.stt{padding-left:0}tr.sub{margin-left:1rem}}\n"
  "@media print{body{max-width:none;padding:0;font-size:10.5pt}nav.toc{display:none}a{color:inherit;text-decoration:none}"
  "tr,li.ev,.through{break-inside:avoid}h2,h3,h4{break-after:avoid}article+article{break-before:page}"
  ".tbl{overflow:visible}*{-webkit-print-color-adjust:exact;print-color-adjust:exact}}\n";

static void page_head(ht *h, const char *title) {
  raw(h, "<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
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
    raw(h, " <span class=\"note\">(không có văn bản");
    if (d && d->unavailable.value.n) {
      raw(h, ": ");
      slice(h, d->unavailable.value);
    }
    raw(h, ")</span>");
  }
  raw(h, "</li>");
}

/* A field of the header: its label, then the caller writes the value. */
static void meta(ht *h, const char *label) { rawf(h, "</dd><dt>%s</dt><dd>", label); }

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
  raw(h, "</h1>\n<dl class=\"meta\"><dt>Số, ký hiệu</dt><dd>");
  if (p->numbered) text(h, key(h, p)); else el(h, "<span class=\"note\">Không ghi số (mã: ", key(h, p), ")</span>");
  meta(h, "Ngày ban hành");
  if (p->date_known) day(h, p->date); else raw(h, "<span class=\"note\">Không ghi ngày</span>");
  meta(h, "Cơ quan ban hành");
  text(h, md_ref_names(h->m, p->issuer));
  meta(h, "Cấp");
  text(h, level_vn(p->level));
  if (p->parents) {
    meta(h, "Thực hiện văn bản");
    raw(h, "<ul>");
    for (const md_parent *pa = p->parents; pa; pa = pa->next) parent_item(h, pa);
    raw(h, "</ul>");
  }
  raw(h, "</dd></dl>\n");
}

static void plan_toc(ht *h) {
  static const char *const parts[][2] = {
    { "noi-dung", "I. Nội dung kế hoạch" }, { "doi-chieu", "II. Cụ thể hóa văn bản cấp trên" },
    { "thoi-han", "III. Lịch thời hạn" }, { "viec-can-lam", "IV. Việc cần làm" },
  };
  raw(h, "<nav class=\"toc\"><ol>");
  for (size_t i = 0; i < 4; i++) rawf(h, "<li><a href=\"#%s\">%s</a></li>", part_id(h, parts[i][0]), parts[i][1]);
  raw(h, "</ol></nav>\n</header>\n");
}

static void part_heading(ht *h, const char *part, const char *title) {
  rawf(h, "<section class=\"part\" id=\"%s\">\n<h2>%s</h2>\n", part_id(h, part), title);
}

static void dues(ht *h, const md_due *d) {
  if (!d) return;
  raw(h, "<ul class=\"dues\">");
  for (; d; d = d->next) {
    raw(h, "<li");
    attr(h, "title", d->dl ? dl_canonical_chain(h->m->arena, d->dl) : "chưa nhận dạng được");
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

static void task_row(ht *h, const md_item *t, int sub) {
  rawf(h, "<tr id=\"%s\"%s><td class=\"stt\" data-label=\"STT\">", anchor(h, "t-", t->id ? t->id : ""),
       sub ? " class=\"sub\"" : "");
  if (t->label.n) {
    raw(h, "<span class=\"lbl\">");
    slice(h, t->label);
    raw(h, "</span>");
  }
  el(h, "<span class=\"tid\">", md_local_id(t), "</span></td><td data-label=\"Nội dung\">");
  paragraphs(h, t->texts);
  raw(h, "</td>");
  cell(h, "Chủ trì", md_ref_names(h->m, t->owners));
  cell(h, "Phối hợp", md_ref_names(h->m, t->with));
  raw(h, "<td data-label=\"Thời hạn\">");
  dues(h, t->dues);
  raw(h, "</td></tr>\n");
  for (const md_item *c = t->first; c; c = c->next)
    if (c->kind == MD_TASK) task_row(h, c, 1);
}

/* The table of a run of sibling tasks; returns the item after the run. */
static const md_item *task_table(ht *h, const md_item *it) {
  raw(h, "<div class=\"tbl\"><table class=\"tasks reflow\"><thead><tr><th>STT</th><th>Nội dung</th>"
         "<th>Chủ trì</th><th>Phối hợp</th><th>Thời hạn</th></tr></thead><tbody>\n");
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

static void section(ht *h, const md_item *s, int depth) {
  int level = depth < 2 ? depth + 3 : 5;
  rawf(h, "<section class=\"sec\"><h%d>", level);
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
static const char *const status_vn[] = { "Chưa cụ thể hóa", "Đã cụ thể hóa", "Miễn trừ", "Chuyển cấp dưới",
                                         "Ngoài yêu cầu" };

static void totals(ht *h, const cs_coverage *c, const cs_target *t) {
  size_t a = cs_addressed_count(t), done = t->count[CS_COVERED] + t->count[CS_WAIVED] + t->count[CS_FORWARDED];
  rawf(h, "<p class=\"totals\">%zu nhiệm vụ giao cho %s: ", a, level_vn(c->level));
  for (size_t i = 0; i < 5; i++) {
    cs_status s = shown[i];
    if (s == CS_EXTRA && !t->count[s]) continue;
    rawf(h, "<span class=\"chip st-%s\" data-count=\"%zu\">%s: %zu</span> ", cs_status_name(s), t->count[s],
         status_vn[s], t->count[s]);
  }
  rawf(h, "— đã đáp ứng <b>%d%%</b></p>\n<div class=\"bar\" aria-hidden=\"true\">", a ? (int)(done * 100 / a) : 100);
  for (size_t i = 0; i < 5; i++)
    if (t->count[shown[i]]) rawf(h, "<span class=\"st-%s\" style=\"flex:%zu\"></span>", cs_status_name(shown[i]), t->count[shown[i]]);
  raw(h, "</div>\n");
}

static void forward_note(ht *h, const md_item *fw) {
  const char *lv = "";
  for (int l = MD_CENTRAL; l <= MD_GRASSROOTS; l++)
    if (fw->cascade & MD_LEVEL_BIT(l)) lv = dg_fmt(h->m->arena, "%s%s%s", lv, *lv ? ", " : "", level_vn((md_level)l));
  el(h, "Chuyển xuống ", *lv ? lv : "cấp dưới", "");
}

static void waiver_note(ht *h, const cs_row *row) {
  const md_item *w = row->waiver;
  if (row->expired) {
    raw(h, "Miễn trừ đã hết hạn ngày ");
    day(h, w->until);
    raw(h, ". ");
  }
  raw(h, "Lý do: ");
  if (w->reason.value.n) slice(h, w->reason.value); else raw(h, "(không nêu)");
  if (w->until != DT_MAX && !row->expired) {
    raw(h, " Đến hết ngày ");
    day(h, w->until);
    raw(h, ".");
  }
}

/* What the status rests on: the implementing tasks, the waiver, the
 * forward; part II's counterpart of report.c's note column. */
static void row_note(ht *h, const cs_row *row) {
  if (row->nlinks) {
    raw(h, "Thực hiện tại: ");
    for (size_t i = 0; i < row->nlinks; i++) {
      if (i) raw(h, ", ");
      task_link(h, row->links[i]->from);
    }
    if (row->status == CS_EXTRA) raw(h, " (văn bản cấp trên không giao cho cấp này)");
  } else if (row->status == CS_FORWARDED) forward_note(h, row->forward);
  else if (row->waiver) waiver_note(h, row);
  else raw(h, "Chưa có nhiệm vụ nào thực hiện");
}

static void coverage_row(ht *h, size_t k, const cs_row *row) {
  const char *code = cs_status_name(row->status);
  rawf(h, "<tr class=\"st-%s%s\" data-status=\"%s\"", code, row->expired ? " expired" : "", code);
  attr(h, "data-id", row->directive->id);
  rawf(h, "><td class=\"inl\" data-label=\"STT\">%zu</td><td class=\"inl id\" data-label=\"Mã\">", k + 1);
  text(h, row->directive->id);
  raw(h, "</td>");
  cell(h, "Nội dung", cs_excerpt(h->m, row->directive, 180));
  cell(h, "Chủ trì", md_ref_names(h->m, row->directive->owners));
  rawf(h, "<td data-label=\"Tình trạng\"><span class=\"status\">%s</span></td><td data-label=\"Ghi chú\">",
       status_vn[row->status]);
  row_note(h, row);
  raw(h, "</td></tr>\n");
}

static void through_note(ht *h, const cs_target *t) {
  const md_plan *u = t->through;
  el(h, "<p class=\"through\">Văn bản ", key(h, u), " không có trong hồ sơ");
  if (u->unavailable.value.n) {
    raw(h, " (");
    slice(h, u->unavailable.value);
    raw(h, ")");
  }
  el(h, "; kế hoạch được đối chiếu với văn bản cấp trên gần nhất hiện có là ", key(h, t->plan),
     ". Vì văn bản trung gian có thể đã điều chỉnh, các nội dung chưa cụ thể hóa ở đây chỉ là cảnh báo.</p>\n");
}

static void coverage_target(ht *h, const cs_coverage *c, const cs_target *t) {
  el(h, "<h3>Đối chiếu với ", key(h, t->plan), "");
  if (t->plan->title.value.n) {
    raw(h, " <span class=\"note\">");
    slice(h, t->plan->title.value);
    raw(h, "</span>");
  }
  raw(h, "</h3>\n");
  if (t->through) through_note(h, t);
  totals(h, c, t);
  raw(h, "<div class=\"tbl\"><table class=\"coverage reflow\"><thead><tr><th>STT</th><th>Mã</th>"
         "<th>Nội dung</th><th>Chủ trì</th><th>Tình trạng</th><th>Thực hiện, ghi chú</th></tr></thead><tbody>\n");
  for (size_t k = 0; k < t->nrows; k++) coverage_row(h, k, &t->rows[k]);
  raw(h, "</tbody></table></div>\n");
}

static void coverage(ht *h) {
  cs_coverage *c = cs_coverage_of(h->m, h->plan, h->as_of);
  part_heading(h, "doi-chieu", "II. Cụ thể hóa văn bản cấp trên");
  if (!c->ntargets)
    raw(h, "<p class=\"note\">Kế hoạch không thực hiện văn bản cấp trên nào có nội dung để đối chiếu.</p>\n");
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
      if (dl_applies(dl, tl->h->plan->level)) tl_place(tl, t, d, dl);
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
  static const char *const roman[] = { "I", "II", "III", "IV" };
  if (s.quarters) return dg_fmt(h->m->arena, "Quý %s/%d", roman[p % 4], p / 4);
  return dg_fmt(h->m->arena, "Tháng %d/%d", p % 12 + 1, p / 12);
}

static const char *ev_class(const ht *h, dt_day d) {
  return d < h->as_of ? "past" : d <= h->as_of + h->within ? "soon" : "later";
}

static void tl_event(ht *h, const tl_item *it) {
  static const char *const tags[] = { "", "bắt đầu", "dự kiến", "định kỳ" };
  rawf(h, "<li class=\"ev %s\">", ev_class(h, it->day));
  day(h, it->day);
  if (it->tag != TL_DUE) rawf(h, "<span class=\"tag\">%s</span>", tags[it->tag]);
  raw(h, " ");
  task_link(h, it->task);
  el(h, " ", cs_excerpt(h->m, it->task, 90), "");
  el(h, " <span class=\"note\">— ", md_ref_names(h->m, it->task->owners), ";");
  raw(h, " <q>");
  slice(h, it->due->phrase.value);
  raw(h, "</q></span></li>\n");
}

static void tl_gap(ht *h, tl_scale s, int from, int to) {
  el(h, "<li class=\"gap\">", period_name(h, s, from), "");
  if (to > from) el(h, " – ", period_name(h, s, to), "");
  raw(h, ": không có thời hạn</li>\n");
}

/* One period with its deadlines, and the as-of line where it falls. */
static size_t tl_period(ht *h, tl_scale s, int p, const tl_list *l, size_t i) {
  int now = p == period_of(s, h->as_of), marked = !now;
  const char *cls = now ? "now" : p < period_of(s, h->as_of) ? "past" : "later";
  el(h, dg_fmt(h->m->arena, "<li class=\"period %s\"><h4>", cls), period_name(h, s, p), "</h4><ul>\n");
  for (; i < l->n && period_of(s, l->v[i].day) == p; i++) {
    if (!marked && l->v[i].day >= h->as_of) {
      raw(h, "</ul><div class=\"asof\">Ngày tính: ");
      day(h, h->as_of);
      raw(h, "</div><ul>\n");
      marked = 1;
    }
    tl_event(h, &l->v[i]);
  }
  if (!marked) {
    raw(h, "</ul><div class=\"asof\">Ngày tính: ");
    day(h, h->as_of);
    raw(h, "</div><ul>");
  }
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
  static const char *const kinds[] = { "Thường xuyên", "Định kỳ", "Khi có văn bản, sự kiện", "Theo yêu cầu",
                                       "Theo kế hoạch khác", "Không xác định ngày", "Chưa nhận dạng được" };
  raw(h, "<h3>Thời hạn không có ngày cụ thể</h3>\n");
  if (!tl->undated.n) { raw(h, "<p class=\"note\">Không có.</p>\n"); return; }
  qsort(tl->undated.v, tl->undated.n, sizeof *tl->undated.v, by_rank);
  for (size_t i = 0; i < tl->undated.n; i++) {
    const tl_item *it = &tl->undated.v[i];
    int rank = undated_rank(it);
    if (!i || undated_rank(&tl->undated.v[i - 1]) != rank) rawf(h, "<h4>%s</h4><ul class=\"undated\">\n", kinds[rank]);
    raw(h, "<li>");
    task_link(h, it->task);
    el(h, " ", cs_excerpt(h->m, it->task, 90), "");
    el(h, " <span class=\"note\">— ", md_ref_names(h->m, it->task->owners), "; <q>");
    slice(h, it->due->phrase.value);
    raw(h, "</q></span></li>\n");
    if (i + 1 == tl->undated.n || undated_rank(&tl->undated.v[i + 1]) != rank) raw(h, "</ul>\n");
  }
}

static void deadlines(ht *h) {
  timeline tl = { .h = h };
  md_walk(&h->plan->root, tl_collect, &tl);
  part_heading(h, "thoi-han", "III. Lịch thời hạn");
  dt_span r = tl_range(&tl);
  raw(h, "<p>Các thời hạn có ngày của kế hoạch theo ");
  raw(h, scale_of(r).quarters ? "quý" : "tháng");
  raw(h, ", từ ");
  day(h, r.first);
  raw(h, " đến ");
  day(h, r.last);
  raw(h, "; việc định kỳ được ghi vào từng kỳ trong khoảng đó. Đường gạch đứt là ngày tính.</p>\n");
  tl_dated(h, &tl, r);
  tl_undated(h, &tl);
  if (tl.without) rawf(h, "<p class=\"note\">%zu nhiệm vụ không ghi thời hạn.</p>\n", tl.without);
  raw(h, "</section>\n");
}

/* ---- 4. the agenda ---- */

static const char *const group_vn[] = { "Quá hạn", "Sắp đến hạn", "Đã phát sinh", "Định kỳ", "Chờ điều kiện" };

static void agenda_counts(ht *h, const ag_agenda *a) {
  raw(h, "<p class=\"totals\">");
  for (int g = 0; g < AG_NGROUPS; g++)
    rawf(h, "<span class=\"chip ag-%s\" data-count=\"%zu\">%s: %zu</span> ", ag_group_name((ag_group)g), a->count[g],
         group_vn[g], a->count[g]);
  rawf(h, "</p>\n<p class=\"note\">Không liệt kê: %zu nhiệm vụ đã hoàn thành, %zu đã hủy; %zu thời hạn thường xuyên; "
          "%zu thời hạn không có ngày. Sắp đến hạn: trong %d ngày tới.</p>\n",
       a->done, a->cancelled, a->continuous, a->undated, a->within);
}

static void days_text(ht *h, const char *before, long n, const char *unit_after) {
  rawf(h, "%s%ld ngày%s", before, n, unit_after);
}

/* Where the entry stands, in words: late by, due on, next on, waits for. */
static void entry_status(ht *h, const ag_entry *e) {
  switch (e->group) {
  case AG_OVERDUE:
    raw(h, e->missed != DT_MAX ? "Chưa có báo cáo kỳ " : "Hạn ");
    day(h, e->missed != DT_MAX ? e->missed : e->date);
    days_text(h, ", trễ ", e->days, "");
    break;
  case AG_DUE:
  case AG_TRIGGERED:
    if (e->group == AG_TRIGGERED && e->no_delay) {
      raw(h, "Phải thực hiện từ ");
      day(h, e->date);
      raw(h, " (kế hoạch không ghi thời gian)");
      break;
    }
    if (!e->days) { raw(h, "Đến hạn hôm nay"); break; }
    raw(h, "Hạn ");
    day(h, e->date);
    days_text(h, ", còn ", e->days, "");
    break;
  case AG_RECURRING:
    if (e->date == DT_MAX) { raw(h, "Định kỳ, không ghi kỳ cụ thể"); break; }
    raw(h, "Kỳ tới ");
    day(h, e->date);
    days_text(h, ", còn ", e->days, "");
    break;
  default:
    el(h, "Chờ ", e->waits_for ? e->waits_for : "sự kiện", "");
    if (e->expected != DT_MAX) {
      raw(h, e->expected < h->as_of ? "; dự kiến trước " : "; dự kiến đến ");
      day(h, e->expected);
    }
  }
}

/* An entry of the progress record in words. */
static void event_note(ht *h, const md_event *t) {
  if (t->kind == MD_EV_ISSUED) {
    raw(h, "<q>");
    slice(h, t->what.value);
    el(h, "</q> của ", md_ref_names(h->m, t->issuer), "");
  } else {
    raw(h, "Hoàn thành ");
    for (size_t i = 0; i < t->nitems; i++)
      if (t->items[i]) el(h, i ? ", " : "", t->items[i]->id, "");
  }
  if (t->doc.value.n) {
    raw(h, " (");
    slice(h, t->doc.value);
    raw(h, ")");
  }
  raw(h, " ngày ");
  day(h, t->day);
}

static void entry_notes(ht *h, const ag_entry *e) {
  if (e->trigger) {
    raw(h, "<p>Phát sinh do: ");
    event_note(h, e->trigger);
    raw(h, "</p>");
  }
  if (e->started) {
    raw(h, "<p>Đang thực hiện từ ");
    day(h, e->started->day);
    raw(h, "</p>");
  }
  if (e->last_report) {
    raw(h, "<p>Báo cáo gần nhất: ngày ");
    day(h, e->last_report->day);
    raw(h, "</p>");
  } else if (e->task->reports && (e->group == AG_RECURRING || e->missed != DT_MAX))
    raw(h, "<p>Chưa có báo cáo nào được ghi nhận</p>");
}

static void agenda_row(ht *h, const ag_entry *e) {
  const char *g = ag_group_name(e->group);
  rawf(h, "<tr class=\"ag-%s\" data-group=\"%s\"", g, g);
  attr(h, "data-id", e->task->id);
  rawf(h, "><td class=\"inl\" data-label=\"Tình trạng\"><span class=\"status\">%s</span></td>"
          "<td class=\"inl\" data-label=\"STT\">", group_vn[e->group]);
  task_link(h, e->task);
  raw(h, "</td>");
  cell(h, "Nội dung", cs_excerpt(h->m, e->task, 120));
  raw(h, "<td data-label=\"Thời hạn\">");
  dues(h, &(md_due){ .phrase = e->due->phrase, .what = e->due->what, .dl = e->due->dl });
  raw(h, "</td><td data-label=\"Theo dõi\"><p>");
  entry_status(h, e);
  raw(h, "</p>");
  entry_notes(h, e);
  raw(h, "</td></tr>\n");
}

static void agenda_owner(ht *h, const md_body *b) {
  raw(h, "<h3>");
  if (b) slice(h, b->name.value); else raw(h, "Chưa rõ cơ quan chủ trì");
  raw(h, "</h3>\n<div class=\"tbl\"><table class=\"agenda reflow\"><thead><tr><th>Tình trạng</th><th>STT</th>"
         "<th>Nội dung</th><th>Thời hạn</th><th>Theo dõi</th></tr></thead><tbody>\n");
}

static void agenda(ht *h) {
  ag_agenda *a = ag_agenda_of(h->m, h->plan, h->as_of, h->within, NULL);
  part_heading(h, "viec-can-lam", "IV. Việc cần làm");
  raw(h, "<p>Tính đến ngày ");
  day(h, h->as_of);
  raw(h, ", theo cơ quan chủ trì.</p>\n");
  agenda_counts(h, a);
  for (size_t i = 0; i < a->n; i++) {
    const ag_entry *e = &a->entries[i];
    if (!i || a->entries[i - 1].owner != e->owner) agenda_owner(h, e->owner);
    agenda_row(h, e);
    if (i + 1 == a->n || a->entries[i + 1].owner != e->owner) raw(h, "</tbody></table></div>\n");
  }
  if (!a->n) raw(h, "<p class=\"note\">Không có việc nào cần theo dõi.</p>\n");
  raw(h, "</section>\n");
}

/* ---- the document ---- */

static void plan_article(ht *h) {
  rawf(h, "<article class=\"plan\" id=\"%s\">\n", anchor(h, "p-", key(h, h->plan)));
  plan_head(h);
  plan_toc(h);
  part_heading(h, "noi-dung", "I. Nội dung kế hoạch");
  items(h, &h->plan->root, 0);
  raw(h, "</section>\n");
  coverage(h);
  deadlines(h);
  agenda(h);
  raw(h, "</article>\n");
}

void ht_write(FILE *out, md_model *m, md_plan *const *plans, size_t n, dt_day as_of, int within) {
  ht h = { out, m, NULL, as_of, within };
  const char *title = n == 1 ? dg_fmt(m->arena, "%.*s — báo cáo kế hoạch", (int)plans[0]->key.n, plans[0]->key.p)
                             : "Báo cáo kế hoạch";
  page_head(&h, title);
  raw(&h, "<header class=\"report-head\"><p>Báo cáo kế hoạch, tính đến ngày ");
  day(&h, as_of);
  rawf(&h, "; việc sắp đến hạn: trong %d ngày.</p>", within);
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
    plan_article(&h);
  }
  raw(&h, "<footer><p>Lập bằng plancheck từ văn bản kế hoạch; mã trong ngoặc là mã nhiệm vụ của plancheck.</p></footer>\n"
          "</body>\n</html>\n");
}
