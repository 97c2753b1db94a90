/* rules: loading scripts, validating their definitions and running them;
 * see rules.h and docs/LUA-API.md.
 *
 * Every call into Lua is one sb_call of a small C function below (load_script,
 * call_check, call_recognizer, call_render) that runs entirely inside the
 * protected call, so a Lua error never unwinds through C that owns memory.
 * The engine reaches those functions as a light userdata argument or
 * upvalue, never through a global. */
#include "rules.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <lauxlib.h>

#include "lang.h"
#include "luamodel.h"
#include "mem.h"
#include "sandbox.h"
#include "stdlib_data.h"
#include "text.h"

#ifndef PLANCHECK_VERSION
#define PLANCHECK_VERSION "0.1.0"
#endif

enum {
  MAX_FINDINGS = 10000,      /* per call of a check function: a loop that
                                reports without end would fill memory */
};

typedef struct script {
  const char *path;          /* as the chunk is named: "std/rules.lua" */
  uint32_t file;
} script;

struct ru_engine {
  sb_sandbox sb;
  ar_arena *a;
  src_table *src;
  dg_list *diags;
  md_model *m;
  script *scripts;
  size_t nscripts, capscripts;
  ru_def *defs;
  size_t ndefs, capdefs;
  int loading;               /* definitions are allowed (a script loads) */
  uint32_t loading_file;
  int (*builtin_format)(const char *id);
  ru_def *current;           /* the rule whose check is running */
  int nfindings;             /* it has reported so far */
  int bad_result;            /* the last call returned the wrong type */
  size_t unreadable;         /* script files or directories */
  dt_day as_of;
  rs_recognizer rec;
  ar_arena scratch;          /* text made for one call (luamodel.c) */
  ar_arena texts;            /* folded texts kept for one plan (luamodel.c) */
  lm_view *view;
};

/* kind_names name the API functions (plancheck.rule); kind_words say
 * the kind in a message, in the user's language (_(kind_words[k])). */
static const char *const kind_names[] = { "rule", "recognizer", "format" };
static const char *const kind_words[] = { N_("rule"), N_("recognizer"), N_("format") };
static const char *const fn_fields[] = { "check", "recognize", "render" };

static ru_engine *engine(lua_State *L) {
  return lua_touserdata(L, lua_upvalueindex(1));
}

/* ---- failures become diagnostics ---- */

static long script_of(const ru_engine *e, const char *chunk) {
  for (size_t i = 0; i < e->nscripts; i++)
    if (strcmp(e->scripts[i].path, chunk) == 0) return (long)e->scripts[i].file;
  return -1;
}

/* A whole script line, from its first non-blank character, as the span. */
static md_loc line_loc(ru_engine *e, uint32_t file, int line) {
  src_file *f = &e->src->files[file];
  uint32_t off = src_line_offset(e->src, file, (uint32_t)line), end = off;
  while (off < f->size && (f->data[off] == ' ' || f->data[off] == '\t')) off++;
  for (end = off; end < f->size && f->data[end] != '\n' && f->data[end] != '\r';) end++;
  return (md_loc){ file, off, end - off };
}

static const char *what_of(ru_engine *e, const ru_def *d) {
  return d ? dg_fmt(e->a, "%s '%s'", _(kind_words[d->kind]), d->id) : _("script");
}

static const char *code_of(const ru_engine *e, const sb_failure *f) {
  if (f->status == SB_BUDGET || f->status == SB_TIME) return "script-budget";
  if (f->status == SB_MEMORY) return "script-memory";
  return e->bad_result ? "script-result" : "script-error";
}

static const char *message_of(ru_engine *e, const ru_def *d, const sb_failure *f) {
  const char *who = what_of(e, d);
  if (f->status == SB_BUDGET)
    return dg_fmt(e->a, _("%s ran out of its instruction budget (%lld; raise it with --lua-budget)"), who, e->sb.budget);
  if (f->status == SB_TIME)
    return dg_fmt(e->a, _("%s ran out of time (%.1f s for a budget of %lld instructions; raise it with --lua-budget)"),
                  who, ((double)SB_TIME_BASE_NS + (double)e->sb.budget * SB_TIME_PER_INSTRUCTION_NS) / 1e9,
                  e->sb.budget);
  if (f->status == SB_MEMORY)
    return dg_fmt(e->a, _("%s ran out of memory (Lua may use %zu MiB; raise it with --lua-memory)"), who,
                  e->sb.cap >> 20);
  if (!d) return dg_fmt(e->a, _("script failed: %s"), f->message);
  return dg_fmt(e->a, _("%s failed: %s"), who, f->message);
}

/* Whether the chunk of a "chunk:line:" prefix is the script `file`: Lua
 * names it by its path, or "..." and the path's tail when it is long. */
static int names_script(const ru_engine *e, const char *chunk, uint32_t file) {
  const char *path = e->src->files[file].path;
  if (!chunk) return 0;
  if (strcmp(chunk, path) == 0) return 1;
  size_t n = strlen(chunk), p = strlen(path);
  return n > 3 && strncmp(chunk, "...", 3) == 0 && p >= n - 3 && strcmp(path + p - (n - 3), chunk + 3) == 0;
}

/* Where the failure is: the innermost frame in one of our scripts, else
 * the line the message names in the script being loaded (a syntax
 * error), else the definition. Further script frames become "called from
 * here" notes, one per run of frames at the same line (a recursion). */
static void report_failure(ru_engine *e, const ru_def *d, uint32_t file, const sb_failure *f) {
  int first = -1;
  for (int i = 0; i < f->nframes && first < 0; i++)
    if (script_of(e, f->frames[i].source) >= 0) first = i;
  md_loc at = first >= 0 ? line_loc(e, (uint32_t)script_of(e, f->frames[first].source), f->frames[first].line)
            : f->line > 0 && !d && names_script(e, f->chunk, file) ? line_loc(e, file, f->line)
            : d ? line_loc(e, d->file, d->line)
            : (md_loc){ file, 0, 0 };
  dg_diag *g = dg_add(e->diags, DG_ERROR, code_of(e, f), at.file, at.off, at.len, "%s", message_of(e, d, f));
  md_loc last = at;
  for (int i = first + 1; first >= 0 && i < f->nframes; i++) {
    long sf = script_of(e, f->frames[i].source);
    if (sf < 0) continue;
    md_loc c = line_loc(e, (uint32_t)sf, f->frames[i].line);
    if (c.file == last.file && c.off == last.off) continue;
    dg_note(e->diags, g, c.file, c.off, c.len, "%s", _("called from here"));
    last = c;
  }
  if (d && (at.file != d->file || at.off != line_loc(e, d->file, d->line).off)) {
    md_loc c = line_loc(e, d->file, d->line);
    dg_note(e->diags, g, c.file, c.off, c.len, _("the %s is defined here"), _(kind_words[d->kind]));
  }
}

/* ---- definitions ---- */

static int kebab(const char *s) {
  if (!*s || *s == '-') return 0;
  for (const char *p = s; *p; p++)
    if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || (*p == '-' && p[1] && p[1] != '-'))) return 0;
  return 1;
}

static int allowed_field(ru_kind k, const char *name) {
  if (strcmp(name, "id") == 0 || strcmp(name, "description") == 0) return 1;
  if (strcmp(name, fn_fields[k]) == 0) return 1;
  return k == RU_RULE && (strcmp(name, "severity") == 0 || strcmp(name, "enabled") == 0);
}

/* Every key of the definition table must be a field this kind has: a typo
 * ("severty") would otherwise pass silently. */
static void check_fields(lua_State *L, ru_kind k, const char *id) {
  lua_pushnil(L);
  while (lua_next(L, 1)) {
    lua_pop(L, 1);
    if (lua_type(L, -1) != LUA_TSTRING)
      luaL_error(L, _("%s '%s': fields are named (id = ..., ...), not %s keys"), _(kind_words[k]), id,
                 luaL_typename(L, -1));
    if (!allowed_field(k, lua_tostring(L, -1)))
      luaL_error(L, _("%s '%s': unknown field '%s'"), _(kind_words[k]), id, lua_tostring(L, -1));
  }
}

static const char *check_id(lua_State *L, ru_kind k) {
  if (lua_getfield(L, 1, "id") != LUA_TSTRING)
    luaL_error(L, _("a %s needs an id (a string such as \"deadline-present\"), not %s"), _(kind_words[k]),
               luaL_typename(L, -1));
  const char *id = lua_tostring(L, -1);
  if (!kebab(id)) luaL_error(L, _("%s id '%s' must be lower-case words joined by '-'"), _(kind_words[k]), id);
  /* -Wno-ID disables ID, and -Wall enables every rule: an id "no-owner"
   * or "all" could not be switched as users expect. */
  if (strncmp(id, "no-", 3) == 0 || strcmp(id, "all") == 0)
    luaL_error(L, _("%s id '%s' cannot be switched with -W: choose one that does not start with 'no-' and is not "
                 "'all' (e.g. 'owner-missing')"), _(kind_words[k]), id);
  return id;
}

static dg_severity check_severity(lua_State *L, const char *id) {
  if (lua_getfield(L, 1, "severity") != LUA_TSTRING)
    luaL_error(L, _("rule '%s': severity must be \"error\", \"warning\" or \"note\", not %s"), id,
               luaL_typename(L, -1));
  const char *s = lua_tostring(L, -1);
  int sev = dg_severity_parse(s);
  if (sev >= 0) return (dg_severity)sev;
  return (dg_severity)luaL_error(L, _("rule '%s': severity must be \"error\", \"warning\" or \"note\", not \"%s\""),
                                 id, s);
}

static const char *check_description(lua_State *L, ru_kind k, const char *id) {
  if (lua_getfield(L, 1, "description") != LUA_TSTRING || lua_rawlen(L, -1) == 0)
    luaL_error(L, _("%s '%s' needs a description (a non-empty string)"), _(kind_words[k]), id);
  return lua_tostring(L, -1);
}

static int current_line(lua_State *L) {
  lua_Debug ar;
  if (lua_getstack(L, 1, &ar) && lua_getinfo(L, "l", &ar)) return ar.currentline;
  return 0;
}

static void add_def(ru_engine *e, const ru_def *d) {
  e->defs = ar_grow(e->a, e->defs, sizeof *e->defs, &e->capdefs, e->ndefs + 1);
  e->defs[e->ndefs++] = *d;
}

const ru_def *ru_find(const ru_engine *e, ru_kind kind, const char *id) {
  for (size_t i = 0; i < e->ndefs; i++)
    if (e->defs[i].kind == kind && strcmp(e->defs[i].id, id) == 0) return &e->defs[i];
  return NULL;
}

/* plancheck.rule / recognizer / format: validates the table, then records
 * the definition. Nothing is recorded when any check fails. */
static int define(lua_State *L, ru_kind k) {
  ru_engine *e = engine(L);
  if (!e->loading)
    return luaL_error(L, _("plancheck.%s can only be called while a script loads, not later"), kind_names[k]);
  luaL_checktype(L, 1, LUA_TTABLE);
  lua_settop(L, 1);
  const char *id = check_id(L, k);
  check_fields(L, k, id);
  ru_def d = { .kind = k, .id = ar_strndup(e->a, id, strlen(id)), .severity = DG_WARNING, .enabled = 1,
               .fn = LUA_NOREF, .file = e->loading_file, .line = current_line(L) };
  d.description = check_description(L, k, id);
  d.description = ar_strndup(e->a, d.description, strlen(d.description));
  if (k == RU_RULE) {
    d.severity = check_severity(L, id);
    int t = lua_getfield(L, 1, "enabled");
    if (t != LUA_TNIL && t != LUA_TBOOLEAN) luaL_error(L, _("rule '%s': enabled must be true or false"), id);
    d.enabled = t == LUA_TNIL || lua_toboolean(L, -1);
  }
  if (lua_getfield(L, 1, fn_fields[k]) != LUA_TFUNCTION)
    luaL_error(L, _("%s '%s' needs a %s function, not %s"), _(kind_words[k]), id, fn_fields[k], luaL_typename(L, -1));
  if (k == RU_FORMAT && e->builtin_format && e->builtin_format(id))
    luaL_error(L, _("format '%s' is built into plancheck (report --format %s): choose another id"), id, id);
  const ru_def *prev = ru_find(e, k, id);
  if (prev)
    luaL_error(L, _("%s '%s' is already defined at %s"), _(kind_words[k]), id, ru_origin(e, prev));
  d.fn = luaL_ref(L, LUA_REGISTRYINDEX);
  add_def(e, &d);
  return 0;
}

static int api_rule(lua_State *L) { return define(L, RU_RULE); }
static int api_recognizer(lua_State *L) { return define(L, RU_RECOGNIZER); }
static int api_format(lua_State *L) { return define(L, RU_FORMAT); }

/* ---- reporting findings ---- */

/* The string on top, the value of report's option `name`. */
static const char *option_string(lua_State *L, const char *name) {
  if (lua_type(L, -1) != LUA_TSTRING) luaL_error(L, _("option %s is a string, not %s"), name, luaL_typename(L, -1));
  return lua_tostring(L, -1);
}

static dg_severity severity_arg(lua_State *L, int t, const ru_def *r) {
  if (lua_getfield(L, t, "severity") == LUA_TNIL) return r->severity;
  const char *s = option_string(L, "severity");
  int sev = dg_severity_parse(s);
  if (sev >= 0) return (dg_severity)sev;
  return (dg_severity)luaL_error(L, _("severity must be \"error\", \"warning\" or \"note\", not \"%s\""), s);
}

static const char *code_arg(lua_State *L, ru_engine *e, int t, const ru_def *r) {
  if (lua_getfield(L, t, "code") == LUA_TNIL) return r->id;
  const char *c = option_string(L, "code");
  if (!kebab(c)) luaL_error(L, _("code '%s' must be lower-case words joined by '-'"), c);
  return ar_strndup(e->a, c, strlen(c));
}

/* The message made printable, and cut (with "…") if it is very long. */
static const char *message_arg(lua_State *L, ru_engine *e, int idx) {
  if (lua_type(L, idx) != LUA_TSTRING)
    luaL_error(L, _("a finding's message is a string, not %s"), luaL_typename(L, idx));
  return sb_describe(&e->sb, L, idx);
}

/* Reads every note of options.notes before anything is reported, so a bad
 * note leaves no half-made finding behind. */
typedef struct pending_note {
  md_loc at;
  const char *msg;
} pending_note;

static size_t read_notes(lua_State *L, ru_engine *e, int t, pending_note *notes, size_t max) {
  if (lua_getfield(L, t, "notes") == LUA_TNIL) return 0;
  if (!lua_istable(L, -1)) luaL_error(L, _("option notes is a list of {at, message}, not %s"), luaL_typename(L, -1));
  size_t n = 0;
  for (lua_Integer i = 1; lua_geti(L, -1, i) != LUA_TNIL; i++) {
    if (n == max) luaL_error(L, _("a finding has at most %d notes"), (int)max);
    if (!lua_istable(L, -1)) luaL_error(L, _("note %d is {at, message}, not %s"), (int)i, luaL_typename(L, -1));
    lua_geti(L, -1, 1);
    lm_check_loc(L, -1, &notes[n].at);
    lua_geti(L, -2, 2);
    notes[n].msg = message_arg(L, e, -1);
    lua_pop(L, 3);
    n++;
  }
  lua_pop(L, 2);
  return n;
}

/* plancheck.report(at, message [, {severity=, code=, notes={{at, msg}}}]) */
static int api_report(lua_State *L) {
  ru_engine *e = engine(L);
  const ru_def *r = e->current;
  if (!r) return luaL_error(L, "%s", _("plancheck.report can only be called from a rule's check function"));
  if (++e->nfindings > MAX_FINDINGS)
    return luaL_error(L, _("a rule may report at most %d findings on a plan"), MAX_FINDINGS);
  md_loc at;
  lm_check_loc(L, 1, &at);
  const char *msg = message_arg(L, e, 2);
  dg_severity sev = r->severity;
  const char *code = r->id;
  pending_note notes[16];
  size_t nnotes = 0;
  if (!lua_isnoneornil(L, 3)) {
    luaL_checktype(L, 3, LUA_TTABLE);
    sev = severity_arg(L, 3, r);
    code = code_arg(L, e, 3, r);
    nnotes = read_notes(L, e, 3, notes, sizeof notes / sizeof *notes);
  }
  if (r->werror) sev = DG_ERROR;
  dg_diag *d = dg_add(e->diags, sev, code, at.file, at.off, at.len, "%s", msg);
  for (size_t i = 0; i < nnotes; i++) dg_note(e->diags, d, notes[i].at.file, notes[i].at.off, notes[i].at.len, "%s", notes[i].msg);
  return 0;
}

/* plancheck.gettext(text): the text in the user's language, from
 * plancheck's catalogue (the standard scripts' messages are in it);
 * the text itself when it has no translation. The empty text, whose
 * "translation" is the catalogue's header, and a text with a NUL, which
 * no entry has, are returned as they are. */
static int api_gettext(lua_State *L) {
  size_t n;
  const char *s = luaL_checklstring(L, 1, &n);
  if (n > 0 && strlen(s) == n) lua_pushstring(L, _(s));
  else lua_settop(L, 1);
  return 1;
}

/* plancheck.day_text("2020-05-30"): the day as the user reads it,
 * "30/05/2020" in Vietnamese, the same text in English. */
static int api_day_text(lua_State *L) {
  size_t n;
  const char *s = luaL_checklstring(L, 1, &n);
  dt_day d;
  if (dt_parse_iso(s, n, &d) != 0)
    return luaL_error(L, _("day_text: a date \"YYYY-MM-DD\" expected, not \"%s\""), s);
  char buf[11];
  lg_day(d, buf);
  lua_pushstring(L, buf);
  return 1;
}

/* ---- loading scripts ---- */

static void push_api(lua_State *L, ru_engine *e) {
  static const luaL_Reg api[] = {
    { "rule", api_rule }, { "recognizer", api_recognizer }, { "format", api_format }, { "report", api_report },
    { "gettext", api_gettext }, { "day_text", api_day_text },
    { NULL, NULL },
  };
  lua_newtable(L);
  lua_pushlightuserdata(L, e);
  luaL_setfuncs(L, api, 1);
  lm_add_functions(L);
  lua_pushliteral(L, PLANCHECK_VERSION);
  lua_setfield(L, -2, "version");
  lua_pushstring(L, lg_current() == LG_VI ? "vi" : "en");
  lua_setfield(L, -2, "lang");
  char day[11];
  dt_format(e->as_of, day);
  lua_pushstring(L, day);
  lua_setfield(L, -2, "as_of");
}

/* Arguments: engine, script. Compiles the text (never bytecode) and runs
 * it in a fresh environment with its own plancheck table. */
static int load_script(lua_State *L) {
  ru_engine *e = lua_touserdata(L, 1);
  const script *s = lua_touserdata(L, 2);
  const src_file *f = &e->src->files[s->file];
  const char *chunk = dg_fmt(e->a, "@%s", s->path);
  if (luaL_loadbufferx(L, f->data, f->size, chunk, "t") != LUA_OK) return lua_error(L);
  sb_push_env(L);
  push_api(L, e);
  lua_setfield(L, -2, "plancheck");
  lua_setupvalue(L, -2, 1);
  lua_call(L, 0, 0);
  return 0;
}

static void run_script(ru_engine *e, const char *path, uint32_t file) {
  for (size_t i = 0; i < e->nscripts; i++)
    if (e->scripts[i].file == file) return;          /* the same file twice */
  e->scripts = ar_grow(e->a, e->scripts, sizeof *e->scripts, &e->capscripts, e->nscripts + 1);
  script *s = &e->scripts[e->nscripts++];
  *s = (script){ path, file };
  lua_State *L = e->sb.L;
  lua_pushcfunction(L, load_script);
  lua_pushlightuserdata(L, e);
  lua_pushlightuserdata(L, s);
  e->loading = 1;
  e->loading_file = file;
  sb_failure f;
  if (sb_call(&e->sb, 2, 0, &f) != SB_OK) report_failure(e, NULL, file, &f);
  e->loading = 0;
}

static void run_file(ru_engine *e, const char *path) {
  uint32_t file;
  int err;
  src_status st = src_load(e->src, path, &file, &err);
  if (st != SRC_OK && st != SRC_ALREADY) {
    dg_add(e->diags, DG_ERROR, "io-error", DG_NOFILE, 0, 0, _("cannot read rules %s: %s"), path, src_status_text(st, err));
    e->unreadable++;
    return;
  }
  run_script(e, e->src->files[file].path, file);
}

static int by_name(const void *a, const void *b) {
  return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int is_lua(const char *name) {
  size_t n = strlen(name);
  return n > 4 && name[0] != '.' && strcmp(name + n - 4, ".lua") == 0;
}

/* Every *.lua file of a directory, in name order. */
static void run_dir(ru_engine *e, const char *dir) {
  DIR *d = opendir(dir);
  if (!d) {
    mem_check(errno);
    dg_add(e->diags, DG_ERROR, "io-error", DG_NOFILE, 0, 0, _("cannot read rules directory %s: %s"), dir,
           strerror(errno));
    e->unreadable++;
    return;
  }
  const char **names = NULL;
  size_t n = 0, cap = 0;
  for (struct dirent *de; (de = readdir(d));) {
    if (!is_lua(de->d_name)) continue;
    size_t len = strlen(dir);
    const char *path = dg_fmt(e->a, "%s%s%s", dir, len && dir[len - 1] == '/' ? "" : "/", de->d_name);
    struct stat st;
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) continue;     /* "old.lua/" */
    names = ar_grow(e->a, names, sizeof *names, &cap, n + 1);
    names[n++] = path;
  }
  closedir(d);
  if (n) qsort(names, n, sizeof *names, by_name);
  for (size_t i = 0; i < n; i++) run_file(e, names[i]);
}

static void run_path(ru_engine *e, const char *path) {
  struct stat st;
  if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) run_dir(e, path);
  else run_file(e, path);
}

static void run_stdlib(ru_engine *e, const char *dir) {
  if (dir) {
    run_dir(e, dir);
    return;
  }
  for (const sd_file *f = sd_files; f->name; f++) {
    if (!is_lua(f->name)) continue;
    const char *name = dg_fmt(e->a, "std/%s", f->name);
    uint32_t file;
    src_add_memory(e->src, name, f->data, f->size, &file);
    run_script(e, name, file);
  }
}

/* An absolute path relative to the current directory when that is
 * shorter, so that messages say "a/.plancheck.lua" or "../.plancheck.lua"
 * rather than where the checkout happens to be. */
static const char *relative(ru_engine *e, const char *path) {
  char *cwd = realpath(".", NULL);
  if (!cwd) {
    mem_check(errno);
    return path;
  }
  const char *here = strcmp(cwd, "/") == 0 ? "/" : dg_fmt(e->a, "%s/", cwd);
  free(cwd);
  size_t common = 0;                       /* up to and with a '/' */
  for (size_t i = 0; here[i] && here[i] == path[i]; i++)
    if (here[i] == '/') common = i + 1;
  const char *up = "";
  for (const char *p = here + common; *p; p++)
    if (*p == '/') up = dg_fmt(e->a, "%s../", up);
  const char *rel = dg_fmt(e->a, "%s%s", up, path + common);
  return strlen(rel) < strlen(path) ? rel : path;
}

/* Whether `path` was seen before; records it when not. */
static int seen_before(ix_table *seen, const char *path) {
  return ix_set_add(seen, (sl_slice){ path, strlen(path) });
}

/* The nearest .plancheck.lua in the directory `real` (a real path, which
 * this shortens in place) or above it. The walk stops at a directory seen
 * by an earlier walk: the answer from there up is known already. */
static void find_project(ru_engine *e, ix_table *seen, char *real) {
  char *slash;
  while ((slash = strrchr(real, '/'))) {
    slash[1] = '\0';
    if (seen_before(seen, real)) break;
    const char *candidate = dg_fmt(e->a, "%s.plancheck.lua", real);
    struct stat st;
    if (stat(candidate, &st) == 0 && S_ISREG(st.st_mode)) {
      run_file(e, relative(e, candidate));
      break;
    }
    if (slash == real) break;
    *slash = '\0';
  }
}

/* The project scripts of every plan. Plans share directories (a national
 * run has 50,000 plans in 764 of them), so each directory, as the plan's
 * path spells it, is resolved once, and each real directory looked at
 * once. */
static void run_projects(ru_engine *e, const char *const *plans, size_t n) {
  ix_table spelled, real_dirs;
  ix_init_set(&spelled, e->a);
  ix_init_set(&real_dirs, e->a);
  for (size_t i = 0; i < n; i++) {
    const char *slash = strrchr(plans[i], '/');
    const char *dir = slash ? dg_fmt(e->a, "%.*s", (int)(slash - plans[i] + 1), plans[i]) : "./";
    if (seen_before(&spelled, dir)) continue;
    char *real = realpath(dir, NULL);
    if (!real) {
      mem_check(errno);
      continue;                                /* resolve reports the plan */
    }
    /* find_project cuts the last part off */
    char *walk = (char *)dg_fmt(e->a, "%s%sx", real, strcmp(real, "/") == 0 ? "" : "/");
    free(real);
    find_project(e, &real_dirs, walk);
  }
}

ru_engine *ru_open(ar_arena *a, src_table *src, dg_list *diags, const ru_options *o) {
  ru_engine *e = ar_alloc(a, sizeof *e);
  e->a = a;
  e->src = src;
  e->diags = diags;
  e->as_of = o->as_of;
  e->builtin_format = o->builtin_format;
  ar_init(&e->scratch);
  ar_init(&e->texts);
  if (sb_open(&e->sb, a, o->budget, o->memory) != 0) return NULL;
  if (o->no_scripts) return e;
  run_stdlib(e, o->stdlib_dir);
  run_projects(e, o->plans, o->nplans);
  for (size_t i = 0; i < o->nrules; i++) run_path(e, o->rules[i]);
  return e;
}

void ru_close(ru_engine *e) {
  if (!e) return;
  sb_close(&e->sb);
  ar_free(&e->scratch);
  ar_free(&e->texts);
}

size_t ru_count(const ru_engine *e) { return e->ndefs; }
size_t ru_unreadable(const ru_engine *e) { return e->unreadable; }
const ru_def *ru_at(const ru_engine *e, size_t i) { return &e->defs[i]; }

const char *ru_origin(const ru_engine *e, const ru_def *d) {
  return dg_fmt(e->a, "%s:%d", e->src->files[d->file].path, d->line);
}

const char *ru_switch(ru_engine *e, const char *spec) {
  int enable = 1, error = 0;
  if (strncmp(spec, "no-", 3) == 0) enable = 0, spec += 3;
  else if (strncmp(spec, "error=", 6) == 0) error = 1, spec += 6;
  int found = 0;
  for (size_t i = 0; i < e->ndefs; i++) {
    ru_def *d = &e->defs[i];
    if (d->kind != RU_RULE || (strcmp(spec, "all") != 0 && strcmp(d->id, spec) != 0)) continue;
    found = 1;
    d->enabled = enable;
    d->werror |= error;
  }
  if (found) return NULL;
  return dg_fmt(e->a, _("unknown rule '%s' (plancheck --list-rules lists them)"), spec);
}

/* ---- running ---- */

/* Runs fn(e, ...) with `nargs` light userdata arguments under sb_call;
 * on failure reports it against definition d. */
static int protected(ru_engine *e, const ru_def *d, uint32_t file, lua_CFunction fn, int nresults, void *a1,
                     void *a2, void *a3) {
  lua_State *L = e->sb.L;
  lua_pushcfunction(L, fn);
  lua_pushlightuserdata(L, e);
  lua_pushlightuserdata(L, a1);
  lua_pushlightuserdata(L, a2);
  lua_pushlightuserdata(L, a3);
  e->bad_result = 0;
  e->nfindings = 0;
  sb_failure f;
  sb_status st = sb_call(&e->sb, 4, nresults, &f);
  ar_recycle(&e->scratch);         /* results are Lua strings by now */
  if (st == SB_OK) return 0;
  report_failure(e, d, file, &f);
  return -1;
}

static int attach_model(lua_State *L) {
  ru_engine *e = lua_touserdata(L, 1);
  e->view = lm_attach(L, lua_touserdata(L, 2), &e->scratch, &e->texts);
  return 0;
}

void ru_attach(ru_engine *e, md_model *m) {
  e->m = m;
  e->diags = m->diags;       /* findings and their text go with the model: */
  e->a = m->arena;           /* a part of a large check has its own */
  protected(e, NULL, 0, attach_model, 0, m, NULL, NULL);
}

/* A function's result of the wrong type: reported as script-result at the
 * definition (the function has returned, so no line of it is running). */
static int bad_result(lua_State *L, ru_engine *e, const ru_def *d, const char *want) {
  e->bad_result = 1;
  return luaL_error(L, _("its %s function returned %s; it must return %s"), fn_fields[d->kind], luaL_typename(L, -1),
                    want);
}

/* Arguments: engine, rule, plan. */
static int call_check(lua_State *L) {
  ru_engine *e = lua_touserdata(L, 1);
  const ru_def *d = lua_touserdata(L, 2);
  lua_rawgeti(L, LUA_REGISTRYINDEX, d->fn);
  lm_push_plan(L, lua_touserdata(L, 3));
  lua_call(L, 1, 1);
  if (!lua_isnil(L, -1)) return bad_result(L, e, d, _("nothing (findings go through plancheck.report)"));
  return 0;
}

void ru_check(ru_engine *e, md_plan *p) {
  for (size_t i = 0; i < e->ndefs; i++) {
    ru_def *d = &e->defs[i];
    if (d->kind != RU_RULE || !d->enabled) continue;
    e->current = d;
    protected(e, d, d->file, call_check, 0, d, p, NULL);
    e->current = NULL;
  }
  lm_forget(e->view);        /* the rules share what they computed on p */
}

/* Arguments: engine, recognizer, due, item. Leaves the canonical text or
 * nil. */
static int call_recognizer(lua_State *L) {
  ru_engine *e = lua_touserdata(L, 1);
  const ru_def *d = lua_touserdata(L, 2);
  md_due *due = lua_touserdata(L, 3);
  lua_rawgeti(L, LUA_REGISTRYINDEX, d->fn);
  lua_pushlstring(L, due->phrase.value.p, due->phrase.value.n);
  lm_push_due(L, due, lua_touserdata(L, 4));
  lua_call(L, 2, 1);
  if (!lua_isnil(L, -1) && lua_type(L, -1) != LUA_TSTRING)
    return bad_result(L, e, d, _("a canonical deadline (a string) or nil"));
  return 1;
}

/* Asks each recognizer in turn; the first answer must be canonical. */
static dl_deadline *recognize(void *ud, md_model *m, md_due *due, md_item *it) {
  ru_engine *e = ud;
  lua_State *L = e->sb.L;
  for (size_t i = 0; i < e->ndefs; i++) {
    ru_def *d = &e->defs[i];
    int failed = d->kind != RU_RECOGNIZER || protected(e, d, d->file, call_recognizer, 1, d, due, it) != 0;
    lm_forget(e->view);
    if (failed) continue;
    size_t n;
    const char *s = lua_tolstring(L, -1, &n);
    if (!s) {
      lua_pop(L, 1);
      continue;
    }
    sl_slice nfc = tx_nfc(m->arena, s, n);
    lua_pop(L, 1);
    dl_result r = dl_recognize(m->arena, nfc.p, nfc.n);
    if (r.first && !r.bad_date) return r.first;
    md_loc l = due->phrase.loc, c = line_loc(e, d->file, d->line);
    dg_diag *g = dg_add(e->diags, DG_ERROR, "script-result", l.file, l.off, l.len,
                        _("recognizer '%s' read this as \"%.*s\", which is not a canonical deadline"), d->id,
                        (int)nfc.n, nfc.p);
    dg_note(e->diags, g, c.file, c.off, c.len, "%s", _("the recognizer is defined here"));
    return NULL;
  }
  return NULL;
}

const rs_recognizer *ru_recognizer(ru_engine *e) {
  e->rec = (rs_recognizer){ recognize, e };
  return &e->rec;
}

/* Arguments: engine, format, plan. Leaves the document. */
static int call_render(lua_State *L) {
  ru_engine *e = lua_touserdata(L, 1);
  const ru_def *d = lua_touserdata(L, 2);
  lua_rawgeti(L, LUA_REGISTRYINDEX, d->fn);
  lm_push_plan(L, lua_touserdata(L, 3));
  lua_call(L, 1, 1);
  if (lua_type(L, -1) != LUA_TSTRING) return bad_result(L, e, d, _("the document as a string"));
  return 1;
}

const char *ru_render(ru_engine *e, const ru_def *format, md_plan *p, size_t *len) {
  int failed = protected(e, format, format->file, call_render, 1, (void *)format, p, NULL);
  lm_forget(e->view);
  if (failed) return NULL;
  const char *s = lua_tolstring(e->sb.L, -1, len);
  char *copy = ar_strndup(e->a, s, *len);
  lua_pop(e->sb.L, 1);
  return copy;
}
