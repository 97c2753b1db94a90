/* source: the files of a run, their bytes, and offset → line:column.
 *
 * Every file is read whole into one NUL-terminated buffer (the lexer's
 * sentinel) and identified by its device and inode, taken from the open
 * file, so that one file reached by two spellings (a link, "a/../b") is read
 * once without resolving the path (realpath costs a readlink per component:
 * 600,000 system calls on a national run). Lines are mapped only when a
 * diagnostic needs them. Layer: bottom; calls mem, arena, index, text and the
 * OS. */
#ifndef PLANCHECK_SOURCE_H
#define PLANCHECK_SOURCE_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "index.h"

typedef struct src_file {
  const char *path;      /* as the user or the including file named it */
  const char *key;       /* identity: "@DEV:INO" of a file on disk, or the
                            name of an in-memory file ("std/NAME") */
  const char *data;      /* contents followed by a NUL */
  size_t size;
  int owned;             /* data was malloc'd and is freed with the table;
                            0 for an in-memory file */
  uint32_t *lines;       /* start offset of each line, built on demand */
  size_t nlines;
  struct src_mark *marks;/* columns at every SRC_MARK_STEP bytes, built
                            when a column far into a line is asked for */
} src_file;

typedef struct src_table {
  src_file *files;
  size_t n, cap;
  ar_arena arena;        /* the index's entries */
  ix_table by_key;       /* key → file, so a national run's fifty
                            thousand files are each found in one step */
  ix_table listed;       /* directories read by src_may_exist */
  ix_table overlays;     /* key → text an editor holds (src_overlay) */
} src_table;

typedef struct src_pos {
  uint32_t line, col;    /* 1-based; col counts code points */
} src_pos;

void src_init(src_table *t);
void src_free(src_table *t);
/* Forgets every file from the n-th on (frees what they own): what a part
 * of a large check read goes, what the run loaded before it (the rule
 * scripts) stays, with the same indexes. Directory listings are kept. */
void src_truncate(src_table *t, size_t n);

/* Result of src_load. */
typedef enum src_status {
  SRC_OK, SRC_ALREADY, SRC_NOT_FOUND, SRC_IS_DIR, SRC_NOT_REGULAR, SRC_UNREADABLE, SRC_TOO_LARGE,
} src_status;

/* The largest file read (a model's offsets are 32-bit). */
#define SRC_MAX_SIZE ((uintmax_t)UINT32_MAX - 1)

/* Loads `path` unless the same file is loaded already (then SRC_ALREADY and
 * *index names it). Only a regular file is read, and only up to the size
 * it had when opened: a FIFO or a device is SRC_NOT_REGULAR at once (a
 * FIFO without a writer would block, /dev/zero never ends), a file over
 * SRC_MAX_SIZE SRC_TOO_LARGE before anything is read. On failure *err_no
 * holds errno (EINVAL for SRC_NOT_REGULAR). Running out of memory ends in
 * mem_oom, never in a status. */
src_status src_load(src_table *t, const char *path, uint32_t *index, int *err_no);

/* 0 when `path` surely does not exist: its directory, read once per table
 * and remembered, has no entry of that name; 1 otherwise (then opening it
 * tells). For the files looked for beside every plan (x.progress), so that
 * fifty thousand plans in a few hundred directories cost a few hundred
 * directory reads, not fifty thousand failed opens. */
int src_may_exist(src_table *t, const char *path);

/* Registers an in-memory file (the embedded standard library) under `name`.
 * Returns SRC_ALREADY when it is registered already. */
src_status src_add_memory(src_table *t, const char *name, const char *data, size_t size, uint32_t *index);

/* Registers the text an editor holds for `path` (data[0..n), copied),
 * before anything is loaded: wherever the run would read that file, it
 * reads this text instead. A file on disk is matched by its identity, so
 * any spelling of its path that reaches it (an include, a parent found
 * through -I) gets the text; a file that is not on disk (a new, unsaved
 * one) is matched by this exact path. A second text for the same file
 * replaces the first. */
void src_overlay(src_table *t, const char *path, const char *data, size_t n);

/* Finds a loaded file by a path that names it (any spelling) or by an
 * in-memory file's name; -1 when absent. */
long src_find(const src_table *t, const char *path);

/* Builds the line map of a file now, if it has none: the positions below
 * then allocate nothing (for printing, which must not run out of memory
 * half-way). */
void src_map_lines(src_table *t, uint32_t file);
src_pos src_position(src_table *t, uint32_t file, uint32_t off);
/* The offset where 1-based `line` starts (the file's size past its end, 0
 * for line 0); for places known only by line, such as a Lua script's. */
uint32_t src_line_offset(src_table *t, uint32_t file, uint32_t line);
/* The line containing `off`, without its line terminator. */
void src_line(src_table *t, uint32_t file, uint32_t off, const char **start, size_t *len);

/* Reads a whole file outside the table (for a quick look at a file that may
 * not belong to the run) into a malloc'd, NUL-terminated buffer, under the
 * rules of src_load. Returns 0 or an errno value. */
int src_read(const char *path, char **data, size_t *len);

/* Replacing a file so that a reader sees the old or the new contents,
 * never a mixture, in steps so that several files can be prepared before
 * any is replaced, and everything that allocates comes before any
 * temporary exists:
 * src_temp_name: the temporary beside `path`, ".NAME.plancheck-tmp" in
 *   its directory (in the arena). The name is fixed, so that a temporary
 *   left by a run that was killed (SIGKILL cannot be caught) is removed by
 *   the next run on the same file, and hidden, as an editor's swap file.
 * src_write_temp: refuses a file the user may not write (EACCES: the
 *   system says so, or no write permission bit is set, which stops root
 *   too), then writes data[0..n) to the temporary with the file's owner,
 *   group and permissions, and syncs it. 0 or an errno value, leaving no
 *   temporary behind on failure.
 * src_write_new_temp: the same for a file that does not exist yet: the
 *   temporary gets the permissions the umask gives a new file.
 * src_replace renames the temporary over `path` (0 or an errno value);
 * src_discard removes it instead. */
char *src_temp_name(ar_arena *a, const char *path);
/* Writes all n bytes to fd, again after an interruption: 0, or errno. */
int src_write_all(int fd, const void *buf, size_t n);
int src_write_temp(const char *tmp, const char *path, const char *data, size_t n);
int src_write_new_temp(const char *tmp, const char *data, size_t n);
int src_replace(const char *tmp, const char *path);
void src_discard(const char *tmp);

/* Appends the path of every file below `dir` whose name ends in `ext`
 * (".plan"), in name order, depth first, skipping names that start with a
 * dot, to the malloc'd array *paths (*n entries, room for *cap), each path
 * malloc'd. Returns 0 or an errno value. */
int src_list(const char *dir, const char *ext, char ***paths, size_t *n, size_t *cap);

/* "No such file or directory" etc.; for I/O messages. */
const char *src_status_text(src_status st, int err_no);

#endif
