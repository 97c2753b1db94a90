/* Unit tests of the session (src/session.c): a plan held only in memory
 * checked against its parent on disk; an editor's text winning over the
 * file on disk, reached by another spelling (a symbolic link); an
 * unreadable input; a wrong -W switch; a second check. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "arena.h"
#include "diag.h"
#include "session.h"
#include "unit.h"

static const char parent_2023[] =
  "use \"std/all\"\n"
  "plan \"1-KH/TW\" { kind \"KẾ HOẠCH\" issuer bct level central date 2023-01-10 }\n"
  "section I. \"NHIỆM VỤ\" {\n"
  "  section 1. \"Ban Tổ chức Trung ương\" owner btc_tw {\n"
  "    - \"Sửa đổi quy định (hoàn thành trong năm 2023).\" due \"hoàn thành trong năm 2023\"\n"
  "  }\n"
  "}\n";

/* The child is a year later than the parent: deadline-later. */
static const char child_2024[] =
  "use \"std/all\"\n"
  "plan \"2-CTr/TU\" {\n"
  "  kind \"CHƯƠNG TRÌNH HÀNH ĐỘNG\" issuer tinh_uy level province date 2023-03-01\n"
  "  implements \"1-KH/TW\" path \"parent.plan\"\n"
  "}\n"
  "section I. \"NHIỆM VỤ\" {\n"
  "  section 1. \"Ban Tổ chức Tỉnh ủy\" owner btc_tu {\n"
  "    - \"Sửa đổi quy định; kiểm tra, báo cáo (hoàn thành trong năm 2024).\" due \"hoàn thành trong năm 2024\"\n"
  "      implements \"1-KH/TW:I.1.1\"\n"
  "  }\n"
  "}\n";

/* A scratch directory with parent.plan (2023) and alias.plan linking to it. */
static char *scratch(void) {
  static char dir[] = "/tmp/plancheck-unit-session-XXXXXX";
  static int made;
  if (made) return dir;
  if (!mkdtemp(dir)) return NULL;
  made = 1;
  char path[128];
  snprintf(path, sizeof path, "%s/parent.plan", dir);
  FILE *f = fopen(path, "w");
  if (!f) return NULL;
  fputs(parent_2023, f);
  fclose(f);
  snprintf(path, sizeof path, "%s/alias.plan", dir);
  if (symlink("parent.plan", path) != 0) return NULL;
  return dir;
}

static ss_options options(void) {
  ss_options o;
  memset(&o, 0, sizeof o);
  o.as_of = dt_from_ymd(2023, 6, 1);
  o.text_checks = 1;
  o.no_rules = 1;
  return o;
}

static size_t count_code(dg_list *l, const char *code) {
  size_t n = 0;
  for (const dg_diag *d = l->first; d; d = d->next) n += d->code && strcmp(d->code, code) == 0;
  return n;
}

static const char *in(ar_arena *a, const char *name) { return dg_fmt(a, "%s/%s", scratch(), name); }

void test_session_memory_child(void) {
  ar_arena a;
  ar_init(&a);
  UT_CHECK(scratch() != NULL);
  ss_options o = options();
  ss_session *s = ss_open(&o);
  UT_CHECK(s != NULL);
  /* child.plan is on no disk: the editor's new, unsaved file. */
  ss_file f = { in(&a, "child.plan"), child_2024, sizeof child_2024 - 1 };
  UT_EQ_INT(ss_check(s, &f, 1), 0);
  md_plan *p = ss_plan(s, 0);
  UT_CHECK(p != NULL);
  if (p) UT_EQ_STR(ar_strndup(&a, p->key.p, p->key.n), "2-CTr/TU");
  UT_EQ_INT(count_code(ss_diags(s), "deadline-later"), 1);
  UT_EQ_INT(ss_diags(s)->errors, 1);
  UT_CHECK(ss_plan(s, 1) == NULL);
  UT_EQ_INT(ss_check(s, &f, 1), 1);   /* a session checks once */
  ss_close(s);
  ar_free(&a);
}

/* The parent's unsaved text (2024 now) reaches the child's link, which
 * names the file by another path: the finding goes. */
void test_session_overlay_wins(void) {
  ar_arena a;
  ar_init(&a);
  UT_CHECK(scratch() != NULL);
  char *edited = ar_strndup(&a, parent_2023, sizeof parent_2023 - 1);
  for (char *p = edited; (p = strstr(p, "2023).")); p++) memcpy(p, "2024", 4);
  for (char *p = edited; (p = strstr(p, "năm 2023\"")); p++) memcpy(p + strlen("năm "), "2024", 4);
  ss_options o = options();
  ss_session *s = ss_open(&o);
  ss_file f[] = { { in(&a, "child.plan"), child_2024, sizeof child_2024 - 1 },
                  { in(&a, "alias.plan"), edited, strlen(edited) } };
  UT_EQ_INT(ss_check(s, f, 2), 0);
  UT_EQ_INT(count_code(ss_diags(s), "deadline-later"), 0);
  UT_EQ_INT(ss_diags(s)->errors, 0);
  UT_CHECK(ss_plan(s, 1) != NULL);
  ss_close(s);
  /* The same without the edit reads the file on disk: the finding is back. */
  s = ss_open(&o);
  ss_file g[] = { f[0], { in(&a, "alias.plan"), NULL, 0 } };
  UT_EQ_INT(ss_check(s, g, 2), 0);
  UT_EQ_INT(count_code(ss_diags(s), "deadline-later"), 1);
  ss_close(s);
  ar_free(&a);
}

void test_session_unreadable(void) {
  ar_arena a;
  ar_init(&a);
  ss_options o = options();
  ss_session *s = ss_open(&o);
  ss_file f = { in(&a, "none.plan"), NULL, 0 };
  UT_EQ_INT(ss_check(s, &f, 1), 1);
  UT_EQ_INT(count_code(ss_diags(s), "io"), 1);
  UT_CHECK(ss_plan(s, 0) == NULL);
  ss_close(s);
  ar_free(&a);
}

/* A -W switch naming no rule: no session, and the reason. */
void test_session_bad_switch(void) {
  ss_options o = options();
  o.no_rules = 0;
  const char *sw[] = { "no-such-rule" };
  o.switches = sw;
  o.nswitches = 1;
  UT_CHECK(ss_open(&o) == NULL);
  UT_CHECK(strstr(ss_error(), "such-rule") != NULL);
  const char *good[] = { "all" };
  o.switches = good;
  ss_session *s = ss_open(&o);
  UT_CHECK(s != NULL);
  UT_EQ_STR(ss_error(), "");
  ss_close(s);
}

/* Removes the scratch directory (the last of the session tests). */
void test_session_cleanup(void) {
  char *dir = scratch();
  if (!dir) return;
  char path[128];
  snprintf(path, sizeof path, "%s/alias.plan", dir);
  UT_EQ_INT(unlink(path), 0);
  snprintf(path, sizeof path, "%s/parent.plan", dir);
  UT_EQ_INT(unlink(path), 0);
  UT_EQ_INT(rmdir(dir), 0);
}
