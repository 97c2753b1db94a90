/* html: `plancheck report --format html`, one self-contained HTML page.
 *
 * For each plan: the plan as printed (header, sections, tasks with their
 * lead and co-operating bodies and deadlines), its coverage matrix against
 * the parent plans, a timeline of its deadlines by month or quarter, its
 * agenda as of a day, and its findings (the model's list, which the
 * command fills by running every check first), each linked to the task or
 * section it is about. Everything the page needs is inside it (inline
 * CSS, no script, no font, image or link to fetch), so it can be mailed or
 * opened offline; tables reflow into cards on a phone and the page prints.
 * Headings, labels, hover titles and dates are in the user's language
 * (lang), in Vietnamese as offices write them; status, severity and
 * finding codes stay in English as CSS classes and data attributes for
 * scripts and tests.
 * Layer: report; calls agenda, cascade, model, deadline, date, text, lang,
 * source (positions), diag (the findings, dg_fmt). Prints only to the FILE
 * it is given. */
#ifndef PLANCHECK_HTML_H
#define PLANCHECK_HTML_H

#include <stdio.h>

#include "model.h"

/* The page for `n` plans (n >= 1), as of a day, with the findings in
 * m->diags (sorted); the agenda's window is `within` days. Strings are
 * made in the model's arena. */
void ht_write(FILE *out, md_model *m, md_plan *const *plans, size_t n, dt_day as_of, int within);

#endif
