/* Unit tests of the built-in report formats on a model built in memory:
 * the names ex_find knows, the calendar's folding (75 octets, never inside
 * a UTF-8 character, CRLF), escaping and first occurrence of a recurring
 * duty, and the annex cells' quoting. The golden tests (tests/export)
 * cover whole documents. */
#include <stdlib.h>

#include "export.h"
#include "unit.h"

typedef struct fixture {
  ar_arena a;
  dg_list d;
  md_model m;
  md_plan plan;
  md_item task;
  md_strs text;
  md_ref owner;
  md_due due;
} fixture;

static md_str lit(const char *s) { return (md_str){ { s, strlen(s) }, { 0, 0, 0 } }; }

/* Plan "K" (district, issued 2023-12-05) with one task "K:1" due `phrase`. */
static void setup(fixture *f, const char *text, const char *phrase) {
  memset(f, 0, sizeof *f);
  ar_init(&f->a);
  dg_init(&f->d, &f->a);
  md_init(&f->m, &f->a, NULL, &f->d);
  f->plan.key = SL_LIT("K");
  f->plan.numbered = 1;
  f->plan.level = 3;          /* district, the third level std/levels declares */
  f->plan.date_known = 1;
  f->plan.date = dt_from_ymd(2023, 12, 5);
  f->text.s = lit(text);
  f->owner.text = SL_LIT("Văn phòng Huyện ủy");
  f->due.phrase = lit(phrase);
  f->due.dl = dl_recognize(&f->a, phrase, strlen(phrase)).first;
  f->task.kind = MD_TASK;
  f->task.id = "K:1";
  f->task.texts = &f->text;
  f->task.owners = &f->owner;
  f->task.dues = &f->due;
  f->task.plan = &f->plan;
  md_append(&f->plan.root, &f->task);
}

/* The document in `format`, in a malloc'd string. */
static char *render(fixture *f, const char *format) {
  char *buf = NULL;
  size_t n = 0;
  FILE *out = open_memstream(&buf, &n);
  md_plan *plans[] = { &f->plan };
  ex_write(out, &f->m, plans, 1, format, (ex_when){ dt_from_ymd(2025, 1, 1), 30 });
  fclose(out);
  return buf;
}

/* Whether the document in `format` holds `text`. */
static int renders(fixture *f, const char *format, const char *text) {
  char *doc = render(f, format);
  int found = strstr(doc, text) != NULL;
  free(doc);
  return found;
}

void test_export_find(void) {
  UT_EQ_INT(ex_find("md"), EX_BUILTIN);
  UT_EQ_INT(ex_find("csv"), EX_BUILTIN);
  UT_EQ_INT(ex_find("json"), EX_BUILTIN | EX_FINDINGS);
  UT_EQ_INT(ex_find("ics"), EX_BUILTIN);
  UT_EQ_INT(ex_find("dot"), EX_BUILTIN);
  UT_EQ_INT(ex_find("annex-md"), 0);
  UT_EQ_INT(ex_find(""), 0);
}

/* Each line at most 75 octets plus CRLF, no bare LF, and no continuation
 * line that starts inside a UTF-8 character. */
static int folded_well(const char *doc) {
  for (const char *line = doc; *line;) {
    const char *end = strstr(line, "\r\n");
    if (!end || memchr(line, '\n', (size_t)(end - line)) || end - line > 75) return 0;
    if (line[0] == ' ' && ((unsigned char)line[1] & 0xC0) == 0x80) return 0;
    line = end + 2;
  }
  return 1;
}

/* The document with its folds undone (RFC 5545 3.1). */
static char *unfolded(const char *doc) {
  char *s = malloc(strlen(doc) + 1), *o = s;
  for (const char *p = doc; *p; p++) {
    if (p[0] == '\r' && p[1] == '\n' && p[2] == ' ') { p += 2; continue; }
    *o++ = *p;
  }
  *o = 0;
  return s;
}

void test_export_ics_folding(void) {
  fixture f;
  setup(&f, "Rà soát, bổ sung quy chế; báo cáo \\ kết quả thực hiện nhiệm vụ trọng tâm của Ban Thường vụ Huyện ủy trong năm, đề xuất, kiến nghị.",
        "hoàn thành trong quý II/2024");
  char *doc = render(&f, "ics");
  UT_CHECK(folded_well(doc));
  char *flat = unfolded(doc);
  UT_CHECK(strstr(flat, "DESCRIPTION:Rà soát\\, bổ sung quy chế\\; báo cáo \\\\ kết quả thực hiện nhiệm vụ trọng tâm của Ban Thường vụ Huyện ủy trong năm\\, đề xuất\\, kiến nghị.\\n") != NULL);
  UT_CHECK(strstr(flat, "\r\nDTSTART;VALUE=DATE:20240630\r\n") != NULL);
  UT_CHECK(strstr(flat, "\r\nDTSTAMP:20250101T000000Z\r\n") != NULL);
  UT_CHECK(strstr(flat, "\r\nUID:K:1/due1/part1@plancheck\r\n") != NULL);
  free(flat);
  free(doc);
  ar_free(&f.a);
}

/* November of the plan's year is before its date (5 December 2023): the
 * first occurrence is the next November's last day. */
void test_export_ics_recurring(void) {
  fixture f;
  setup(&f, "Báo cáo sơ kết.", "định kỳ tháng 11 hằng năm");
  UT_CHECK(renders(&f, "ics", "\r\nDTSTART;VALUE=DATE:20241130\r\n"));
  UT_CHECK(renders(&f, "ics", "\r\nRRULE:FREQ=YEARLY;BYMONTH=11;BYMONTHDAY=-1\r\n"));
  ar_free(&f.a);
  setup(&f, "Kiện toàn cấp ủy.", "theo nhiệm kỳ");
  UT_CHECK(!renders(&f, "ics", "BEGIN:VEVENT"));
  ar_free(&f.a);
}

void test_export_annex_cells(void) {
  fixture f;
  setup(&f, "Lập bảng \"Tên | Chức vụ\", gửi C:\\dữ-liệu.", "hằng tháng");
  UT_CHECK(renders(&f, "csv", "\xEF\xBB\xBF\"Plan\",\"No.\","));   /* English: no lg_init */
  UT_CHECK(renders(&f, "csv", "\r\n\"K\",\"1\",\"Lập bảng \"\"Tên | Chức vụ\"\", gửi C:\\dữ-liệu.\",\"Văn phòng Huyện ủy\",\"\",\"hằng tháng\"\r\n"));
  UT_CHECK(renders(&f, "md", "| 1 | Lập bảng \"Tên \\| Chức vụ\", gửi C:\\\\dữ-liệu. | Văn phòng Huyện ủy |  | hằng tháng |\n"));
  ar_free(&f.a);
}
