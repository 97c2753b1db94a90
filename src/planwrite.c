/* planwrite: writing plan-language text; see planwrite.h. */
#include "planwrite.h"

#include <stdarg.h>
#include <string.h>

#include <stdlib.h>

#include "mem.h"

/* English and Vietnamese, in pw_kw's order; the Vietnamese as the lexer's
 * table spells it (grammar/lexer.re). */
static const char *const spellings[PW_NKW][2] = {
  [PW_ADDRESSES] = { "addresses", "gồm các cấp" },
  [PW_AFTER] = { "after", "kể từ" },
  [PW_AS] = { "as", "tức là" },
  [PW_BASIS] = { "basis", "căn cứ" },
  [PW_BODY] = { "body", "cơ quan" },
  [PW_BY] = { "by", "chủ trì" },
  [PW_CASCADE] = { "cascade", "triển khai" },
  [PW_DATE] = { "date", "ngày" },
  [PW_DUE] = { "due", "thời hạn" },
  [PW_FINGERPRINT] = { "fingerprint", "mã kiểm tra" },
  [PW_FOR] = { "for", "đối với" },
  [PW_FORWARD] = { "forward", "chuyển" },
  [PW_ID] = { "id", "số hiệu" },
  [PW_IMPLEMENTS] = { "implements", "thực hiện" },
  [PW_INCLUDE] = { "include", "kèm theo" },
  [PW_ISSUER] = { "issuer", "cơ quan ban hành" },
  [PW_KIND] = { "kind", "loại văn bản" },
  [PW_LEVEL] = { "level", "cấp" },
  [PW_MEASURE] = { "measure", "chỉ số" },
  [PW_NOTE] = { "note", "ghi chú" },
  [PW_OWNER] = { "owner", "phụ trách" },
  [PW_PATH] = { "path", "tệp" },
  [PW_PLACE] = { "place", "địa danh" },
  [PW_PLAN] = { "plan", "kế hoạch" },
  [PW_REASON] = { "reason", "lý do" },
  [PW_RECIPIENT] = { "recipient", "nơi nhận" },
  [PW_REPORTS] = { "reports", "báo cáo" },
  [PW_ROLE] = { "role", "chức vụ" },
  [PW_SECTION] = { "section", "mục" },
  [PW_SIGNER] = { "signer", "người ký" },
  [PW_TARGET] = { "target", "chỉ tiêu" },
  [PW_TASK] = { "task", "nhiệm vụ" },
  [PW_TEXT] = { "text", "đoạn văn" },
  [PW_TITLE] = { "title", "trích yếu" },
  [PW_TO] = { "to", "đến" },
  [PW_UNAVAILABLE] = { "unavailable", "không có văn bản" },
  [PW_UNKNOWN] = { "unknown", "không rõ" },
  [PW_USE] = { "use", "dùng" },
  [PW_WAIVE] = { "waive", "miễn" },
  [PW_WITH] = { "with", "phối hợp" },
  [PW_ABBREV] = { "abbrev", "viết tắt" },
  [PW_ALIAS] = { "alias", "tên khác" },
  [PW_BY_YEAR] = { "by", "đến năm" },
  [PW_CANCELLED] = { "cancelled", "đã hủy" },
  [PW_CENTRAL] = { "central", "trung ương" },
  [PW_COUNTERPART] = { "counterpart", "cấp trên" },
  [PW_DISTRICT] = { "district", "huyện" },
  [PW_DOC] = { "doc", "văn bản" },
  [PW_DONE] = { "done", "đã hoàn thành" },
  [PW_EXISTS] = { "exists", "có ở cấp" },
  [PW_FOOTNOTE] = { "footnote", "chú thích" },
  [PW_FROM] = { "from", "từ ngày" },
  [PW_GRASSROOTS] = { "grassroots", "cơ sở" },
  [PW_ISSUED] = { "issued", "đã ban hành" },
  [PW_LEVELS] = { "levels", "các cấp" },
  [PW_MONTH] = { "month", "tháng" },
  [PW_PER] = { "per", "mỗi" },
  [PW_PROGRESS] = { "progress", "tiến độ" },
  [PW_PROVINCE] = { "province", "tỉnh" },
  [PW_QUARTER] = { "quarter", "quý" },
  [PW_REASSIGNED] = { "reassigned", "đổi chủ trì" },
  [PW_REPORTED] = { "reported", "đã báo cáo" },
  [PW_SCOPE] = { "scope", "chỉ ở cấp" },
  [PW_STARTED] = { "started", "đã bắt đầu" },
  [PW_STRUCTURE] = { "structure", "cơ cấu" },
  [PW_SUCCEEDS] = { "succeeds", "kế nhiệm" },
  [PW_TERM] = { "term", "nhiệm kỳ" },
  [PW_TRIGGERS] = { "triggers", "kích hoạt" },
  [PW_UNTIL] = { "until", "đến ngày" },
  [PW_VIA] = { "via", "thông qua" },
  [PW_YEAR] = { "year", "năm" },
};

void pw_init(pw_writer *w, FILE *out, int vietnamese_keywords) {
  memset(w, 0, sizeof *w);
  w->out = out;
  w->vi = vietnamese_keywords != 0;
}

const char *pw_spelling(pw_kw kw, int vi) { return kw < PW_NKW ? spellings[kw][vi != 0] : ""; }

/* Opens a line at the current depth, or puts the space between words. */
static void gap(pw_writer *w) {
  if (w->midline) {
    fputc(' ', w->out);
    return;
  }
  for (int i = 0; i < w->depth; i++) fputs("  ", w->out);
  w->midline = 1;
}

void pw_keyword(pw_writer *w, pw_kw kw) {
  gap(w);
  fputs(pw_spelling(kw, w->vi), w->out);
}

void pw_word(pw_writer *w, const char *s) {
  gap(w);
  fputs(s, w->out);
}

void pw_string(pw_writer *w, const char *s, size_t n) {
  gap(w);
  fputc('"', w->out);
  size_t from = 0;
  for (size_t i = 0; i < n; i++) {
    if (s[i] != '"' && s[i] != '\\') continue;
    fwrite(s + from, 1, i - from, w->out);
    fputc('\\', w->out);
    from = i;
  }
  fwrite(s + from, 1, n - from, w->out);
  fputc('"', w->out);
}

void pw_newline(pw_writer *w) {
  if (!w->midline) return;
  fputc('\n', w->out);
  w->midline = 0;
}

void pw_open(pw_writer *w) {
  gap(w);
  fputc('{', w->out);
  pw_newline(w);
  w->depth++;
}

void pw_close(pw_writer *w) {
  pw_newline(w);
  if (w->depth > 0) w->depth--;
  gap(w);
  fputc('}', w->out);
  pw_newline(w);
}

void pw_comment(pw_writer *w, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  if (n < 0) return;
  char *text = mem_alloc((size_t)n + 1);
  va_start(ap, fmt);
  vsnprintf(text, (size_t)n + 1, fmt, ap);
  va_end(ap);
  pw_newline(w);
  if (!*text) fputc('\n', w->out);
  for (const char *p = text; *p;) {
    const char *e = strchr(p, '\n');
    size_t len = e ? (size_t)(e - p) : strlen(p);
    for (int i = 0; i < w->depth; i++) fputs("  ", w->out);
    fputs(len ? "# " : "#", w->out);
    fwrite(p, 1, len, w->out);
    fputc('\n', w->out);
    p += len + (e != NULL);
  }
  free(text);
}
