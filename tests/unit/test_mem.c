/* Tests of mem: the memory stream (a fopencookie stream of our own, in
 * place of glibc's open_memstream, which can lose writes unseen) holds
 * exactly what was written, across growth and flushes. */
#include <errno.h>
#include <stdlib.h>

#include "mem.h"
#include "unit.h"

void test_mem_memstream(void) {
  char *data = NULL;
  size_t len = 99;
  FILE *f = mem_memstream(&data, &len);
  mem_close(f);
  UT_EQ_INT(len, 0);
  UT_EQ_STR(data, "");
  free(data);

  /* Writes of every size, past the first block and the stream's buffer,
   * with a flush in the middle: the bytes, in order, NUL-terminated. */
  static const char text[] = "Ban Thường vụ Huyện ủy chỉ đạo, kiểm tra, giám sát việc thực hiện kế hoạch "
                             "và báo cáo kết quả về Ban Thường vụ Tỉnh ủy theo quy định.";
  f = mem_memstream(&data, &len);
  char want[20000];
  size_t n = 0;
  for (int i = 0; n < sizeof want - 200; i++) {
    int k = fprintf(f, "%d:%.*s;", i, i % 150, text);
    snprintf(want + n, sizeof want - n, "%d:%.*s;", i, i % 150, text);
    n += (size_t)k;
    if (i == 40) fflush(f);
  }
  mem_close(f);
  UT_EQ_INT(len, n);
  UT_CHECK(data && memcmp(data, want, n) == 0 && data[n] == '\0');
  free(data);
}

void test_mem_check(void) {
  UT_EQ_INT(mem_check(0), 0);
  UT_EQ_INT(mem_check(ENOENT), ENOENT);   /* only ENOMEM ends the run */
  char *s = mem_strdup("tỉnh ủy");
  UT_EQ_STR(s, "tỉnh ủy");
  free(s);
}
