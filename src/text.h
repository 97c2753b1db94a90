/* text: UTF-8 and Unicode services for the layers above.
 *
 * Columns in diagnostics are counted in code points, and names are compared
 * after NFC normalisation and case folding (office documents arrive in NFC
 * or NFD), so both live here, on top of utf8proc. Layer: bottom; calls
 * arena, mem and utf8proc. */
#ifndef PLANCHECK_TEXT_H
#define PLANCHECK_TEXT_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"

/* Decodes one code point from s[0..n). Returns its length in bytes (1-4),
 * or 0 when the bytes there are not valid UTF-8 (the caller then treats one
 * byte as one column). */
int tx_decode(const unsigned char *s, size_t n, int32_t *cp);

/* Number of code points in s[0..n), counting each invalid byte as one. */
size_t tx_codepoints(const char *s, size_t n);

/* Terminal columns s[0..n) occupies (combining marks take none), used to
 * place a caret under text that may be in NFD. */
size_t tx_width(const char *s, size_t n);

/* s in NFC, in the arena. Invalid UTF-8 is returned unchanged. */
sl_slice tx_nfc(ar_arena *a, const char *s, size_t n);

/* The comparison key of a name: NFC, case-folded, runs of white space
 * collapsed to one space, trimmed. */
sl_slice tx_fold(ar_arena *a, const char *s, size_t n);

/* The edit distance of a and b (bytes), a transposition counting as one
 * edit; both short (a command word, a level): 32 or more is "far". */
size_t tx_distance(const char *a, size_t na, const char *b, size_t nb);

/* tx_fold without the marks: diacritics dropped and đ written d ("Tỉnh
 * ủy" is "tinh uy"), for finding what a misspelt name meant. */
sl_slice tx_fold_bare(ar_arena *a, const char *s, size_t n);

/* tx_fold, then tx_tone_normalise: the key under which two spellings of
 * a Vietnamese text compare equal ("Tỉnh uỷ" and "tỉnh ủy"). */
sl_slice tx_fold_tones(ar_arena *a, const char *s, size_t n);

/* Of the bytes s[0..j), s starting on a character, how many make whole
 * characters: j, less a two- or three-byte character begun before j that
 * runs on to it. The scans that check sixteen bytes at a time (the
 * lexer's, the fold's) keep what they checked before the first byte they
 * could not take. */
size_t tx_whole_before(const unsigned char *s, size_t j);

/* Rewrites old-style tone placement in folded (lower-case) NFC text to new
 * style in place: "uỷ" to "ủy", "hoà" to "hòa", "thuỳ" to "thùy". Documents
 * mix the two ("Tỉnh uỷ" in 12-KH/TW, "Tỉnh ủy" elsewhere) for one word.
 * Only open syllables differ: "toàn", "hoạch", "quý" are left alone.
 * Returns the new length: the new style can be a byte shorter ("ỳ" takes
 * three bytes, "ù" two), never longer; a shorter text is NUL-terminated. */
size_t tx_tone_normalise(char *s, size_t n);

/* s with every byte that is not UTF-8, and every control character, made
 * visible (U+FFFD, or U+2400-style pictures), so messages and excerpts never
 * carry raw bad bytes to a terminal or into JSON. Returns s itself when it is
 * clean. The result has one code point per input code point or bad byte, so
 * columns are unchanged. */
sl_slice tx_printable(ar_arena *a, const char *s, size_t n);

/* 64-bit FNV-1a hash (fingerprints are written with it, so it never
 * changes); tx_hash_more goes on from the hash of what came before, so
 * that tx_hash(ab) == tx_hash_more(tx_hash(a), b): a text made of pieces
 * is hashed without joining them. */
#define TX_HASH_START 1469598103934665603ull
uint64_t tx_hash(const char *s, size_t n);
uint64_t tx_hash_more(uint64_t h, const char *s, size_t n);

#endif
