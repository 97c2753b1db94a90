// api.js: the JS API of build/web/plancheck.js (emcc --post-js), fixed for
// the page (docs: README, "In the browser"):
//   pc.FS                 emscripten's in-memory file system
//   pc.run(argv, stdin)   => {status, stdout, stderr}: `plancheck ARGV...`
//   pc.lsp(message)       => the messages `plancheck lsp` sends back
// The C side is src/webapi.c. Output is gathered as bytes and decoded as
// UTF-8 once, so a letter split across writes stays whole.

(function () {
  var io = null;   // the streams of the run under way
  // Set when the C code stopped on a trap: its memory may be left half
  // changed, so no later run is trusted (a false finding is worse than
  // none); the page loads the module again.
  var broken = null;
  var decoder = new TextDecoder('utf-8');
  var encoder = new TextEncoder();

  function Bytes() { this.buf = new Uint8Array(1 << 12); this.len = 0; }
  Bytes.prototype.push = function (b) {
    if (this.len === this.buf.length) {
      var bigger = new Uint8Array(this.buf.length * 2);
      bigger.set(this.buf);
      this.buf = bigger;
    }
    this.buf[this.len++] = b;
  };
  Bytes.prototype.text = function () { return decoder.decode(this.buf.subarray(0, this.len)); };

  Module['wbInput'] = function () {
    return io && io.pos < io.input.length ? io.input[io.pos++] : null;
  };
  // Bytes written outside a run (none is expected) are dropped.
  Module['wbOutput'] = function (fd, b) {
    if (io && b !== null && b !== undefined) (fd === 1 ? io.out : io.err).push(b & 255);
  };

  // A C array of C strings (NULL-terminated), freed by freeArgv.
  function makeArgv(args) {
    var ptrs = args.map(function (a) {
      var s = String(a), n = lengthBytesUTF8(s) + 1, p = _malloc(n);
      stringToUTF8(s, p, n);
      return p;
    });
    var argv = _malloc(4 * (ptrs.length + 1));
    ptrs.forEach(function (p, i) { HEAP32[(argv >> 2) + i] = p; });
    HEAP32[(argv >> 2) + ptrs.length] = 0;
    return { argv: argv, ptrs: ptrs };
  }
  function freeArgv(a) { a.ptrs.forEach(function (p) { _free(p); }); _free(a.argv); }

  // Calls f with the streams set; exit() inside the C code (out of
  // memory) ends the call with its status; anything else thrown is a bug
  // of plancheck, reported on stderr with status 70 rather than thrown.
  function withStreams(stdin, f) {
    if (broken) return { status: 70, stdout: '', stderr: broken };
    io = { input: encoder.encode(stdin == null ? '' : String(stdin)), pos: 0, out: new Bytes(), err: new Bytes() };
    var status;
    try {
      status = f();
    } catch (e) {
      if (e instanceof ExitStatus) status = e.status;
      else {
        status = 70;
        broken = 'plancheck: internal error: ' + (e && e.message || e) + '; load the module again\n';
        var why = encoder.encode(broken);
        for (var i = 0; i < why.length; i++) io.err.push(why[i]);
      }
      try { _wb_flush(); } catch (e2) { /* the module is broken: nothing more to gather */ }
    }
    var r = { status: status, stdout: io.out.text(), stderr: io.err.text() };
    io = null;
    return r;
  }

  Module['run'] = function (argv, stdin) {
    if (!Array.isArray(argv)) throw new TypeError('pc.run: argv must be an array of strings');
    var a = makeArgv(['plancheck'].concat(argv));
    try {
      return withStreams(stdin, function () { return _wb_run(a.ptrs.length, a.argv); });
    } finally {
      freeArgv(a);
    }
  };

  // The frames the server wrote: "Content-Length: N\r\n\r\n" and N bytes
  // of JSON each.
  function frames(bytes) {
    var out = [], at = 0;
    while (at < bytes.length) {
      var end = -1;
      for (var i = at; i + 3 < bytes.length; i++)
        if (bytes[i] === 13 && bytes[i + 1] === 10 && bytes[i + 2] === 13 && bytes[i + 3] === 10) { end = i; break; }
      if (end < 0) break;
      var m = /Content-Length: *(\d+)/i.exec(decoder.decode(bytes.subarray(at, end)));
      if (!m) break;
      var body = end + 4, n = Number(m[1]);
      out.push(JSON.parse(decoder.decode(bytes.subarray(body, body + n))));
      at = body + n;
    }
    return out;
  }

  var lspRunning = false;
  Module['lspArgs'] = ['-I', '/work'];
  Module['lsp'] = function (message) {
    var text = JSON.stringify(message);
    var bytes = encoder.encode(text === undefined ? '' : text);
    if (!lspRunning) {
      var a = makeArgv(Module['lspArgs']);
      var started;
      try {
        started = withStreams('', function () { return _wb_lsp_start(a.ptrs.length, a.argv); });
      } finally {
        freeArgv(a);
      }
      if (started.status !== 0) {
        var id = message && typeof message === 'object' && 'id' in message ? message.id : null;
        return [{ jsonrpc: '2.0', id: id, error: { code: -32603, message: started.stderr || 'plancheck lsp did not start' } }];
      }
      lspRunning = true;
    }
    var p = _malloc(bytes.length + 1);
    HEAPU8.set(bytes, p);
    var answered;
    try {
      answered = withStreams('', function () { return _wb_lsp(p, bytes.length); });
    } finally {
      _free(p);
    }
    if (answered.status !== -1) lspRunning = false;   // exit, or the server failed
    if (answered.status === 70) return [{ jsonrpc: '2.0', id: null, error: { code: -32603, message: answered.stderr } }];
    var ptr = _wb_lsp_answer(), len = _wb_lsp_answer_len();
    return frames(HEAPU8.slice(ptr, ptr + len));
  };
})();
