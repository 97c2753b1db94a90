/* lsp_rpc: the Language Server Protocol's transport: JSON-RPC 2.0 messages
 * framed by a Content-Length header on a byte stream (stdin and stdout).
 *
 * Reading never trusts the peer: headers and bodies are bounded, a frame
 * that cannot be read or parsed becomes an error the server answers (id
 * null), and only the end of the stream ends the loop. JSON is jansson's;
 * its allocations go through mem (out of memory: exit 2, as everywhere).
 * Layer: command line (the language server); calls mem and jansson. */
#ifndef PLANCHECK_LSP_RPC_H
#define PLANCHECK_LSP_RPC_H

#include <stddef.h>
#include <stdio.h>

#include <jansson.h>

/* The largest message body read (a whole plan travels in one: the model's
 * offsets are 32-bit, and 64 MiB is far above any plan written by hand). */
#define LSP_MAX_BODY ((size_t)64 << 20)

/* JSON-RPC error codes (the LSP specification's names). */
enum {
  LSP_PARSE_ERROR = -32700, LSP_INVALID_REQUEST = -32600, LSP_METHOD_NOT_FOUND = -32601,
  LSP_INVALID_PARAMS = -32602, LSP_INTERNAL_ERROR = -32603,
  LSP_SERVER_NOT_INITIALIZED = -32002, LSP_REQUEST_FAILED = -32803,
};

/* Routes jansson's allocations through mem (call once, before any JSON). */
void lsp_json_init(void);

/* What lsp_read found. */
typedef enum lsp_frame {
  LSP_FRAME_OK,              /* *msg holds the parsed message */
  LSP_FRAME_EOF,             /* the stream ended (between frames or inside one) */
  LSP_FRAME_BAD,             /* a frame was read but is not a JSON-RPC message:
                                *error and *code say why (the server answers
                                with id null) */
} lsp_frame;

/* Reads one frame from `in`. On LSP_FRAME_BAD, *code is LSP_PARSE_ERROR
 * or LSP_INVALID_REQUEST and *error a static English text; the stream is
 * left at the start of the next frame. */
lsp_frame lsp_read(FILE *in, json_t **msg, int *code, const char **error);

/* Writes `msg` as one frame and flushes; takes the reference. 0, or -1
 * when the stream is broken (the client went away). */
int lsp_send(FILE *out, json_t *msg);

/* A response to request `id` (borrowed) with `result` (taken; NULL: null). */
json_t *lsp_result(json_t *id, json_t *result);
/* An error response to request `id` (borrowed; NULL: null). */
json_t *lsp_error(json_t *id, int code, const char *message);
/* A notification `method` with `params` (taken). */
json_t *lsp_notification(const char *method, json_t *params);

/* A JSON string of s[0..n) that is valid UTF-8 whatever the bytes (a bad
 * byte becomes U+FFFD, as everywhere plancheck writes JSON). */
json_t *lsp_string(const char *s, size_t n);

#endif
