/* outfile: writing a file a command makes (`new --from`, `import -o`), so
 * that nothing the user has is damaged.
 *
 * The text goes to a temporary beside the file (source.h's fixed hidden
 * name, so a temporary left by a killed run is cleared by the next), is
 * synced, and only then takes the file's name: a reader sees no file or
 * the whole new one, never a part. An existing file is kept unless the
 * caller forces the replacement; then it is replaced atomically, keeping
 * its owner, group and permissions, and refused when the user may not
 * write it (source.h's rules, as `accept` applies them). Layer: base;
 * calls source, arena, mem and the OS. */
#ifndef PLANCHECK_OUTFILE_H
#define PLANCHECK_OUTFILE_H

#include <stddef.h>

#include "arena.h"

/* Writes data[0..n) to `path`. Without `force`, a file (or anything)
 * already at `path` is left as it is and EEXIST returned; the check and
 * the naming are one step (a hard link), so a file made meanwhile by
 * another program is not overwritten either. Returns 0 or an errno
 * value, and leaves no temporary behind. */
int of_write(ar_arena *a, const char *path, const char *data, size_t n, int force);

#endif
