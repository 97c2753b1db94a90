/* sandbox: one Lua state for the run's untrusted scripts.
 *
 * Scripts see only what an allow-list gives them (see sb_push_env), and
 * every call into Lua goes through sb_call: a protected call under an
 * instruction budget, a time limit and a memory cap, with a message
 * handler that records where in which script the failure happened. Nothing here knows about
 * plans; rules.c builds the plancheck API on top. Layer: check; calls the
 * Lua C API, pattern, luaerr, arena, mem, lang. */
#ifndef PLANCHECK_SANDBOX_H
#define PLANCHECK_SANDBOX_H

#include <stddef.h>

#include <lua.h>

#include "arena.h"
#include "pattern.h"

enum {
  SB_DEFAULT_BUDGET = 100000000,          /* VM instructions per call, ~1 s */
  SB_DEFAULT_MEMORY = 64 * 1024 * 1024,   /* bytes for the whole state */
  SB_FRAMES = 8,                          /* stack frames kept per failure */
  SB_MESSAGE_MAX = 1000,                  /* bytes of an error message kept */
};

/* A call may also run for 1 s plus 100 ns per instruction of its budget
 * (11 s by default), measured on the monotonic clock: far more than its
 * instructions take, so it only stops what the count cannot see, such as
 * a loop comparing two 30 MB strings, each comparison one instruction. */
#define SB_TIME_BASE_NS 1000000000LL
#define SB_TIME_PER_INSTRUCTION_NS 100LL

typedef enum sb_status {
  SB_OK,
  SB_ERROR,        /* the script raised an error */
  SB_BUDGET,       /* the instruction budget ran out */
  SB_MEMORY,       /* the memory cap was reached */
  SB_TIME,         /* the time limit passed (see SB_TIME_BASE_NS) */
} sb_status;

/* Where a failure happened: the Lua frames from the innermost out that
 * belong to a named chunk ("@path"), with their current lines. */
typedef struct sb_frame {
  char source[256];          /* the chunk name, without its '@' */
  int line;
} sb_frame;

typedef struct sb_failure {
  sb_status status;
  const char *message;       /* in the arena, printable, without the
                                "chunk:line: " prefix Lua adds */
  const char *chunk;         /* the chunk that prefix named (Lua shortens
                                a long one to "...tail"), or NULL */
  int line;                  /* the line it named, or 0 */
  sb_frame frames[SB_FRAMES];
  int nframes;
} sb_failure;

/* Each thread's extra space points at one of the sandbox's two tags: the
 * sandbox it belongs to, and (`stopped`) whether the budget hook ever
 * raised its error in that thread. */
typedef struct sb_tag {
  struct sb_sandbox *sb;
} sb_tag;

typedef struct sb_sandbox {
  lua_State *L;
  ar_arena *arena;           /* failure messages */
  size_t used, cap;          /* bytes the state holds, and its limit */
  long long budget;          /* instructions per sb_call */
  long long left;            /* of the current call */
  int every;                 /* instructions between two count hooks */
  long long deadline;        /* of the current call, monotonic ns */
  int tripped;               /* the current call ran out (SB_BUDGET) */
  int timed_out;             /* ... of time (SB_TIME) */
  size_t printed;            /* bytes print() wrote in the whole run */
  pt_meter meter;            /* charges pattern matching to the budget */
  sb_frame frames[SB_FRAMES];/* recorded by the message handler, or
                                when the allocator refuses */
  int nframes;
  sb_frame outer[SB_FRAMES]; /* the outermost named frames of a deep
                                stack, found once per call */
  int nouter;                /* how many, or -1: not searched yet */
  sb_tag running, stopped;
} sb_sandbox;

/* Opens the state. budget and cap of 0 take the defaults. Returns 0, or -1
 * when Lua cannot even start (no memory). */
int sb_open(sb_sandbox *s, ar_arena *a, long long budget, size_t cap);
void sb_close(sb_sandbox *s);

/* Calls the function under `nargs` arguments on the stack with a fresh
 * budget and time limit, leaving `nresults` results on success and
 * nothing on failure.
 * Host code that allocates in Lua (tables, strings) must itself run inside
 * such a call, so that no Lua error escapes into unprotected C. */
sb_status sb_call(sb_sandbox *s, int nargs, int nresults, sb_failure *f);

/* Pushes a new environment for one script: the allow-listed globals, each
 * library a copy of its own so one script cannot change another's. Runs
 * only inside sb_call. */
void sb_push_env(lua_State *L);

/* Charges work the host does for a script (in C, outside the VM) to the
 * budget of the current call; raises when it is spent. */
void sb_charge(lua_State *L, size_t steps);

/* The sandbox a state belongs to. */
sb_sandbox *sb_of(lua_State *L);

/* The text of a Lua value for a message, without calling any metamethod
 * (a hostile __tostring could loop): strings (printable, at most
 * SB_MESSAGE_MAX bytes) and numbers as they are, else "a table value" and
 * the like. In the arena. */
const char *sb_describe(sb_sandbox *s, lua_State *L, int idx);

#endif
