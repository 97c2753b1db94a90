/* lexer.re: the tokens of the plan language (re2c, UTF-8 mode).
 *
 * The buffer ends in a NUL sentinel; a NUL before the end is an error, as
 * is any byte sequence that is not UTF-8 (re2c's UTF-8 classes accept only
 * well-formed, shortest-form sequences without surrogates). Strings are
 * scanned by a second block so that a bad escape, a bad byte or a missing
 * closing quote is reported at its own position.
 *
 * Every keyword has Vietnamese spellings too ("chủ trì" for `by`), one or
 * more words, in NFC, NFD or anything between, with the tone mark on
 * either vowel ("hóa" and "hoá"): the DFA only notices a word holding a
 * Vietnamese letter and hands it to vi_word, which reads the words as a
 * key that all those spellings share (vi_key). ASCII text never reaches
 * it, so English-keyword plans lex as fast as before.
 *
 * Text pasted from Word is met halfway: strings may be written in “ ”
 * (with “ ” pairs inside), and a straight quote inside a string, a line
 * break inside one, or a date written 20/3/2023 give one error each with
 * the fix, the lexer going on after the string or the line as the writer
 * meant it, not a cascade of errors. */
#include "lexer.h"

#include <string.h>
#include <utf8proc.h>

#include "gram.h"
#include "lang.h"
#include "text.h"

/*!re2c
  re2c:define:YYCTYPE = "unsigned char";
  re2c:yyfill:enable = 0;
  re2c:eof = 0;

  nl      = "\n" | "\r\n";
  ws      = [ \t\r]+;
  cp      = [\x01-\x09\x0b\x0c\x0e-\x7f] | [\x80-\uD7FF] | [\uE000-\U0010FFFF];
  schar   = [\x01-\x09\x0b\x0c\x0e-\x21\x23-\x5b\x5d-\x7f] | [\x80-\uD7FF] | [\uE000-\U0010FFFF];
  ident   = [a-z_][a-zA-Z0-9_]*;
  roman   = [IVXLCDM]+ ("." | "-" | " -");
  arabic  = [0-9]+ ("." [0-9]+)* "." | [0-9]+ ")";
  letter  = [a-z\u0111] ")";
  date    = [0-9]{4} "-" [0-9]{2} "-" [0-9]{2};
  number  = [0-9]+ ([.,] [0-9]+)?;
  /* A date as offices print it, where the language wants it ISO. */
  dmy     = [0-9]{1,2} [/.-] [0-9]{1,2} [/.-] [0-9]{4} | [0-9]{4} "/" [0-9]{1,2} "/" [0-9]{1,2};
  /* A letter of a Vietnamese word: precomposed (Latin-1, Latin Extended,
   * Latin Extended Additional) or a combining mark of an NFD one. */
  vletter = [\u00C0-\u00D6] | [\u00D8-\u00F6] | [\u00F8-\u024F] | [\u0300-\u036F] | [\u1E00-\u1EFF];
  /* Characters of a string in “ ”: any but line breaks, NUL and the two. */
  cchar   = [\x01-\x09\x0b\x0c\x0e-\x7f] | [\x80-\u201B] | [\u201E-\uD7FF] | [\uE000-\U0010FFFF];
*/

void lx_init(lx_lexer *lx, const char *data, size_t size, uint32_t file, dg_list *diags) {
  lx->base = data;
  lx->cur = data;
  lx->lim = data + size;
  lx->file = file;
  lx->diags = diags;
  lx->level_word = NULL;
  lx->word_ctx = NULL;
  if (size >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) lx->cur += 3;
}

static uint32_t off_of(const lx_lexer *lx, const unsigned char *p) {
  return (uint32_t)((const char *)p - lx->base);
}

static void lex_error(lx_lexer *lx, const unsigned char *at, uint32_t len, const char *msg) {
  dg_add(lx->diags, DG_ERROR, "lex", lx->file, off_of(lx, at), len, "%s", msg);
}

static void bad_byte(lx_lexer *lx, const unsigned char *at) {
  if (*at == 0) lex_error(lx, at, 1, _("NUL byte in input"));
  else dg_add(lx->diags, DG_ERROR, "lex", lx->file, off_of(lx, at), 1, _("invalid UTF-8 byte 0x%02X"), *at);
}

/* A byte that starts no valid UTF-8 sequence: reports it together with the
 * continuation bytes that follow it (one error per broken sequence) and
 * returns where lexing resumes. */
static const unsigned char *bad_sequence(lx_lexer *lx, const unsigned char *at) {
  const unsigned char *end = at + 1;
  while (end < at + 4 && (const char *)end < lx->lim && (*end & 0xC0) == 0x80) end++;
  char bytes[24];
  int n = 0;
  for (const unsigned char *p = at; p < end; p++) n += snprintf(bytes + n, sizeof bytes - (size_t)n, " 0x%02X", *p);
  dg_add(lx->diags, DG_ERROR, "lex", lx->file, off_of(lx, at), (uint32_t)(end - at),
         end - at > 1 ? _("invalid UTF-8 sequence%s") : _("invalid UTF-8 byte%s"), bytes);
  return end;
}

/* ---- Vietnamese keywords ----
 * A keyword's words are read as a key in which every way of writing it
 * agrees: each letter is its base letter and its marks in a fixed order
 * (â "a^", ă "a(", ơ "o+", đ "d-"), whatever the composition, and the tone
 * of a word goes at its end ("hóa" and "hoá" are both "hoa1"; NFD puts the
 * marks in another order than the half-composed "ê" + tone of Windows'
 * Vietnamese keyboard, which the key ignores too). A word with a capital,
 * two tones or a mark Vietnamese does not use gives no key. */
enum { VI_MAX_WORDS = 4, VI_KEY = 64 };

static const struct { const char *words; int type; } vi_keywords[] = {
  { "viết tắt", TK_ABBREV },       { "gồm các cấp", TK_ADDRESSES }, { "kể từ", TK_AFTER },
  { "tên khác", TK_ALIAS },        { "tức là", TK_AS },             { "căn cứ", TK_BASIS },
  { "cơ quan", TK_BODY },          { "chủ trì", TK_BY },            { "đến năm", TK_BY },
  { "đã hủy", TK_CANCELLED },      { "triển khai", TK_CASCADE },    { "cấp trên", TK_COUNTERPART },
  { "ngày", TK_DATE },             { "văn bản", TK_DOC },           { "đã hoàn thành", TK_DONE },
  { "thời hạn", TK_DUE },          { "mã kiểm tra", TK_FINGERPRINT }, { "chú thích", TK_FOOTNOTE },
  { "đối với", TK_FOR },           { "chuyển", TK_FORWARD },        { "số hiệu", TK_ID },
  { "cụ thể hóa", TK_IMPLEMENTS }, { "thực hiện", TK_IMPLEMENTS },  { "kèm theo", TK_INCLUDE },
  { "đã ban hành", TK_ISSUED },    { "cơ quan ban hành", TK_ISSUER }, { "loại văn bản", TK_KIND },
  { "cấp", TK_LEVEL },             { "chỉ số", TK_MEASURE },        { "tháng", TK_MONTH },
  { "ghi chú", TK_NOTE },          { "phụ trách", TK_OWNER },       { "tệp", TK_PATH },
  { "mỗi", TK_PER },               { "địa danh", TK_PLACE },        { "kế hoạch", TK_PLAN },
  { "chương trình", TK_PLAN },     { "tiến độ", TK_PROGRESS },      { "quý", TK_QUARTER },
  { "lý do", TK_REASON },          { "lí do", TK_REASON },          { "đổi chủ trì", TK_REASSIGNED },
  { "nơi nhận", TK_RECIPIENT },    { "đã báo cáo", TK_REPORTED },   { "báo cáo", TK_REPORTS },
  { "chức vụ", TK_ROLE },          { "mục", TK_SECTION },           { "người ký", TK_SIGNER },
  { "đã bắt đầu", TK_STARTED },    { "chỉ tiêu", TK_TARGET },       { "nhiệm vụ", TK_TASK },
  { "nhiệm kỳ", TK_TERM },         { "đoạn văn", TK_TEXT },         { "trích yếu", TK_TITLE },
  { "đến", TK_TO },                { "kích hoạt", TK_TRIGGERS },    { "không có văn bản", TK_UNAVAILABLE },
  { "không rõ", TK_UNKNOWN },      { "đến ngày", TK_UNTIL },        { "dùng", TK_USE },
  { "thông qua", TK_VIA },         { "miễn", TK_WAIVE },            { "phối hợp", TK_WITH },
  { "năm", TK_YEAR },              { "trung ương", TK_CENTRAL },    { "tỉnh", TK_PROVINCE },
  { "huyện", TK_DISTRICT },        { "cơ sở", TK_GRASSROOTS },      { "có ở cấp", TK_EXISTS },
  { "cơ cấu", TK_STRUCTURE },      { "các cấp", TK_LEVELS },        { "từ ngày", TK_FROM },
  { "kế nhiệm", TK_SUCCEEDS },      { "chỉ ở cấp", TK_SCOPE },
};
enum { VI_KEYWORDS = sizeof vi_keywords / sizeof vi_keywords[0] };

static struct { char key[VI_KEY]; unsigned char n; } vi_keys[VI_KEYWORDS];

/* The key of the word at p (before lim) appended at key[*n]; returns the
 * end of the word (p when there is none: no letter at p). *bad is set
 * when the word gives no key. With `base`, the key has the base letters
 * only, in lower case (what a keyword is compared by to suggest it). */
static const unsigned char *word_key(const unsigned char *p, const unsigned char *lim, char *key, size_t *n, int *bad, int base) {
  char tone = 0;
  for (;;) {
    int32_t cp = 0;
    size_t len = p < lim ? (*p < 0x80 ? (cp = *p, 1) : tx_decode(p, (size_t)(lim - p), &cp)) : 0;
    if (!len) break;
    utf8proc_int32_t d[4];
    int boundclass = 0;
    utf8proc_ssize_t nd = utf8proc_decompose_char(cp, d, 4, UTF8PROC_DECOMPOSE, &boundclass);
    if (nd < 1 || nd > 4) break;
    int32_t b0 = d[0];
    int letter = (b0 >= 'a' && b0 <= 'z') || (b0 >= 'A' && b0 <= 'Z') || b0 == 0x111 || b0 == 0x110;
    if (!letter && !(b0 >= 0x300 && b0 <= 0x36F)) break;
    for (utf8proc_ssize_t i = 0; i < nd; i++) {
      int32_t c = d[i];
      char k = 0;
      if (base) {
        k = c >= 'a' && c <= 'z' ? (char)c : c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c == 0x111 || c == 0x110 ? 'd' : 0;
        if (k && *n < VI_KEY) key[(*n)++] = k;
        continue;
      }
      switch (c) {
      case 0x301: case 0x300: case 0x309: case 0x303: case 0x323:
        if (tone) *bad = 1;
        tone = c == 0x301 ? '1' : c == 0x300 ? '2' : c == 0x309 ? '3' : c == 0x303 ? '4' : '5';
        continue;
      case 0x302: k = '^'; break;
      case 0x306: k = '('; break;
      case 0x31B: k = '+'; break;
      case 0x111: case 0x110:
        if (c == 0x110) *bad = 1;
        if (*n < VI_KEY) key[(*n)++] = 'd';
        k = '-';
        break;
      default:
        if (c >= 'a' && c <= 'z') k = (char)c;
        else if (c >= 'A' && c <= 'Z') { *bad = 1; k = (char)(c - 'A' + 'a'); }
        else *bad = 1;
      }
      if (k && *n < VI_KEY) key[(*n)++] = k;
    }
    p += len;
  }
  if (tone && !base && *n < VI_KEY) key[(*n)++] = tone;
  if (*n >= VI_KEY) *bad = 1;
  return p;
}

static int blank(unsigned char c) { return c == ' ' || c == '\t'; }

static void build_vi_keys(void) {
  for (int i = 0; i < VI_KEYWORDS; i++) {
    const unsigned char *p = (const unsigned char *)vi_keywords[i].words, *lim = p + strlen((const char *)p);
    size_t n = 0;
    int bad = 0;
    for (;;) {
      p = word_key(p, lim, vi_keys[i].key, &n, &bad, 0);
      if (p == lim) break;
      while (blank(*p)) p++;
      vi_keys[i].key[n++] = ' ';
    }
    vi_keys[i].n = (unsigned char)n;
  }
}

static int vi_lookup(const char *key, size_t n) {
  for (int i = 0; i < VI_KEYWORDS; i++)
    if (vi_keys[i].n == n && memcmp(vi_keys[i].key, key, n) == 0) return vi_keywords[i].type;
  return 0;
}

/* The Vietnamese keyword at start, the longest of one to four words (with
 * blanks between): its token type, with *end after it; else 0, with
 * *first after the first word (start when there is none). */
static int vi_match(const unsigned char *start, const unsigned char *lim, const unsigned char **end,
                    const unsigned char **first) {
  if (!vi_keys[0].n) build_vi_keys();
  const unsigned char *p = start;
  char key[VI_KEY];
  size_t n = 0;
  int type = 0;
  *first = start;
  for (int w = 0; w < VI_MAX_WORDS; w++) {
    const unsigned char *q = p;
    if (w > 0) {
      while (blank(*q)) q++;
      if (q == p) break;
      if (n < VI_KEY) key[n++] = ' ';
    }
    int bad = 0;
    const unsigned char *e = word_key(q, lim, key, &n, &bad, 0);
    if (e == q) break;
    if (w == 0) *first = e;
    if (bad) break;
    int t = vi_lookup(key, n);
    if (t) { type = t; *end = e; }
    p = e;
  }
  return type;
}

/* The base key (letters without marks, lower case) of the words from p
 * to end into key; its length. */
static size_t base_key(const unsigned char *p, const unsigned char *end, char *key) {
  size_t n = 0;
  int bad = 0;
  for (;;) {
    const unsigned char *e = word_key(p, end, key, &n, &bad, 1);
    if (e == p) return n;
    p = e;
    while (p < end && blank(*p)) p++;
    if (p >= end || n >= VI_KEY - 1) return n;
    key[n++] = ' ';
  }
}

/* The keyword the words from start to end would be with other marks or
 * another case ("Kế hoạch", "chủ trí"): its index, or -1. */
static int vi_suggest(const unsigned char *start, const unsigned char *end) {
  char key[VI_KEY], kw[VI_KEY];
  size_t n = base_key(start, end, key);
  for (int i = 0; i < VI_KEYWORDS; i++) {
    const unsigned char *w = (const unsigned char *)vi_keywords[i].words;
    if (base_key(w, w + strlen((const char *)w), kw) == n && memcmp(kw, key, n) == 0) return i;
  }
  return -1;
}

static int has_vletter(const unsigned char *p, const unsigned char *end) {
  for (; p < end; p++)
    if (*p >= 0x80) return 1;
  return 0;
}

/* vi_match for the lexer: the keyword's type, with *end after it; when
 * there is none, 0 with *end after the first word and any such words
 * after it, which are reported (with the keyword they would be with other
 * marks or case, whose type is then returned: "Chủ trì"); -2
 * when that word is plain ASCII (`trung` is then an identifier); -1 when
 * no letter is at start. */
static int vi_word(lx_lexer *lx, const unsigned char *start, const unsigned char **end) {
  const unsigned char *first;
  int type = vi_match(start, (const unsigned char *)lx->lim, end, &first);
  if (type) return type;
  if (first == start) return -1;
  *end = first;
  if (!has_vletter(start, *end)) return -2;
  /* The words with Vietnamese letters that follow, up to a keyword, are
   * one error with it ("hạn chót"), not one each. */
  for (;;) {
    const unsigned char *q = *end, *e, *f;
    while (blank(*q)) q++;
    if (q == *end || vi_match(q, (const unsigned char *)lx->lim, &e, &f) || f == q || !has_vletter(q, f)) break;
    *end = f;
  }
  /* A level's name ("xã", "đặc khu"), which the data declares: an
   * identifier the parser resolves. */
  size_t word = lx->level_word ? lx->level_word(lx->word_ctx, (const char *)start, lx->lim) : 0;
  if (word) {
    *end = start + word;
    return -2;
  }
  int like = vi_suggest(start, *end);
  if (like >= 0) {
    /* Read as the keyword it was meant to be: one error, no cascade. */
    dg_add(lx->diags, DG_ERROR, "lex", lx->file, off_of(lx, start), (uint32_t)(*end - start),
           _("'%.*s' is not a keyword: did you mean '%s'?"), (int)(*end - start), (const char *)start,
           vi_keywords[like].words);
    return vi_keywords[like].type;
  }
  dg_add(lx->diags, DG_ERROR, "lex", lx->file, off_of(lx, start), (uint32_t)(*end - start),
         _("'%.*s' is not a keyword (text goes in quotes)"), (int)(*end - start), (const char *)start);
  return 0;
}

/* Whether what follows p on its line reads as the plan language rather
 * than as more text: nothing, punctuation that follows a string, a
 * lower-case ASCII word (a keyword or an identifier) or a Vietnamese
 * keyword. After a quotation in straight quotes whose string has no
 * closing quote, it says whether the string ended at the last quote (and
 * an attribute follows) or runs on to the end of the line. */
static int rest_is_code(const unsigned char *p, const unsigned char *lim) {
  while (blank(*p)) p++;
  if (!*p || *p == '\n' || *p == '\r' || *p == '{' || *p == '}' || *p == ',' || *p == '#') return 1;
  if (*p >= 'a' && *p <= 'z') {
    const unsigned char *q = p;
    while ((*q >= 'a' && *q <= 'z') || *q == '_' || (*q >= '0' && *q <= '9')) q++;
    if (*q < 0x80) return 1;
  }
  const unsigned char *end, *first;
  return vi_match(p, lim, &end, &first) > 0;
}

static void scan_comment(lx_lexer *lx);

/* What a byte can start in the plain text of a string (lx_skip_plain_bytes). */
enum { PL_STOP, PL_ASCII, PL_TWO, PL_THREE, PL_E0, PL_ED };

static unsigned char plain_class[256];

static void build_plain_class(void) {
  for (unsigned c = 0x20; c < 0x7F; c++) plain_class[c] = PL_ASCII;
  plain_class['"'] = plain_class['\\'] = PL_STOP;
  for (unsigned c = 0xC2; c <= 0xDF; c++) plain_class[c] = PL_TWO;
  for (unsigned c = 0xE1; c <= 0xEF; c++) plain_class[c] = PL_THREE;
  plain_class[0xE0] = PL_E0;      /* A0..BF follows: no overlongs */
  plain_class[0xED] = PL_ED;      /* 80..9F follows: no surrogates */
}

/* Skips the plain text of a string: printable ASCII other than '"' and
 * '\\', and well-formed two- and three-byte UTF-8 (all of Vietnamese).
 * Most of a plan's bytes are such text; this loop takes them several
 * times faster than the DFA, which still decides everything else (quotes,
 * escapes, four-byte characters and every error). A table says what each
 * byte starts, so a run of ASCII costs a load and a test a byte. It never
 * reads past the NUL sentinel after the text: a NUL stops it, and each
 * byte it inspects is checked before the next is read. */
const unsigned char *lx_skip_plain_bytes(const unsigned char *p) {
  if (!plain_class['a']) build_plain_class();
  for (;;) {
    /* Four bytes a round: the loop's own test and step are then paid
     * once for four bytes. Each byte is read only after the one before
     * it was found to be text, so none past the NUL is read. */
    while (plain_class[p[0]] == PL_ASCII) {
      if (plain_class[p[1]] != PL_ASCII) { p += 1; break; }
      if (plain_class[p[2]] != PL_ASCII) { p += 2; break; }
      if (plain_class[p[3]] != PL_ASCII) { p += 3; break; }
      p += 4;
    }
    /* The letters with diacritics, commonest first, before the switch. */
    unsigned char c = plain_class[p[0]];
    if (c == PL_THREE && (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80) { p += 3; continue; }
    if (c == PL_TWO && (p[1] & 0xC0) == 0x80) { p += 2; continue; }
    switch (c) {
    case PL_TWO:
      if ((p[1] & 0xC0) != 0x80) return p;
      p += 2;
      continue;
    case PL_THREE:
      if ((p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80) return p;
      break;
    case PL_E0:
      if (p[1] < 0xA0 || p[1] > 0xBF || (p[2] & 0xC0) != 0x80) return p;
      break;
    case PL_ED:
      if (p[1] < 0x80 || p[1] > 0x9F || (p[2] & 0xC0) != 0x80) return p;
      break;
    default:
      return p;
    }
    p += 3;
  }
}


#if defined(__SSE2__)
#include <emmintrin.h>

/* How many of the sixteen bytes at p the scan of plain text may take at
 * once: 16, or 14 or 15 when the last character runs on past them. When
 * they hold anything else (a quote, a control character, a four-byte
 * character, a bad sequence), the whole characters before it, with
 * *stop_at set: lx_skip_plain_bytes looks at what comes next. Every byte
 * is classified at once by comparing it, less 0x80, as a signed byte:
 * SSE2 has only signed comparisons. The block starts on a character: a
 * continuation byte first is an error, as it must be. */
static int plain_block(const unsigned char *p, int *stop_at) {
  const __m128i b = _mm_loadu_si128((const __m128i *)p);
  const __m128i v = _mm_xor_si128(b, _mm_set1_epi8((char)0x80));   /* 0x00 -> -128, 0x80 -> 0 */
#define BELOW(n) _mm_cmplt_epi8(v, _mm_set1_epi8((char)((n) - 0x80)))
#define FROM(n) _mm_cmpgt_epi8(v, _mm_set1_epi8((char)((n) - 0x81)))
#define IS(n) _mm_cmpeq_epi8(b, _mm_set1_epi8((char)(n)))
  __m128i cont = _mm_and_si128(FROM(0x80), BELOW(0xC0));
  __m128i lead3 = _mm_and_si128(FROM(0xE0), BELOW(0xF0));
  __m128i lead = _mm_or_si128(_mm_and_si128(FROM(0xC2), BELOW(0xE0)), lead3);
  /* What stops plain text: control characters, DEL, '"', '\\', and the
   * bytes no character here starts with (C0, C1, four-byte leads). */
  __m128i stop = _mm_or_si128(_mm_or_si128(BELOW(0x20), IS(0x7F)), _mm_or_si128(IS('"'), IS('\\')));
  stop = _mm_or_si128(stop, _mm_or_si128(_mm_and_si128(FROM(0xC0), BELOW(0xC2)), FROM(0xF0)));
  /* A continuation byte exactly where a lead byte one or two back calls
   * for one; after E0 not below A0 (overlong), after ED not from A0 on
   * (surrogates). */
  __m128i wanted = _mm_or_si128(_mm_slli_si128(lead, 1), _mm_slli_si128(lead3, 2));
  __m128i bad = _mm_xor_si128(wanted, cont);
  bad = _mm_or_si128(bad, _mm_and_si128(_mm_slli_si128(IS(0xE0), 1), BELOW(0xA0)));
  bad = _mm_or_si128(bad, _mm_and_si128(_mm_slli_si128(IS(0xED), 1), FROM(0xA0)));
#undef BELOW
#undef FROM
#undef IS
  *stop_at = _mm_movemask_epi8(_mm_or_si128(stop, bad));
  if (*stop_at) return (int)tx_whole_before(p, (size_t)__builtin_ctz((unsigned)*stop_at));
  /* A character that begins in the last two bytes and needs more: its
   * continuation bytes, beyond the block, were not checked. */
  int leads = _mm_movemask_epi8(lead), threes = _mm_movemask_epi8(lead3);
  return leads & 0x8000 ? 15 : threes & 0x4000 ? 14 : 16;
}
#endif

/* lx_skip_plain_bytes, sixteen bytes at a time while lim is that far:
 * Vietnamese has a letter with a diacritic every few bytes, and the
 * byte-at-a-time loop pays for each switch between the two kinds. */
const unsigned char *lx_skip_plain(const unsigned char *p, const unsigned char *lim) {
#if defined(__SSE2__)
  while (lim - p >= 16) {
    int stop, n = plain_block(p, &stop);
    p += n;
    if (stop) break;
  }
#else
  (void)lim;
#endif
  return lx_skip_plain_bytes(p);
}

/* Whether a letter or a digit starts at p: after a straight quote, it
 * shows the quote opens a quotation inside the string (`"... "Nghị quyết"
 * ..."`) rather than ends it, since a string is followed by a blank or
 * punctuation. */
static int word_at(const unsigned char *p, const unsigned char *lim) {
  /* A table, since every string's closing quote asks: the usual blank
   * after it costs a load and a test. */
  static unsigned char starts_word[256];
  if (!starts_word['a']) {
    for (unsigned c = 0; c < 256; c++)
      starts_word[c] = (unsigned char)((c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ? 1 : c >= 0xC3 ? 2 : 0);
  }
  if (starts_word[*p] != 2) return starts_word[*p];
  int32_t cp = 0;
  if (!tx_decode(p, (size_t)(lim - p), &cp)) return 0;
  return (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7) || (cp >= 0x1E00 && cp <= 0x1EFF);
}

/* Whether the line from p closes a string left open at the end of the
 * line before: for "…", an odd number of quotes (escapes aside); for “…”,
 * the ” that brings `depth` to 0. Only then is the line break taken to be
 * inside the string (a paragraph broken in two when pasted), not a
 * missing quote. */
static int next_line_closes(const unsigned char *p, int curly, int depth) {
  int quotes = 0;
  for (; *p && *p != '\n'; p++) {
    if (curly) {
      if (p[0] == 0xE2 && p[1] == 0x80 && p[2] == 0x9C) depth++;
      else if (p[0] == 0xE2 && p[1] == 0x80 && p[2] == 0x9D && --depth == 0) return 1;
    } else if (*p == '\\' && p[1] && p[1] != '\n') {
      p++;
    } else if (*p == '"') {
      quotes++;
    }
  }
  return !curly && quotes % 2;
}

/* The errors of strings, out here where xgettext sees them (it takes the
 * re2c blocks for comments). */
static void inner_quote_error(lx_lexer *lx, const unsigned char *at) {
  lex_error(lx, at, 1, _("a straight quote inside a string: write \\\" for it, or use “ ” around the string"));
}

static void unknown_escape_error(lx_lexer *lx, const unsigned char *at, const unsigned char *end) {
  lex_error(lx, at, (uint32_t)(end - at), _("unknown escape in string (only \\\" and \\\\ exist)"));
}

static void cr_error(lx_lexer *lx, const unsigned char *at) {
  lex_error(lx, at, 1, _("carriage return in string (a line break ends a string)"));
}

static void unterminated_error(lx_lexer *lx, const unsigned char *open, uint32_t quote, int at_eof) {
  lex_error(lx, open, quote, at_eof ? _("unterminated string at end of file") : _("unterminated string (strings end on the same line)"));
}

static void line_break_error(lx_lexer *lx, const unsigned char *at) {
  lex_error(lx, at, 1, _("line break inside a string: end the string on this line, or join the two lines (a paragraph is one string)"));
}

/* Scans the rest of a string after its opening quote; returns 1 when the
 * closing quote was found. Notes in `tok` whether an escape was seen, so
 * that the parser need not search each string for one. A quote followed
 * by a letter opens a quotation inside the string, reported once, and the
 * next quote closes it; should the line end first, the string ends at the
 * last quote seen or at the end of the line (rest_is_code). A line break followed by a line that closes the string
 * is reported and the string goes on (once). */
#if defined(__GNUC__)
__attribute__((always_inline))
#endif
static inline int scan_string(lx_lexer *lx, const unsigned char *open, lx_token *tok) {
  const unsigned char *YYCURSOR = (const unsigned char *)lx->cur, *YYMARKER;
  const unsigned char *YYLIMIT = (const unsigned char *)lx->lim;
  const unsigned char *last_quote = NULL;   /* after an inner quote */
  int inner = 0, broken = 0;
  for (;;) {
    YYCURSOR = lx_skip_plain(YYCURSOR, YYLIMIT);
    const unsigned char *start = YYCURSOR;
    /*!re2c
      schar+ { continue; }
      "\\" ["\\] { tok->escaped = 1; continue; }
      "\"" {
        if (inner) {
          inner = 0;
        } else if (word_at(YYCURSOR, YYLIMIT)) {
          if (!last_quote)
            inner_quote_error(lx, start);
          inner = 1;
        } else {
          lx->cur = (const char *)YYCURSOR;
          return 1;
        }
        last_quote = YYCURSOR;
        continue;
      }
      "\\" cp | "\\" {
        unknown_escape_error(lx, start, YYCURSOR);
        continue;
      }
      "\r" {
        cr_error(lx, start);
        continue;
      }
      nl {
        if (last_quote) {
          /* The quotation's error was given: end at the last quote, or
           * run on to the end of the line, whichever reads right. */
          if (!rest_is_code(last_quote, YYLIMIT)) {
            lx->cur = (const char *)start;
            return 0;
          }
          lx->cur = (const char *)last_quote;
          return 1;
        }
        if (!broken && next_line_closes(YYCURSOR, 0, 0)) {
          line_break_error(lx, start);
          broken = 1;
          continue;
        }
        unterminated_error(lx, open, 1, 0);
        lx->cur = (const char *)start;
        return 0;
      }
      $ {
        if (last_quote) {
          if (!rest_is_code(last_quote, YYLIMIT)) {
            lx->cur = (const char *)start;
            return 0;
          }
          lx->cur = (const char *)last_quote;
          return 1;
        }
        unterminated_error(lx, open, 1, 1);
        lx->cur = (const char *)start;
        return 0;
      }
      "\x00" {
        bad_byte(lx, start);
        tok->nul = 1;
        continue;
      }
      * {
        YYCURSOR = bad_sequence(lx, start);
        continue;
      }
    */
  }
}

/* The end of a string in “ ” that the line (or the file) ended before it
 * was closed at `at`. */
static int curly_end(lx_lexer *lx, const unsigned char *open, const unsigned char *at, const unsigned char *last_close) {
  if (last_close) {
    lex_error(lx, open, 3, _("unterminated string: its “ and ” are not paired (it is taken to end at the last ”)"));
    lx->cur = (const char *)last_close;
    return 1;
  }
  unterminated_error(lx, open, 3, !*at);
  lx->cur = (const char *)at;
  return 0;
}

/* Scans the rest of a string in “ ” after its opening quote, as Word
 * writes it: the “ ” inside it pair up, and a straight quote or a
 * backslash is text. Should the line end with the quotes unpaired, the
 * string ends at the last ” (one error). */
static int scan_curly(lx_lexer *lx, const unsigned char *open, lx_token *tok) {
  const unsigned char *YYCURSOR = (const unsigned char *)lx->cur, *YYMARKER;
  const unsigned char *YYLIMIT = (const unsigned char *)lx->lim;
  const unsigned char *last_close = NULL;
  int depth = 1, broken = 0;
  for (;;) {
    const unsigned char *start = YYCURSOR;
    /*!re2c
      cchar+ { continue; }
      "\u201C" { depth++; continue; }
      "\u201D" {
        if (--depth == 0) {
          lx->cur = (const char *)YYCURSOR;
          return 1;
        }
        last_close = YYCURSOR;
        continue;
      }
      "\r" {
        cr_error(lx, start);
        continue;
      }
      nl {
        if (!broken && next_line_closes(YYCURSOR, 1, depth)) {
          line_break_error(lx, start);
          broken = 1;
          continue;
        }
        return curly_end(lx, open, start, last_close);
      }
      $ { return curly_end(lx, open, start, last_close); }
      "\x00" {
        bad_byte(lx, start);
        tok->nul = 1;
        continue;
      }
      * {
        YYCURSOR = bad_sequence(lx, start);
        continue;
      }
    */
  }
}

/* Skips a comment after its '#': it runs to the end of the line whatever it
 * holds, but bytes that are not UTF-8 are still reported. */
static void scan_comment(lx_lexer *lx) {
  const unsigned char *YYCURSOR = (const unsigned char *)lx->cur, *YYMARKER;
  const unsigned char *YYLIMIT = (const unsigned char *)lx->lim;
  for (;;) {
    const unsigned char *start = YYCURSOR;
    /*!re2c
      (cp | "\r")+ { continue; }
      "\n" { lx->cur = (const char *)start; return; }
      $ { lx->cur = (const char *)start; return; }
      "\x00" { bad_byte(lx, start); continue; }
      * { YYCURSOR = bad_sequence(lx, start); continue; }
    */
  }
}

/* Names a character that cannot start a token. Invisible ones (control
 * characters, a byte-order mark in mid-file, format characters) are shown by
 * code point, since quoting them would show nothing. */
static void unexpected_char(lx_lexer *lx, const unsigned char *start, const unsigned char *end) {
  int32_t cp = 0;
  tx_decode(start, (size_t)(end - start), &cp);
  uint32_t off = off_of(lx, start), len = (uint32_t)(end - start);
  if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || cp == 0xFEFF || (cp >= 0x200B && cp <= 0x200F) ||
      (cp >= 0x2028 && cp <= 0x202E) || cp == 0x2060)
    dg_add(lx->diags, DG_ERROR, "lex", lx->file, off, len,
           cp == 0xFEFF ? _("unexpected character U+%04X (a byte-order mark, allowed only at the start of a file)")
                        : _("unexpected character U+%04X"), (unsigned)cp);
  else if (cp < 0x80)
    dg_add(lx->diags, DG_ERROR, "lex", lx->file, off, len, _("unexpected character '%c'"), (char)cp);
  else
    dg_add(lx->diags, DG_ERROR, "lex", lx->file, off, len, _("unexpected character '%.*s' (U+%04X)"), (int)len,
           (const char *)start, (unsigned)cp);
}

/* A string token from its opening quote at `start`; returns its end.
 * Inlined with scan_string into lx_next, as they were before they grew:
 * a call per string costs its prologue and epilogue, several per cent of
 * lexing a plan. */
#if defined(__GNUC__)
__attribute__((always_inline))
#endif
static inline const unsigned char *string_token(lx_lexer *lx, lx_token *tok, const unsigned char *start) {
  lx->cur = (const char *)start + 1;
  tok->quote = 1;
  tok->unterminated = !scan_string(lx, start, tok);
  return (const unsigned char *)lx->cur;
}

static const unsigned char *curly_token(lx_lexer *lx, lx_token *tok, const unsigned char *start) {
  lx->cur = (const char *)start + 3;
  tok->quote = 3;
  tok->unterminated = !scan_curly(lx, start, tok);
  return (const unsigned char *)lx->cur;
}

/* A date written 20/3/2023 (or 20.3.2023, 20-3-2023, 2023/3/20): one
 * error that gives it in ISO, and a date token the parser takes as
 * already reported. */
static void dmy_error(lx_lexer *lx, const unsigned char *start, const unsigned char *end) {
  unsigned v[3] = { 0, 0, 0 };
  int i = 0;
  for (const unsigned char *p = start; p < end; p++) {
    if (*p >= '0' && *p <= '9') v[i] = v[i] * 10 + (unsigned)(*p - '0');
    else i++;
  }
  if (v[0] < 1000) { unsigned d = v[0]; v[0] = v[2]; v[2] = d; }   /* day first: year last */
  char iso[32];
  snprintf(iso, sizeof iso, "%04u-%02u-%02u", v[0] % 10000, v[1] % 100, v[2] % 100);
  dg_add(lx->diags, DG_ERROR, "lex", lx->file, off_of(lx, start), (uint32_t)(end - start),
         _("write the date as %s (year-month-day)"), iso);
}

int lx_next(lx_lexer *lx, lx_token *tok) {
  const unsigned char *YYCURSOR = (const unsigned char *)lx->cur, *YYMARKER;
  const unsigned char *YYLIMIT = (const unsigned char *)lx->lim;
  for (;;) {
    /* Blanks and line breaks before a token, and a string, the commonest
     * token, are taken before the DFA: its first step is a branchy
     * switch over every byte that can start a token, which cost more than
     * the loop it spared for the blanks of indentation. The NUL at the
     * end stops the loop. */
    while (*YYCURSOR == ' ' || *YYCURSOR == '\n') YYCURSOR++;
    const unsigned char *start = YYCURSOR;
    int type;
    tok->unterminated = tok->escaped = tok->nul = 0;
#define TOKEN(t) do { type = (t); goto done; } while (0)
    if (*start == '"') {
      YYCURSOR = string_token(lx, tok, start);
      TOKEN(TK_STRING);
    }
    /*!re2c
      $ { tok->type = 0; tok->off = off_of(lx, start); tok->len = 0; lx->cur = (const char *)start; return 0; }
      (ws | nl)+ { continue; }
      "#" { lx->cur = (const char *)YYCURSOR; scan_comment(lx); YYCURSOR = (const unsigned char *)lx->cur; continue; }

      "abbrev"      { TOKEN(TK_ABBREV); }
      "addresses"   { TOKEN(TK_ADDRESSES); }
      "after"       { TOKEN(TK_AFTER); }
      "alias"       { TOKEN(TK_ALIAS); }
      "as"          { TOKEN(TK_AS); }
      "basis"       { TOKEN(TK_BASIS); }
      "body"        { TOKEN(TK_BODY); }
      "by"          { TOKEN(TK_BY); }
      "cancelled"   { TOKEN(TK_CANCELLED); }
      "cascade"     { TOKEN(TK_CASCADE); }
      "counterpart" { TOKEN(TK_COUNTERPART); }
      "date"        { TOKEN(TK_DATE); }
      "doc"         { TOKEN(TK_DOC); }
      "done"        { TOKEN(TK_DONE); }
      "due"         { TOKEN(TK_DUE); }
      "exists"      { TOKEN(TK_EXISTS); }
      "fingerprint" { TOKEN(TK_FINGERPRINT); }
      "footnote"    { TOKEN(TK_FOOTNOTE); }
      "for"         { TOKEN(TK_FOR); }
      "forward"     { TOKEN(TK_FORWARD); }
      "id"          { TOKEN(TK_ID); }
      "implements"  { TOKEN(TK_IMPLEMENTS); }
      "include"     { TOKEN(TK_INCLUDE); }
      "issued"      { TOKEN(TK_ISSUED); }
      "issuer"      { TOKEN(TK_ISSUER); }
      "kind"        { TOKEN(TK_KIND); }
      "level"       { TOKEN(TK_LEVEL); }
      "measure"     { TOKEN(TK_MEASURE); }
      "month"       { TOKEN(TK_MONTH); }
      "note"        { TOKEN(TK_NOTE); }
      "owner"       { TOKEN(TK_OWNER); }
      "path"        { TOKEN(TK_PATH); }
      "per"         { TOKEN(TK_PER); }
      "place"       { TOKEN(TK_PLACE); }
      "plan"        { TOKEN(TK_PLAN); }
      "progress"    { TOKEN(TK_PROGRESS); }
      "quarter"     { TOKEN(TK_QUARTER); }
      "reason"      { TOKEN(TK_REASON); }
      "reassigned"  { TOKEN(TK_REASSIGNED); }
      "recipient"   { TOKEN(TK_RECIPIENT); }
      "reported"    { TOKEN(TK_REPORTED); }
      "reports"     { TOKEN(TK_REPORTS); }
      "role"        { TOKEN(TK_ROLE); }
      "section"     { TOKEN(TK_SECTION); }
      "signer"      { TOKEN(TK_SIGNER); }
      "started"     { TOKEN(TK_STARTED); }
      "target"      { TOKEN(TK_TARGET); }
      "task"        { TOKEN(TK_TASK); }
      "term"        { TOKEN(TK_TERM); }
      "text"        { TOKEN(TK_TEXT); }
      "title"       { TOKEN(TK_TITLE); }
      "to"          { TOKEN(TK_TO); }
      "triggers"    { TOKEN(TK_TRIGGERS); }
      "unavailable" { TOKEN(TK_UNAVAILABLE); }
      "unknown"     { TOKEN(TK_UNKNOWN); }
      "until"       { TOKEN(TK_UNTIL); }
      "use"         { TOKEN(TK_USE); }
      "via"         { TOKEN(TK_VIA); }
      "waive"       { TOKEN(TK_WAIVE); }
      "with"        { TOKEN(TK_WITH); }
      "year"        { TOKEN(TK_YEAR); }
      "central"     { TOKEN(TK_CENTRAL); }
      "province"    { TOKEN(TK_PROVINCE); }
      "district"    { TOKEN(TK_DISTRICT); }
      "grassroots"  { TOKEN(TK_GRASSROOTS); }
      "structure"   { TOKEN(TK_STRUCTURE); }
      "levels"      { TOKEN(TK_LEVELS); }
      "from"        { TOKEN(TK_FROM); }
      "succeeds"    { TOKEN(TK_SUCCEEDS); }
      "scope"       { TOKEN(TK_SCOPE); }

      /* A word with a Vietnamese letter; "trung ương" and "ghi chú" begin
       * with a word that would otherwise be an identifier. */
      [a-zA-Z]* vletter | ("trung" | "ghi") [ \t]+ [a-z]* vletter {
        const unsigned char *end;
        int t = vi_word(lx, start, &end);
        if (t == -1) { unexpected_char(lx, start, YYCURSOR); continue; }
        YYCURSOR = end;
        if (t > 0) TOKEN(t);
        if (t == -2) TOKEN(TK_IDENT);   /* trung, ghi */
        continue;
      }
      "\u201C" { YYCURSOR = curly_token(lx, tok, start); TOKEN(TK_STRING); }
      dmy { dmy_error(lx, start, YYCURSOR); tok->reported = 1; TOKEN(TK_DATEVAL); }

      ident  { TOKEN(TK_IDENT); }
      roman | arabic | letter { TOKEN(TK_LABEL); }
      "-"    { TOKEN(TK_DASH); }
      "+"    { TOKEN(TK_PLUS); }
      date   { tok->reported = 0; TOKEN(TK_DATEVAL); }
      number { TOKEN(TK_NUMBER); }
      "{"    { TOKEN(TK_LBRACE); }
      "}"    { TOKEN(TK_RBRACE); }
      ","    { TOKEN(TK_COMMA); }
      "%"    { TOKEN(TK_PERCENT); }
      ">="   { TOKEN(TK_GE); }
      ">"    { TOKEN(TK_GT); }
      "<="   { TOKEN(TK_LE); }
      "<"    { TOKEN(TK_LT); }
      "="    { TOKEN(TK_EQ); }
      "\"" { YYCURSOR = string_token(lx, tok, start); TOKEN(TK_STRING); }
      "\x00" { bad_byte(lx, start); continue; }
      cp { unexpected_char(lx, start, YYCURSOR); continue; }
      * { YYCURSOR = bad_sequence(lx, start); continue; }
    */
done:
    tok->type = type;
    tok->off = off_of(lx, start);
    tok->len = (uint32_t)(YYCURSOR - start);
    lx->cur = (const char *)YYCURSOR;
    return type;
#undef TOKEN
  }
}

int lx_names_plan(const char *s, size_t n) {
  const unsigned char *p = (const unsigned char *)s, *end = NULL, *first;
  return vi_match(p, p + n, &end, &first) == TK_PLAN && end == p + n;
}

const char *lx_token_name(int type) {
  switch (type) {
  case 0: return _("end of file");
  case TK_IDENT: return _("identifier");
  case TK_STRING: return _("string");
  case TK_LABEL: return _("label");
  case TK_DASH: return "'-'";
  case TK_PLUS: return "'+'";
  case TK_DATEVAL: return _("date");
  case TK_NUMBER: return _("number");
  case TK_LBRACE: return "'{'";
  case TK_RBRACE: return "'}'";
  case TK_COMMA: return "','";
  case TK_PERCENT: return "'%'";
  case TK_GE: return "'>='";
  case TK_GT: return "'>'";
  case TK_LE: return "'<='";
  case TK_LT: return "'<'";
  case TK_EQ: return "'='";
  default: return _("keyword");
  }
}
