/* main: the command line. The only layer that prints or exits.
 *
 * Parses the arguments, runs load → resolve → check over the given files
 * under one arena, prints the collected diagnostics once, and turns them
 * into the exit status: 0 clean, 1 errors found, 2 usage or I/O failure. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "resolve.h"

#ifndef PLANCHECK_VERSION
#define PLANCHECK_VERSION "0.1.0"
#endif

enum { EXIT_CLEAN = 0, EXIT_FINDINGS = 1, EXIT_USAGE = 2 };

typedef enum { FMT_TEXT, FMT_JSON } out_format;

typedef struct options {
  const char **incdirs;
  size_t nincdirs;
  const char **files;
  size_t nfiles;
  out_format format;
  int color;                 /* -1 auto, 0 never, 1 always */
  const char *stdlib_dir;
} options;

static const char usage_text[] =
  "usage: plancheck [check] [options] FILE...\n"
  "\n"
  "Checks implementation plans written in the plan language.\n"
  "\n"
  "options:\n"
  "  -I DIR              look for included and parent plans in DIR (repeatable;\n"
  "                      PLANPATH, colon-separated, is searched after)\n"
  "  --format=text|json  how to print findings (default text)\n"
  "  --color=auto|always|never\n"
  "                      colour the text output (auto: on a terminal, unless\n"
  "                      NO_COLOR is set)\n"
  "  --stdlib DIR        read std/... from DIR instead of the built-in library\n"
  "  -h, --help          show this help\n"
  "  --version           show the version\n"
  "\n"
  "Exit status: 0 no errors, 1 errors found, 2 usage or I/O failure.\n";

static void out_of_memory(void) {
  fputs("plancheck: out of memory\n", stderr);
  exit(EXIT_USAGE);
}

static int usage_error(const char *fmt, const char *arg) {
  fputs("plancheck: ", stderr);
  fprintf(stderr, fmt, arg);
  fputs("\nTry 'plancheck --help'.\n", stderr);
  return EXIT_USAGE;
}

/* Value of "--name=value" or "--name value"; advances *i for the latter. */
static const char *option_value(int argc, char **argv, int *i, const char *name) {
  size_t n = strlen(name);
  const char *a = argv[*i];
  if (strncmp(a, name, n) != 0) return NULL;
  if (a[n] == '=') return a + n + 1;
  if (a[n] == '\0' && *i + 1 < argc) return argv[++*i];
  return NULL;
}

/* Returns -1 to go on, or an exit status. */
static int parse_args(int argc, char **argv, options *o) {
  o->incdirs = calloc((size_t)argc, sizeof *o->incdirs);
  o->files = calloc((size_t)argc, sizeof *o->files);
  if (!o->incdirs || !o->files) out_of_memory();
  o->color = -1;
  int i = 1;
  if (i < argc && strcmp(argv[i], "check") == 0) i++;
  int only_files = 0;
  for (; i < argc; i++) {
    const char *a = argv[i], *v;
    if (only_files || a[0] != '-' || strcmp(a, "-") == 0) { o->files[o->nfiles++] = a; continue; }
    if (strcmp(a, "--") == 0) { only_files = 1; continue; }
    if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) { fputs(usage_text, stdout); return EXIT_CLEAN; }
    if (strcmp(a, "--version") == 0) { printf("plancheck %s\n", PLANCHECK_VERSION); return EXIT_CLEAN; }
    if (strncmp(a, "-I", 2) == 0) {
      if (a[2]) o->incdirs[o->nincdirs++] = a + 2;
      else if (i + 1 < argc) o->incdirs[o->nincdirs++] = argv[++i];
      else return usage_error("option -I needs a directory%s", "");
      continue;
    }
    if ((v = option_value(argc, argv, &i, "--format"))) {
      if (strcmp(v, "text") == 0) o->format = FMT_TEXT;
      else if (strcmp(v, "json") == 0) o->format = FMT_JSON;
      else return usage_error("unknown format '%s' (text or json)", v);
      continue;
    }
    if ((v = option_value(argc, argv, &i, "--color"))) {
      if (strcmp(v, "auto") == 0) o->color = -1;
      else if (strcmp(v, "always") == 0) o->color = 1;
      else if (strcmp(v, "never") == 0) o->color = 0;
      else return usage_error("unknown colour mode '%s' (auto, always or never)", v);
      continue;
    }
    if ((v = option_value(argc, argv, &i, "--stdlib"))) { o->stdlib_dir = v; continue; }
    return usage_error("unknown option '%s'", a);
  }
  if (o->nfiles == 0) return usage_error("no input files%s", "");
  return -1;
}

static int use_color(const options *o) {
  if (o->color >= 0) return o->color;
  const char *nc = getenv("NO_COLOR");
  if (nc && *nc) return 0;
  return isatty(STDERR_FILENO);
}

static size_t count_tasks(md_item *parent) {
  size_t n = 0;
  for (md_item *it = parent->first; it; it = it->next) n += (it->kind == MD_TASK) + count_tasks(it);
  return n;
}

static int run(const options *o) {
  ar_arena arena;
  ar_init(&arena);
  src_table src;
  src_init(&src);
  dg_list diags;
  dg_init(&diags, &arena);
  md_model m;
  md_init(&m, &arena, &src, &diags);

  rs_options ro = { o->incdirs, o->nincdirs, getenv("PLANPATH"), o->stdlib_dir };
  rs_input *inputs = calloc(o->nfiles, sizeof *inputs);
  if (!inputs) out_of_memory();
  for (size_t i = 0; i < o->nfiles; i++) inputs[i].path = o->files[i];
  size_t unreadable = rs_load(&m, &ro, inputs, o->nfiles);
  rs_resolve(&m);
  for (size_t i = 0; i < o->nfiles; i++) {
    if (!inputs[i].loaded) continue;
    if (inputs[i].plan) ck_plan(&m, inputs[i].plan);
    else dg_add(&diags, DG_ERROR, "no-plan", inputs[i].file, 0, 0, "%s declares no plan", inputs[i].path);
  }
  dg_sort(&diags);
  if (o->format == FMT_JSON) {
    dg_print_json(stdout, &src, &diags);
  } else {
    dg_print_text(stderr, &src, &diags, (dg_style){ use_color(o) });
    for (size_t i = 0; i < o->nfiles; i++) {
      md_plan *p = inputs[i].plan;
      if (!p) continue;
      size_t n = count_tasks(&p->root);
      printf("%s: plan %.*s, %zu task%s\n", inputs[i].path, (int)p->key.n, p->key.p, n, n == 1 ? "" : "s");
    }
    printf("%lu error%s, %lu warning%s\n", diags.errors, diags.errors == 1 ? "" : "s", diags.warnings,
           diags.warnings == 1 ? "" : "s");
  }
  int status = unreadable ? EXIT_USAGE : diags.errors ? EXIT_FINDINGS : EXIT_CLEAN;
  free(inputs);
  src_free(&src);
  ar_free(&arena);
  return status;
}

int main(int argc, char **argv) {
  ar_set_oom(out_of_memory);
  options o;
  memset(&o, 0, sizeof o);
  int status = parse_args(argc, argv, &o);
  if (status < 0) status = run(&o);
  free(o.incdirs);
  free(o.files);
  return status;
}
