/* gram.y: the grammar of the plan language (lemon, LALR(1), no conflicts).
 *
 * Every statement starts with a keyword or a printed label, so no
 * terminators are needed and error recovery can resynchronise on the next
 * statement. Actions only call the ps_* builders of src/parse.c; all values
 * live in the run's arena, so the only %destructors keep the parse
 * context's innermost open block in step with the parser's stack. */

%name psParse
%token_prefix TK_
%token_type {lx_token}
%extra_context {ps_ctx *ctx}
%stack_size 4000

%include {
/* lemon's template traces every shift and asserts its own invariants
 * unless NDEBUG is set: a call and a test per token, for nothing in a
 * finished grammar. */
#ifndef NDEBUG
#define NDEBUG
#endif
#include <assert.h>
#include "parse.h"
/* lemon's template leaves some parameters and the context unused in
 * functions this grammar does not need; that is the template's business. */
#if defined(__GNUC__)
#pragma GCC diagnostic ignored "-Wunused-parameter"
#pragma GCC diagnostic ignored "-Wunused-variable"
#endif
}

%syntax_error { ps_syntax_error(ctx, yymajor, &yyminor); }
%stack_overflow { ps_stack_overflow(ctx); }

/* Token codes are fixed by this order; lexer.re uses them by name. */
%token ABBREV ADDRESSES AFTER ALIAS AS BASIS BODY BY COUNTERPART DATE DUE
       FOOTNOTE FOR ID IMPLEMENTS INCLUDE ISSUER KIND LEVEL MEASURE MONTH NOTE
       OWNER PATH PER PLACE PLAN QUARTER RECIPIENT REPORTS ROLE SECTION SIGNER
       TARGET TASK TERM TEXT TITLE UNAVAILABLE UNKNOWN USE VIA WITH YEAR
       CASCADE FINGERPRINT FORWARD REASON REASSIGNED TO UNTIL WAIVE
       PROGRESS ISSUED DONE STARTED CANCELLED REPORTED DOC TRIGGERS
       CENTRAL PROVINCE DISTRICT GRASSROOTS
       EXISTS
       STRUCTURE LEVELS FROM SUCCEEDS SCOPE
       IDENT STRING LABEL DASH PLUS DATEVAL NUMBER LBRACE RBRACE COMMA PERCENT
       GE GT LE LT EQ.

%type item {md_item *}
%type section {md_item *}
%type sec_head {md_item *}
%type task {md_item *}
%type task_head {md_item *}
%type task_open {md_item *}
%type sec_open {md_item *}
%type text {md_item *}
%type target {md_item *}
%type tgt_head {md_item *}
%type footnote {md_item *}
%type texts {md_strs *}
%type strs {md_strs *}
%type ref {md_ref *}
%type refs {md_ref *}
%type label {lx_token}
%type level_id {lx_token}
%type level {int}
%type levels {unsigned}
%type link {md_link *}
%type links {md_link *}
%type waiver {md_item *}
%type forward {md_item *}
%type cmp {int}
%type measure_head {md_measure *}
%type entry {md_event *}

file ::= decls.
decls ::= .
decls ::= decls decl.

decl ::= USE STRING(S).                     { ps_include(ctx, &S, 1); }
decl ::= INCLUDE STRING(S).                 { ps_include(ctx, &S, 0); }
decl ::= ABBREV STRING(A) STRING(B).        { ps_abbrev(ctx, &A, &B); }
decl ::= plan.
decl ::= body.
decl ::= level_decl.
decl ::= structure.
decl ::= item(I).                           { ps_top_item(ctx, I); }
decl ::= progress.
decl ::= place.

/* ---- places: `place ID "NAME" LEVEL { alias "...", ... }` ---- */
place ::= place_head place_block.
place_head ::= PLACE IDENT(I) STRING(N) level(L). { ps_place(ctx, &I, &N, L); }
place_block ::= .
place_block ::= LBRACE pattrs RBRACE.
pattrs ::= .
pattrs ::= pattrs ALIAS strs(S).            { ps_place_aliases(ctx, S); }
pattrs ::= pattrs error.

/* ---- plan header ---- */
plan ::= plan_open hdrs RBRACE.             { ps_hdr_pop(ctx); }
plan_open ::= PLAN STRING(K) LBRACE.        { ps_plan(ctx, &K, 1); }
plan_open ::= PLAN IDENT(K) LBRACE.         { ps_plan(ctx, &K, 0); }

hdrs ::= .
hdrs ::= hdrs hdr.
hdr ::= KIND STRING(S).                     { ps_hdr_str(ctx, PS_KIND, &S); }
hdr ::= TITLE STRING(S).                    { ps_hdr_str(ctx, PS_TITLE, &S); }
hdr ::= PLACE STRING(S).                    { ps_hdr_str(ctx, PS_PLACE, &S); }
hdr ::= BASIS STRING(S).                    { ps_hdr_str(ctx, PS_BASIS, &S); }
hdr ::= RECIPIENT STRING(S).                { ps_hdr_str(ctx, PS_RECIPIENT, &S); }
hdr ::= NOTE STRING(S).                     { ps_hdr_str(ctx, PS_NOTE, &S); }
hdr ::= UNAVAILABLE STRING(S).              { ps_hdr_str(ctx, PS_UNAVAILABLE, &S); }
hdr ::= SIGNER STRING(S).                   { ps_hdr_str(ctx, PS_SIGNER, &S); }
hdr ::= SIGNER STRING(S) ROLE STRING(R).    { ps_hdr_str(ctx, PS_SIGNER, &S); ps_hdr_str(ctx, PS_ROLE, &R); }
hdr ::= ISSUER ref(R).                      { ps_hdr_issuer(ctx, R); }
hdr ::= LEVEL level(L).                     { ps_hdr_level(ctx, L); }
hdr ::= STRUCTURE IDENT(I).                 { ps_hdr_structure(ctx, &I); }
hdr ::= DATE DATEVAL(D).                    { ps_hdr_date(ctx, &D); }
hdr ::= DATE UNKNOWN(U).                    { ps_hdr_date_unknown(ctx, &U); }
hdr ::= impl_head impl_path impl_block.
hdr ::= error.

impl_head ::= IMPLEMENTS STRING(N).         { ps_parent(ctx, &N); }
impl_path ::= .
impl_path ::= PATH STRING(P).               { ps_parent_path(ctx, &P); }
impl_block ::= .
impl_block ::= impl_open hdrs RBRACE.       { ps_hdr_pop(ctx); }
impl_open ::= LBRACE.                       { ps_parent_block(ctx); }

/* A level: its identifier or one of its names (`"cấp xã"`, or unquoted
 * when the lexer knows it: ps_level_word), checked against the declared
 * levels; the four keywords of the first version name theirs. */
level(L) ::= CENTRAL(T).                    { L = ps_level_kw(ctx, &T, "central"); }
level(L) ::= PROVINCE(T).                   { L = ps_level_kw(ctx, &T, "province"); }
level(L) ::= DISTRICT(T).                   { L = ps_level_kw(ctx, &T, "district"); }
level(L) ::= GRASSROOTS(T).                 { L = ps_level_kw(ctx, &T, "grassroots"); }
level(L) ::= IDENT(T).                      { L = ps_level(ctx, &T); }
level(L) ::= STRING(T).                     { L = ps_level(ctx, &T); }
levels(R) ::= level(L).                     { R = L ? MD_LEVEL_BIT(L) : 0; }
levels(R) ::= levels(A) COMMA level(L).     { R = A | (L ? MD_LEVEL_BIT(L) : 0); }

/* ---- levels and structures (stdlib/levels.plan) ---- */
level_decl ::= level_head level_block.
level_head ::= LEVEL level_id(I) STRING(N). { ps_level_decl(ctx, &I, &N); }
/* The first version's four levels are keywords too. */
level_id(R) ::= IDENT(T).                   { R = T; }
level_id(R) ::= CENTRAL(T).                 { R = T; }
level_id(R) ::= PROVINCE(T).                { R = T; }
level_id(R) ::= DISTRICT(T).                { R = T; }
level_id(R) ::= GRASSROOTS(T).              { R = T; }
level_block ::= .
level_block ::= LBRACE lattrs RBRACE.
lattrs ::= .
lattrs ::= lattrs lattr.
lattr ::= ALIAS strs(S).                    { ps_level_aliases(ctx, S); }
lattr ::= NOTE STRING.
lattr ::= error.

structure ::= structure_head LBRACE sattrs RBRACE. { ps_structure_end(ctx); }
structure_head ::= STRUCTURE IDENT(I) STRING(N).   { ps_structure(ctx, &I, &N); }
structure_head ::= structure_head FROM DATEVAL(D). { ps_structure_span(ctx, &D, 0); }
structure_head ::= structure_head UNTIL DATEVAL(D). { ps_structure_span(ctx, &D, 1); }
sattrs ::= .
sattrs ::= sattrs sattr.
sattr ::= LEVELS slevels.
sattr ::= NOTE STRING.
sattr ::= error.
slevels ::= level(L).                       { ps_structure_level(ctx, L); }
slevels ::= slevels COMMA level(L).         { ps_structure_level(ctx, L); }

/* ---- bodies ---- */
body ::= body_head body_block.
body_head ::= BODY IDENT(I) STRING(N).          { ps_body(ctx, &I, &N, 0); }
body_head ::= BODY IDENT(I) STRING(N) level(L). { ps_body(ctx, &I, &N, L); }
body_block ::= .
body_block ::= LBRACE battrs RBRACE.
/* `body btc_tu { alias "..." }`: no name, no level: more names for a body
 * declared elsewhere. */
body ::= body_ext LBRACE battrs RBRACE.     { ps_body_extend_end(ctx); }
body_ext ::= BODY IDENT(I).                 { ps_body_extend(ctx, &I); }
battrs ::= .
battrs ::= battrs battr.
battr ::= ALIAS strs(S).                    { ps_body_aliases(ctx, S); }
battr ::= COUNTERPART refs(R).              { ps_body_counterparts(ctx, R); }
battr ::= LEVEL level(L).                   { ps_body_level(ctx, L); }
battr ::= ADDRESSES levels(L).              { ps_body_addresses(ctx, L); }
battr ::= NOTE STRING(S).                   { ps_body_note(ctx, &S); }
battr ::= EXISTS(K) levels(L).              { ps_body_exists(ctx, &K, L); }
battr ::= SUCCEEDS refs(R).                 { ps_body_succeeds(ctx, R, NULL); }
battr ::= SUCCEEDS refs(R) FROM DATEVAL(D). { ps_body_succeeds(ctx, R, &D); }
battr ::= error.

/* ---- references and lists ---- */
ref(R) ::= IDENT(T).                        { R = ps_ref(ctx, &T, 0); }
ref(R) ::= STRING(T).                       { R = ps_ref(ctx, &T, 1); }
refs(R) ::= ref(A).                         { R = A; }
refs(R) ::= refs(A) COMMA ref(B).           { R = ps_ref_append(ctx, A, B); }
/* `implements "A" fingerprint "..." reassigned "...", "B"` */
link(R) ::= STRING(S).                      { R = ps_link(ctx, &S); }
link(R) ::= link(A) FINGERPRINT STRING(S).  { R = A; ps_link_opt(ctx, R, PS_FINGERPRINT, &S); }
link(R) ::= link(A) REASSIGNED STRING(S).   { R = A; ps_link_opt(ctx, R, PS_REASSIGNED, &S); }
links(R) ::= link(A).                       { R = A; }
links(R) ::= links(A) COMMA link(B).        { R = ps_link_append(ctx, A, B); }
strs(R) ::= STRING(S).                      { R = ps_strs(ctx, NULL, &S); }
strs(R) ::= strs(A) COMMA STRING(S).        { R = ps_strs(ctx, A, &S); }
texts(R) ::= STRING(S).                     { R = ps_strs(ctx, NULL, &S); }
texts(R) ::= texts(A) STRING(S).            { R = ps_strs(ctx, A, &S); }

/* ---- items ----
 * A block's items are appended to its item as they are read: ps_block_open
 * makes it the innermost open block, and the section or task rule closes
 * it. A block abandoned by error recovery is closed by the destructor. */
%destructor sec_open { ps_block_drop(ctx, $$); }
%destructor task_open { ps_block_drop(ctx, $$); }
items ::= .
items ::= items item(I).                    { ps_append(ctx, I); }

item(R) ::= section(S).                     { R = S; }
item(R) ::= task(T).                        { R = T; }
item(R) ::= text(T).                        { R = T; }
item(R) ::= target(T).                      { R = T; }
item(R) ::= footnote(F).                    { R = F; }
item(R) ::= waiver(W).                      { R = W; }
item(R) ::= forward(F).                     { R = F; }
item(R) ::= error.                          { R = NULL; }

label(R) ::= LABEL(T).                      { R = T; }
label(R) ::= DASH(T).                       { R = T; }
label(R) ::= PLUS(T).                       { R = T; }

section(R) ::= sec_open(H) items RBRACE.             { R = H; ps_block_close(ctx, H); }
sec_open(R) ::= sec_head(H) LBRACE.                  { R = H; ps_block_open(ctx, H); }
sec_head(R) ::= SECTION(K) STRING(H).                { R = ps_item(ctx, MD_SECTION, &K, NULL, ps_strs(ctx, NULL, &H)); }
sec_head(R) ::= SECTION(K) label(L) STRING(H).       { R = ps_item(ctx, MD_SECTION, &K, &L, ps_strs(ctx, NULL, &H)); }
sec_head(R) ::= sec_head(A) OWNER refs(O).           { R = A; ps_by(ctx, R, O); }
sec_head(R) ::= sec_head(A) ID STRING(S).            { R = A; ps_id(ctx, R, &S); }
sec_head(R) ::= sec_head(A) NOTE STRING(S).          { R = A; ps_note(ctx, R, &S); }
sec_head(R) ::= sec_head(A) CASCADE.                 { R = A; ps_cascade(ctx, R, 0); }
sec_head(R) ::= sec_head(A) CASCADE TO levels(L).    { R = A; ps_cascade(ctx, R, L); }
sec_head(R) ::= sec_head(A) SCOPE(K) levels(L).      { R = A; ps_scope(ctx, R, &K, L); }

task(R) ::= task_head(H).                                  { R = H; }
task(R) ::= task_open(H) items RBRACE.                     { R = H; ps_block_close(ctx, H); }
task_open(R) ::= task_head(H) LBRACE.                      { R = H; ps_block_open(ctx, H); }
task_head(R) ::= label(L) texts(T).                        { R = ps_item(ctx, MD_TASK, &L, &L, T); }
task_head(R) ::= TASK(K) texts(T).                         { R = ps_item(ctx, MD_TASK, &K, NULL, T); }
task_head(R) ::= task_head(A) BY refs(O).                  { R = A; ps_by(ctx, R, O); }
task_head(R) ::= task_head(A) WITH refs(O).                { R = A; ps_with(ctx, R, O); }
task_head(R) ::= task_head(A) REPORTS refs(O).             { R = A; ps_reports(ctx, R, O); }
task_head(R) ::= task_head(A) VIA(K) ref(O).               { R = A; ps_via(ctx, R, &K, O); }
task_head(R) ::= task_head(A) DUE STRING(S).               { R = A; ps_due(ctx, R, &S); }
task_head(R) ::= task_head(A) AS(K) STRING(S).             { R = A; ps_due_opt(ctx, R, &K, PS_AS, &S); }
task_head(R) ::= task_head(A) FOR(K) STRING(S).            { R = A; ps_due_opt(ctx, R, &K, PS_FOR, &S); }
task_head(R) ::= task_head(A) AFTER(K) STRING(S).          { R = A; ps_due_opt(ctx, R, &K, PS_AFTER, &S); }
task_head(R) ::= task_head(A) IMPLEMENTS links(L).         { R = A; ps_implements(ctx, R, L); }
task_head(R) ::= task_head(A) CASCADE.                     { R = A; ps_cascade(ctx, R, 0); }
task_head(R) ::= task_head(A) CASCADE TO levels(L).        { R = A; ps_cascade(ctx, R, L); }
task_head(R) ::= task_head(A) SCOPE(K) levels(L).          { R = A; ps_scope(ctx, R, &K, L); }
task_head(R) ::= task_head(A) ID STRING(S).                { R = A; ps_id(ctx, R, &S); }
task_head(R) ::= task_head(A) NOTE STRING(S).              { R = A; ps_note(ctx, R, &S); }

text(R) ::= TEXT(K) texts(T).                              { R = ps_item(ctx, MD_TEXT, &K, NULL, T); }
text(R) ::= TEXT(K) label(L) texts(T).                     { R = ps_item(ctx, MD_TEXT, &K, &L, T); }

target(R) ::= tgt_head(H).                                 { R = H; }
target(R) ::= tgt_head(H) LBRACE measures RBRACE.          { R = H; ps_target_done(ctx); }
tgt_head(R) ::= TARGET(K) texts(T).                        { R = ps_item(ctx, MD_TARGET, &K, NULL, T); ps_target_open(ctx, R); }
tgt_head(R) ::= TARGET(K) label(L) texts(T).               { R = ps_item(ctx, MD_TARGET, &K, &L, T); ps_target_open(ctx, R); }
measures ::= .
measures ::= measures measure.
measure ::= measure_head(M) period(P).                     { ps_measure_period(ctx, M, P); }
measure ::= error.
measure_head(R) ::= MEASURE(K) STRING(N) cmp(C) NUMBER(V).               { R = ps_measure(ctx, &K, &N, C, &V, NULL, 0); }
measure_head(R) ::= MEASURE(K) STRING(N) cmp(C) NUMBER(V) PERCENT.       { R = ps_measure(ctx, &K, &N, C, &V, NULL, 1); }
measure_head(R) ::= MEASURE(K) STRING(N) cmp(C) NUMBER(V) STRING(U).     { R = ps_measure(ctx, &K, &N, C, &V, &U, 0); }
measure_head(R) ::= MEASURE(K) STRING(N) STRING(P).                      { R = ps_measure_phrase(ctx, &K, &N, &P); }
%type period {ps_period}
period(P) ::= .                             { P.kind = 0; }
period(P) ::= PER YEAR.                     { P.kind = DL_PERIOD_YEAR; }
period(P) ::= PER QUARTER.                  { P.kind = DL_PERIOD_QUARTER; }
period(P) ::= PER MONTH.                    { P.kind = DL_PERIOD_MONTH; }
period(P) ::= PER TERM.                     { P.kind = DL_PERIOD_TERM; }
period(P) ::= BY NUMBER(Y).                 { P.kind = -1; P.year = Y; }
cmp(C) ::= GE.                              { C = 0; }
cmp(C) ::= GT.                              { C = 1; }
cmp(C) ::= LE.                              { C = 2; }
cmp(C) ::= LT.                              { C = 3; }
cmp(C) ::= EQ.                              { C = 4; }

footnote(R) ::= FOOTNOTE(K) STRING(M) texts(T).            { R = ps_footnote(ctx, &K, &M, T); }

/* `waive "12-KH/TW:IV.4.5" reason "..." until 2024-12-31`: the reason is
 * required, but checked by the cascade so that its absence gets a message
 * of its own rather than a syntax error. */
waiver(R) ::= WAIVE(K) links(L).                           { R = ps_waiver(ctx, &K, L); }
waiver(R) ::= waiver(A) REASON STRING(S).                  { R = A; ps_waiver_reason(ctx, R, &S); }
waiver(R) ::= waiver(A) UNTIL DATEVAL(D).                  { R = A; ps_waiver_until(ctx, R, &D); }
forward(R) ::= FORWARD(K) links(L).                        { R = ps_forward(ctx, &K, L, 0); }
forward(R) ::= FORWARD(K) links(L) TO levels(V).           { R = ps_forward(ctx, &K, L, V); }

/* ---- progress records ----
 * `progress tuyphuoc_28 { 2023-07-28 done "III.5.1" doc "112-BC/HU" }`:
 * each entry starts with its date, so entries need no terminator either. */
progress ::= prog_open entries RBRACE.      { ps_progress_close(ctx); }
prog_open ::= PROGRESS LBRACE.              { ps_progress(ctx, NULL, 0); }
prog_open ::= PROGRESS STRING(K) LBRACE.    { ps_progress(ctx, &K, 1); }
prog_open ::= PROGRESS IDENT(K) LBRACE.     { ps_progress(ctx, &K, 0); }
entries ::= .
entries ::= entries entry.
entries ::= entries error.

entry(R) ::= DATEVAL(D) ISSUED(K) ref(B) STRING(W).  { R = ps_event(ctx, MD_EV_ISSUED, &D, &K, NULL); ps_event_issued(ctx, R, B, &W); }
entry(R) ::= DATEVAL(D) DONE(K) strs(T).             { R = ps_event(ctx, MD_EV_DONE, &D, &K, T); }
entry(R) ::= DATEVAL(D) STARTED(K) strs(T).          { R = ps_event(ctx, MD_EV_STARTED, &D, &K, T); }
entry(R) ::= DATEVAL(D) CANCELLED(K) strs(T).        { R = ps_event(ctx, MD_EV_CANCELLED, &D, &K, T); }
entry(R) ::= DATEVAL(D) REPORTED(K) strs(T).         { R = ps_event(ctx, MD_EV_REPORTED, &D, &K, T); }
entry(R) ::= entry(A) DOC STRING(S).                 { R = A; ps_event_str(ctx, R, PS_EV_DOC, &S); }
entry(R) ::= entry(A) FOR STRING(S).                 { R = A; ps_event_str(ctx, R, PS_EV_FOR, &S); }
entry(R) ::= entry(A) REASON STRING(S).              { R = A; ps_event_str(ctx, R, PS_EV_REASON, &S); }
entry(R) ::= entry(A) NOTE STRING(S).                { R = A; ps_event_str(ctx, R, PS_EV_NOTE, &S); }
entry(R) ::= entry(A) BY refs(O).                    { R = A; ps_event_by(ctx, R, O); }
entry(R) ::= entry(A) TRIGGERS strs(T).              { R = A; ps_event_triggers(ctx, R, T); }

%code {
/* The size of a parser, so that one can be kept and set up again with
 * psParseInit for each file rather than allocated per file. */
size_t psParseSize(void) { return sizeof(yyParser); }

/* Lets the driver report an error on a new line even while lemon is still
 * within three tokens of the previous one (its guard against cascades). */
void psParseResetErrors(void *p) {
  yyParser *parser = p;
  if (parser->yyerrcnt >= 0) parser->yyerrcnt = -1;
}
}
