/* export: CSV (RFC 4180): the coverage of `coverage --format csv` and
 * the annex of `report --format csv`; see export.h. */
#include "export.h"

#include "lang.h"
#include "report.h"

static void csv_coverage(FILE *out, md_model *m, const cs_coverage *c, const rp_explain *x) {
  for (size_t i = 0; i < c->ntargets; i++) {
    const cs_target *t = &c->targets[i];
    for (size_t k = 0; k < t->nrows; k++) {
      const cs_row *row = &t->rows[k];
      rp_csv_field(out, rp_key(m, c->child), 0);
      rp_csv_field(out, rp_key(m, t->plan), 0);
      rp_csv_field(out, row->directive->id, 0);
      rp_csv_field(out, cs_status_text(row->status), 0);
      rp_csv_field(out, rp_implemented_by(m, row), 0);
      rp_csv_field(out, rp_owner_names(m, row->directive), 0);
      rp_csv_field(out, rp_text_of(m, row->directive), 0);
      rp_csv_field(out, rp_note_why(m, x, row), 1);
    }
  }
}


void ex_csv_coverage(FILE *out, md_model *m, cs_coverage *const *c, size_t n, int explain) {
  fputs(_("\"child\",\"parent\",\"directive\",\"status\",\"implemented_by\",\"owners\",\"text\",\"note\""), out);
  fputs("\r\n", out);
  for (size_t i = 0; i < n; i++) {
    rp_explain x = { c[i], explain };
    csv_coverage(out, m, c[i], &x);
  }
}

static void csv_row(FILE *out, md_model *m, const md_plan *p, const md_item *it) {
  rp_csv_field(out, ex_key_of(m, p), 0);
  rp_csv_field(out, md_local_id(it), 0);
  int task = it->kind == MD_TASK;
  rp_csv_field(out, ex_paragraphs(m, it->texts, "\n"), 0);
  rp_csv_field(out, task ? ex_names_of(m, it->owners, "; ") : "", 0);
  rp_csv_field(out, task ? ex_names_of(m, it->with, "; ") : "", 0);
  rp_csv_field(out, task ? ex_dues_text(m, it, "; ") : "", 1);
}

/* One table for all the plans, the first column naming each row's plan, so
 * a spreadsheet can sort and filter them together. A UTF-8 byte-order mark
 * first: Excel reads a CSV without one in the machine's code page and
 * garbles the Vietnamese; RFC 4180 readers (and Python's "utf-8-sig",
 * LibreOffice) accept it. */
void ex_csv_document(FILE *out, md_model *m, md_plan *const *plans, size_t n, ex_when when) {
  (void)when;
  fputs("\xEF\xBB\xBF", out);
  rp_csv_field(out, _("Plan"), 0);
  for (size_t k = 0; k < 5; k++) rp_csv_field(out, _(ex_annex_headings[k]), k == 4);
  for (size_t i = 0; i < n; i++) ex_annex_rows(out, m, plans[i], &plans[i]->root, csv_row);
}

