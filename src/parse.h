/* parse: drives the lexer and the lemon parser over one file and builds
 * the model from the grammar's actions.
 *
 * The grammar (grammar/gram.y) only calls the ps_* builders below, so all
 * model construction and every parse-time message lives here. Syntax errors
 * are collected (capped per file) and parsing goes on after each, so one run
 * shows several. Layer: parse; calls lexer, model, diag, date, text. */
#ifndef PLANCHECK_PARSE_H
#define PLANCHECK_PARSE_H

#include "lexer.h"
#include "model.h"

enum { PS_MAX_DEPTH = 64, PS_MAX_SYNTAX_ERRORS = 20 };

typedef enum ps_hdr_field {
  PS_KIND, PS_TITLE, PS_PLACE, PS_BASIS, PS_RECIPIENT, PS_NOTE, PS_UNAVAILABLE,
  PS_SIGNER, PS_ROLE,
} ps_hdr_field;

typedef enum ps_due_opt_kind { PS_AS, PS_FOR, PS_AFTER } ps_due_opt_kind;
typedef enum ps_link_opt_kind { PS_FINGERPRINT, PS_REASSIGNED } ps_link_opt_kind;
typedef enum ps_event_field { PS_EV_DOC, PS_EV_FOR, PS_EV_REASON, PS_EV_NOTE } ps_event_field;

typedef struct ps_period {
  int kind;                  /* dl_period, 0 for none, -1 for "by YEAR" */
  lx_token year;
} ps_period;

/* The last node of a list being built, found by its first node: a plan
 * may give one task 100,000 `due` lines or paragraphs, and walking to the
 * tail for each would cost their square. */
typedef struct ps_tail {
  void *head, *tail;         /* head NULL: free */
  unsigned long used;        /* when last used, for replacing the oldest */
} ps_tail;

enum { PS_TAILS = 8 };       /* more than the lists of one statement (a
                                task's by, with, reports, due, note and
                                implements, and a list after a comma) */

typedef struct ps_ctx {
  md_model *m;
  uint32_t file;
  const char *data;
  md_plan *plan;             /* the plan this file declares */
  md_plan *hdr[8];           /* header being filled: the plan, then parent descriptions */
  int nhdr;
  md_parent *parent;         /* the latest `implements` */
  md_body *body;             /* the body being declared */
  md_level_def *level_def;   /* the level being declared */
  md_structure *structure;   /* the structure being declared */
  md_loc level_loc;          /* where the last level was written */
  md_extension *ext;         /* the extension being read, or NULL */
  md_place *place;           /* the place being declared */
  md_item *target;           /* the target whose measures are being read */
  sl_slice progress_key;     /* the plan of the progress block being read */
  md_loc progress_loc;
  int in_progress;           /* inside a progress block */
  md_item pending;           /* top-level items of a file with no plan */
  size_t nids;               /* tasks and sections read: the plan's nids */
  md_item *open;             /* the innermost block being read, whose
                                items are appended to it; each open
                                block's parent is the block around it */
  md_include *includes, *last_include;
  int syntax_errors;
  int stop;
  int prev2, prev;           /* the types of the two tokens before ... */
  const lx_token *cur;       /* ... the current one (the driver's) */
  int had_error;             /* a syntax error was reported ... */
  uint32_t error_off;        /* ... at this offset */
  uint32_t braces[PS_MAX_DEPTH];
  int depth;
  ps_tail tails[PS_TAILS];   /* the lists appended to lately */
  unsigned long tick;
} ps_ctx;

/* What parsing one file produced besides the model entries. */
typedef struct ps_result {
  md_include *includes;      /* use/include statements, in order */
  md_plan *plan;             /* the plan the file declares, or NULL */
  md_item *orphans;          /* holder of top-level items when plan is NULL */
} ps_result;

void ps_parse_file(md_model *m, uint32_t file, ps_result *out);

/* The lexer's hook (lx_lexer.level_word) with an md_model as its ctx:
 * what lexes a file as ps_parse_file did, once its levels are read. */
size_t ps_level_word(void *ctx, const char *p, const char *lim);

/* The parser lemon generates from grammar/gram.y (prefix psParse). */
void *psParseAlloc(void *(*alloc)(size_t), ps_ctx *ctx);
void psParseInit(void *parser, ps_ctx *ctx);
void psParse(void *parser, int major, lx_token minor);
void psParseFinalize(void *parser);
void psParseFree(void *parser, void (*release)(void *));
int psParseStackPeak(void *parser);
int psParseCoverage(FILE *out);
int psParseFallback(int token);
void psParseResetErrors(void *parser);
size_t psParseSize(void);

/* Decodes a STRING token into an md_str (escapes resolved). */
md_str ps_string(ps_ctx *ctx, const lx_token *t);

/* Builders called by the grammar's actions. */
void ps_syntax_error(ps_ctx *ctx, int major, const lx_token *t);
void ps_stack_overflow(ps_ctx *ctx);
void ps_include(ps_ctx *ctx, const lx_token *path, int is_use);
void ps_abbrev(ps_ctx *ctx, const lx_token *shortform, const lx_token *longform);
void ps_plan(ps_ctx *ctx, const lx_token *key, int numbered);
void ps_hdr_pop(ps_ctx *ctx);
void ps_hdr_str(ps_ctx *ctx, ps_hdr_field f, const lx_token *s);
void ps_hdr_issuer(ps_ctx *ctx, md_ref *r);
void ps_hdr_level(ps_ctx *ctx, int level);
void ps_hdr_structure(ps_ctx *ctx, const lx_token *id);
int ps_level(ps_ctx *ctx, const lx_token *t);
int ps_level_kw(ps_ctx *ctx, const lx_token *t, const char *id);
void ps_level_decl(ps_ctx *ctx, const lx_token *id, const lx_token *name);
void ps_level_aliases(ps_ctx *ctx, md_strs *s);
void ps_structure(ps_ctx *ctx, const lx_token *id, const lx_token *name);
void ps_structure_span(ps_ctx *ctx, const lx_token *d, int until);
void ps_structure_level(ps_ctx *ctx, int level);
void ps_structure_end(ps_ctx *ctx);
void ps_body_succeeds(ps_ctx *ctx, md_ref *refs, const lx_token *from);
void ps_hdr_date(ps_ctx *ctx, const lx_token *d);
void ps_parent(ps_ctx *ctx, const lx_token *number);
void ps_parent_path(ps_ctx *ctx, const lx_token *path);
void ps_parent_block(ps_ctx *ctx);
void ps_body(ps_ctx *ctx, const lx_token *id, const lx_token *name, int level);
/* `body ID {`: an extension of a body declared elsewhere; its block may
 * only give aliases. */
void ps_body_extend(ps_ctx *ctx, const lx_token *id);
void ps_body_extend_end(ps_ctx *ctx);
/* `date unknown`: check notes the checks it turns off, at `u`. */
void ps_hdr_date_unknown(ps_ctx *ctx, const lx_token *u);
void ps_body_aliases(ps_ctx *ctx, md_strs *s);
void ps_body_counterparts(ps_ctx *ctx, md_ref *r);
void ps_body_level(ps_ctx *ctx, int level);
void ps_body_addresses(ps_ctx *ctx, unsigned levels);
void ps_body_note(ps_ctx *ctx, const lx_token *s);
/* `exists LEVEL, ...` in a body's block. */
void ps_body_exists(ps_ctx *ctx, const lx_token *kw, unsigned levels);
/* `place ID "NAME" LEVEL` and its `alias` lines. */
void ps_place(ps_ctx *ctx, const lx_token *id, const lx_token *name, int level);
void ps_place_aliases(ps_ctx *ctx, md_strs *s);
md_ref *ps_ref(ps_ctx *ctx, const lx_token *t, int by_name);
md_ref *ps_ref_append(ps_ctx *ctx, md_ref *list, md_ref *r);
md_strs *ps_strs(ps_ctx *ctx, md_strs *list, const lx_token *s);
void ps_block_open(ps_ctx *ctx, md_item *it);
void ps_block_close(ps_ctx *ctx, md_item *it);
void ps_block_drop(ps_ctx *ctx, md_item *it);
void ps_append(ps_ctx *ctx, md_item *it);
md_item *ps_item(ps_ctx *ctx, md_item_kind kind, const lx_token *start, const lx_token *label, md_strs *texts);
void ps_top_item(ps_ctx *ctx, md_item *it);
void ps_by(ps_ctx *ctx, md_item *it, md_ref *r);
void ps_with(ps_ctx *ctx, md_item *it, md_ref *r);
void ps_reports(ps_ctx *ctx, md_item *it, md_ref *r);
void ps_via(ps_ctx *ctx, md_item *it, const lx_token *kw, md_ref *r);
void ps_due(ps_ctx *ctx, md_item *it, const lx_token *phrase);
void ps_due_opt(ps_ctx *ctx, md_item *it, const lx_token *kw, ps_due_opt_kind k, const lx_token *s);
md_link *ps_link(ps_ctx *ctx, const lx_token *target);
void ps_link_opt(ps_ctx *ctx, md_link *l, ps_link_opt_kind k, const lx_token *s);
md_link *ps_link_append(ps_ctx *ctx, md_link *list, md_link *more);
void ps_implements(ps_ctx *ctx, md_item *it, md_link *links);
void ps_cascade(ps_ctx *ctx, md_item *it, unsigned levels);
void ps_scope(ps_ctx *ctx, md_item *it, const lx_token *kw, unsigned levels);
md_item *ps_waiver(ps_ctx *ctx, const lx_token *kw, md_link *links);
void ps_waiver_reason(ps_ctx *ctx, md_item *it, const lx_token *s);
void ps_waiver_until(ps_ctx *ctx, md_item *it, const lx_token *d);
md_item *ps_forward(ps_ctx *ctx, const lx_token *kw, md_link *links, unsigned levels);
void ps_id(ps_ctx *ctx, md_item *it, const lx_token *s);
void ps_note(ps_ctx *ctx, md_item *it, const lx_token *s);
void ps_target_open(ps_ctx *ctx, md_item *it);
void ps_target_done(ps_ctx *ctx);
md_measure *ps_measure(ps_ctx *ctx, const lx_token *kw, const lx_token *name, int cmp,
                       const lx_token *value, const lx_token *unit, int percent);
md_measure *ps_measure_phrase(ps_ctx *ctx, const lx_token *kw, const lx_token *name, const lx_token *phrase);
void ps_measure_period(ps_ctx *ctx, md_measure *ms, ps_period p);
void ps_progress(ps_ctx *ctx, const lx_token *key, int numbered);
void ps_progress_close(ps_ctx *ctx);
md_event *ps_event(ps_ctx *ctx, md_event_kind kind, const lx_token *day, const lx_token *kw, md_strs *targets);
void ps_event_issued(ps_ctx *ctx, md_event *e, md_ref *issuer, const lx_token *what);
void ps_event_str(ps_ctx *ctx, md_event *e, ps_event_field f, const lx_token *s);
void ps_event_by(ps_ctx *ctx, md_event *e, md_ref *by);
void ps_event_triggers(ps_ctx *ctx, md_event *e, md_strs *targets);
md_item *ps_footnote(ps_ctx *ctx, const lx_token *kw, const lx_token *mark, md_strs *texts);

#endif
