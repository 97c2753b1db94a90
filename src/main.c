/* main: the command line. The only layer that prints or exits.
 *
 * Parses the arguments, runs load → resolve → check over the given files
 * under one arena, then runs the command (check, coverage, suggest,
 * accept), prints the collected diagnostics once, and turns them into the
 * exit status: 0 clean, 1 findings, 2 usage or I/O failure. */
#include <errno.h>
#include <stdio.h>
#include <sys/stat.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "accept.h"
#include "agenda.h"
#include "batch.h"
#include "cascade.h"
#include "cli.h"
#include "cli_fmt.h"
#include "cli_import.h"
#include "check.h"
#include "mem.h"
#include "newplan.h"
#include "outfile.h"
#include "progress.h"
#include "export.h"
#include "json.h"
#include "lsp.h"
#include "lang.h"
#include "report.h"
#include "resolve.h"
#include "parts.h"
#include "rules.h"
#include "sarif.h"
#include "session.h"
#include "suggest.h"
#include "text.h"
#include "parse.h"

#ifndef PLANCHECK_VERSION
#define PLANCHECK_VERSION "0.1.0"
#endif

enum { EXIT_CLEAN = 0, EXIT_FINDINGS = 1, EXIT_USAGE = 2 };

typedef enum { CMD_CHECK, CMD_COVERAGE, CMD_SUGGEST, CMD_ACCEPT, CMD_REPORT, CMD_AGENDA, CMD_NEW } command;

typedef struct options {
  command cmd;
  const char **incdirs;
  size_t nincdirs;
  const char **files;        /* for accept: the file, then the ids */
  size_t nfiles;
  rp_format format;
  int color;                 /* -1 auto, 0 never, 1 always */
  const char *stdlib_dir;
  dt_day as_of;
  int evaluate;              /* suggest --evaluate */
  int explain;               /* coverage --explain */
  const char **rules;        /* --rules FILE|DIR */
  size_t nrules;
  const char **switches;     /* -W...: "RULE", "no-RULE", "error=RULE" */
  size_t nswitches;
  int werror, list_rules, list_bodies;
  long long lua_budget;
  size_t lua_memory;
  const char *report_format; /* report --format NAME */
  const char **progress;     /* --progress FILE */
  size_t nprogress;
  int within;                /* agenda, report --format html: --within DAYS */
  const char *owner;         /* agenda --owner BODY */
  int no_rules;              /* --no-rules: the built-in checks only */
  int text_checks;           /* the checks that read every task's text
                                (link-weak, deadline-in-text): 1
                                --text-checks, -1 --no-text-checks, 0 as
                                the run decides (they cost several times
                                every other check of a national run) */
  int jobs;                  /* -j N: worker processes for check */
  int stop_after;            /* --stop-after: 0, or STOP_LEX.. */
  long long batch;           /* --batch N: plans a check worker takes */
  np_request new_plan;       /* new: --from, --level, ..., -o */
  int force;                 /* new: -o may replace a file */
} options;

/* --stop-after: how far `check` goes, to time the stages. */
enum { STOP_NONE, STOP_LEX, STOP_PARSE, STOP_RESOLVE };

typedef struct inputs_t {
  rs_input *v;
  size_t n;
} inputs_t;

/* What run() hands a command: the model with the rule engine attached,
 * how to find files, the plans given, and (LOADS) the inputs loaded and
 * resolved. */
typedef struct run_ctx {
  md_model *m;
  const rs_options *ro;
  ru_engine *rules;
  const char **paths;
  size_t npaths;
  inputs_t in;
} run_ctx;

/* What a command accepts beyond the options every command takes, and how
 * run() prepares it. */
enum {
  ACCEPTS_EVALUATE = 1 << 0,   /* --evaluate */
  ACCEPTS_EXPLAIN = 1 << 1,    /* --explain */
  ACCEPTS_WITHIN = 1 << 2,     /* --within DAYS */
  ACCEPTS_OWNER = 1 << 3,      /* --owner BODY */
  ACCEPTS_PARTS = 1 << 4,      /* --batch N, --stop-after STAGE */
  ACCEPTS_NEW = 1 << 5,        /* --from ... -o FILE --force */
  ACCEPTS_DOCUMENT = 1 << 6,   /* --format NAME: a report format, and needs one */
  ACCEPTS_TABLES = 1 << 7,     /* --format md|csv */
  TEXT_ONLY = 1 << 8,          /* no --format */
  ONE_PLAN = 1 << 9,           /* FILE, then ids (not files: no directory expanded) */
  NO_FILES = 1 << 10,          /* takes no FILE (its own checks) */
  LOADS = 1 << 11,             /* run() loads and resolves the inputs first */
  ACCEPTS_SARIF = 1 << 12,     /* --format=sarif (sarif.h) */
};

/* A command: its name, its lines in --help's list (NULL: it has a
 * paragraph of its own), and either what runs it on the parsed options
 * (`run`, with what it accepts) or, for a command that takes its own
 * arguments (import), what main() hands argv before anything is parsed. */
typedef struct cmd_def {
  const char *name;
  const char *summary;
  int (*run)(const options *o, run_ctx *r);
  int (*own)(int argc, char **argv, int first);
  unsigned flags;
} cmd_def;

static int run_check(const options *o, run_ctx *r);
static int run_report(const options *o, run_ctx *r);
static int run_accept(const options *o, run_ctx *r);
static int run_document(const options *o, run_ctx *r);
static int run_agenda(const options *o, run_ctx *r);
static int run_new(const options *o, run_ctx *r);

/* In `command`'s order, then the commands that take their own
 * arguments. */
static const cmd_def commands[] = {
  [CMD_CHECK] = { "check", N_("report every finding (the default)\n"), run_check, NULL, ACCEPTS_PARTS | ACCEPTS_SARIF },
  [CMD_COVERAGE] = { "coverage",
                     N_("for each parent directive: which tasks implement it, or\n"
                        "              that it is waived, forwarded or missing; and the totals\n"),
                     run_report, NULL, ACCEPTS_EXPLAIN | ACCEPTS_TABLES | LOADS },
  [CMD_SUGGEST] = { "suggest",
                    N_("for each uncovered parent directive, the likeliest tasks\n"
                       "              (--evaluate: measure the suggestions on the existing links)\n"),
                    run_report, NULL, ACCEPTS_EVALUATE | LOADS },
  [CMD_ACCEPT] = { "accept",
                   N_("record the current fingerprint of the parent directives\n"
                      "              FILE links to (all, or those the IDs name), after review\n"),
                   run_accept, NULL, TEXT_ONLY | ONE_PLAN | LOADS },
  [CMD_REPORT] = { "report",
                   N_("write a document: a built-in format (html: one\n"
                      "              self-contained page with the plan, its coverage, a timeline\n"
                      "              and the agenda; md and csv: the annex table; json: the model,\n"
                      "              coverage and findings; ics: the deadlines as a calendar; dot:\n"
                      "              the cascade as a graph) or one a script defines\n"),
                   run_document, NULL, ACCEPTS_DOCUMENT | ACCEPTS_WITHIN | LOADS },
  [CMD_AGENDA] = { "agenda",
                   N_("where each plan stands as of a day, by owner: overdue,\n"
                      "              due soon, triggered, recurring and waiting directives\n"),
                   run_agenda, NULL, ACCEPTS_WITHIN | ACCEPTS_OWNER | LOADS },
  [CMD_NEW] = { "new", NULL, run_new, NULL, ACCEPTS_NEW | NO_FILES },
  { "import", NULL, NULL, ci_main, 0 },
  { "fmt", NULL, NULL, cf_main, 0 },
  { "lsp", NULL, NULL, lsp_main, 0 },
};
enum { NCOMMANDS = sizeof commands / sizeof *commands };

/* --help lists them in this order. */
static const command help_order[] = { CMD_CHECK, CMD_COVERAGE, CMD_SUGGEST, CMD_ACCEPT, CMD_AGENDA, CMD_REPORT };

static int accepts(const options *o, unsigned flag) { return (commands[o->cmd].flags & flag) != 0; }

/* --help, a paragraph a message, printed with a blank line between. */
static const char *const help_text[] = {
  N_("usage: plancheck [check] [options] FILE...\n"
     "       plancheck coverage [options] FILE...\n"
     "       plancheck suggest [--evaluate] [options] FILE...\n"
     "       plancheck accept [options] FILE [ID...]\n"
     "       plancheck report --format NAME [options] FILE...\n"
     "       plancheck agenda [--as-of DATE] [--within DAYS] [--owner BODY] [options] FILE...\n"
     "       plancheck --list-rules [options] [FILE...]\n"
     "       plancheck --list-bodies [--format json] [options] [FILE...]\n"),
  N_("Checks implementation plans written in the plan language, each against\n"
     "the plans it implements.\n"),
  NULL,                      /* the commands (commands[]) */
  N_("plancheck import FILE|- [-o OUT [--force]] [--parent FILE] [-I DIR]\n"
     "  a draft plan from a document (.docx, .pdf, text or Markdown; - reads\n"
     "  pasted text):\n"
     "  header, sections, every task verbatim, owners and deadline phrases;\n"
     "  with the parent plan (--parent, or found through -I) each task's\n"
     "  likeliest `implements` as a comment to review. Written to OUT (never\n"
     "  over a file without --force) or to standard output; docs/IMPORT.md.\n"),
  N_("plancheck fmt [-w] [--check] [--keywords=en|vi] FILE|DIR|-...\n"
     "  the canonical layout of plan files (docs/LANGUAGE.md, Layout): one\n"
     "  file printed; -w rewrites each file that differs in place; --check\n"
     "  lists them and exits 1; --keywords spells every keyword in English or\n"
     "  Vietnamese. Comments, blank lines and the text are kept.\n"),
  LSP_HELP,
  N_("plancheck coverage --explain: also why each parent directive is addressed\n"
     "to the plan's level (or why not: the listed ones the plan need not\n"
     "answer).\n"
     "plancheck check reads every task's text when it checks up to --batch\n"
     "plans (256) in one piece: a deadline the text prints that no due carries\n"
     "(deadline-in-text), a link whose task shares almost nothing with its\n"
     "directive (link-weak). --text-checks reads them in a larger run too\n"
     "(it takes several times the other checks), --no-text-checks in none.\n"),
  N_("options:\n"
     "  -I DIR              look for included and parent plans in DIR (repeatable;\n"
     "                      PLANPATH, colon-separated, is searched after)\n"
     "  --format=FORMAT     text or json; check also sarif, coverage also md and csv\n"
     "                      (default text)\n"
     "  --as-of DATE        the day of the agenda, and the day waivers expire and\n"
     "                      progress entries are checked against (default today)\n"
     "  --progress FILE     read a progress record (repeatable); the record beside\n"
     "                      a plan (x.progress beside x.plan) is read anyway\n"
     "  --within DAYS       agenda, report --format html: how far ahead to look\n"
     "                      (default 30)\n"
     "  --owner BODY        agenda: only the directives BODY leads (id or name)\n"
     "  --color=auto|always|never\n"
     "                      colour the text output (auto: on a terminal, unless\n"
     "                      NO_COLOR is set)\n"
     "  --stdlib DIR        read std/... (plans and *.lua rules) from DIR instead of\n"
     "                      the built-in library\n"
     "  --batch N           check: more than N plans are checked in parts of N,\n"
     "                      each in a worker process that also loads the\n"
     "                      parents its plans name (default: more than 256\n"
     "                      plans, in parts of 128)\n"
     "  -j N, --jobs N      check: worker processes at once (default: one per\n"
     "                      processor)\n"
     "  --text-checks       check: deadline-in-text and link-weak in a run in\n"
     "                      parts too (--weak-links is the same)\n"
     "  --no-text-checks    check: neither (--no-weak-links is the same)\n"
     "  --stop-after=lex|parse|resolve\n"
     "                      check: stop after that stage and say how long it took\n"
     "                      (for benchmarks)\n"),
  N_("A FILE that is a directory stands for every *.plan file below it, in name\n"
     "order.\n"),
  N_("plancheck new --from PARENT --level LEVEL --issuer BODY --number NUMBER\n"
     "              --date DATE [--place PLACE] [-o FILE [--force]] [-I DIR]\n"
     "              start a plan from its parent (a plan file, or a number found\n"
     "              as 'implements' finds it): one task for each directive the\n"
     "              parent addresses to LEVEL, with the parent's text, owner\n"
     "              counterpart, deadlines and the link; to stdout, or to FILE\n"
     "              (an existing FILE only with --force)\n"),
  N_("rules (Lua scripts: stdlib, the nearest .plancheck.lua, then --rules):\n"
     "  --rules FILE|DIR    load rule scripts from FILE or DIR/*.lua (repeatable)\n"
     "  --no-rules          run no script: the built-in checks only\n"
     "  --list-rules        list every rule, recognizer and format, and exit\n"
     "  --list-bodies       list every body, the standard ones and those FILEs\n"
     "                      declare (id, level, name, from and until when), and exit\n"
     "  -W RULE, -Wall      enable a rule (or all of them)\n"
     "  -Wno-RULE           disable a rule\n"
     "  -Werror=RULE        enable a rule and make its findings errors\n"
     "  --werror            make every warning an error\n"
     "  --lua-budget N      Lua instructions per rule call (default 100000000)\n"
     "  --lua-memory MIB    memory Lua may use in all (default 64)\n"
     "  -h, --help          show this help\n"
     "  --version           show the version\n"),
  N_("language:\n"
     "  --lang=vi|en        the language of messages and reports (default: as\n"
     "                      LANGUAGE, LC_ALL, LC_MESSAGES and LANG say)\n"),
  N_("Exit status: 0 no errors, 1 errors found (coverage: a directive missing;\n"
     "agenda: a directive overdue),\n"
     "2 usage or I/O failure.\n"),
};

/* The commands with a summary, a line or more each. */
static void help_commands(void) {
  fputs(_("commands:\n"), stdout);
  for (size_t i = 0; i < sizeof help_order / sizeof *help_order; i++) {
    const cmd_def *c = &commands[help_order[i]];
    /* TRANSLATORS: a command's name, then its summary. */
    printf(_("  %-11s %s"), c->name, _(c->summary));
  }
}

static void help(void) {
  for (size_t i = 0; i < sizeof help_text / sizeof *help_text; i++) {
    if (i) putchar('\n');
    if (help_text[i]) fputs(_(help_text[i]), stdout);
    else help_commands();
  }
}

static void out_of_memory(void) {
  fputs(_("plancheck: out of memory\n"), stderr);
  exit(EXIT_USAGE);
}

/* Whether a first argument that is no command is a mistyped one rather
 * than a plan: a word of small letters (and '-'), which no file or
 * directory is named, with no '/' and no ".plan" in it. */
static int looks_like_command(const char *a) {
  size_t n = strlen(a);
  if (n < 2 || n > 24 || strspn(a, "abcdefghijklmnopqrstuvwxyz-") != n || a[0] == '-') return 0;
  struct stat st;
  return stat(a, &st) != 0 && errno == ENOENT;
}

/* The command `a` is nearest to, when it is near enough to be a slip (an
 * edit in four letters, two in longer words; or the start of one), or
 * NULL. */
static const char *nearest_command(const char *a) {
  const char *best = NULL;
  size_t best_d = strlen(a) <= 4 ? 2 : 3;
  for (int c = 0; c < NCOMMANDS; c++) {
    const char *name = commands[c].name;
    size_t d = strncmp(name, a, strlen(a)) == 0 ? 1 : tx_distance(a, strlen(a), name, strlen(name));
    if (d < best_d) { best = name; best_d = d; }
  }
  return best;
}

static int unknown_command(const char *a) {
  const char *near = nearest_command(a);
  fputs("plancheck: ", stderr);
  if (near) fprintf(stderr, _("unknown command '%s'; did you mean '%s'?\n"), a, near);
  else fprintf(stderr, _("unknown command '%s' (no file has that name either)\n"), a);
  fputs(_("commands:"), stderr);   /* as the table lists them, each quoted as the language quotes */
  for (int c = 0; c < NCOMMANDS; c++) {
    fputs(c ? ", " : " ", stderr);
    fprintf(stderr, _("'%s'"), commands[c].name);
  }
  fputc('\n', stderr);
  fputs(_("Try 'plancheck --help'.\n"), stderr);
  return EXIT_USAGE;
}

/* A positive whole number, or -1. */
static long long count_arg(const char *v) {
  char *end;
  errno = 0;
  long long n = strtoll(v, &end, 10);
  return errno || end == v || *end || n <= 0 ? -1 : n;
}

/* The options about rules: 0 when argv[*i] was one, -1 when it is not one
 * of them, or an exit status. */
static int parse_rule_option(int argc, char **argv, int *i, options *o) {
  const char *a = argv[*i], *v;
  if ((v = cl_option_value(argc, argv, i, "--rules"))) { o->rules[o->nrules++] = v; return 0; }
  if (strcmp(a, "--list-rules") == 0) { o->list_rules = 1; return 0; }
  if (strcmp(a, "--no-rules") == 0) { o->no_rules = 1; return 0; }
  if (strcmp(a, "--text-checks") == 0 || strcmp(a, "--weak-links") == 0) { o->text_checks = 1; return 0; }
  if (strcmp(a, "--no-text-checks") == 0 || strcmp(a, "--no-weak-links") == 0) { o->text_checks = -1; return 0; }
  if (strcmp(a, "--werror") == 0) { o->werror = 1; return 0; }
  if (strncmp(a, "-W", 2) == 0) {
    if (a[2]) o->switches[o->nswitches++] = a + 2;
    else if (*i + 1 < argc) o->switches[o->nswitches++] = argv[++*i];
    else return cl_usage(_("option -W needs a rule%s"), "");
    return 0;
  }
  if ((v = cl_option_value(argc, argv, i, "--lua-budget"))) {
    if ((o->lua_budget = count_arg(v)) < 0) return cl_usage(_("--lua-budget wants a positive number, not '%s'"), v);
    return 0;
  }
  if ((v = cl_option_value(argc, argv, i, "--lua-memory"))) {
    long long mib = count_arg(v);
    if (mib < 0 || mib > 65536) return cl_usage(_("--lua-memory wants a number of MiB (1-65536), not '%s'"), v);
    o->lua_memory = (size_t)mib << 20;
    return 0;
  }
  return -1;
}

/* The options of `new`: 0 when argv[*i] was one, -1 when it is not one of
 * them, or an exit status. */
static int parse_new_option(int argc, char **argv, int *i, options *o) {
  np_request *r = &o->new_plan;
  const char **slot[] = { &r->from, &r->level, &r->issuer, &r->number, &r->date, &r->place, &r->output };
  static const char *const names[] = { "--from", "--level", "--issuer", "--number", "--date", "--place", "-o" };
  for (size_t k = 0; k < sizeof names / sizeof *names; k++) {
    const char *v = cl_option_value(argc, argv, i, names[k]);
    if (v) { *slot[k] = v; return 0; }
    if (strcmp(argv[*i], names[k]) == 0) return cl_usage(_("option %s needs a value"), names[k]);
  }
  if (strcmp(argv[*i], "--force") == 0) { o->force = 1; return 0; }
  return -1;
}

/* `new` takes no files, and needs the parent and the new plan's level,
 * issuer, number and date. */
static int check_new_options(const options *o) {
  const np_request *r = &o->new_plan;
  if (o->nfiles) return cl_usage(_("'new' takes no file ('%s'): give the parent with --from"), o->files[0]);
  const char *missing = !r->from ? "--from" : !r->level ? "--level" : !r->issuer ? "--issuer"
                      : !r->number ? "--number" : !r->date ? "--date" : NULL;
  if (missing) return cl_usage(_("'new' needs %s"), missing);
  if (o->force && !r->output) return cl_usage(_("--force is for -o FILE%s"), "");
  if (o->format != RP_TEXT) return cl_usage(_("'new' writes a plan, not a report (no --format)%s"), "");
  return -1;
}

/* Returns -1 to go on, or an exit status. */
static int parse_args(int argc, char **argv, options *o) {
  o->incdirs = mem_calloc((size_t)argc, sizeof *o->incdirs);
  o->files = mem_calloc((size_t)argc, sizeof *o->files);
  o->rules = mem_calloc((size_t)argc, sizeof *o->rules);
  o->switches = mem_calloc((size_t)argc, sizeof *o->switches);
  o->progress = mem_calloc((size_t)argc, sizeof *o->progress);
  o->within = 30;
  o->color = -1;
  o->as_of = cl_today();
  int i = 1;
  while (i < argc && cl_option_value(argc, argv, &i, "--lang")) i++;   /* --lang may come before the command */
  int named = i;
  for (int c = 0; i < argc && c < NCOMMANDS; c++)
    if (commands[c].run && strcmp(argv[i], commands[c].name) == 0) { o->cmd = (command)c; i++; break; }
  if (i == named && i < argc && looks_like_command(argv[i])) return unknown_command(argv[i]);
  int only_files = 0;
  for (; i < argc; i++) {
    const char *a = argv[i], *v;
    if (only_files || a[0] != '-' || strcmp(a, "-") == 0) { o->files[o->nfiles++] = a; continue; }
    if (strcmp(a, "--") == 0) { only_files = 1; continue; }
    if (cl_option_value(argc, argv, &i, "--lang")) continue;   /* read by lang_option */
    if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) { help(); return EXIT_CLEAN; }
    if (strcmp(a, "--list-bodies") == 0) { o->list_bodies = 1; continue; }
    if (strcmp(a, "--version") == 0) { printf("plancheck %s\n", PLANCHECK_VERSION); return EXIT_CLEAN; }
    if (strncmp(a, "-I", 2) == 0) {
      if (a[2]) o->incdirs[o->nincdirs++] = a + 2;
      else if (i + 1 < argc) o->incdirs[o->nincdirs++] = argv[++i];
      else return cl_usage(_("option -I needs a directory%s"), "");
      continue;
    }
    if (accepts(o, ACCEPTS_DOCUMENT) && (v = cl_option_value(argc, argv, &i, "--format"))) {
      o->report_format = v;
      continue;
    }
    if ((v = cl_option_value(argc, argv, &i, "--format"))) {
      if (rp_parse_format(v, &o->format) != 0) return cl_usage(_("unknown format '%s' (text, json, sarif, md or csv)"), v);
      continue;
    }
    if ((v = cl_option_value(argc, argv, &i, "--as-of"))) {
      if (dt_parse_iso(v, strlen(v), &o->as_of) != 0) return cl_usage(_("--as-of wants a date such as 2024-06-30, not '%s'"), v);
      continue;
    }
    if (strcmp(a, "--evaluate") == 0 && accepts(o, ACCEPTS_EVALUATE)) { o->evaluate = 1; continue; }
    if (strcmp(a, "--explain") == 0 && accepts(o, ACCEPTS_EXPLAIN)) { o->explain = 1; continue; }
    if ((v = cl_option_value(argc, argv, &i, "--color"))) {
      if ((o->color = cl_color_mode(v)) == -2) return cl_usage(_("unknown colour mode '%s' (auto, always or never)"), v);
      continue;
    }
    if ((v = cl_option_value(argc, argv, &i, "--stdlib"))) { o->stdlib_dir = v; continue; }
    if ((v = cl_option_value(argc, argv, &i, "--progress"))) { o->progress[o->nprogress++] = v; continue; }
    if (accepts(o, ACCEPTS_WITHIN) && (v = cl_option_value(argc, argv, &i, "--within"))) {
      long long n = strcmp(v, "0") == 0 ? 0 : count_arg(v);
      if (n < 0 || n > 36600) return cl_usage(_("--within wants a number of days (0-36600), not '%s'"), v);
      o->within = (int)n;
      continue;
    }
    if (accepts(o, ACCEPTS_OWNER) && (v = cl_option_value(argc, argv, &i, "--owner"))) { o->owner = v; continue; }
    if (accepts(o, ACCEPTS_NEW)) {
      int r = parse_new_option(argc, argv, &i, o);
      if (r == 0) continue;
      if (r > 0) return r;
    }
    if ((v = cl_option_value(argc, argv, &i, "--jobs")) || (v = cl_option_value(argc, argv, &i, "-j")) ||
        (strncmp(a, "-j", 2) == 0 && a[2] && (v = a + 2))) {
      long long n = count_arg(v);
      if (n < 0 || n > 256) return cl_usage(_("--jobs wants a number of processes (1-256), not '%s'"), v);
      o->jobs = (int)n;
      continue;
    }
    if (accepts(o, ACCEPTS_PARTS) && (v = cl_option_value(argc, argv, &i, "--batch"))) {
      if ((o->batch = count_arg(v)) < 0) return cl_usage(_("--batch wants a positive number of plans, not '%s'"), v);
      continue;
    }
    if (accepts(o, ACCEPTS_PARTS) && (v = cl_option_value(argc, argv, &i, "--stop-after"))) {
      static const char *const stages[] = { "lex", "parse", "resolve" };
      for (int k = 0; k < 3 && !o->stop_after; k++)
        if (strcmp(v, stages[k]) == 0) o->stop_after = STOP_LEX + k;
      if (!o->stop_after) return cl_usage(_("--stop-after wants lex, parse or resolve, not '%s'"), v);
      continue;
    }
    int r = parse_rule_option(argc, argv, &i, o);
    if (r == 0) continue;
    if (r > 0) return r;
    return cl_usage(_("unknown option '%s'"), a);
  }
  if (o->list_bodies && o->format != RP_TEXT && o->format != RP_JSON)
    return cl_usage(_("--list-bodies prints text or json%s"), "");
  if (o->list_rules || o->list_bodies) return -1;
  if (accepts(o, NO_FILES)) return check_new_options(o);
  if (o->nfiles == 0) return cl_usage(_("no input files%s"), "");
  if (accepts(o, ACCEPTS_DOCUMENT) && !o->report_format) return cl_usage(_("'report' needs --format NAME%s"), "");
  if ((o->format == RP_MD || o->format == RP_CSV) && !accepts(o, ACCEPTS_TABLES))
    return cl_usage(_("formats md and csv are for 'coverage'%s"), "");
  if (o->format != RP_TEXT && accepts(o, TEXT_ONLY)) return cl_usage(_("'accept' prints text only%s"), "");
  if (o->format == RP_SARIF && (!accepts(o, ACCEPTS_SARIF) || o->stop_after))
    return cl_usage(_("format sarif is for 'check'%s"), "");
  return -1;
}

static int use_color(const options *o) { return cl_use_color(o->color); }

static void print_diags(const options *o, src_table *src, dg_list *diags) {
  dg_sort(diags);
  dg_print_text(stderr, src, diags, (dg_style){ use_color(o) });
}

static void totals(unsigned long errors, unsigned long warnings) {
  printf(lg_ntext("%lu error, ", "%lu errors, ", errors), errors);
  printf(lg_ntext("%lu warning\n", "%lu warnings\n", warnings), warnings);
}

/* The steps of a check (session.h), for the drivers here that load their
 * own way. */
static void resolve(const options *o, md_model *m, ru_engine *rules, inputs_t *in) {
  ss_resolve(m, rules, o->as_of, in->v, in->n);
}

static void run_checks(const options *o, md_model *m, const inputs_t *in, ru_engine *rules, md_plan *from) {
  ss_run_checks(m, rules, in->v, in->n, o->as_of, o->text_checks >= 0, o->werror, from);
}

/* check in parts (parts.h): more than --batch plans. */
static int cmd_check(const options *o, md_model *m, const rs_options *ro, ru_engine *rules, const char **paths,
                     size_t npaths) {
  size_t whole = o->batch ? (size_t)o->batch : PA_ONE_PIECE;
  if (o->nprogress) {
    fprintf(stderr, _("plancheck: error: --progress with more than --batch plans (%zu): a part holds only some of "
                      "the plans a record may name; raise --batch, or give the record to 'agenda'\n"), whole);
    return EXIT_USAGE;
  }
  /* The checks that read every task's text (deadline-in-text, link-weak)
   * come with a run in one piece (an office checking its plans), and with
   * a run in parts only when asked for: on a national run they would take
   * several times all its other checks (docs/BENCHMARKS.md). */
  pa_options po = { o->as_of, o->text_checks > 0, o->werror, o->format == RP_JSON || o->format == RP_SARIF,
                    { use_color(o) }, o->batch ? (size_t)o->batch : PA_PART, o->jobs, o->format == RP_SARIF,
                    PLANCHECK_VERSION };
  pa_totals t = pa_check(&po, m, ro, rules, paths, npaths);
  if (o->format == RP_TEXT) totals(t.errors, t.warnings);
  if (t.failed || t.unreadable) return EXIT_USAGE;
  return t.errors ? EXIT_FINDINGS : EXIT_CLEAN;
}

/* report in a built-in format: one document for all the plans, to stdout.
 * A format that holds the findings (json) has them instead of stderr. */
static int builtin_document(const options *o, md_model *m, const inputs_t *in, ru_engine *rules) {
  int flags = ex_find(o->report_format);
  md_plan **plans = mem_calloc(in->n ? in->n : 1, sizeof *plans);
  size_t n = 0;
  for (size_t i = 0; i < in->n; i++)
    if (in->v[i].plan) plans[n++] = in->v[i].plan;
  if (flags & EX_FINDINGS) {
    run_checks(o, m, in, rules, m->plans);
    dg_sort(m->diags);
  } else if (o->werror) {
    dg_promote_warnings(m->diags);
  }
  ex_write(stdout, m, plans, n, o->report_format, (ex_when){ o->as_of, o->within });
  free(plans);
  if (!(flags & EX_FINDINGS)) print_diags(o, m->src, m->diags);
  return m->diags->errors ? EXIT_FINDINGS : EXIT_CLEAN;
}

/* report: the document each plan gives in a script's format, to stdout. */
static int cmd_document(const options *o, md_model *m, const inputs_t *in, ru_engine *rules) {
  if (ex_find(o->report_format)) return builtin_document(o, m, in, rules);
  const ru_def *f = ru_find(rules, RU_FORMAT, o->report_format);
  for (size_t i = 0; f && i < in->n; i++) {
    if (!in->v[i].plan) continue;
    size_t len;
    const char *doc = ru_render(rules, f, in->v[i].plan, &len);
    if (doc) fwrite(doc, 1, len, stdout);
  }
  if (o->werror) dg_promote_warnings(m->diags);
  print_diags(o, m->src, m->diags);
  return m->diags->errors ? EXIT_FINDINGS : EXIT_CLEAN;
}

/* `s` and a space, padded to `width` characters (not bytes: Vietnamese). */
static void put_padded(const char *s, size_t width) {
  fputs(s, stdout);
  for (size_t n = tx_codepoints(s, strlen(s)); n < width; n++) putchar(' ');
  putchar(' ');
}

/* The widest of some texts, in characters. */
static size_t widest(const char *const *texts, size_t n) {
  size_t w = 0;
  for (size_t i = 0; i < n; i++) {
    size_t c = tx_codepoints(texts[i], strlen(texts[i]));
    if (c > w) w = c;
  }
  return w;
}

static void list_rules(const ru_engine *rules) {
  const char *const severities[] = { _(dg_severity_name(DG_ERROR)), _(dg_severity_name(DG_WARNING)),
                                     _(dg_severity_name(DG_NOTE)) }, *const states[] = { _("on"), _("off") };
  size_t sev_width = widest(severities, 3), state_width = widest(states, 2);
  static const char *const headings[] = { N_("rules:\n"), N_("recognizers:\n"), N_("formats:\n") };
  for (int k = RU_RULE; k <= RU_FORMAT; k++) {
    int first = 1;
    for (size_t i = 0; i < ru_count(rules); i++) {
      const ru_def *d = ru_at(rules, i);
      if ((int)d->kind != k) continue;
      if (first) printf("%s%s", k == RU_RULE ? "" : "\n", _(headings[k]));
      first = 0;
      if (k == RU_RULE) {
        printf("  %-28s ", d->id);
        put_padded(_(dg_severity_name(d->werror ? DG_ERROR : d->severity)), sev_width);
        put_padded(d->enabled ? _("on") : _("off"), state_width);
        printf("%-26s %s\n", ru_origin(rules, d), d->description);
      } else {
        printf("  %-28s %-26s %s\n", d->id, ru_origin(rules, d), d->description);
      }
    }
  }
}

/* --list-bodies: every body loaded (the standard library's and the
 * files'), level by level in the levels' order, each in declaration
 * order: what `by`, `--issuer` and the page's "new" dialog accept; a
 * body formed by a succession says from when, one whose work passed to
 * others from when. */
static void list_bodies(const options *o, const md_model *m) {
  js_writer w;
  int json = o->format == RP_JSON;
  if (json) {
    js_init(&w, stdout, JS_PRETTY);
    js_array(&w);
  }
  int any = 0;
  for (md_level l = 0; l <= (md_level)m->nlevels; l++) {
    int first = 1;
    for (const md_body *b = m->bodies; b; b = b->next) {
      if (b->level != l) continue;
      dt_day from = md_body_start(b), until = md_body_end(b);
      char start[11] = "", end[11] = "";
      if (from != DT_MIN) dt_format(from, start);
      if (until != DT_MAX) dt_format(until, end);
      if (json) {
        js_object(&w);
        js_key(&w, "id");
        js_string(&w, b->id.p, b->id.n);
        js_key(&w, "level");
        js_cstring(&w, md_level_name(m, l));
        js_key(&w, "name");
        js_string(&w, b->name.value.p, b->name.value.n);
        js_key(&w, "from");
        js_cstring(&w, *start ? start : NULL);
        js_key(&w, "replaced_from");
        js_cstring(&w, *end ? end : NULL);
        js_end(&w);
        continue;
      }
      if (first) printf("%s%s (%.*s):\n", any ? "\n" : "", md_level_name(m, l), (int)m->levels[l].name.value.n,
                        m->levels[l].name.value.p);
      first = 0;
      any = 1;
      printf("  %-28.*s %.*s", (int)b->id.n, b->id.p, (int)b->name.value.n, b->name.value.p);
      if (*start) printf(_(" (from %s)"), start);
      if (*end) printf(_(" (replaced from %s)"), end);
      putchar('\n');
    }
  }
  if (json) {
    js_end(&w);
    putchar('\n');
  }
}

/* The standard bodies of every level, for --list-bodies: the files name
 * only those they use. */
static void load_all_bodies(md_model *m, const rs_options *ro) {
  static const char text[] = "use \"std/all\"\n";
  uint32_t file;
  if (src_add_memory(m->src, "(plancheck --list-bodies)", text, sizeof text - 1, &file) == SRC_OK)
    rs_load_memory(m, ro, file);
}

/* Applies the -W switches; a usage error names the unknown rule. */
static int apply_switches(const options *o, ru_engine *rules) {
  for (size_t i = 0; i < o->nswitches; i++) {
    const char *err = ru_switch(rules, o->switches[i]);
    if (err) return cl_usage("%s", err);
  }
  if (accepts(o, ACCEPTS_DOCUMENT) && !ex_find(o->report_format) && !ru_find(rules, RU_FORMAT, o->report_format)) {
    ar_arena a;
    ar_init(&a);
    const char *why = dg_fmt(&a, _("unknown report format '%s' (built in: %s; plancheck --list-rules lists the "
                                   "scripts' formats)"), o->report_format, ex_names(&a));
    int status = cl_usage("%s", why);
    ar_free(&a);
    return status;
  }
  return -1;
}

/* coverage and suggest: load errors go to stderr, the answer to stdout. */
static int cmd_report(const options *o, md_model *m, const inputs_t *in) {
  cs_coverage **c = mem_calloc(in->n ? in->n : 1, sizeof *c);
  size_t n = 0, missing = 0;
  for (size_t i = 0; i < in->n; i++) {
    if (!in->v[i].plan) continue;
    c[n] = cs_coverage_of(m, in->v[i].plan, o->as_of);
    for (size_t t = 0; t < c[n]->ntargets; t++) missing += c[n]->targets[t].count[CS_MISSING];
    n++;
  }
  print_diags(o, m->src, m->diags);
  if (o->cmd == CMD_COVERAGE) ex_coverage(stdout, m, c, n, o->format, o->explain);
  else if (o->evaluate) {
    sg_eval total;
    sg_eval *each = sg_evaluate_all(m, c, n, &total);
    ex_evaluate(stdout, m, c, each, n, &total, o->format);
  } else {
    size_t nt;
    sg_target *t = sg_suggest(m, c, n, &nt);
    ex_suggest(stdout, m, t, nt, o->format);
  }
  free(c);
  if (m->diags->errors) return EXIT_FINDINGS;
  return o->cmd == CMD_COVERAGE && missing ? EXIT_FINDINGS : EXIT_CLEAN;
}

/* The body --owner names: its identifier, or one of its names. */
static const md_body *owner_named(md_model *m, const char *s) {
  sl_slice name = { s, strlen(s) };
  md_body *b = md_body_by_id(m, name);
  return b ? b : md_body_by_name(m, name);
}

/* agenda: findings to stderr, the agenda to stdout; 1 when something is
 * overdue, so a scheduled job notices. */
static int cmd_agenda(const options *o, md_model *m, const inputs_t *in) {
  const md_body *owner = NULL;
  if (o->owner && !(owner = owner_named(m, o->owner))) {
    print_diags(o, m->src, m->diags);
    return cl_usage(_("--owner: no body is named '%s'"), o->owner);
  }
  ag_agenda **a = mem_calloc(in->n ? in->n : 1, sizeof *a);
  size_t n = 0, overdue = 0;
  for (size_t i = 0; i < in->n; i++) {
    if (!in->v[i].plan) continue;
    a[n] = ag_agenda_of(m, in->v[i].plan, o->as_of, o->within, owner);
    overdue += a[n++]->count[AG_OVERDUE];
  }
  print_diags(o, m->src, m->diags);
  ex_agenda(stdout, m, a, n, o->format);
  free(a);
  return m->diags->errors || overdue ? EXIT_FINDINGS : EXIT_CLEAN;
}

static int cmd_accept(const options *o, md_model *m, const inputs_t *in) {
  md_plan *p = in->v[0].plan;
  ac_result r = { 0 };
  if (p) r = ac_accept(m, p, o->files + 1, o->nfiles - 1);
  print_diags(o, m->src, m->diags);
  for (ac_change *c = r.changes; c; c = c->next)
    printf(m->diags->errors ? _("would accept %s -> %s: %s => %s\n") : _("accepted %s -> %s: %s => %s\n"),
           c->link->from->id, c->link->item->id, *c->before ? c->before : _("(none)"), c->after);
  if (m->diags->errors) {
    fputs(_("nothing written: fix the errors first\n"), stdout);
    return EXIT_FINDINGS;
  }
  printf(lg_ntext("%s: %zu link accepted, %zu already current\n", "%s: %zu links accepted, %zu already current\n",
                  r.changed), in->v[0].path, r.changed, r.unchanged);
  return EXIT_CLEAN;
}

static double seconds(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* check --stop-after: one stage over every file, in this process, timed;
 * for benchmarks (the limits a full run is measured against). */
static int cmd_stage(const options *o, md_model *m, const rs_options *ro, ru_engine *rules, const char **paths,
                     size_t n) {
  double t0 = seconds();
  size_t bytes = 0, tokens = 0, unreadable = 0;
  if (o->stop_after == STOP_LEX) {
    for (size_t i = 0; i < n; i++) {
      char *data;
      size_t len;
      if (src_read(paths[i], &data, &len) != 0) { unreadable++; continue; }
      lx_lexer lx;
      lx_init(&lx, data, len, 0, m->diags);
      lx_token t;
      while (lx_next(&lx, &t)) tokens++;
      bytes += len;
      free(data);
    }
  } else {
    inputs_t in = { mem_calloc(n + 1, sizeof *in.v), n };
    for (size_t i = 0; i < n; i++) in.v[i].path = paths[i];
    unreadable = rs_load(m, ro, in.v, n);
    if (o->stop_after == STOP_RESOLVE) resolve(o, m, rules, &in);
    for (size_t i = 0; i < m->src->n; i++) bytes += m->src->files[i].size;
    free(in.v);
  }
  double dt = seconds() - t0;
  static const char *const verbs[] = { "", N_("lexed"), N_("parsed"), N_("resolved") };
  printf(_("%s %zu files, %zu bytes%s in %.3f s: %.1f MB/s\n"), _(verbs[o->stop_after]), n, bytes,
         o->stop_after == STOP_LEX ? dg_fmt(m->arena, _(", %zu tokens"), tokens) : "", dt,
         dt > 0 ? (double)bytes / dt / 1e6 : 0.0);
  printf(_("%lu errors, %lu warnings\n"), m->diags->errors, m->diags->warnings);
  return unreadable ? EXIT_USAGE : m->diags->errors ? EXIT_FINDINGS : EXIT_CLEAN;
}

/* new: the child plan to stdout or -o FILE (never over a file without
 * --force); findings only when something is wrong. */
static int cmd_new(const options *o, md_model *m, const rs_options *ro, ru_engine *rules) {
  np_child *c = NULL;
  int r = np_prepare(m, ro, ru_recognizer(rules), &o->new_plan, &c);
  if (r != NP_OK) {
    print_diags(o, m->src, m->diags);
    return r == NP_PARENT_ERRORS ? EXIT_FINDINGS : EXIT_USAGE;
  }
  size_t n;
  const char *text = np_text(m, c, lg_current() == LG_VI, &n);
  const char *path = o->new_plan.output;
  if (!path) {
    fwrite(text, 1, n, stdout);
    return fflush(stdout) == 0 ? EXIT_CLEAN : EXIT_USAGE;
  }
  int e = of_write(m->arena, path, text, n, o->force);
  if (e == EEXIST) return cl_usage(_("%s exists already: nothing written (give --force to replace it)"), path);
  if (e) {
    fputs("plancheck: ", stderr);
    fprintf(stderr, _("cannot write %s: %s"), path, strerror(e));
    fputc('\n', stderr);
    return EXIT_USAGE;
  }
  fprintf(stderr, lg_ntext("%s: %zu task from plan %s\n", "%s: %zu tasks from plan %s\n", np_tasks(c)), path,
          np_tasks(c), np_parent_key(m, c));
  return EXIT_CLEAN;
}

/* check in one piece, through a session: the findings sorted by file and
 * place, the plan lines and the totals (or one JSON document). */
static int cmd_check_whole(const options *o, const char **paths, size_t npaths) {
  ss_options so = { o->as_of, o->text_checks >= 0, o->werror, o->incdirs, o->nincdirs, getenv("PLANPATH"),
                    o->stdlib_dir, o->no_rules, o->rules, o->nrules, o->switches, o->nswitches, o->lua_budget,
                    o->lua_memory, o->progress, o->nprogress, paths, npaths };
  ss_session *s = ss_open(&so);
  if (!s) return cl_usage("%s", ss_error());
  ss_file *files = mem_calloc(npaths + 1, sizeof *files);
  for (size_t i = 0; i < npaths; i++) files[i].path = paths[i];
  size_t unreadable = ss_check(s, files, npaths);
  free(files);
  md_model *m = ss_model(s);
  dg_list *d = ss_diags(s);
  int status = unreadable || ss_unreadable_rules(s) ? EXIT_USAGE : d->errors ? EXIT_FINDINGS : EXIT_CLEAN;
  if (o->format == RP_JSON) {
    dg_print_json(stdout, m->src, d);
  } else if (o->format == RP_SARIF) {
    sf_print(stdout, m->src, d, ss_rules(s), PLANCHECK_VERSION, status);
  } else {
    dg_print_text(stderr, m->src, d, (dg_style){ use_color(o) });
    for (size_t i = 0; i < npaths; i++) pa_plan_line(stdout, paths[i], ss_plan(s, i));
    totals(d->errors, d->warnings);
  }
  ss_close(s);
  return status;
}

/* The commands' entries: each with what run() prepared. */
static int run_check(const options *o, run_ctx *r) {
  return o->stop_after ? cmd_stage(o, r->m, r->ro, r->rules, r->paths, r->npaths)
                       : cmd_check(o, r->m, r->ro, r->rules, r->paths, r->npaths);
}

static int run_report(const options *o, run_ctx *r) { return cmd_report(o, r->m, &r->in); }
static int run_accept(const options *o, run_ctx *r) { return cmd_accept(o, r->m, &r->in); }
static int run_document(const options *o, run_ctx *r) { return cmd_document(o, r->m, &r->in, r->rules); }
static int run_agenda(const options *o, run_ctx *r) { return cmd_agenda(o, r->m, &r->in); }
static int run_new(const options *o, run_ctx *r) { return cmd_new(o, r->m, r->ro, r->rules); }

/* Loads the plans given and the progress records, and resolves them. */
static size_t load_inputs(const options *o, run_ctx *r) {
  size_t n = r->npaths + o->nprogress;
  r->in = (inputs_t){ mem_calloc(n + 1, sizeof *r->in.v), n };
  for (size_t i = 0; i < r->npaths; i++) r->in.v[i].path = r->paths[i];
  for (size_t i = 0; i < o->nprogress; i++) r->in.v[r->npaths + i] = (rs_input){ .path = o->progress[i], .record = 1 };
  size_t unreadable = rs_load(r->m, r->ro, r->in.v, n);
  resolve(o, r->m, r->rules, &r->in);
  return unreadable;
}

static int run(const options *o) {
  size_t whole = o->batch ? (size_t)o->batch : PA_ONE_PIECE;
  if (o->cmd == CMD_CHECK && !o->stop_after && !o->list_rules && !o->list_bodies && o->nfiles <= whole)
    return cmd_check_whole(o, o->files, o->nfiles);   /* a session of its own */
  ar_arena arena;
  ar_init(&arena);
  src_table src;
  src_init(&src);
  dg_list diags;
  dg_init(&diags, &arena);
  md_model m;
  md_init(&m, &arena, &src, &diags);

  size_t nplans = accepts(o, ONE_PLAN) ? 1 : o->nfiles;   /* accept: the others are ids */
  const char **paths = o->files;
  ru_options uo = { o->stdlib_dir, o->rules, o->nrules, paths, nplans, o->lua_budget, o->lua_memory, o->as_of,
                    o->no_rules, ex_find };
  ru_engine *rules = ru_open(&arena, &src, &diags, &uo);
  if (!rules) out_of_memory();
  int status = apply_switches(o, rules);
  if (status < 0 && o->list_rules) {
    list_rules(rules);
    print_diags(o, &src, &diags);
    status = ru_unreadable(rules) ? EXIT_USAGE : diags.errors ? EXIT_FINDINGS : EXIT_CLEAN;
  }
  if (status < 0) {
    rs_options ro = { o->incdirs, o->nincdirs, getenv("PLANPATH"), o->stdlib_dir };
    ru_attach(rules, &m);
    run_ctx r = { &m, &ro, rules, paths, nplans, { NULL, 0 } };
    if (o->list_bodies) load_all_bodies(&m, &ro);
    size_t unreadable = accepts(o, LOADS) || o->list_bodies ? load_inputs(o, &r) : 0;
    if (o->list_bodies) {
      list_bodies(o, &m);
      print_diags(o, &src, &diags);
      status = diags.errors ? EXIT_FINDINGS : EXIT_CLEAN;
    } else {
      status = commands[o->cmd].run(o, &r);
    }
    if (unreadable || ru_unreadable(rules)) status = EXIT_USAGE;
    free(r.in.v);
  }
  ru_close(rules);
  src_free(&src);
  ar_free(&arena);
  return status;
}

/* --lang=vi|en (or --lang vi): read before anything else, so that the
 * other options' errors are in that language. Returns its value, NULL
 * when none is given, or "" when one is wrong (said once lang is set). */
static const char *lang_option(int argc, char **argv) {
  const char *lang = NULL;
  for (int i = 1; i < argc && strcmp(argv[i], "--") != 0; i++) {
    const char *v = cl_option_value(argc, argv, &i, "--lang");
    if (v) lang = lg_parse(v) < 0 ? "" : v;
  }
  return lang;
}

/* The path of the running program, for finding its catalogue. */
static const char *program_path(const char *argv0, char *buf, size_t size) {
  ssize_t n = readlink("/proc/self/exe", buf, size - 1);
  if (n <= 0) return argv0;
  buf[n] = '\0';
  return buf;
}

int main(int argc, char **argv) {
  /* Findings go to stderr, which stdio leaves unbuffered: a system call a
   * character (10,000 findings took 0.6 s of CPU). A buffer of our own
   * (no allocation to fail), flushed after each list of findings
   * (dg_print_text), before a fork and at exit. */
  static char err_buffer[1 << 16];
  setvbuf(stderr, err_buffer, _IOFBF, sizeof err_buffer);
  mem_set_oom(out_of_memory);
  const char *lang = lang_option(argc, argv);
  char exe[4096];
  if (lg_init(lang && *lang ? lang : NULL, program_path(argv[0], exe, sizeof exe)) != 0)
    /* In both languages: the catalogue that would translate it is missing. */
    fputs("plancheck: ghi chú: không tìm thấy bản tiếng Việt của các thông báo (vi/LC_MESSAGES/plancheck.mo); "
          "các thông báo sẽ hiện bằng tiếng Anh\n"
          "plancheck: note: the Vietnamese messages (vi/LC_MESSAGES/plancheck.mo) were not found; "
          "showing English\n", stderr);
  if (lang && !*lang) return cl_usage(_("--lang wants vi or en%s"), "");
  for (int i = 1; i < argc; i++) {   /* --lang and --color may come before the command */
    if (cl_option_value(argc, argv, &i, "--lang") || strncmp(argv[i], "--color", 7) == 0) continue;
    for (int c = 0; c < NCOMMANDS; c++)
      if (commands[c].own && strcmp(argv[i], commands[c].name) == 0) return commands[c].own(argc, argv, i + 1);
    break;
  }
  options o;
  memset(&o, 0, sizeof o);
  int status = parse_args(argc, argv, &o);
  const char **given = o.files;
  if (status < 0 && !accepts(&o, ONE_PLAN)) o.files = cl_expand(given, &o.nfiles);
  if (status < 0) status = run(&o);
  if (o.files != given) {
    for (size_t i = 0; i < o.nfiles; i++) free((char *)o.files[i]);
    free(o.files);
    o.files = given;
  }
  free(o.incdirs);
  free(o.files);
  free(o.rules);
  free(o.switches);
  free(o.progress);
  return status;
}
