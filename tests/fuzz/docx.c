/* Fuzz target docx: the Word reader (src/docx.c) on a .docx made of the
 * input. The input is the text of word/document.xml, then any other part
 * after a line "%% NAME" (word/numbering.xml, word/styles.xml,
 * word/footnotes.xml), so that the fuzzer works on the XML, not on zip
 * checksums; the archive is written uncompressed by libzip. What docx.h
 * promises is checked: every line a whole paragraph, not empty, without a
 * line break. */
#include <stdlib.h>
#include <string.h>

#include <zip.h>

#include "docx.h"
#include "fuzz.h"

/* Adds data[0, n) to the archive as `name` (uncompressed). */
static void add_part(zip_t *z, const char *name, const uint8_t *data, size_t n) {
  zip_source_t *src = zip_source_buffer(z, data, n, 0);
  if (!src) abort();
  zip_int64_t i = zip_file_add(z, name, src, ZIP_FL_OVERWRITE | ZIP_FL_ENC_UTF_8);
  if (i < 0) { zip_source_free(src); abort(); }
  zip_set_file_compression(z, (zip_uint64_t)i, ZIP_CM_STORE, 0);
}

/* The part a "%% NAME" line names: one the reader reads, or another
 * (which it ignores). */
static const char *part_name(const uint8_t *s, size_t n) {
  static const char *const names[] = { "word/numbering.xml", "word/styles.xml", "word/footnotes.xml" };
  for (size_t k = 0; k < sizeof names / sizeof names[0]; k++)
    if (n == strlen(names[k]) && memcmp(s, names[k], n) == 0) return names[k];
  return "word/unread.xml";
}

static int at_mark(const uint8_t *data, size_t size, size_t m) {
  return (m == 0 || data[m - 1] == '\n') && size - m >= 3 && memcmp(data + m, "%% ", 3) == 0;
}

/* The parts: word/document.xml, then each part after its "%% NAME" line. */
static void add_parts(zip_t *z, const uint8_t *data, size_t size) {
  const char *name = "word/document.xml";
  for (size_t start = 0;;) {
    size_t m = start;
    while (m < size && !at_mark(data, size, m)) m++;
    add_part(z, name, data + start, m - start);
    if (m == size) return;
    const uint8_t *e = memchr(data + m, '\n', size - m);
    size_t end = e ? (size_t)(e - data) : size;
    name = part_name(data + m + 3, end - m - 3);
    start = e ? end + 1 : size;
  }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size > (1u << 18)) return -1;
  ar_arena a;
  ar_init(&a);
  const char *path = fz_path(&a, "fuzz.docx");
  int err;
  zip_t *z = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &err);
  if (!z) abort();
  add_parts(z, data, size);
  if (zip_close(z) != 0) abort();
  im_text t = { 0 };
  const char *error = NULL;
  if (dx_read(&a, path, &t, &error) != 0 && !error) abort();
  for (size_t i = 0; i < t.n; i++)
    if (!(t.v[i].flags & IM_WHOLE) || t.v[i].n == 0 || memchr(t.v[i].text, '\n', t.v[i].n) ||
        memchr(t.v[i].text, '\r', t.v[i].n)) {
      fprintf(stderr, "docx: line %zu \"%.*s\" (flags %u) is not a whole paragraph's line\n", i, (int)t.v[i].n,
              t.v[i].text, t.v[i].flags);
      abort();
    }
  ar_free(&a);
  fz_clean();
  return 0;
}
