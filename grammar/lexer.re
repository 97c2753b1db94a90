/* lexer.re: the tokens of the plan language (re2c, UTF-8 mode).
 *
 * The buffer ends in a NUL sentinel; a NUL before the end is an error, as
 * is any byte sequence that is not UTF-8 (re2c's UTF-8 classes accept only
 * well-formed, shortest-form sequences without surrogates). Strings are
 * scanned by a second block so that a bad escape, a bad byte or a missing
 * closing quote is reported at its own position. */
#include "lexer.h"

#include <string.h>

#include "gram.h"
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
*/

void lx_init(lx_lexer *lx, const char *data, size_t size, uint32_t file, dg_list *diags) {
  lx->base = data;
  lx->cur = data;
  lx->lim = data + size;
  lx->file = file;
  lx->diags = diags;
  if (size >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) lx->cur += 3;
}

static uint32_t off_of(const lx_lexer *lx, const unsigned char *p) {
  return (uint32_t)((const char *)p - lx->base);
}

static void lex_error(lx_lexer *lx, const unsigned char *at, uint32_t len, const char *msg) {
  dg_add(lx->diags, DG_ERROR, "lex", lx->file, off_of(lx, at), len, "%s", msg);
}

static void bad_byte(lx_lexer *lx, const unsigned char *at) {
  char msg[64];
  if (*at == 0) snprintf(msg, sizeof msg, "NUL byte in input");
  else snprintf(msg, sizeof msg, "invalid UTF-8 byte 0x%02X", *at);
  lex_error(lx, at, 1, msg);
}

/* A byte that starts no valid UTF-8 sequence: reports it together with the
 * continuation bytes that follow it (one error per broken sequence) and
 * returns where lexing resumes. */
static const unsigned char *bad_sequence(lx_lexer *lx, const unsigned char *at) {
  const unsigned char *end = at + 1;
  while (end < at + 4 && (const char *)end < lx->lim && (*end & 0xC0) == 0x80) end++;
  char msg[96];
  int n = snprintf(msg, sizeof msg, "invalid UTF-8 %s", end - at > 1 ? "sequence" : "byte");
  for (const unsigned char *p = at; p < end; p++) n += snprintf(msg + n, sizeof msg - (size_t)n, " 0x%02X", *p);
  lex_error(lx, at, (uint32_t)(end - at), msg);
  return end;
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

/* Scans the rest of a string after its opening quote; returns 1 when the
 * closing quote was found. Notes in `tok` whether an escape was seen, so
 * that the parser need not search each string for one. */
static int scan_string(lx_lexer *lx, const unsigned char *open, lx_token *tok) {
  const unsigned char *YYCURSOR = (const unsigned char *)lx->cur, *YYMARKER;
  const unsigned char *YYLIMIT = (const unsigned char *)lx->lim;
  for (;;) {
    YYCURSOR = lx_skip_plain(YYCURSOR, YYLIMIT);
    const unsigned char *start = YYCURSOR;
    /*!re2c
      schar+ { continue; }
      "\\" ["\\] { tok->escaped = 1; continue; }
      "\"" { lx->cur = (const char *)YYCURSOR; return 1; }
      "\\" cp | "\\" {
        lex_error(lx, start, (uint32_t)(YYCURSOR - start), "unknown escape in string (only \\\" and \\\\ exist)");
        continue;
      }
      "\r" {
        lex_error(lx, start, 1, "carriage return in string (a line break ends a string)");
        continue;
      }
      nl {
        lex_error(lx, open, 1, "unterminated string (strings end on the same line)");
        lx->cur = (const char *)start;
        return 0;
      }
      $ {
        lex_error(lx, open, 1, "unterminated string at end of file");
        lx->cur = (const char *)start;
        return 0;
      }
      "\x00" {
        bad_byte(lx, start);
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
  char msg[96];
  if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || cp == 0xFEFF || (cp >= 0x200B && cp <= 0x200F) ||
      (cp >= 0x2028 && cp <= 0x202E) || cp == 0x2060)
    snprintf(msg, sizeof msg, "unexpected character U+%04X%s", (unsigned)cp,
             cp == 0xFEFF ? " (a byte-order mark, allowed only at the start of a file)" : "");
  else if (cp < 0x80)
    snprintf(msg, sizeof msg, "unexpected character '%c'", (char)cp);
  else
    snprintf(msg, sizeof msg, "unexpected character '%.*s' (U+%04X)", (int)(end - start), (const char *)start, (unsigned)cp);
  lex_error(lx, start, (uint32_t)(end - start), msg);
}

/* A string token from its opening quote at `start`; returns its end. */
static const unsigned char *string_token(lx_lexer *lx, lx_token *tok, const unsigned char *start) {
  lx->cur = (const char *)start + 1;
  tok->unterminated = !scan_string(lx, start, tok);
  return (const unsigned char *)lx->cur;
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
    tok->unterminated = tok->escaped = 0;
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

      ident  { TOKEN(TK_IDENT); }
      roman | arabic | letter { TOKEN(TK_LABEL); }
      "-"    { TOKEN(TK_DASH); }
      "+"    { TOKEN(TK_PLUS); }
      date   { TOKEN(TK_DATEVAL); }
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

const char *lx_token_name(int type) {
  switch (type) {
  case 0: return "end of file";
  case TK_IDENT: return "identifier";
  case TK_STRING: return "string";
  case TK_LABEL: return "label";
  case TK_DASH: return "'-'";
  case TK_PLUS: return "'+'";
  case TK_DATEVAL: return "date";
  case TK_NUMBER: return "number";
  case TK_LBRACE: return "'{'";
  case TK_RBRACE: return "'}'";
  case TK_COMMA: return "','";
  case TK_PERCENT: return "'%'";
  case TK_GE: return "'>='";
  case TK_GT: return "'>'";
  case TK_LE: return "'<='";
  case TK_LT: return "'<'";
  case TK_EQ: return "'='";
  default: return "keyword";
  }
}
