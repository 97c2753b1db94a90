/* Fuzz target check: `plancheck check` on a plan with the files it
 * includes, its parents, its progress record and its project's rules.
 *
 * The input is several files: the text up to the first separator line is
 * main.plan; a line "%% NAME" starts the file NAME (letters, digits, '.',
 * '_', '-' and '/', such as "tw/12-kh-tw.plan", "../up/parent.plan",
 * "main.progress" or ".plancheck.lua"). They are written relative to DIR,
 * four levels below the private directory so that a plan may name
 * "../up/parent.plan" as real ones do (fz_escapes keeps every path inside),
 * and main.plan is checked as `plancheck check -I DIR DIR/main.plan` checks
 * it: the built-in checks, the cascade and the standard Lua rules (under a
 * small budget, so that a looping script costs little). */
#include <string.h>

#include "cascade.h"
#include "check.h"
#include "export.h"
#include "fuzz.h"

enum { MAX_FILES = 8, MAX_NAME = 64, DEPTH = 4 };
#define ROOT "1/2/3/4"               /* DEPTH levels */

/* Whether s[0, n) is a name the target writes. */
static int good_name(const char *s, size_t n) {
  if (n == 0 || n > MAX_NAME || s[0] == '/' || s[n - 1] == '/') return 0;
  for (size_t i = 0; i < n; i++) {
    char c = s[i];
    int ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
             c == '-' || c == '/';
    if (!ok || (c == '/' && s[i + 1] == '/')) return 0;
  }
  return 1;
}

/* Writes the files of the input; -1 when a separator names none. */
static int write_files(ar_arena *a, const uint8_t *data, size_t size) {
  const uint8_t *end = data + size, *p = data;
  const char *name = "main.plan";
  int files = 0;
  while (files < MAX_FILES) {
    const uint8_t *sep = p;              /* the next "\n%% " or the end */
    while (sep < end && !(*sep == '\n' && end - sep >= 4 && memcmp(sep + 1, "%% ", 3) == 0)) sep++;
    if (fz_write(fz_path(a, dg_fmt(a, ROOT "/%s", name)), p, (size_t)(sep - p)) != 0) return -1;
    files++;
    if (sep == end) break;
    const uint8_t *n0 = sep + 4, *nl = memchr(n0, '\n', (size_t)(end - n0));
    if (!nl || !good_name((const char *)n0, (size_t)(nl - n0))) return -1;
    name = ar_strndup(a, (const char *)n0, (size_t)(nl - n0));
    p = nl + 1;
  }
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size > (1u << 18) || fz_escapes(data, size, DEPTH)) return -1;
  ar_arena names;
  ar_init(&names);
  int status = write_files(&names, data, size);
  if (status == 0) {
    const char *main_plan = fz_path(&names, ROOT "/main.plan");
    const char *dir = fz_path(&names, ROOT);
    ru_options uo = { NULL, NULL, 0, &main_plan, 1, 1000000, 16u << 20, fz_as_of(), 0, ex_find };
    fz_run r;
    fz_begin(&r, &uo);
    rs_options ro = { &dir, 1, NULL, NULL };
    rs_input in = { .path = main_plan };
    fz_load(&r, &in, 1, &ro);
    if (in.plan) {
      ck_plan(&r.m, in.plan, 1);
      cs_check(&r.m, in.plan, fz_as_of());
      ru_check(r.rules, in.plan);
    }
    cs_check_cycles(&r.m, r.m.plans);
    fz_end(&r);
  }
  fz_clean();
  ar_free(&names);
  return status;
}
