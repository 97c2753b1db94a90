// tests/web/core/test.js JS BIN: build/web/plancheck.js (JS) against the
// native program (BIN), in node; run by tests/web/core/run (see there).
// Ends with "N passed, N failed".
'use strict';
const fs = require('fs');
const path = require('path');
const cp = require('child_process');

const ROOT = path.resolve(__dirname, '..', '..', '..');
const [JS, BIN] = process.argv.slice(2).map((p) => path.resolve(p));
let pass = 0, fail = 0;
function ok(cond, name, detail) {
  if (cond) { pass++; return; }
  fail++;
  console.log('FAIL: ' + name + (detail === undefined ? '' : '\n  ' + String(detail).slice(0, 2000)));
}

// The native program in the repository's root (where plans/ is), the
// module in /work holding the same files: the same relative arguments
// name the same files, and the outputs compare byte for byte.
function native(argv, stdin, cwd) {
  const r = cp.spawnSync(BIN, argv, { cwd: cwd || ROOT, input: stdin === undefined ? '' : stdin,
                                      env: { PATH: process.env.PATH, LANG: 'C.UTF-8' }, maxBuffer: 1 << 28 });
  return { status: r.status, stdout: r.stdout.toString('utf8'), stderr: r.stderr.toString('utf8') };
}
function put(pc, rel) {
  const dirs = path.dirname(rel).split('/');
  for (let i = 1; i <= dirs.length; i++) {
    const d = '/work/' + dirs.slice(0, i).join('/');
    if (!pc.FS.analyzePath(d).exists) pc.FS.mkdir(d);
  }
  pc.FS.writeFile('/work/' + rel, fs.readFileSync(path.join(ROOT, rel)));
}
function same(pc, name, argv, stdin, cwd) {
  const got = pc.run(argv, stdin), want = native(argv, stdin, cwd);
  for (const k of ['status', 'stdout', 'stderr'])
    ok(got[k] === want[k], name + ': ' + k + ' as the command line\'s',
       'wasm:   ' + JSON.stringify(got[k]).slice(0, 600) + '\nnative: ' + JSON.stringify(want[k]).slice(0, 600));
  return got;
}
function neverThrows(name, f) {
  try { f(); ok(true, name); } catch (e) { ok(false, name + ': threw', e && e.stack); }
}

(async () => {
  const size = fs.statSync(JS).size;
  const createPlancheck = require(JS);
  const pc = await createPlancheck();
  pc.FS.mkdir('/work');
  pc.FS.chdir('/work');
  const tw = fs.readdirSync(path.join(ROOT, 'plans/tw')).filter((f) => f.endsWith('.plan'));
  for (const f of ['plans/tuyphuoc.plan', 'tests/import/tuyphuoc-excerpt.md'].concat(tw.map((f) => 'plans/tw/' + f)))
    put(pc, f);
  const plan = ['-I', 'plans/tw', 'plans/tuyphuoc.plan'];

  // ---- pc.run: the command line, in process ----
  for (const lang of [[], ['--lang=vi']]) {
    const l = lang.length ? 'vi' : 'en';
    const r = same(pc, 'check (' + l + ')', lang.concat(['check'], plan));
    ok(r.status === 1 && /\[coverage-missing\]|\[/.test(r.stderr), 'check (' + l + ') finds something', r.stderr.slice(0, 300));
    same(pc, 'check --format=json (' + l + ')', lang.concat(['check', '--format=json'], plan));
    same(pc, 'coverage (' + l + ')', lang.concat(['coverage'], plan));
    same(pc, 'agenda (' + l + ')', lang.concat(['agenda', '--as-of', '2024-06-01'], plan));
    same(pc, 'report html (' + l + ')', lang.concat(['report', '--format', 'html', '--as-of', '2024-06-01'], plan));
    same(pc, 'fmt (' + l + ')', lang.concat(['fmt', 'plans/tuyphuoc.plan']));
  }
  const vi = pc.run(['--lang=vi', 'check'].concat(plan)), en = pc.run(['check'].concat(plan));
  ok(/lỗi|cảnh báo/.test(vi.stderr) && !/lỗi/.test(en.stderr), 'the language of each run is its own (vi, then en)');
  const pasted = fs.readFileSync(path.join(ROOT, 'tests/import/tuyphuoc-excerpt.md'), 'utf8');
  const draft = same(pc, 'import of pasted text', ['import', '-'], pasted);
  ok(draft.status === 0 && /^plan /m.test(draft.stdout), 'import gives a draft plan', draft.stderr);
  same(pc, 'import of pasted text with its parent', ['import', '-', '--parent', 'plans/tw/12-kh-tw.plan'], pasted);
  same(pc, 'import twice: standard input is read afresh', ['import', '-'], pasted.slice(0, 2000));
  const started = ['--lang=en', 'new', '--from', 'plans/tw/12-kh-tw.plan', '--level', 'province', '--issuer', 'tinh_uy',
                   '--number', 'T1-CTr/TU', '--date', '2023-01-15'];
  const child = same(pc, 'new --from', started);
  ok(child.status === 0 && /T1-CTr\/TU/.test(child.stdout), 'new gives the child plan', child.stderr);
  pc.FS.writeFile('/work/draft.plan', draft.stdout);
  const written = pc.run(['import', '-', '-o', 'draft.plan'], pasted);
  ok(written.status !== 0 && pc.FS.readFile('/work/draft.plan', { encoding: 'utf8' }) === draft.stdout,
     'import -o over an existing file without --force: refused, the file kept', written.stderr);
  const word = pc.run(['import', 'x.docx']);
  ok(word.status !== 0 && /Word/.test(word.stderr), 'import of a .docx says this build cannot read it', word.stderr);

  // ---- bad input: a located error, never a throw ----
  const badBytes = new Uint8Array([0x70, 0x6c, 0x61, 0x6e, 0x20, 0xff, 0xfe, 0, 0x22, 0x0a, 0x7b]);
  const tmp = fs.mkdtempSync(path.join(require('os').tmpdir(), 'web-core-'));
  fs.writeFileSync(path.join(tmp, 'bad.plan'), badBytes);
  pc.FS.writeFile('/work/bad.plan', badBytes);
  const cases = [['check', 'bad.plan'], ['check', 'none.plan'], ['bogus-command'], ['check', '--format=nope', 'bad.plan'],
                 ['fmt', 'bad.plan'], ['import', '-'], ['report', '--format', 'html', 'bad.plan'], ['--lang=xx'], [],
                 ['coverage', '/'], ['new', '--from', 'bad.plan']];
  for (const a of cases) {
    let r;
    neverThrows('pc.run ' + JSON.stringify(a) + ' returns', () => { r = pc.run(a, '\u0000\uffff\ud800 rác'); });
    if (r) ok(typeof r.status === 'number' && r.status !== 70 && typeof r.stderr === 'string',
              'pc.run ' + JSON.stringify(a) + ': a status and a message', JSON.stringify(r));
  }
  const located = pc.run(['check', 'bad.plan']);
  ok(located.status === 2 || located.status === 1, 'a bad plan: exit 1 or 2', located.status);
  ok(/^bad\.plan:1:\d+: /m.test(located.stderr), 'a bad plan: the error is located', located.stderr);
  same(pc, 'a bad plan: as the command line', ['check', 'bad.plan'], undefined, tmp);
  fs.rmSync(tmp, { recursive: true });
  // Every malformed input of tests/bad (the main suite's): the same
  // located errors as the command line, none an internal error. Those that
  // make special files (a symlink, a fifo, /dev/zero) are left out: the
  // page's in-memory file system holds only the files the page writes.
  const badDir = path.join(ROOT, 'tests/bad');
  let badSame = 0, badCases = 0;
  for (const gen of fs.readdirSync(badDir).filter((f) => f.endsWith('.sh')).sort()) {
    const dir = fs.mkdtempSync(path.join(require('os').tmpdir(), 'web-core-bad-'));
    cp.spawnSync('bash', [path.join(badDir, gen)], { cwd: dir });
    const special = (d) => fs.readdirSync(d, { withFileTypes: true })
      .some((e) => e.isDirectory() ? special(path.join(d, e.name)) : !e.isFile());
    if (special(dir) || /\/dev\//.test(fs.readFileSync(path.join(badDir, gen), 'utf8'))) {
      fs.rmSync(dir, { recursive: true });
      continue;
    }
    const wdir = '/bad/' + gen.replace(/\.sh$/, '');
    const copy = (from, to) => {
      if (!pc.FS.analyzePath(to).exists) pc.FS.mkdirTree(to);
      for (const e of fs.readdirSync(from, { withFileTypes: true })) {
        if (e.isDirectory()) copy(path.join(from, e.name), to + '/' + e.name);
        else if (e.isFile()) pc.FS.writeFile(to + '/' + e.name, fs.readFileSync(path.join(from, e.name)));
      }
    };
    copy(dir, wdir);
    pc.FS.chdir(wdir);
    const args = ['--color=never', 'case.plan'];
    const got = pc.run(args), want = native(args, '', dir);
    pc.FS.chdir('/work');
    fs.rmSync(dir, { recursive: true });
    badCases++;
    if (got.status === want.status && got.stdout === want.stdout && got.stderr === want.stderr) badSame++;
    else ok(false, 'bad ' + gen + ': as the command line', JSON.stringify(got).slice(0, 400) + '\n' + JSON.stringify(want).slice(0, 400));
  }
  ok(badCases > 50 && badSame === badCases, 'tests/bad: ' + badSame + ' of ' + badCases + ' cases as the command line');
  const after = pc.run(['check'].concat(plan));
  ok(after.stderr === en.stderr, 'the module checks as before after the bad runs');

  // ---- pc.lsp: the language server, one message at a time ----
  pc.lspArgs = ['-I', '/work/plans/tw'];
  const uri = 'file:///work/plans/tuyphuoc.plan';
  const text = fs.readFileSync(path.join(ROOT, 'plans/tuyphuoc.plan'), 'utf8');
  const init = pc.lsp({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
  ok(init.length === 1 && init[0].id === 1 && init[0].result && init[0].result.capabilities, 'lsp: initialize answered', JSON.stringify(init));
  ok(pc.lsp({ jsonrpc: '2.0', method: 'initialized', params: {} }).length === 0, 'lsp: initialized: nothing sent');
  const opened = pc.lsp({ jsonrpc: '2.0', method: 'textDocument/didOpen',
                          params: { textDocument: { uri, languageId: 'plan', version: 1, text } } });
  const pub = opened.filter((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri);
  ok(pub.length === 1, 'lsp: didOpen publishes the diagnostics of the plan', JSON.stringify(opened).slice(0, 500));
  const want = JSON.parse(native(['check', '--format', 'json', '-I', 'plans/tw', 'plans/tuyphuoc.plan']).stdout).diagnostics
    .filter((d) => d.file === 'plans/tuyphuoc.plan').map((d) => [d.code, d.line - 1, d.column - 1].join(' ')).sort();
  const got = pub.length ? pub[0].params.diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character].join(' ')).sort() : [];
  ok(want.length > 0 && JSON.stringify(got) === JSON.stringify(want),
     'lsp: the diagnostics are the findings of check (' + want.length + ')', 'lsp:   ' + got.slice(0, 8) + '\ncheck: ' + want.slice(0, 8));
  // A change that breaks a line gives a finding; undoing it takes it away.
  const broken = text.replace(/^plan /m, 'plan plan ');
  const change = (version, t) => pc.lsp({ jsonrpc: '2.0', method: 'textDocument/didChange',
                                          params: { textDocument: { uri, version }, contentChanges: [{ text: t }] } })
    .filter((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri);
  const b = change(2, broken);
  ok(b.length === 1 && b[0].params.diagnostics.some((d) => d.severity === 1) && b[0].params.diagnostics.length !== got.length,
     'lsp: a change that breaks the plan: an error appears', JSON.stringify(b).slice(0, 400));
  const back = change(3, text);
  const backSet = back.length ? back[0].params.diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character].join(' ')).sort() : [];
  ok(JSON.stringify(backSet) === JSON.stringify(got), 'lsp: undoing it: the findings are back as before',
     JSON.stringify(backSet.filter((x) => !got.includes(x))) + ' / ' + JSON.stringify(got.filter((x) => !backSet.includes(x))));
  const hover = pc.lsp({ jsonrpc: '2.0', id: 2, method: 'textDocument/hover',
                         params: { textDocument: { uri }, position: { line: 72, character: 16 } } });
  ok(hover.length === 1 && hover[0].id === 2 && !hover[0].error, 'lsp: hover answered', JSON.stringify(hover).slice(0, 300));
  for (const m of [undefined, 'text', 42, null, [], {}, { jsonrpc: '2.0', id: {}, method: 'x' },
                   { jsonrpc: '2.0', id: 9, method: 'no/such' }, { jsonrpc: '2.0', id: 10, method: 'textDocument/hover', params: 7 }]) {
    let r;
    neverThrows('pc.lsp(' + JSON.stringify(m) + ') returns', () => { r = pc.lsp(m); });
    ok(Array.isArray(r) && r.every((x) => x && x.jsonrpc === '2.0'), 'pc.lsp(' + JSON.stringify(m) + '): messages', JSON.stringify(r));
  }
  const down = pc.lsp({ jsonrpc: '2.0', id: 3, method: 'shutdown' });
  ok(down.length === 1 && down[0].id === 3 && down[0].result === null, 'lsp: shutdown answered', JSON.stringify(down));
  ok(pc.lsp({ jsonrpc: '2.0', method: 'exit' }).length === 0, 'lsp: exit ends the server');
  const again = pc.lsp({ jsonrpc: '2.0', id: 4, method: 'initialize', params: { capabilities: {} } });
  ok(again.length === 1 && again[0].result, 'lsp: after exit, the next message starts a new server', JSON.stringify(again));
  pc.lspArgs = ['--bogus'];
  pc.lsp({ jsonrpc: '2.0', method: 'exit' });
  const refused = pc.lsp({ jsonrpc: '2.0', id: 5, method: 'initialize', params: {} });
  ok(refused.length === 1 && refused[0].error && /--bogus/.test(refused[0].error.message),
     'lsp: bad lspArgs: an error answer naming the option', JSON.stringify(refused));

  // No fork in the browser: with --split-after 0 (which splits every check
  // after the first natively) the findings of the text checks (link-weak
  // here) still come with each change.
  pc.lspArgs = ['--split-after', '0', '-I', '/work/plans/tw'];
  pc.lsp({ jsonrpc: '2.0', method: 'exit' });
  pc.lsp({ jsonrpc: '2.0', id: 7, method: 'initialize', params: { capabilities: {} } });
  pc.lsp({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'plan', version: 1, text } } });
  const whole = change(2, text + '\n# a comment\n');
  const wholeSet = whole.length ? whole[0].params.diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character].join(' ')).sort() : [];
  ok(got.some((x) => x.startsWith('link-weak ')) && JSON.stringify(wholeSet) === JSON.stringify(got),
     'lsp --split-after 0: every check is whole (no fork in the browser): the text checks\' findings too',
     JSON.stringify(got.filter((x) => !wholeSet.includes(x))));
  pc.lsp({ jsonrpc: '2.0', method: 'exit' });

  // --lang=vi in lspArgs: Vietnamese diagnostics, whatever language the
  // last pc.run spoke (English here).
  pc.lspArgs = ['--lang=vi', '-I', '/work/plans/tw'];
  const viCheck = JSON.parse(pc.run(['--lang=vi', 'check', '--format=json'].concat(plan)).stdout).diagnostics
    .filter((d) => d.file === 'plans/tuyphuoc.plan').map((d) => d.code + ' ' + d.message).sort();
  pc.run(['check'].concat(plan));
  pc.lsp({ jsonrpc: '2.0', id: 6, method: 'initialize', params: { capabilities: {} } });
  const viOpen = pc.lsp({ jsonrpc: '2.0', method: 'textDocument/didOpen',
                          params: { textDocument: { uri, languageId: 'plan', version: 1, text } } })
    .filter((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri);
  const viGot = viOpen.length ? viOpen[0].params.diagnostics.map((d) => d.code + ' ' + d.message.split('\n')[0]).sort() : [];
  ok(viGot.length === viCheck.length && viGot.every((m) => viCheck.some((c) => c.startsWith(m))) && /kế hoạch/.test(viGot.join()),
     'lsp --lang=vi: the diagnostics in Vietnamese, as check --lang=vi words them', viGot.slice(0, 3) + '\n' + viCheck.slice(0, 3));

  console.log('build/web/plancheck.js: ' + size + ' bytes');
  console.log(pass + ' passed, ' + fail + ' failed');
  process.exitCode = fail ? 1 : 0;
})().catch((e) => { console.log('FAIL: ' + (e && e.stack)); console.log(pass + ' passed, ' + (fail + 1) + ' failed'); process.exitCode = 1; });
