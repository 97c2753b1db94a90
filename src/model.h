/* model: the in-memory form of plans, bodies and their items.
 *
 * Everything is allocated from the run's arena and strings are slices of
 * the loaded sources; the parser builds the tree, resolve fills in the
 * references (owners, ids, deadlines), check and report only read it.
 * Layer: model; calls arena, source, diag, text, deadline. */
#ifndef PLANCHECK_MODEL_H
#define PLANCHECK_MODEL_H

#include <stdint.h>

#include "arena.h"
#include "date.h"
#include "deadline.h"
#include "diag.h"
#include "index.h"
#include "source.h"

/* A level is the number of its declaration (`level ID "Name"`, in
 * stdlib/levels.plan): 1 for the first declared, 0 for none. Levels are
 * data, not keywords, so that the levels of 2025 (commune) sit beside
 * those of 2020 (district); the order of the levels of a plan comes from
 * its structure (md_structure), never from these numbers. */
typedef int md_level;
enum { MD_LEVEL_NONE = 0, MD_MAX_LEVELS = 31 };

#define MD_LEVEL_BIT(l) (1u << (l))
/* Every level, as a mask (`cascade` without `to`). */
#define MD_ALL_LEVELS (~1u)


/* A place in a source file. */
typedef struct md_loc {
  uint32_t file, off, len;
} md_loc;

/* A string literal as written (between the quotes) and its decoded value.
 * Most literals have no escapes, so `value` is then the same slice. */
typedef struct md_str {
  sl_slice value;
  md_loc loc;
} md_str;

typedef struct md_strs {      /* a list of literals */
  md_str s;
  struct md_strs *next;
} md_strs;

struct md_body;

/* A reference to a body: its identifier or one of its names. */
typedef struct md_ref {
  sl_slice text;
  int by_name;
  md_loc loc;
  struct md_body *body;      /* resolved, or NULL */
  struct md_ref *next;
} md_ref;

typedef struct md_body {
  sl_slice id;
  md_loc loc;
  md_str name;
  md_level level;
  unsigned addresses;        /* collective: the levels it addresses, as
                                MD_LEVEL_BIT(level) bits; 0 for a single body */
  md_strs *aliases;
  md_ref *counterparts;
  unsigned carried_at;       /* levels where a body carries this one's work:
                                some body there reaches it through
                                counterparts (set by resolve) */
  md_strs *notes;
  unsigned exists;           /* `exists`: the levels at which the body has
                                a counterpart at all, its own included
                                (MD_LEVEL_BIT bits); 0: wherever its
                                counterparts reach. A directive of a body
                                the centre alone has (Hội đồng Lý luận
                                Trung ương) is addressed to no level below */
  md_loc exists_loc;
  struct md_succession *succeeds;  /* `succeeds`: the bodies whose work it
                                took over */
  struct md_successor *successors; /* the bodies that took its work over
                                (set by resolve from their `succeeds`) */
  const struct md_plan *warned_in; /* the last plan told it has ceased:
                                once a plan, not once a mention */
  struct md_body *next;      /* in declaration order */
  uint32_t proxy;            /* luamodel's number for its Lua object, or 0
                                (see md_item.proxy) */
} md_body;

/* A named locality, `place ID "NAME" LEVEL { alias ... }`: the country,
 * a province or a city. A directive that names localities below its plan's
 * level is addressed to their plans only (see place.h). */
typedef struct md_place {
  sl_slice id;
  md_loc loc;
  md_str name;
  md_level level;
  md_strs *aliases;
  struct md_place *next;     /* in declaration order */
} md_place;
/* `succeeds ID, ... [from DATE]`: the work of `refs` passed to the body on
 * `from` (DT_MIN when not given). */
typedef struct md_succession {
  md_ref *refs;
  dt_day from;
  md_loc from_loc;
  struct md_succession *next;
} md_succession;

typedef struct md_successor {    /* one body that took over another's work */
  md_body *body;
  dt_day from;
  struct md_successor *next;
} md_successor;

/* `level ID "Name" { alias "..." }`. */
typedef struct md_level_def {
  sl_slice id;
  md_str name;
  md_strs *aliases;
  md_loc loc;
  sl_slice *keys;            /* name and aliases folded, on first use */
  size_t nkeys;
} md_level_def;

/* `structure ID "Name" from|until DATE { levels a, b, ... }`: the levels of
 * the organisation over a span of days, top to bottom. */
typedef struct md_structure {
  sl_slice id;
  md_str name;
  md_loc loc;
  dt_day from, until;        /* inclusive; DT_MIN / DT_MAX when open */
  md_level order[MD_MAX_LEVELS];
  int n;
  unsigned mask;             /* MD_LEVEL_BIT of each of its levels */
  int rank[MD_MAX_LEVELS + 1];       /* a level's place (0 top), -1 absent */
  unsigned below[MD_MAX_LEVELS + 1]; /* the levels under each, as a mask:
                                        asked for per directive, so kept */
  struct md_structure *next;
} md_structure;

typedef struct md_abbrev {
  md_str shortform, longform;
  sl_slice fshort, flong;    /* folded forms, computed on first use */
  int folded;
  struct md_abbrev *next;
} md_abbrev;

struct md_item;

/* A deadline phrase as written and what it means (never an invalid date:
 * those are reported where they occur). */
typedef struct md_phrase {
  sl_slice text;
  dl_deadline *dl;
} md_phrase;

typedef struct md_due {
  md_str phrase;
  md_str as, what, after;    /* empty value when not given */
  dl_deadline *dl;           /* recognised meaning, NULL when unrecognised */
  struct md_item *awaits;    /* `after`'s task, resolved by the cascade */
  struct md_due *next;
} md_due;

/* A link from a task to the parent directive it carries out (`implements`),
 * or the directive a `waive` or `forward` statement names. */
typedef struct md_link {
  md_str target;             /* "12-KH/TW:IV.4.2" */
  md_str fingerprint;        /* the parent's fingerprint when last reviewed */
  md_str reason;             /* `reassigned "..."`: why the owner differs */
  struct md_item *item;      /* the target, resolved by the cascade */
  struct md_item *from;      /* the item that holds the link */
  struct md_link *next;
} md_link;

typedef enum md_item_kind {
  MD_SECTION, MD_TASK, MD_TEXT, MD_TARGET, MD_FOOTNOTE,
  MD_WAIVER,                 /* `waive "ID" reason "..." [until DATE]` */
  MD_FORWARD,                /* `forward "ID" [to LEVEL, ...]` */
} md_item_kind;

typedef struct md_measure {
  md_str name;
  md_str phrase;             /* the value phrase as printed, if given */
  const char *op;            /* ">=", ">", "<=", "<", "=" or NULL */
  double value;
  int percent;
  md_str unit;
  int period;                /* dl_period, or 0 */
  int by_year;               /* "by 2025", or 0 */
  md_loc loc, value_loc;
  sl_slice folded;           /* the name folded (tx_fold), computed on
                                first use: parents' targets are compared
                                with every child's */
  struct md_measure *next;
} md_measure;

struct md_plan;
struct md_event;

/* A progress entry that names an item (see md_event). */
typedef struct md_record {
  struct md_event *event;
  struct md_record *next;    /* the item's entries, by day */
} md_record;

/* The fields every walk over the tree reads come first, so that a walk
 * touches one or two cache lines of an item, not five; the rest are
 * ordered by size so that no padding falls between them. A national run
 * holds over a million items. */
typedef struct md_item {
  md_item_kind kind;
  int mark;                  /* scratch for graph walks */
  struct md_item *first, *next;
  md_link *implements;       /* tasks: `implements`; waivers and forwards:
                                the directives they name */
  md_due *dues;
  sl_slice label;            /* as printed ("IV-", "2.1.", "-"); empty if none */
  unsigned cascade;          /* `cascade`: levels this directive is passed
                                down to (MD_LEVEL_BIT), on tasks or sections */
  unsigned scope;            /* `scope`: the only levels whose plans it
                                concerns (MD_LEVEL_BIT), 0 when not said */
  md_loc scope_loc;          /* where `scope` was written */
  char bullet;               /* '-' or '+' for bullets, else 0 */
  unsigned char label_scheme;  /* the label's md_scheme + 1, once resolve has
                                read it (0: not read); with label_value,
                                what check needs of most labels without
                                reading their text again */
  unsigned char label_parent;  /* the label names a parent ("2.1.") */
  md_ref *by;
  md_ref *owners;            /* effective lead owners: `by`, else the nearest
                                section's `owner` (set by resolve) */
  md_measure *measures;
  struct md_item *parent;
  struct md_plan *plan;
  const char *id;            /* "12-KH/TW:IV.4.2" (tasks and sections) */
  uint32_t id_len;           /* strlen(id): ids are hashed and compared a
                                million times a run */
  int label_value;           /* see label_scheme */
  md_loc loc;                /* the label or keyword that starts it */
  md_strs *texts;            /* paragraphs; a section's heading */
  md_ref *with, *reports, *via;
  md_strs *notes;
  md_str id_override;
  md_str reason;             /* waivers */
  struct md_item *last;
  const char *component;     /* this item's part of the id before any "#2"
                                (set by resolve) */
  const char *fingerprint;   /* of a linked directive, computed once */
  md_record *record;         /* progress entries naming it (set by progress) */
  md_loc label_loc;          /* where the label is; `loc` when there is none */
  md_loc until_loc;
  dt_day until;              /* waivers: expiry, or DT_MAX */
  uint32_t proxy;            /* the number luamodel gave its Lua object, or 0:
                                rules read items (and their owners) by the
                                million, and a number finds the object faster
                                than its address */
} md_item;

typedef struct md_parent {
  md_str number;
  md_str path;
  md_loc loc;
  struct md_plan *desc;      /* the description block, or NULL */
  struct md_plan *plan;      /* the parent's plan when its text is loaded;
                                else NULL (see `desc`) */
  struct md_parent *next;
} md_parent;

typedef struct md_plan {
  sl_slice key;              /* number, or identifier when unnumbered */
  int numbered;
  md_loc loc;
  uint32_t file;
  md_str kind, title, place, signer, role, unavailable;
  md_ref *issuer;
  md_level level;
  md_loc level_loc;
  sl_slice structure_id;     /* `structure ID`, or empty */
  dt_day era;                /* its date, or (undated) its parents' era;
                                DT_MAX when unknown (md_plan_structure) */
  md_loc structure_loc;
  const md_structure *structure;  /* its structure (md_plan_structure) */
  int date_known;
  int date_unknown;          /* `date unknown` was written (date_loc is
                                where) */
  dt_day date;
  md_loc date_loc;
  md_strs *basis, *recipients, *notes;
  md_parent *parents;
  md_item root;              /* sections and items, in order */
  ix_table items;            /* its tasks and sections by id (resolve):
                                one table per plan rather than one for
                                the country, so the lookups of a child's
                                links go to its parent's small table,
                                which its siblings keep in the cache */
  int is_described;               /* a parent described inside `implements { }` */
  size_t ntasks;             /* its tasks, counted as they get ids (resolve) */
  size_t nids;               /* the tasks and sections read with it (parse):
                                resolve makes room for their ids at once */
  struct cs_directives *addressed;  /* its directives addressed to a level,
                                found once for all its children (cascade) */
  struct cs_measures *measure_list; /* its targets' measures in order, listed
                                once for all its children (cascade) */
  struct md_plan *next;
} md_plan;

/* One entry of a progress record (`progress KEY { ... }`): something that
 * happened, on a day, proven by a document. */
typedef enum md_event_kind {
  MD_EV_ISSUED,              /* a body issued a document */
  MD_EV_DONE,                /* directives done */
  MD_EV_STARTED,             /* directives in progress */
  MD_EV_CANCELLED,           /* directives cancelled */
  MD_EV_REPORTED,            /* a report of a reporting obligation sent */
} md_event_kind;

typedef struct md_event {
  md_event_kind kind;
  md_loc loc;                /* the entry's keyword */
  dt_day day;
  md_loc day_loc;
  md_ref *issuer;            /* ISSUED: the body that issued the document */
  md_str what;               /* ISSUED: the document as named ("Hướng dẫn số
                                12-HD/TU ngày ...") */
  md_strs *targets;          /* DONE..REPORTED: the directives named, as
                                written ("III.4.2" or "12-KH/TW:IV.4.2") */
  md_strs *triggers;         /* ISSUED `triggers`: directives it triggers */
  struct md_item **items;    /* `targets` resolved (NULL where unknown) */
  struct md_item **triggered;/* `triggers` resolved (NULL where unknown) */
  size_t nitems, ntriggered;
  md_ref *by;                /* `by`: who did it (reports of one owner) */
  md_str doc;                /* `doc "12-BC/HU"`: the proving document */
  md_str part;               /* `for "WHAT"`: which deadline of the task */
  md_str reason;             /* `reason` (cancelled) */
  md_strs *notes;
  sl_slice plan_key;         /* the block's plan, for relative ids; empty
                                when the block names none */
  md_loc plan_loc;
  struct md_event *next;     /* in file order */
} md_event;

/* The files a file asked for, with where it asked. */
typedef struct md_include {
  md_str path;
  int is_use;
  uint32_t from_file;
  struct md_include *next;
} md_include;

/* `body ID { alias "..." }`: more names for a body declared elsewhere (a
 * standard body, in the document's own wording), without redeclaring it. */
typedef struct md_extension {
  md_ref *target;            /* the body extended, resolved by resolve */
  md_strs *aliases;
  struct md_extension *next;
} md_extension;

typedef struct md_model {
  ar_arena *arena;
  src_table *src;
  dg_list *diags;
  md_plan *plans, *last_plan;
  md_body *bodies, *last_body;
  md_abbrev *abbrevs;
  md_place *places, *last_place;  /* in declaration order */
  struct pl_index *place_index;   /* place.c's names of the places, built
                                     as places are read */
  struct cs_carriers *carriers;   /* cascade's nearest body of each level
                                     carrying each body's work, for its
                                     explanations */
  struct sm_lexicon *lexicon;     /* similar.c's terms of the item texts
                                     it has read, each read once */
  md_level_def levels[MD_MAX_LEVELS + 1];  /* [1..nlevels] */
  int nlevels;
  md_structure *structures, *last_structure;
  md_level stage_levels[8];  /* md_stage_level's answers for the fixed
                                stages, found once per count of levels */
  int stage_levels_n;
  md_event *events, *last_event;  /* progress entries, in load order */
  ix_table plan_index;       /* key → plan (not the described ones) */
  ix_table body_index;       /* id → body */
  ix_table name_index;       /* folded name → body, built by md_index_names */
  md_body *names_done;       /* the last body md_index_names has indexed */
  ix_table shortforms;       /* abbreviations by folded short form, the
                                newest declaration of each (md_name_key
                                expands every word of every name) */
  md_abbrev *abbrevs_done;   /* the newest abbreviation indexed there */
  unsigned abbrev_rounds;    /* how many times they have been indexed */
  ix_table phrases;          /* md_phrase by text: resolve recognises each
                                deadline phrase once, not once a task */
  /* The last plan, body and progress entry resolve (and progress) has
   * seen: a run may read more files after resolving, and each pass takes
   * only what was read since (NULL: nothing yet). */
  md_plan *resolved_plan;
  md_body *resolved_body;
  md_extension *extensions, *last_extension, *resolved_extension;
  const char *stdlib_dir;    /* --stdlib, or NULL: where resolve looks for
                                the standard bodies a plan does not use */
  struct rs_guesses *guesses;/* resolve's "did you mean" index, built at
                                the first unknown body */
  md_event *resolved_event, *progressed_event;
  struct md_plan *keyed;     /* the plan md_item_by_key last found an item
                                in, tried first: a plan's links nearly all
                                name items of one parent */
  void *parser;              /* parse's lemon parser, kept from file to file:
                                its stack is 128 KB, too much to allocate
                                and fault in again for each of 50,000 plans */
} md_model;

void md_init(md_model *m, ar_arena *a, src_table *src, dg_list *diags);

/* Lookups. */
md_body *md_body_by_id(md_model *m, sl_slice id);
int md_add_body(md_model *m, md_body *b);          /* 0, or -1 on duplicate id */
md_body *md_body_by_name(md_model *m, sl_slice name);
/* Whether a and b do one work across a change: the same body, or one
 * took over the other's work through successions (forward only: Ban
 * Tuyên giáo and Ban Dân vận, both succeeded by one body, stay two). And
 * the levels where the work of b, its successors or its predecessors is
 * carried (md_body.carried_at). Successions are short chains: bounded
 * walks, no table. */
int md_same_work(const md_body *a, const md_body *b);
unsigned md_work_carried(const md_body *b);
/* The first day b exists (the earliest `from` of its `succeeds`; DT_MIN
 * when it gives none). */
dt_day md_body_start(const md_body *b);
/* The first day b no longer exists: the earliest `from` of its
 * successors that give one; DT_MAX when none does. */
dt_day md_body_end(const md_body *b);
/* Indexes the names of the bodies read since the last call. */
void md_index_names(md_model *m);
/* Gives an indexed body another name (an extension's alias); a name that
 * another body has is reported as duplicate-name. */
void md_add_alias(md_model *m, md_body *b, const md_str *alias);
md_item *md_item_by_id(md_model *m, const char *id);
md_item *md_item_by_key(md_model *m, sl_slice id);
/* Indexes `it` under its id in its plan; 0, or -1 when the id is taken.
 * Room for `n` ids in all may be made first with md_reserve_ids. */
int md_add_item_id(md_model *m, md_item *it);
void md_reserve_ids(md_model *m, md_plan *p, size_t n);
md_plan *md_plan_by_key(md_model *m, sl_slice key);
/* Appends a plan to m->plans; the first plan declared under a key is the
 * one md_plan_by_key finds. */
void md_add_plan(md_model *m, md_plan *p);

/* The key under which names are compared: NFC, case folded, abbreviations
 * expanded. */
sl_slice md_name_key(md_model *m, sl_slice name);

/* A printed label taken apart: "2.1." is arabic, value 1, parent "2". */
typedef enum md_scheme { MD_SCHEME_NONE, MD_SCHEME_ROMAN, MD_SCHEME_ARABIC, MD_SCHEME_LETTER, MD_SCHEME_BULLET } md_scheme;
typedef struct md_label {
  md_scheme scheme;
  int value;                 /* 1-based; 0 for bullets */
  sl_slice parent;           /* "2" of "2.1.", empty otherwise */
  sl_slice component;        /* "1" of "2.1.", "IV" of "IV-", "a" of "a)" */
  sl_slice number;           /* the whole number: "2.1" of "2.1.", "IV" of "IV-" */
} md_label;
md_label md_label_parse(sl_slice label);
/* The letter of value n (1-based) in the Vietnamese order of list labels
 * (a b c d đ e g ...: no f, j, w, z), or NULL past the last. */
const char *md_letter(int value);

/* A level's identifier ("central", "province", "commune"; "unknown-level"
 * for none), as levels are written in plans, JSON and Lua. */
const char *md_level_name(const md_model *m, md_level l);

/* Levels and structures (declared in stdlib/levels.plan). */
md_level md_level_by_id(const md_model *m, sl_slice id);
/* The level one of whose identifier or names (folded) is `text`, or 0. */
md_level md_level_by_text(md_model *m, sl_slice text);
/* The declared level nearest to a misspelt `text`, or NULL. */
const char *md_level_guess(const md_model *m, sl_slice text);
md_structure *md_structure_by_id(const md_model *m, sl_slice id);
/* Starts a structure with no levels; md_structure_add appends one (0, or
 * -1 when it is there already or the structure is full). */
void md_structure_init(md_structure *s);
int md_structure_add(md_structure *s, md_level l);
/* The structure of a day: the one whose span holds it (the last declared
 * when several do), or NULL. */
const md_structure *md_structure_on(const md_model *m, dt_day day);
/* A plan's structure: the one it names, else the one of its date, else
 * (undated) its parents', else the last one that has its level; a plan
 * whose level is not in the structure of its date follows the last one
 * that has it. NULL when no structure is declared. Cached in the plan:
 * resolve sets it once the parents are loaded. */
const md_structure *md_plan_structure(md_model *m, md_plan *p);
/* The level just below `l` in `s` (0 when none, or l not in s); the
 * levels below it, as a mask; its place (0 top) or -1. Without a
 * structure, the order of declaration (m may then be NULL: any level). */
md_level md_level_below(const md_model *m, const md_structure *s, md_level l);
unsigned md_levels_below(const md_structure *s, md_level l);
/* The levels of p's structure as a mask; every level when p or its
 * structure is unknown. A bare `cascade` passes a directive to every level
 * (MD_ALL_LEVELS): shown through this, it names the plan's own levels. */
unsigned md_plan_levels(const struct md_plan *p);
/* The levels below the highest of `levels` (by rank in s). */
unsigned md_levels_below_first(const md_structure *s, unsigned levels);
int md_level_rank(const md_model *m, const md_structure *s, md_level l);
/* The level of structure `s` a staged deadline's stage names (0 for none
 * or a level not declared); "cấp trên cơ sở" is the one above its last. */
md_level md_stage_level(md_model *m, const md_structure *s, int stage);
/* The identifier of the level a stage names in s, as JSON and Lua spell
 * a stage; the stage's own name ("above-grassroots") when no level of s
 * answers it; NULL for DL_STAGE_ALL. */
const char *md_stage_name(md_model *m, const md_structure *s, int stage);
/* Whether a deadline concerns a plan of `level` in structure `s` (level
 * 0: any): a staged deadline's parts concern one level each ("cấp tỉnh
 * đã hoàn thành trong tháng 12/2022" in a district plan is the
 * province's stage, not this plan's deadline). */
int md_applies(md_model *m, const md_structure *s, const dl_deadline *d, md_level level);
/* A day as "2023-02-28", in the arena, for messages and reports. */
const char *md_day_text(ar_arena *a, dt_day d);

/* An item's paragraphs joined by one space, in NFC, in the arena: the
 * whole text of a directive for tables (coverage, HTML). */
const char *md_item_text(md_model *m, const md_item *it);
/* The names of the bodies a list refers to, joined by ", "; a reference
 * that names no body stays as written. "" for an empty list. */
const char *md_ref_names(md_model *m, const md_ref *refs);

/* "section", "task", "text", "target", "footnote", "waiver", "forward":
 * the kind as the JSON report and the Lua view name it. */
const char *md_item_kind_name(md_item_kind k);

/* An item's id below its plan, the number as printed ("III.4.2" of
 * "tuyphuoc_28:III.4.2"), for tables headed by the plan; "" when the item
 * has no id. */
const char *md_local_id(const md_item *it);

/* Tree building. */
void md_append(md_item *parent, md_item *child);
/* Appends every child of `from` to `to`, in order, leaving `from` empty. */
void md_move_children(md_item *to, md_item *from);

/* Walks every item below `root` depth first, in document order. */
typedef int (*md_visit)(md_item *it, void *ctx);
int md_walk(md_item *root, md_visit fn, void *ctx);

#endif
