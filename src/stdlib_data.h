/* stdlib_data: the files of stdlib/, embedded at build time by
 * tools/embed.sh. The table ends with a zero entry. */
#ifndef PLANCHECK_STDLIB_DATA_H
#define PLANCHECK_STDLIB_DATA_H

#include <stddef.h>

typedef struct sd_file {
  const char *name;      /* path below stdlib/, e.g. "district.plan" */
  const char *data;      /* NUL-terminated contents */
  size_t size;
} sd_file;

extern const sd_file sd_files[];

#endif
