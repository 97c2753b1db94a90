/* Unit tests of similar: normalisation (NFC and NFD, old and new tone
 * marks, abbreviations), TF-IDF weighting, the bounds and symmetry of the
 * score, and the shared terms that explain a suggestion, on real directives
 * of 12-KH/TW and of Quảng Ngãi's CTr 28. */
#include <math.h>

#include "model.h"
#include "similar.h"
#include "text.h"
#include "unit.h"

/* 12-KH/TW IV.3 to IV.7 (the bullets of sections 3 to 7 of part IV). */
static const char *const tw[] = {
  "Đảng đoàn Mặt trận Tổ quốc Việt Nam chủ trì, phối hợp với đảng đoàn các tổ "
  "chức chính trị - xã hội, Ban Bí thư Trung ương Đoàn nghiên cứu, tham mưu các "
  "chủ trương, giải pháp đổi mới, nâng cao vai trò lãnh đạo của đảng đoàn, Ban "
  "Bí thư Trung ương Đoàn; kiến nghị mô hình tổ chức đảng đoàn phù hợp với "
  "nguyên tắc hiệp thương dân chủ, tổ chức và hoạt động của Mặt trận Tổ quốc và "
  "các tổ chức thành viên.",
  "Lãnh đạo đổi mới, nâng cao chất lượng hoạt động của Mặt trận Tổ quốc và các "
  "tổ chức chính trị - xã hội, hướng mạnh về cơ sở, sát quần chúng; thực hiện "
  "tốt vai trò đại diện cho quyền, lợi ích hợp pháp của đoàn viên, hội viên và "
  "Nhân dân.",
  "Thực hiện tốt vai trò giám sát, phản biện xã hội, tích cực tham gia xây "
  "dựng, chỉnh đốn Đảng và hệ thống chính trị, phòng, chống tham nhũng, tiêu "
  "cực.",
  "Nghiên cứu, hoàn thiện mô hình tổ chức và hoạt động của đảng đoàn, ban cán "
  "sự đảng từ Trung ương đến địa phương.",
  "Chủ trì sơ kết, tham mưu bổ sung, sửa đổi Quy định số 164-QĐ/TW, ngày "
  "01/02/2013 của Bộ Chính trị về chế độ bồi dưỡng, cập nhật kiến thức mới đối "
  "với cán bộ lãnh đạo, quản lý các cấp (hoàn thành trong năm 2023); Quy định "
  "số 132-QĐ/TW, ngày 08/3/2018 của Bộ Chính trị về việc kiểm điểm và đánh giá, "
  "xếp loại chất lượng hằng năm đối với tập thể, cá nhân trong hệ thống chính "
  "trị (hoàn thành trong năm 2024).",
  "Tham mưu sơ kết, tổng kết việc thực hiện Quy định số 08-QĐi/TW, ngày "
  "25/10/2018 của Ban Chấp hành Trung ương Đảng về trách nhiệm nêu gương của "
  "cán bộ, đảng viên, trước hết là Ủy viên Bộ Chính trị, Ủy viên Ban Bí thư, Ủy "
  "viên Trung ương Đảng; Quy định số 101-QĐ/TW, ngày 07/6/2012 của Ban Bí thư "
  "về \"trách nhiệm nêu gương của cán bộ, đảng viên, nhất là cán bộ lãnh đạo "
  "chủ chốt các cấp\" và Quy định số 55-QĐ/TW, ngày 19/12/2016 của Bộ Chính trị "
  "về \"một số việc cần làm ngay để tăng cường trách nhiệm nêu gương của cán "
  "bộ, đảng viên\" (hoàn thành trong năm 2024).",
  "Chủ trì tổng kết, tham mưu bổ sung, sửa đổi Quy định số 10-QĐi/TW, ngày "
  "12/12/2018 của Bộ Chính trị; Quyết định số 200-QĐ/TW, ngày 02/10/2013, Quy "
  "định số 42-QĐ/TW, ngày 03/10/2016 của Ban Bí thư; các quy định về chức năng, "
  "nhiệm vụ của các tổ chức đảng, mối quan hệ công tác của cấp ủy đảng đối với "
  "các tổ chức trong hệ thống chính trị (hoàn thành trong năm 2025).",
  "Tổng kết thực hiện Quy định về bầu cử trong Đảng (hoàn thành trong năm "
  "2024).",
  "Chủ trì tổng kết, sửa đổi Quy chế chất vấn trong Đảng (ban hành kèm theo "
  "Quyết định số 158-QĐ/TW, ngày 12/5/2008 của Bộ Chính trị) (hoàn thành trong "
  "năm 2023).",
  "Chủ trì xây dựng cơ chế phối hợp hoạt động kiểm tra, giám sát, thanh tra của "
  "các cơ quan, tổ chức trong hệ thống chính trị (hoàn thành trong năm 2024).",
  "Xây dựng Đề án đào tạo, bồi dưỡng đội ngũ cán bộ làm công tác kiểm tra đảng "
  "(hoàn thành trong năm 2024).",
  "Chủ trì tổng kết việc thực hiện Nghị quyết số 37-NQ/TW, ngày 09/10/2014 của "
  "Bộ Chính trị khoá XI về công tác lý luận và định hướng nghiên cứu đến năm "
  "2030 (hoàn thành trong năm 2025).",
  "Chủ trì đổi mới nội dung, phương thức, nâng cao chất lượng hiệu quả công tác "
  "tuyên truyền, vận động cán bộ, đảng viên và Nhân dân; đẩy mạnh công tác bảo "
  "vệ nền tảng tư tưởng của Đảng, đấu tranh phản bác các quan điểm sai trái, "
  "thù địch.",
  "Chủ trì tổng kết việc thực hiện Quyết định số 218-QĐ/TW, ngày 12/12/2013 của "
  "Bộ Chính trị khoá XI ban hành Quy định về việc Mặt trận Tổ quốc Việt Nam, "
  "các đoàn thể chính trị - xã hội và Nhân dân tham gia góp ý xây dựng chính "
  "quyền (hoàn thành trong năm 2023).",
  "Chủ trì, phối hợp nghiên cứu đổi mới, nâng cao hiệu quả công tác dân vận của "
  "hệ thống chính trị, góp phần mở rộng dân chủ cơ sở, tạo sự đồng thuận của "
  "nhân dân trong thực hiện chủ trương, đường lối của Đảng (hoàn thành trong "
  "năm 2024).",
};

/* Quảng Ngãi's CTr 28, III.2.3: Ủy ban Kiểm tra Tỉnh ủy. */
static const char *const qn_ubkt[] = {
  "Tham mưu lãnh đạo, chỉ đạo tiếp tục nâng cao hiệu lực, hiệu quả công tác "
  "kiểm tra, giám sát và kỷ luật của Đảng; thực hiện hiệu quả Chiến lược kiểm "
  "tra, giám sát của Đảng đến năm 2030 trong toàn Đảng bộ. Kiểm tra, xử lý kịp "
  "thời, nghiêm minh tổ chức đảng, đảng viên vi phạm Cương lĩnh chính trị, Điều "
  "lệ Đảng, nghị quyết, chỉ thị của Đảng, pháp luật của Nhà nước, những hành vi "
  "dung túng, bao che cho khuyết điểm, vi phạm của tổ chức đảng và đảng viên, "
  "công khai, minh bạch kết quả xử lý; phát hiện, biểu dương kịp thời mô hình, "
  "cách làm hiệu quả, góp phần hoàn thiện chủ trương, đường lối của Đảng, chính "
  "sách, pháp luật của Nhà nước (thực hiện thường xuyên liên tục).",
  "Chủ trì tham mưu Ban Thường vụ Tỉnh ủy tổng kết việc thực hiện Quy chế chất "
  "vấn trong Đảng ban hành kèm theo Quyết định số 158-QĐ/TW ngày 12/5/2008 của "
  "Bộ Chính trị, báo cáo Trung ương (theo yêu cầu của Trung ương).",
  "Tham mưu Ban Thường vụ Tỉnh ủy chỉ đạo phối hợp chặt chẽ, đồng bộ giữa công "
  "tác kiểm tra, giám sát của Đảng với công tác thanh tra, kiểm toán, điều tra "
  "của Nhà nước (thực hiện thường xuyên liên tục).",
  "Tiếp tục cải tiến, đổi mới phương pháp, kỹ năng công tác kiểm tra, giám sát, "
  "kỷ luật của Đảng bảo đảm khách quan, dân chủ, khoa học, đồng bộ, thống nhất, "
  "thận trọng, chặt chẽ, khả thi. Thực hiện giám sát mở rộng, kiểm tra có trọng "
  "tâm, trọng điểm để chủ động phòng ngừa, ngăn chặn khuyết điểm, vi phạm của "
  "tổ chức đảng, cán bộ, đảng viên từ sớm, từ xa; tập trung kiểm tra tổ chức "
  "đảng, người đứng đầu, cán bộ chủ chốt ở những nơi dễ xảy ra vi phạm, nơi có "
  "nhiều bức xúc nổi cộm, dư luận quan tâm, các lĩnh vực nhạy cảm, dễ phát sinh "
  "vi phạm (thực hiện thường xuyên liên tục).",
  "Tập trung tham mưu, đề xuất xây dựng và nâng cao chất lượng đội ngũ cán bộ "
  "kiểm tra các cấp theo hướng liêm chính, chuyên nghiệp hơn (thực hiện thường "
  "xuyên liên tục).",
  "Tham mưu Ban Thường vụ Tỉnh ủy ban hành Quy chế phối hợp giữa Ủy ban Kiểm "
  "tra Tỉnh ủy với Ban cán sự đảng Viện kiểm sát nhân dân tỉnh, Tòa án nhân dân "
  "tỉnh (hoàn thành trong quý II/2023). Phối hợp tốt với Ban cán sự đảng Viện "
  "kiểm sát nhân dân tỉnh, Tòa án nhân dân tỉnh trong việc bổ nhiệm, miễn nhiệm "
  "các chức danh tư pháp và lãnh đạo cơ quan tư pháp ở địa phương (thực hiện "
  "thường xuyên).",
};

/* Quảng Ngãi's CTr 28, III.2.2: Ban Tổ chức Tỉnh ủy. */
static const char *const qn_btc[] = {
  "Tiếp tục tham mưu Ban Thường vụ Tỉnh ủy cụ thể hóa, thể chế hóa thực hiện có "
  "hiệu quả chủ trương của Đảng về xây dựng đội ngũ cán bộ các cấp, nhất là cán "
  "bộ chủ chốt từ tỉnh đến cơ sở đủ phẩm chất, năng lực, uy tín, ngang tầm "
  "nhiệm vụ, bảo đảm sự chuyển tiếp liên tục, vững vàng giữa các thế hệ (thực "
  "hiện thường xuyên liên tục).",
  "Tham mưu Ban Thường vụ Tỉnh ủy tổng kết, kịp thời báo cáo Trung ương việc "
  "thực hiện các quy định liên quan đến công tác tổ chức xây dựng Đảng do Ban "
  "Tổ chức Trung ương chủ trì đã đề ra trong Kế hoạch số 12-KH/TW ngày "
  "28/11/2022 của Bộ Chính trị.",
  "Tham mưu Ban Thường vụ Tỉnh ủy lãnh đạo, chỉ đạo hoàn thiện mô hình tổ chức "
  "và hoạt động của đảng đoàn, ban cán sự đảng trực thuộc Tỉnh ủy (thực hiện "
  "ngay sau khi có quy định, hướng dẫn của Trung ương). Tiếp tục đổi mới mạnh "
  "mẽ công tác cán bộ, coi trọng công tác bảo vệ chính trị nội bộ; chú trọng "
  "xây dựng đội ngũ cán bộ bảo đảm số lượng, chất lượng, đồng bộ về cơ cấu; trẻ "
  "hóa đội ngũ cán bộ, bảo đảm tính kế thừa và phát triển. Tiếp tục hoàn thiện "
  "và thực hiện tốt các quy định, quy chế, quy trình trong công tác cán bộ "
  "(thực hiện thường xuyên liên tục).",
  "Tham mưu kiện toàn, hoàn thiện mô hình tổ chức và hoạt động của tổ chức đảng "
  "từ tỉnh đến cơ sở. Đẩy mạnh phát triển tổ chức cơ sở đảng, nhất là trong khu "
  "vực ngoài nhà nước; sắp xếp hợp lý tổ chức đảng ở cơ sở, tổ chức đảng theo "
  "ngành dọc; thành lập tổ chức đảng trong các cơ quan, tổ chức của hệ thống "
  "chính trị (thực hiện theo Kế hoạch số 121-KH/TU ngày 10/8/2022 của Ban "
  "Thường vụ Tỉnh ủy).",
  "Tham mưu Ban Thường vụ Tỉnh ủy chỉ đạo nâng cao trách nhiệm của các cấp ủy, "
  "tổ chức đảng trong chấp hành, thực hiện có hiệu quả các chủ trương của Trung "
  "ương, của tỉnh liên quan đến tổ chức bộ máy; tiếp tục đổi mới, sắp xếp tổ "
  "chức bộ máy của hệ thống chính trị tinh gọn, hoạt động hiệu lực, hiệu quả. "
  "Rà soát, sửa đổi, bổ sung, hoàn thiện các quy định về chức năng, nhiệm vụ, "
  "quyền hạn, mối quan hệ công tác của từng cơ quan, tổ chức; khắc phục tình "
  "trạng trùng lặp, chồng chéo, bỏ sót hoặc không rõ chức năng, nhiệm vụ, lĩnh "
  "vực quản lý. Phân cấp, phân quyền hợp lý, rõ ràng giữa cấp tỉnh, cấp huyện "
  "và cấp xã, giữa cấp trên và cấp dưới, gắn quyền hạn với trách nhiệm. Khắc "
  "phục tình trạng cấp dưới hỏi cấp trên việc thực hiện chức năng, nhiệm vụ, "
  "quyền hạn của mình hoặc cấp trên trả lời chung chung không rõ trách nhiệm "
  "khi có vướng mắc... (thực hiện thường xuyên liên tục).",
  "Tham mưu Ban Thường vụ Tỉnh ủy, Ban Chỉ đạo tỉnh thực hiện nghiêm công tác "
  "quản lý biên chế của hệ thống chính trị, đẩy mạnh tinh giản biên chế có "
  "trọng tâm, trọng điểm gắn với nâng cao chất lượng, cơ cấu lại đội ngũ cán "
  "bộ, công chức, viên chức. Khẩn trương, thường xuyên hoàn thiện Đề án vị trí "
  "việc làm trong từng cơ quan, tổ chức, làm cơ sở để giao và quản lý biên chế.",
  "Tham mưu thực hiện nhất quán nguyên tắc Đảng thống nhất lãnh đạo trực tiếp, "
  "toàn diện công tác cán bộ và quản lý đội ngũ cán bộ trong hệ thống chính "
  "trị. Các cấp ủy, tổ chức đảng phải chú trọng việc lựa chọn, bố trí cán bộ đủ "
  "tiêu chuẩn để bầu vào cấp ủy, chức danh lãnh đạo của các cơ quan nhà nước, "
  "Mặt trận Tổ quốc, tổ chức chính trị - xã hội các cấp và lãnh đạo việc bầu "
  "cử, phê chuẩn theo quy định của pháp luật, điều lệ của các tổ chức.",
  "Tham mưu tiếp tục thực hiện kịp thời, toàn diện Nghị quyết Hội nghị Trung "
  "ương 4 khóa XI, XII, Kết luận số 21-KL/TW ngày 23/10/2021 của Ban Chấp hành "
  "Trung ương Đảng khóa XIII về đẩy mạnh xây dựng, chỉnh đốn Đảng và hệ thống "
  "chính trị; kiên quyết ngăn chặn, đẩy lùi, xử lý nghiêm cán bộ, đảng viên suy "
  "thoái về tư tưởng chính trị, đạo đức, lối sống, biểu hiện \"tự diễn biến\", "
  "\"tự chuyển hóa\" gắn với đẩy mạnh việc học tập, làm theo tư tưởng, đạo đức, "
  "phong cách Hồ Chí Minh theo Kết luận số 01-KL/TW ngày 18/5/2021 của Bộ Chính "
  "trị, đặc biệt đề cao trách nhiệm nêu gương của cán bộ, đảng viên, nhất là "
  "người đứng đầu (thực hiện theo Kế hoạch số 121-KH/TU ngày 10/8/2022 của Ban "
  "Thường vụ Tỉnh ủy).",
  "Tham mưu Ban Thường vụ Tỉnh ủy thường xuyên rà soát, sửa đổi, bổ sung các "
  "quy định, quy chế bảo đảm vai trò lãnh đạo của cấp ủy và tổ chức đảng; đồng "
  "thời, phát huy tính chủ động, sáng tạo của các tổ chức trong hệ thống chính "
  "trị, nhất là đề cao vai trò trách nhiệm của người đứng đầu trong thực hiện "
  "chức trách nhiệm vụ được giao theo quy định, hướng dẫn của Trung ương. Rà "
  "soát, sửa đổi, bổ sung Quyết định số 306-QĐ/TU ngày 25/5/2016 của Ban Thường "
  "vụ Tỉnh ủy ban hành Quy định trách nhiệm và xử lý trách nhiệm đối với người "
  "đứng đầu, cấp phó của người đứng đầu cơ quan, đơn vị thuộc diện Ban Thường "
  "vụ Tỉnh ủy quản lý trong việc thực hiện chức trách, nhiệm vụ được giao (hoàn "
  "thành trong quý II/2023).",
  "Tham mưu Ban Thường vụ Tỉnh ủy ban hành Quy chế phối hợp giữa Ban Tổ chức "
  "Tỉnh ủy với Ban cán sự đảng Viện kiểm sát nhân dân tỉnh, Ban cán sự đảng Tòa "
  "án nhân dân tỉnh (hoàn thành trong quý II/2023). Phối hợp tốt với Ban cán sự "
  "đảng Viện kiểm sát nhân dân tỉnh, Ban cán sự đảng Tòa án nhân dân tỉnh trong "
  "việc bổ nhiệm, miễn nhiệm các chức danh tư pháp và lãnh đạo cơ quan tư pháp "
  "ở địa phương.",
};

enum { NTW = sizeof tw / sizeof tw[0], NUBKT = sizeof qn_ubkt / sizeof qn_ubkt[0],
       NBTC = sizeof qn_btc / sizeof qn_btc[0] };
enum { TW_164 = 4, TW_CHAT_VAN = 8, UBKT_CHAT_VAN = 1 };

typedef struct fixture {
  ar_arena a;
  dg_list d;
  md_model m;
  sm_index *ix;
} fixture;

static void setup(fixture *f) {
  ar_init(&f->a);
  dg_init(&f->d, &f->a);
  md_init(&f->m, &f->a, NULL, &f->d);
  f->ix = NULL;
}

/* An item of one or two paragraphs (b may be NULL), added to the corpus. */
static md_item *item2(fixture *f, const char *a, const char *b) {
  md_item *it = ar_alloc(&f->a, sizeof *it);
  it->kind = MD_TASK;
  md_strs **tail = &it->texts;
  for (int k = 0; k < 2; k++) {
    const char *s = k ? b : a;
    if (!s) break;
    *tail = ar_alloc(&f->a, sizeof **tail);
    (*tail)->s.value = (sl_slice){ s, strlen(s) };
    tail = &(*tail)->next;
  }
  if (!f->ix) f->ix = sm_new(&f->m);
  sm_add(f->ix, it);
  return it;
}

static md_item *item(fixture *f, const char *text) { return item2(f, text, NULL); }

/* The real directives, as the corpus every test's texts are weighed in. */
static void add_corpus(fixture *f, md_item **tws, md_item **ubkt, md_item **btc) {
  for (size_t k = 0; k < NTW; k++) tws[k] = item(f, tw[k]);
  for (size_t k = 0; k < NUBKT; k++) ubkt[k] = item(f, qn_ubkt[k]);
  for (size_t k = 0; k < NBTC; k++) btc[k] = item(f, qn_btc[k]);
}

static double sim(fixture *f, const md_item *a, const md_item *b) { return sm_similarity(f->ix, a, b); }

/* Rewrites s (lower case, NFC) to new-style tone marks, in a copy. */
static const char *new_style(char *buf, const char *s) {
  size_t n = strlen(s);
  memcpy(buf, s, n + 1);
  size_t m = tx_tone_normalise(buf, n);
  return m == strlen(buf) ? buf : "(not NUL-terminated)";
}

void test_similar_tone_marks(void) {
  char buf[64];
  UT_EQ_STR(new_style(buf, "tỉnh uỷ"), "tỉnh ủy");
  UT_EQ_STR(new_style(buf, "hoà, toạ, hoè"), "hòa, tọa, hòe");
  /* "ỳ", "ỹ", "ẽ" take three bytes, "ù", "ũ", "õ" two: the text shrinks. */
  UT_EQ_STR(new_style(buf, "thuỳ, tuỹ, khoẽ."), "thùy, tũy, khõe.");
  UT_EQ_STR(new_style(buf, "quý, quỳ, quỷ"), "quý, quỳ, quỷ");
  /* A final consonant fixes the tone's place in both styles. */
  UT_EQ_STR(new_style(buf, "toàn, kế hoạch, đoàn, huỳnh, khuỷu"), "toàn, kế hoạch, đoàn, huỳnh, khuỷu");
  UT_EQ_STR(new_style(buf, "hoà\xe2\x80\xa6 (hoà) hoà"), "hòa\xe2\x80\xa6 (hòa) hòa");
  UT_EQ_STR(new_style(buf, "uỷ"), "ủy");
  UT_EQ_STR(new_style(buf, "u"), "u");
  UT_EQ_INT(tx_tone_normalise(buf, 0), 0);
}

/* The rank of `want` among `cands` by similarity to `of`, 0 being first. */
static size_t rank_of(fixture *f, const md_item *of, md_item **cands, size_t n, size_t want) {
  size_t r = 0;
  for (size_t k = 0; k < n; k++) r += k != want && sim(f, of, cands[k]) >= sim(f, of, cands[want]);
  return r;
}

void test_similar_normalisation(void) {
  fixture f;
  setup(&f);
  md_item *tws[NTW], *ubkt[NUBKT], *btc[NBTC];
  add_corpus(&f, tws, ubkt, btc);
  /* The same words in NFC and in NFD, where "Ủ" is U+0055 U+0309 and "ể"
   * is U+0065 U+0302 U+0309; in old-style tone marks; in capitals. */
  md_item *nfc = item(&f, "Ủy ban Kiểm tra Tỉnh ủy chủ trì tổng kết");
  md_item *nfd = item(&f, "U\xcc\x89y ban Kie\xcc\x82\xcc\x89m tra Ti\xcc\x89nh u\xcc\x89y chu\xcc\x89 tri\xcc\x80 "
                          "to\xcc\x82\xcc\x89ng ke\xcc\x82\xcc\x81t");
  md_item *old = item(&f, "Uỷ ban Kiểm tra Tỉnh uỷ chủ trì tổng kết");
  md_item *caps = item(&f, "ỦY BAN KIỂM TRA TỈNH ỦY CHỦ TRÌ TỔNG KẾT");
  md_item *hoa = item(&f, "thể chế hoà, thuỳ, khoẻ"), *hoa_new = item(&f, "thể chế hòa, thùy, khỏe");
  md_item *quy = item(&f, "quý II/2023"), *quy2 = item(&f, "Quý II/2023");
  sm_finish(f.ix);
  UT_CHECK(fabs(sim(&f, nfc, nfd) - 1) < 1e-9);
  UT_CHECK(fabs(sim(&f, nfc, old) - 1) < 1e-9);
  UT_CHECK(fabs(sim(&f, nfc, caps) - 1) < 1e-9);
  UT_CHECK(fabs(sim(&f, hoa, hoa_new) - 1) < 1e-9);
  UT_CHECK(fabs(sim(&f, quy, quy2) - 1) < 1e-9);
  /* The same text in NFC and NFD is the same vector: equal scores against
   * every item, not merely close ones. */
  for (size_t k = 0; k < NUBKT; k++) {
    UT_CHECK(sim(&f, nfc, ubkt[k]) == sim(&f, nfd, ubkt[k]));
    UT_CHECK(sim(&f, old, ubkt[k]) == sim(&f, nfc, ubkt[k]));
  }
  UT_CHECK(sim(&f, nfc, ubkt[0]) > 0);
  const char *out[4];
  UT_EQ_INT(sm_shared_terms(f.ix, old, nfd, out, 1), 1);
  UT_EQ_STR(out[0], "ủy ban kiểm tra tỉnh ủy chủ trì tổng kết");
  /* The u of "qu" carries no tone: "quý" is not respelt "qúy". */
  UT_EQ_INT(sm_shared_terms(f.ix, quy, quy2, out, 4), 1);
  UT_EQ_STR(out[0], "quý ii/2023");
  ar_free(&f.a);
}

void test_similar_diacritics(void) {
  fixture f;
  setup(&f);
  md_item *tws[NTW], *ubkt[NUBKT], *btc[NBTC];
  add_corpus(&f, tws, ubkt, btc);
  md_item *bo = item(&f, "bộ"), *bo2 = item(&f, "bổ"), *bo3 = item(&f, "bo");
  md_item *a = item(&f, "bổ sung quy chế"), *b = item(&f, "bộ quy chế");
  sm_finish(f.ix);
  UT_CHECK(sim(&f, bo, bo2) == 0);
  UT_CHECK(sim(&f, bo, bo3) == 0);
  UT_CHECK(sim(&f, bo2, bo3) == 0);
  const char *out[4];
  UT_EQ_INT(sm_shared_terms(f.ix, a, b, out, 4), 1);
  UT_EQ_STR(out[0], "quy chế");
  ar_free(&f.a);
}

void test_similar_abbreviations(void) {
  fixture f;
  setup(&f);
  /* The model's table (a plan's `abbrev` lines) is used with the built-in
   * one; "CTr" is only in the model's. */
  md_abbrev ctr = { { SL_LIT("CTr"), { 0, 0, 0 } }, { SL_LIT("Chương trình"), { 0, 0, 0 } },
                    SL_NONE, SL_NONE, 0, NULL };
  f.m.abbrevs = &ctr;
  md_item *tws[NTW], *ubkt[NUBKT], *btc[NBTC];
  add_corpus(&f, tws, ubkt, btc);
  md_item *ubkt_short = item(&f, "UBKT Huyện ủy"), *ubkt_long = item(&f, "Ủy ban Kiểm tra Huyện ủy");
  md_item *ubkt_lower = item(&f, "ubkt huyện ủy");
  md_item *t1 = item(&f, "Các TCCSĐ trực thuộc"), *t2 = item(&f, "Các TCCS đảng trực thuộc");
  md_item *t3 = item(&f, "các tổ chức cơ sở đảng trực thuộc"), *t4 = item(&f, "Các TCCSD trực thuộc");
  md_item *tu = item(&f, "Ban Thường vụ TU"), *tinh_uy = item(&f, "Ban Thường vụ Tỉnh ủy");
  md_item *tu_syll = item(&f, "tu sửa"), *tinh_uy_sua = item(&f, "Tỉnh ủy sửa");
  md_item *ctr_short = item(&f, "CTr hành động số 20-CTr/TU"),
          *ctr_long = item(&f, "Chương trình hành động số 20-CTr/TU");
  md_item *ctxh = item(&f, "các tổ chức CT-XH"), *ctxh_long = item(&f, "các tổ chức chính trị - xã hội");
  md_item *doc_no = item(&f, "Quyết định số 158-QĐ/TW"), *tw_word = item(&f, "Quyết định số 158 của TW");
  sm_finish(f.ix);
  UT_CHECK(fabs(sim(&f, ubkt_short, ubkt_long) - 1) < 1e-9);
  UT_CHECK(sim(&f, ubkt_lower, ubkt_long) < 0.9); /* lower case is not an abbreviation */
  UT_CHECK(fabs(sim(&f, t1, t2) - 1) < 1e-9);
  UT_CHECK(fabs(sim(&f, t1, t3) - 1) < 1e-9);
  UT_CHECK(fabs(sim(&f, t1, t4) - 1) < 1e-9);
  UT_CHECK(fabs(sim(&f, tu, tinh_uy) - 1) < 1e-9);
  UT_CHECK(sim(&f, tu_syll, tinh_uy_sua) < 0.5); /* "tu" is a syllable, not "TU" */
  const char *out[4];
  UT_EQ_INT(sm_shared_terms(f.ix, tu_syll, tinh_uy_sua, out, 4), 1);
  UT_EQ_STR(out[0], "sửa");
  UT_CHECK(fabs(sim(&f, ctr_short, ctr_long) - 1) < 1e-9);
  UT_CHECK(fabs(sim(&f, ctxh, ctxh_long) - 1) < 1e-9);
  /* "TW" inside a document number is not a token of its own. */
  UT_EQ_INT(sm_shared_terms(f.ix, doc_no, tw_word, out, 4), 1);
  UT_EQ_STR(out[0], "quyết định số");
  ar_free(&f.a);
}

void test_similar_rare_terms(void) {
  fixture f;
  setup(&f);
  md_item *tws[NTW], *ubkt[NUBKT], *btc[NBTC];
  add_corpus(&f, tws, ubkt, btc);
  /* One rare term shared with IV.4.2, against many common words. */
  md_item *rare = item(&f, "Triển khai Quy định 164-QĐ/TW.");
  md_item *common = item(&f, "Thực hiện các nhiệm vụ của Đảng và của Nhà nước trong năm.");
  md_item *both = item(&f, "Thực hiện các nhiệm vụ trong năm và Quy định 164-QĐ/TW của Đảng.");
  sm_finish(f.ix);
  double r = sim(&f, tws[TW_164], rare), c = sim(&f, tws[TW_164], common);
  UT_CHECK(r > c);
  UT_CHECK(c > 0);
  const char *out[8];
  UT_EQ_INT(sm_shared_terms(f.ix, tws[TW_164], rare, out, 8), 2);
  UT_EQ_STR(out[0], "164-qđ/tw");
  UT_EQ_STR(out[1], "quy định");
  UT_EQ_INT(sm_shared_terms(f.ix, tws[TW_164], common, out, 8), 4);
  UT_EQ_STR(out[0], "trong năm");
  /* Sharing both, the document number comes first, the common words last. */
  UT_EQ_INT(sm_shared_terms(f.ix, tws[TW_164], both, out, 8), 6);
  UT_EQ_STR(out[0], "164-qđ/tw");
  UT_EQ_STR(out[1], "trong năm");
  UT_EQ_STR(out[2], "quy định");
  UT_EQ_STR(out[5], "và");
  ar_free(&f.a);
}

/* 12-KH/TW IV.5.1 (UBKT TW: "Chủ trì tổng kết, sửa đổi Quy chế chất vấn
 * trong Đảng ...") is carried out in Quảng Ngãi by UBKT Tỉnh ủy's second
 * bullet: it must rank first among that section's bullets, and among all. */
void test_similar_ranking(void) {
  fixture f;
  setup(&f);
  md_item *tws[NTW], *ubkt[NUBKT], *btc[NBTC];
  add_corpus(&f, tws, ubkt, btc);
  sm_finish(f.ix);
  UT_EQ_INT(rank_of(&f, tws[TW_CHAT_VAN], ubkt, NUBKT, UBKT_CHAT_VAN), 0);
  double best = sim(&f, tws[TW_CHAT_VAN], ubkt[UBKT_CHAT_VAN]);
  UT_CHECK(best > 0.5);
  for (size_t k = 0; k < NUBKT; k++)
    if (k != UBKT_CHAT_VAN) UT_CHECK(sim(&f, tws[TW_CHAT_VAN], ubkt[k]) < best / 4);
  for (size_t k = 0; k < NBTC; k++) UT_CHECK(sim(&f, tws[TW_CHAT_VAN], btc[k]) < best / 4);
  /* And the other way: the Quảng Ngãi bullet's likeliest parent. */
  UT_EQ_INT(rank_of(&f, ubkt[UBKT_CHAT_VAN], tws, NTW, TW_CHAT_VAN), 0);
  ar_free(&f.a);
}

void test_similar_shared_terms(void) {
  fixture f;
  setup(&f);
  md_item *tws[NTW], *ubkt[NUBKT], *btc[NBTC];
  add_corpus(&f, tws, ubkt, btc);
  md_item *x = item(&f, "Chủ trì, phối hợp thực hiện Quy chế chất vấn và các quy định của Đảng.");
  md_item *y = item(&f, "Hội thao chào mừng Quốc khánh.");
  sm_finish(f.ix);
  const char *out[8];
  size_t n = sm_shared_terms(f.ix, tws[TW_CHAT_VAN], ubkt[UBKT_CHAT_VAN], out, 8);
  /* Shared syllables next to each other come out as one phrase; a phrase
   * said again, or inside one given already ("trong"), is not repeated. */
  UT_EQ_INT(n, 5);
  if (n == 5) {
    UT_EQ_STR(out[0], "ban hành kèm theo quyết định số 158-qđ/tw");
    UT_EQ_STR(out[1], "ngày 12/5/2008 của bộ chính trị");
    UT_EQ_STR(out[2], "quy chế chất vấn trong đảng");
    UT_EQ_STR(out[3], "tổng kết");
    UT_EQ_STR(out[4], "chủ trì");
  }
  /* The phrase with the rare pair first, lone common words last; "định"
   * of "quy định" is the one of "quyết định". */
  const char *const want[] = { "thực hiện quy chế chất vấn", "chủ trì", "định", "của", "đảng" };
  n = sm_shared_terms(f.ix, x, ubkt[UBKT_CHAT_VAN], out, 8);
  UT_EQ_INT(n, 5);
  for (size_t k = 0; k < n && k < 5; k++) UT_EQ_STR(out[k], want[k]);
  /* A smaller max gives the same first ones. */
  UT_EQ_INT(sm_shared_terms(f.ix, x, ubkt[UBKT_CHAT_VAN], out, 2), 2);
  UT_EQ_STR(out[1], "chủ trì");
  UT_EQ_INT(sm_shared_terms(f.ix, x, ubkt[UBKT_CHAT_VAN], out, 0), 0);
  UT_EQ_INT(sm_shared_terms(f.ix, x, y, out, 8), 0);
  ar_free(&f.a);
}

void test_similar_bounds(void) {
  fixture f;
  setup(&f);
  md_item *tws[NTW], *ubkt[NUBKT], *btc[NBTC];
  add_corpus(&f, tws, ubkt, btc);
  md_item *copy = item(&f, tw[TW_CHAT_VAN]);
  md_item *two = item2(&f, "Chủ trì tổng kết", "sửa đổi Quy chế chất vấn");
  md_item *one = item(&f, "Chủ trì tổng kết sửa đổi Quy chế chất vấn");
  md_item *empty = item(&f, ""), *punct = item(&f, " ... ; ");
  md_item *none = item2(&f, NULL, NULL);
  md_item *unrelated = item(&f, "Tổ chức hội thao chào mừng ngày Quốc khánh 2/9.");
  size_t docs = sm_documents(f.ix);
  sm_add(f.ix, copy); /* twice: a no-op */
  UT_EQ_INT(sm_documents(f.ix), docs);
  UT_EQ_INT(sim(&f, tws[0], tws[1]), 0); /* not finished yet */
  sm_finish(f.ix);
  sm_add(f.ix, item(&f, "sau sm_finish: bỏ qua")); /* ignored */
  UT_EQ_INT(sm_documents(f.ix), docs);
  md_item stranger = { 0 };
  UT_CHECK(sim(&f, tws[0], &stranger) == 0);
  UT_CHECK(fabs(sim(&f, copy, tws[TW_CHAT_VAN]) - 1) < 1e-9);
  UT_CHECK(fabs(sim(&f, copy, copy) - 1) < 1e-9);
  UT_CHECK(fabs(sim(&f, two, one) - 1) > 1e-3); /* no pair across paragraphs */
  UT_CHECK(sim(&f, two, one) > 0.8);
  UT_CHECK(sim(&f, empty, tws[0]) == 0);
  UT_CHECK(sim(&f, punct, punct) == 0);
  UT_CHECK(sim(&f, none, none) == 0);
  for (size_t k = 0; k < NTW; k++) UT_CHECK(sim(&f, unrelated, tws[k]) < 0.1);
  /* Symmetric to the last bit, and within [0, 1]. */
  md_item *all[NTW + NUBKT + NBTC];
  size_t n = 0;
  for (size_t k = 0; k < NTW; k++) all[n++] = tws[k];
  for (size_t k = 0; k < NUBKT; k++) all[n++] = ubkt[k];
  for (size_t k = 0; k < NBTC; k++) all[n++] = btc[k];
  int symmetric = 1, bounded = 1;
  for (size_t i = 0; i < n; i++)
    for (size_t j = 0; j < n; j++) {
      double s = sim(&f, all[i], all[j]);
      symmetric &= s == sim(&f, all[j], all[i]);
      bounded &= s >= 0 && s <= 1 && (i != j || fabs(s - 1) < 1e-9);
    }
  UT_CHECK(symmetric);
  UT_CHECK(bounded);
  ar_free(&f.a);
}
