/* export: Markdown: the coverage table of `coverage --format md` and
 * the annex of `report --format md`; see export.h. */
#include "export.h"

#include "lang.h"
#include "report.h"

static void md_coverage(FILE *out, md_model *m, const cs_coverage *c, const rp_explain *x) {
  for (size_t i = 0; i < c->ntargets; i++) {
    const cs_target *t = &c->targets[i];
    fprintf(out, _("## %s (%s) against %s\n\n"), rp_key(m, c->child), cs_level_text(m, c->level), rp_target_title(m, t));
    fputs(_("| Directive | Text | Owner | Status | Implemented by | Note |\n"), out);
    fputs("| --- | --- | --- | --- | --- | --- |\n", out);
    for (size_t k = 0; k < t->nrows; k++) {
      const cs_row *row = &t->rows[k];
      fputs("|", out);
      rp_md_cell(out, row->directive->id);
      rp_md_cell(out, rp_text_of(m, row->directive));
      rp_md_cell(out, rp_owner_names(m, row->directive));
      rp_md_cell(out, cs_status_text(row->status));
      rp_md_cell(out, rp_implemented_by(m, row));
      rp_md_cell(out, rp_note_why(m, x, row));
      fputc('\n', out);
    }
    fprintf(out, "\n%s.\n\n", rp_totals(m, c, t));
  }
}


void ex_md_coverage(FILE *out, md_model *m, cs_coverage *const *c, size_t n, int explain) {
  for (size_t i = 0; i < n; i++) {
    rp_explain x = { c[i], explain };
    md_coverage(out, m, c[i], &x);
  }
}

static void md_row(FILE *out, md_model *m, const md_plan *p, const md_item *it) {
  (void)p;
  fputc('|', out);
  if (it->kind == MD_SECTION) {
    rp_md_cell(out, dg_fmt(m->arena, "**%s**", md_local_id(it)));
    rp_md_cell(out, dg_fmt(m->arena, "**%s**", ex_paragraphs(m, it->texts, " ")));
    fputs(" | | |\n", out);
    return;
  }
  rp_md_cell(out, md_local_id(it));
  rp_md_cell(out, ex_paragraphs(m, it->texts, "<br>"));
  rp_md_cell(out, ex_names_of(m, it->owners, "; "));
  rp_md_cell(out, ex_names_of(m, it->with, "; "));
  rp_md_cell(out, ex_dues_text(m, it, "; "));
  fputc('\n', out);
}

void ex_md_document(FILE *out, md_model *m, md_plan *const *plans, size_t n, ex_when when) {
  (void)when;
  for (size_t i = 0; i < n; i++) {
    const md_plan *p = plans[i];
    fprintf(out, "%s## %s\n\n", i ? "\n" : "", ex_plan_heading(m, p));
    if (p->title.value.n) fprintf(out, "%s\n\n", ex_str(m, p->title));
    fputc('|', out);
    for (size_t k = 0; k < 5; k++) rp_md_cell(out, _(ex_annex_headings[k]));
    fputs("\n| --- | --- | --- | --- | --- |\n", out);
    ex_annex_rows(out, m, p, &p->root, md_row);
  }
}

