/* Unit tests of the importer (src/import.c): how lines become paragraphs
 * (Markdown dropped, lines and pages broken in mid-sentence joined, a
 * text broken at a fixed width, a footnote in the middle of a page), the
 * markers kept as labels, owner headings and acting bodies through the
 * library, deadline phrases as `due`, and the reader's refusals. The
 * texts are pieces of the seed documents. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import.h"
#include "unit.h"

/* The draft of text, or NULL with the error in *error (static). */
static char *draft(const char *text, const char **error) {
  ar_arena a;
  ar_init(&a);
  im_text t = { 0 };
  char *out = NULL;
  size_t n = 0;
  static char err[256];
  *error = NULL;
  if (imp_read_text(&a, text, strlen(text), &t, error) == 0) {
    rs_options ro = { NULL, 0, NULL, NULL };
    imp_options o = { &ro, "test.md", 0, NULL, NULL };
    FILE *f = open_memstream(&out, &n);
    imp_draft(&a, &t, &o, f, error);
    fclose(f);
  }
  if (*error) {
    snprintf(err, sizeof err, "%s", *error);
    *error = err;
    free(out);
    out = NULL;
  }
  ar_free(&a);
  return out;
}

static int has(const char *s, const char *want) { return s && strstr(s, want) != NULL; }

void test_import_markdown_and_breaks(void) {
  const char *error;
  char *d = draft("**KẾ HOẠCH**\n\n"
                  "### **III. NHIỆM VỤ VÀ GIẢI PHÁP CHỦ YẾU**\n\n"
                  "#### **2. Ủy ban nhân dân huyện**\n\n"
                  "- Cấp ủy, tổ chức đảng ban hành chương trình, kế hoạch thực hiện Nghị quyết\n\n"
                  "Đại hội XX của Đảng bộ tỉnh (*thực hiện thường xuyên*).\n\n"
                  "- Thực hiện Nghị quyết số 28-\nNQ/TW của Ban Chấp hành Trung ương.\n\n"
                  "**T/M HUYỆN ỦY**\n",
                  &error);
  UT_CHECK(d != NULL);
  UT_CHECK(has(d, "kind \"KẾ HOẠCH\""));
  UT_CHECK(has(d, "section III. \"NHIỆM VỤ VÀ GIẢI PHÁP CHỦ YẾU\""));
  UT_CHECK(has(d, "section 2. \"Ủy ban nhân dân huyện\" owner ubnd_huyen {"));
  /* the page break in mid-sentence joined with one space, the italics dropped */
  UT_CHECK(has(d, "- \"Cấp ủy, tổ chức đảng ban hành chương trình, kế hoạch thực hiện Nghị quyết Đại hội XX của "
                  "Đảng bộ tỉnh (thực hiện thường xuyên).\""));
  UT_CHECK(has(d, "due \"thực hiện thường xuyên\""));
  /* a word cut at a hyphen joined without a space */
  UT_CHECK(has(d, "Nghị quyết số 28-NQ/TW của"));
  UT_CHECK(!has(d, "**"));
  free(d);
}

void test_import_unmarked_paragraphs(void) {
  const char *error;
  char *d = draft("II. NỘI DUNG\n\n"
                  "1. Công tác quán triệt\n\n"
                  "- Nâng cao nhận thức, trách nhiệm của cán bộ, đảng viên.\n\n"
                  "Cần tiếp tục quán triệt, tạo nhận thức sâu sắc.\n\n"
                  "Ban Thường vụ Huyện ủy tổ chức hội nghị nghiên cứu, học tập. Các TCCSĐ trực thuộc căn cứ "
                  "vào tình hình thực tế tổ chức nghiên cứu.\n",
                  &error);
  UT_CHECK(d != NULL);
  /* a paragraph naming no actor and no deadline goes on with the bullet */
  UT_CHECK(has(d, "- \"Nâng cao nhận thức, trách nhiệm của cán bộ, đảng viên.\"\n"
                  "      \"Cần tiếp tục quán triệt, tạo nhận thức sâu sắc.\""));
  /* one that names its actors, at the start of each sentence, is a task */
  UT_CHECK(has(d, "task \"Ban Thường vụ Huyện ủy tổ chức"));
  UT_CHECK(has(d, "by btv_hu, tccsd_hu"));
  /* nothing names an owner of the bullet: the committee, and a comment */
  UT_CHECK(has(d, "by huyen_uy"));
  UT_CHECK(has(d, "1 tasks name no body"));
  free(d);
}

void test_import_fixed_width(void) {
  /* seed 001: every line broken near 80 characters, blank lines between */
  static const char *const lines[] = {
    "I. MỤC ĐÍCH, YÊU CẦU",
    "1. Các cấp ủy, tổ chức đảng, cơ quan, địa phương, đơn vị, cán bộ, đảng viên",
    "trên toàn huyện quán triệt nghiêm túc Nghị quyết số 28-NQ/TW của Ban Chấp",
    "hành Trung ương Đảng khóa XIII; phòng, chống tham nhũng, tiêu cực hiệu quả.",
    "Thực hiện tốt các quy định của Đảng, Nhà nước về dân chủ ở cơ sở, Quy chế",
    "công tác dân vận của hệ thống chính trị trong toàn huyện Lâm Hà, tỉnh Lâm.",
    "IV. NHIỆM VỤ CỤ THỂ",
    "8. Đối với chi bộ Tòa án, Viện kiểm sát",
    "Căn cứ Nghị quyết của Trung ương, Chương trình hành động của Tỉnh ủy, kế",
    "hoạch của Huyện ủy xây dựng rõ lộ trình thực hiện việc nâng cao chất lượng.",
  };
  char text[4096] = "";
  for (int k = 0; k < 3; k++)   /* enough lines to tell the width */
    for (size_t i = 0; i < sizeof lines / sizeof *lines; i++) strcat(strcat(text, lines[i]), " \n\n");
  const char *error;
  char *d = draft(text, &error);
  UT_CHECK(d != NULL);
  /* a line that fills the width goes on after a full stop */
  UT_CHECK(has(d, "tiêu cực hiệu quả. Thực hiện tốt các quy định"));
  /* a short numbered line is a heading, the one after it its paragraph */
  UT_CHECK(has(d, "section 8. \"Đối với chi bộ Tòa án, Viện kiểm sát\" {"));
  UT_CHECK(has(d, "No body \"chi bộ Tòa án, Viện kiểm sát\" in the library"));
  UT_CHECK(has(d, "task \"Căn cứ Nghị quyết của Trung ương"));
  free(d);
}

void test_import_header_and_footnote(void) {
  const char *error;
  char *d = draft("Số 12-KH/TW\n\nHà Nội, ngày 28 tháng 11 năm 2022\n\n## KẾ HOẠCH\n\n"
                  "thực hiện Nghị quyết Hội nghị lần thứ sáu\n\n"
                  "Thực hiện Nghị quyết số 28-NQ/TW, ngày 17/11/2022 và Kế hoạch số 05-KH/TW ngày 01/02/2022, "
                  "Bộ Chính trị ban hành Kế hoạch thực hiện như sau:\n\n"
                  "### I- NHIỆM VỤ\n\n"
                  "1. Ban Tổ chức Trung ương chủ trì, phối hợp với Ban Tuyên giáo Trung ương rà soát các quy định cho\n\n"
                  "¹ Quy định số 213-QĐ/TW ngày 02/01/2020 của Bộ Chính trị.\n\n"
                  "đảng viên (hoàn thành trong năm 2023).\n\n"
                  "**T/M BỘ CHÍNH TRỊ**\n\n**Võ Văn Thương**\n",
                  &error);
  UT_CHECK(d != NULL);
  UT_CHECK(has(d, "plan \"12-KH/TW\" {"));
  UT_CHECK(has(d, "level central"));
  UT_CHECK(has(d, "date 2022-11-28"));
  UT_CHECK(has(d, "place \"Hà Nội\""));
  UT_CHECK(has(d, "title \"thực hiện Nghị quyết Hội nghị lần thứ sáu\""));
  UT_CHECK(has(d, "basis \"Nghị quyết số 28-NQ/TW, ngày 17/11/2022\""));
  UT_CHECK(has(d, "implements \"05-KH/TW\" {\n    date 2022-02-01"));
  UT_CHECK(has(d, "signer \"Võ Văn Thương\" role \"T/M BỘ CHÍNH TRỊ\""));
  UT_CHECK(has(d, "issuer bct"));
  /* the paragraph the footnote interrupts goes on after it */
  UT_CHECK(has(d, "rà soát các quy định cho đảng viên (hoàn thành trong năm 2023).\""));
  UT_CHECK(has(d, "by btc_tw"));
  UT_CHECK(has(d, "with btg_tw"));
  UT_CHECK(has(d, "due \"hoàn thành trong năm 2023\""));
  UT_CHECK(has(d, "footnote \"¹\" \"Quy định số 213-QĐ/TW ngày 02/01/2020 của Bộ Chính trị.\""));
  free(d);
}

void test_import_refusals(void) {
  const char *error;
  UT_CHECK(draft("I. MỤC\n\xC3\x28\n", &error) == NULL);
  UT_CHECK(has(error, "not UTF-8"));
  UT_CHECK(draft("Một đoạn văn.\n", &error) == NULL);
  UT_CHECK(has(error, "no numbered section"));
  UT_CHECK(draft("", &error) == NULL);
  UT_CHECK(has(error, "no numbered section"));
  char nul[] = "I. A\n- x\0y\n";
  ar_arena a;
  ar_init(&a);
  im_text t = { 0 };
  UT_EQ_INT(imp_read_text(&a, nul, sizeof nul - 1, &t, &error), -1);
  ar_free(&a);
}

/* Tables pasted from Word: the reader splits a line at its tabs (empty
 * cells kept); a run of rows under a task header becomes tasks, ragged
 * rows read by position; a row of two filled cells is two lines, a list
 * item or an indented line one line, as before. */
void test_import_tables(void) {
  const char *error;
  ar_arena a;
  ar_init(&a);
  im_text t = { 0 };
  UT_EQ_INT(imp_read_text(&a, "a\t\tb\n\tc\nd\n", 10, &t, &error), 0);
  UT_EQ_INT((int)t.n, 6);
  UT_EQ_INT((int)t.v[0].flags, IM_ROW);
  UT_EQ_INT((int)t.v[1].n, 0);
  UT_EQ_INT((int)t.v[2].flags, IM_NEXTCELL);
  UT_EQ_INT((int)t.v[5].flags, 0);
  ar_free(&a);

  char *d = draft("ĐẢNG ỦY XÃ Y\nSố 05-KH/ĐU\t\tY, ngày 15 tháng 9 năm 2025\nKẾ HOẠCH\n"
                  "I. NHIỆM VỤ\n"
                  "-\tMột việc có dấu đầu dòng và tab,\n"
                  "\tdòng thụt lề nối tiếp.\n"
                  "TT\tNội dung\tThời gian thực hiện\tCơ quan chủ trì\n"
                  "1\tViệc một.\n"
                  "2\tViệc hai.\tThường xuyên\tỦy ban nhân dân xã\tthừa\tthừa\n"
                  "b)\tNHÓM\n"
                  "3\tViệc ba (trong tháng 10/2025).\n"
                  "Đoạn sau bảng.\n",
                  &error);
  UT_CHECK(d != NULL);
  /* the heading block's two columns, pasted, are two lines */
  UT_CHECK(has(d, "plan \"05-KH/ĐU\" {"));
  UT_CHECK(has(d, "place \"Y\""));
  /* a list item's tab and a tab-indented line read as spaces */
  UT_CHECK(has(d, "  - \"Một việc có dấu đầu dòng và tab, dòng thụt lề nối tiếp.\""));
  UT_CHECK(has(d, "  1. \"Việc một.\"\n    by dang_uy_xa\n"));
  UT_CHECK(has(d, "  2. \"Việc hai.\"\n    by ubnd_cap_xa\n    due \"Thường xuyên\"\n"));
  UT_CHECK(has(d, "  section b) \"NHÓM\" {\n    3. \"Việc ba (trong tháng 10/2025).\"\n"));
  UT_CHECK(has(d, "due \"trong tháng 10/2025\""));   /* no time cell: the phrases of the text */
  UT_CHECK(!has(d, "Nội dung"));                      /* the header is no task */
  UT_CHECK(!has(d, "thừa"));                          /* cells beyond the header's */
  free(d);
}
