/* Unit tests for dl_find: deadline phrases in running text. The texts are
 * sentences of the seed documents (shared/seeds), exactly as printed. */
#include <string.h>

#include "deadline.h"
#include "unit.h"

/* The phrases found in `text`, each "[phrase]=canonical", joined by " | ";
 * "" when none. */
static const char *found(ar_arena *a, const char *text) {
  dl_found out[8];
  dl_context ctx = { dt_from_ymd(2023, 3, 20) };
  size_t n = dl_find(a, text, strlen(text), &ctx, out, 8);
  char *s = ar_alloc(a, 2048);
  for (size_t i = 0; i < n && i < 8; i++) {
    if (i) strcat(s, " | ");
    strcat(s, "[");
    strncat(s, text + out[i].off, out[i].len);
    strcat(s, "]=");
    strcat(s, dl_canonical_chain(a, out[i].dl));
  }
  return s;
}

void test_find_parenthesised(void) {
  ar_arena a;
  ar_init(&a);
  UT_EQ_STR(found(&a, "Tham mưu tổng kết việc thực hiện Quy chế chất vấn trong Đảng (thực hiện khi có văn bản của Tỉnh ủy)."),
            "[thực hiện khi có văn bản của Tỉnh ủy]=after \"văn bản\" of \"Tỉnh ủy\"");
  UT_EQ_STR(found(&a, "Quy định số 164-QĐ/TW, ngày 01/02/2019 (hoàn thành trong năm 2023); Quy định số 132-QĐ/TW, "
                      "ngày 08/3/2018 (hoàn thành trong năm 2024)."),
            "[hoàn thành trong năm 2023]=within 2023 | [hoàn thành trong năm 2024]=within 2024");
  /* a gloss that is not a deadline is read for phrases inside it */
  UT_EQ_STR(found(&a, "Nghị quyết Hội nghị Trung ương 6 (khóa XII) và Kế hoạch này."), "");
  UT_EQ_STR(found(&a, "học tập (hoàn thành học tập trong tháng 12/2022) và thường xuyên chỉ đạo thực hiện."),
            "[hoàn thành học tập trong tháng 12/2022]=within 2022-12 | [thường xuyên]=continuous");
  ar_free(&a);
}

void test_find_frequencies(void) {
  ar_arena a;
  ar_init(&a);
  UT_EQ_STR(found(&a, "Hàng tháng, Ban Tuyên giáo Huyện ủy tổ chức Hội nghị thông tin thời sự."), "[Hàng tháng]=monthly");
  UT_EQ_STR(found(&a, "Hằng năm, tổ chức tập huấn nghiệp vụ công tác tuyên truyền miệng; thường xuyên dự giờ, thăm lớp."),
            "[Hằng năm]=yearly | [thường xuyên]=continuous");
  UT_EQ_STR(found(&a, "định kỳ tháng 11 hằng năm báo cáo sơ kết, quý IV năm 2024 báo cáo tổng kết kết quả"),
            "[định kỳ tháng 11 hằng năm]=yearly in 11 | [quý IV năm 2024]=within 2024-Q4");
  UT_EQ_STR(found(&a, "tổ chức họp thường kỳ theo quy chế làm việc và họp đột xuất khi thật cần thiết, cải tiến lề lối"),
            "[thường kỳ theo quy chế làm việc]=periodic | [khi thật cần thiết]=on request");
  UT_EQ_STR(found(&a, "đánh giá, xếp loại chất lượng tổ chức đảng, đảng viên hằng năm."), "[hằng năm]=yearly");
  /* frequencies of a schedule, of a pair, of a purpose, of a noun */
  UT_EQ_STR(found(&a, "thực hiện có hiệu quả các nghị quyết, kế hoạch công tác hằng năm của cấp ủy."), "");
  UT_EQ_STR(found(&a, "Thực hiện nghiêm túc việc phân công cấp ủy viên các cấp dự sinh hoạt chi bộ hằng tháng."), "");
  UT_EQ_STR(found(&a, "xây dựng Chương trình kiểm tra, giám sát toàn khóa và hàng năm, tổ chức thực hiện"), "");
  UT_EQ_STR(found(&a, "gắn với kiểm điểm hàng năm và đột xuất."), "");
  UT_EQ_STR(found(&a, "là tiêu chuẩn quan trọng để đánh giá, phân loại tổ chức đảng và đảng viên hàng năm."), "");
  UT_EQ_STR(found(&a, "thành công việc tự giác, thường xuyên của cấp ủy, tổ chức đảng"), "");
  ar_free(&a);
}

void test_find_dates_and_events(void) {
  ar_arena a;
  ar_init(&a);
  UT_EQ_STR(found(&a, "Giao Ban Tổ chức Huyện ủy đến năm 2022 hoàn thành cơ sở dữ liệu đảng viên."), "[đến năm 2022]=by 2022");
  UT_EQ_STR(found(&a, "Đến năm 2025, cơ bản hoàn thiện xây dựng vị trí việc làm"), "[Đến năm 2025]=by 2025");
  UT_EQ_STR(found(&a, "kế hoạch cụ thể của địa phương, đơn vị; hoàn thành trong quý II/2023."),
            "[hoàn thành trong quý II/2023]=within 2023-Q2");
  /* dates and periods that name documents, strategies, terms */
  UT_EQ_STR(found(&a, "Chương trình hành động số 20-CTr/TU ngày 20/3/2023 của Tỉnh ủy"), "");
  UT_EQ_STR(found(&a, "thực hiện Chiến lược kiểm tra, giám sát của Đảng đến năm 2030 trong toàn Đảng bộ."), "");
  UT_EQ_STR(found(&a, "về Chiến lược đến năm 2030, nhiệm kỳ 2025 - 2030."), "");
  UT_EQ_STR(found(&a, "chất lượng nguồn nhân lực của tỉnh Bình Định giai đoạn 2020 – 2025."), "");
  UT_EQ_STR(found(&a, "bầu cử Quốc hội và HĐND các cấp, nhiệm kỳ 2026 - 2031 theo quy định"), "");
  /* an event awaits someone's document and ends its clause */
  UT_EQ_STR(found(&a, "hệ thống thông tin của cơ quan quản lý khi có hướng dẫn của cấp trên; phối hợp tham mưu"),
            "[khi có hướng dẫn của cấp trên]=after \"hướng dẫn\" of \"cấp trên\"");
  UT_EQ_STR(found(&a, "Khuyến khích cán bộ từ chức khi có khuyết điểm; kịp thời thay thế cán bộ"), "");
  UT_EQ_STR(found(&a, "bố trí công tác đối với cán bộ lãnh đạo, quản lý sau khi bị kỷ luật trong hệ thống chính trị của tỉnh."), "");
  ar_free(&a);
}

void test_find_bounds(void) {
  ar_arena a;
  ar_init(&a);
  dl_found out[2];
  const char *t = "(thực hiện thường xuyên) (thực hiện hằng năm) (hoàn thành trong năm 2024)";
  UT_EQ_INT(dl_find(&a, t, strlen(t), NULL, out, 2), 3);
  UT_EQ_INT(out[1].off, (size_t)(strstr(t, "thực hiện hằng") - t));
  UT_EQ_INT(out[1].len, strlen("thực hiện hằng năm"));
  UT_EQ_INT(dl_find(&a, t, 0, NULL, out, 2), 0);
  UT_EQ_INT(dl_find(&a, "(", 1, NULL, out, 2), 0);
  UT_EQ_INT(dl_find(&a, "thường", 6, NULL, out, 2), 0);
  /* a NUL makes the word it ends no phrase; the words after it are read */
  const char nul[] = "abc (thường xuyên\0 x) thường xuyên";
  UT_EQ_INT(dl_find(&a, nul, sizeof nul - 1, NULL, out, 2), 1);
  /* a long text without a closing parenthesis or a mark stays linear and
   * finds what is there */
  size_t n = 200000;
  char *big = ar_alloc(&a, n + 1);
  for (size_t i = 0; i < n; i++) big[i] = "(thường năm "[i % 12];
  UT_CHECK(dl_find(&a, big, n, NULL, out, 2) == 0);
  ar_free(&a);
}
