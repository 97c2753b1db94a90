/* similar: how alike two directives' texts are, for `plancheck suggest`.
 *
 * A parent plan's directive and the child plan's task that carries it out
 * rarely share a sentence, but they share its rare words: the document it
 * names ("158-QĐ/TW"), the subject ("quy chế chất vấn"). So each item's text
 * becomes a TF-IDF vector over the corpus of items added, and two items score
 * the cosine of their vectors; the idf makes "các", "và", "thực hiện" weigh
 * little without a stop list.
 *
 * Terms are Vietnamese syllables (words are space-separated syllables) and
 * adjacent syllable pairs, a cheap stand-in for word segmentation ("tổ chức",
 * "cán bộ"), never across punctuation. Before that the text is NFC, case
 * folded and written with new-style tone marks ("uỷ" is "ủy"); abbreviations
 * (the model's `abbrev` table and a built-in one) are expanded; document
 * numbers ("164-QĐ/TW") stay one term. Diacritics are kept: "bộ" is not "bổ".
 *
 * Everything lives in the model's arena. An item's text is read into terms
 * once per model (the model's lexicon), however many indexes add it: a
 * directive goes into the index of every child that links it. Layer:
 * check; calls arena, text, model. */
#ifndef PLANCHECK_SIMILAR_H
#define PLANCHECK_SIMILAR_H

#include <stddef.h>

#include "model.h"

typedef struct sm_index sm_index;
typedef struct sm_lexicon sm_lexicon;

/* A corpus of item texts; allocated in m->arena. Reads m->abbrevs, so call
 * it once the model is read. */
sm_index *sm_new(md_model *m);

/* Adds an item's text (its paragraphs, it->texts) as a document of the
 * corpus, for document frequencies. Adding the same item twice is a no-op. */
void sm_add(sm_index *ix, const md_item *it);

/* Computes the weights after every sm_add; sm_add after this is ignored. */
void sm_finish(sm_index *ix);

/* Cosine similarity in [0, 1] of two added items' weighted term vectors;
 * 0 when either was not added, has no terms, or sm_finish was not called.
 * Symmetric; allocates nothing. */
double sm_similarity(const sm_index *ix, const md_item *a, const md_item *b);

/* The few terms two items share that weigh most, heaviest first, into
 * out[0..max), for explaining a suggestion ("quy chế chất vấn trong đảng",
 * "158-qđ/tw"); returns how many. Terms are folded. Shared syllables that
 * stand next to each other in a's text come out joined as one phrase, not as
 * overlapping pairs; a phrase weighs what its heaviest term adds to the
 * cosine. Phrases longer than a pair are built in the model's arena. At most
 * SM_MAX_SHARED are returned. */
enum { SM_MAX_SHARED = 32 };
size_t sm_shared_terms(const sm_index *ix, const md_item *a, const md_item *b, const char **out,
                       size_t max);

/* Makes the first n documents added the candidates of sm_candidates: an
 * inverted index of their terms, built once, after sm_finish. */
void sm_candidates_from(sm_index *ix, size_t n);

/* The candidates that may be similar enough to `a`, in the order they were
 * added, in *out (valid until the next call); returns how many. They are
 * found through the index, a's terms rarest first: the search stops taking
 * terms when those left could add less than bar(ud) to the similarity of
 * a candidate that holds none of the terms taken, and a candidate found
 * is passed on (to visit(ud, it), which may raise the bar: the score the
 * caller's worst pick must beat) only while it could still reach the bar.
 * Every candidate left out is then less similar than the bar. The search
 * reads at most SM_SEARCH_BUDGET postings (the candidates of the terms
 * taken), and ignores the terms it leaves for that reason: a query then
 * costs the same however many candidates share its common words, and
 * only a query with more common words than the budget reads (none on the
 * real plans: the most any reads there is about 1,400) can miss a
 * candidate similar through those words alone. */
enum { SM_SEARCH_BUDGET = 2048 };
size_t sm_candidates(sm_index *ix, const md_item *a, double (*bar)(void *ud),
                     void (*visit)(void *ud, const md_item *it), void *ud, const md_item *const **out);

/* How many documents and distinct terms the corpus holds, for tests and
 * statistics. */
size_t sm_documents(const sm_index *ix);
size_t sm_terms(const sm_index *ix);

#endif
