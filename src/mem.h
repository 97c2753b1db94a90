/* mem: checked allocation. Every allocation of plancheck outside the
 * arena and Lua goes through these wrappers, and every library call that
 * allocates on its own (opendir, realpath, open_memstream, utf8proc) has
 * its ENOMEM handed to mem_oom: a failed allocation ends the run in the
 * one handler the command line installs ("out of memory", exit 2), never
 * in a crash or in a finding made of what could not be read. The arena's
 * and the Lua allocator's failures end there too.
 * Layer: bottom; calls only libc. */
#ifndef PLANCHECK_MEM_H
#define PLANCHECK_MEM_H

#include <stddef.h>
#include <stdio.h>

/* The handler must not return (it exits, or leaves the process by other
 * means); without one, mem_oom aborts. */
void mem_set_oom(void (*handler)(void));
_Noreturn void mem_oom(void);

/* malloc, calloc, realloc, strdup that never return NULL. mem_alloc(0)
 * and mem_realloc(p, 0) return a valid block of at least one byte. */
void *mem_alloc(size_t n);
void *mem_calloc(size_t k, size_t n);
void *mem_realloc(void *p, size_t n);
char *mem_strdup(const char *s);

/* An errno value (or 0) from a call that may allocate: ENOMEM goes to
 * mem_oom; any other value is returned for the caller to report. */
int mem_check(int err);

/* A stream into memory, as open_memstream: after mem_close, *data holds
 * the bytes written (malloc'd, NUL-terminated) and *len their number. Its
 * growth goes through mem_realloc, so no write is ever lost: glibc's own
 * memory stream drops the bytes of a write whose realloc fails without
 * setting the error flag (libio/strops.c), and its fclose reports a
 * failed last realloc only by a NULL buffer; findings printed through it
 * would come out cut short. */
FILE *mem_memstream(char **data, size_t *len);
void mem_close(FILE *f);

#endif
