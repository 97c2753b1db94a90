// main.js: the page of plancheck.html. Everything runs in the page: the
// checker is plancheck compiled to WebAssembly (build/web/plancheck.js,
// inlined by web/build.js), spoken to through its JS API: pc.FS (the
// in-memory files under /work/), pc.run(argv, stdin) (the command line)
// and pc.lsp(message) (the language server, for the editor). Results are
// awaited, so a module whose calls return promises works the same.
//
// Files: the plan being edited is /work/NAME.plan; parent plans are
// written under /work/parents/, so `-I /work` finds them as the command
// line finds plans in a directory.
import { EditorState } from '@codemirror/state';
import { EditorView, keymap, lineNumbers, highlightActiveLine, hoverTooltip } from '@codemirror/view';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { setDiagnostics, lintGutter, forEachDiagnostic } from '@codemirror/lint';
import { autocompletion } from '@codemirror/autocomplete';
import { planLanguage, planHighlight } from './planlang.js';
import { STRINGS } from './strings.js';

const $ = (id) => document.getElementById(id);
const app = {
  pc: null,
  lang: 'vi',
  path: null,          // /work/NAME.plan, the plan in the editor
  parents: [],         // paths of the parent plans loaded
  view: null,
  version: 0,
  rpcId: 0,
  checkTimer: 0,
  edits: 0,            // edits made; body[data-checked] is PATH#EDITS of the list shown
  saved: 0,            // app.edits when the plan was opened or last saved
  bodies: null,        // --list-bodies of the library and the parents, for "new"
};
window.plancheckPage = app;   // for the tests and the curious

const S = () => STRINGS[app.lang];
const langArgs = () => ['--lang=' + app.lang];

// ---- the checker ----

// The module runs in workers made from its inlined text, so the page
// answers the keyboard while it checks: one for the language server
// (each keystroke's underlines), one for the command line (the list,
// the views, import, new, fmt), so a keystroke never waits behind the
// full check the list runs after a pause. Each has its own file system:
// the page's writes go to both. The proxy has the module's API, its
// calls returning promises (answered in the order they were made).
// Without the text (a build with --main-thread) it runs in the page.
async function loadChecker() {
  const src = document.getElementById('plancheck-src');
  if (!src) return window.createPlancheck();
  try {
    const url = URL.createObjectURL(new Blob([src.textContent, '\n(', workerMain.toString(), ')();\n'], { type: 'text/javascript' }));
    const both = await Promise.all([inWorker(url), inWorker(url)]);
    URL.revokeObjectURL(url);
    return proxy(both[0], both[1]);
  } catch (e) {
    // A browser that refuses workers: the module runs in the page.
    console.warn('plancheck: no worker (' + e.message + '), checking in the page');
    (0, eval)(src.textContent);   // eslint-disable-line no-eval
    return window.createPlancheck();
  }
}

// One worker running the module: call(op, ...args) answers a promise.
async function inWorker(url) {
  const worker = new Worker(url);
  const waiting = new Map();
  let seq = 0;
  const failAll = (why) => { for (const w of waiting.values()) w.reject(new Error(why)); waiting.clear(); };
  worker.onmessage = (e) => {
    const w = waiting.get(e.data.id);
    waiting.delete(e.data.id);
    if (!w) return;
    if ('error' in e.data) w.reject(new Error(e.data.error)); else w.resolve(e.data.result);
  };
  worker.onerror = (e) => failAll(e.message || 'the checker stopped');
  const call = (op, ...args) => new Promise((resolve, reject) => {
    const id = ++seq;
    waiting.set(id, { resolve, reject });
    worker.postMessage({ id, op, args });
  });
  await call('init');
  return call;
}

function proxy(server, runner) {
  const fs = (name) => (...args) => {
    for (const call of [server, runner]) {
      call('fs', name, ...args).then((ok) => { if (!ok && name === 'writeFile') console.warn('plancheck: could not write ' + args[0]); });
    }
  };
  return {
    FS: { writeFile: fs('writeFile'), mkdir: fs('mkdir'), chdir: fs('chdir'), unlink: fs('unlink') },
    run: (argv, stdin) => runner('run', argv, stdin),
    lsp: (message) => server('lsp', message),
    set lspArgs(a) { server('lspArgs', a); },
  };
}

// The worker's side: runs inside the worker, after the module's text.
function workerMain() {
  let pc = null;
  self.onmessage = async (e) => {
    const { id, op, args } = e.data;
    try {
      let result = true;
      if (op === 'init') pc = await createPlancheck();   // eslint-disable-line no-undef
      else if (op === 'run') result = pc.run(args[0], args[1]);
      else if (op === 'lsp') result = pc.lsp(args[0]);
      else if (op === 'lspArgs') pc.lspArgs = args[0];
      else if (op === 'fs') { try { pc.FS[args[0]](...args.slice(1)); } catch (err) { result = false; } }
      self.postMessage({ id, result });
    } catch (err) {
      self.postMessage({ id, error: String((err && err.message) || err) });
    }
  };
}

async function run(argv, stdin) {
  const r = await app.pc.run(langArgs().concat(argv), stdin || '');
  return r;
}

function writeFile(path, data) { app.pc.FS.writeFile(path, data); }

// /work is the working directory too, so that the paths plancheck
// writes into a plan (new's `path` to the parent) are relative to the
// plan's own folder, as the command line run there writes them.
function mkdirs() {
  for (const d of ['/work', '/work/parents']) {
    try { app.pc.FS.mkdir(d); } catch (e) { /* exists */ }
  }
  app.pc.FS.chdir('/work');
}

// ---- the language server ----

async function lsp(method, params, notify) {
  const msg = { jsonrpc: '2.0', method, params };
  if (!notify) msg.id = ++app.rpcId;
  const out = await app.pc.lsp(msg);
  let result = null;
  for (const m of out || []) {
    if (m.method === 'textDocument/publishDiagnostics') showDiagnostics(m.params);
    else if (msg.id !== undefined && m.id === msg.id) result = m.result;
  }
  return result;
}

const uri = () => 'file://' + app.path;

// The server speaks the language it was started in (pc.lspArgs); a
// server that has exited is started again on the next message.
async function lspStart() {
  app.pc.lspArgs = ['--lang=' + app.lang, '-I', '/work'];
  await lsp('initialize', { processId: null, rootUri: 'file:///work', capabilities: {} });
  await lsp('initialized', {}, true);
}

async function lspRestart() {
  await lsp('shutdown', null);
  await lsp('exit', null, true);
  await lspStart();
  if (app.path) await lspOpen(app.view.state.doc.toString());
}

// LSP positions count UTF-16 units, as CodeMirror's offsets do.
function offset(doc, pos) {
  const line = doc.line(Math.min(pos.line + 1, doc.lines));
  return Math.min(line.from + pos.character, line.to);
}

function position(doc, off) {
  const line = doc.lineAt(off);
  return { line: line.number - 1, character: off - line.from };
}

function showDiagnostics(params) {
  if (!app.view || params.uri !== uri()) return;
  const doc = app.view.state.doc;
  const diags = params.diagnostics.map((d) => {
    const from = offset(doc, d.range.start);
    return {
      from, to: Math.max(from, offset(doc, d.range.end)),
      severity: d.severity === 1 ? 'error' : d.severity === 2 ? 'warning' : 'info',
      message: d.message + (d.code ? ` [${d.code}]` : ''),
    };
  });
  app.view.dispatch(setDiagnostics(app.view.state, diags));
  document.body.dataset.lspVersion = String(app.version);
  app.underlinedAt = performance.now();   // for the benchmark (tests/web/page/run --bench)
  $('underlined').textContent = String(diags.length);
}

async function lspOpen(text) {
  app.version = 1;
  await lsp('textDocument/didOpen', { textDocument: { uri: uri(), languageId: 'plan', version: 1, text } }, true);
}

async function lspChange(text) {
  app.version++;
  await lsp('textDocument/didChange', { textDocument: { uri: uri(), version: app.version }, contentChanges: [{ text }] }, true);
}

// The underlines as the editor holds them (the DOM shows only the lines
// in view), for the tests.
app.underlines = () => {
  const out = [];
  forEachDiagnostic(app.view.state, (d, from, to) => out.push({ line: app.view.state.doc.lineAt(from).number, from, to, severity: d.severity, message: d.message }));
  return out;
};

app.hoverAt = (pos) => lsp('textDocument/hover', { textDocument: { uri: uri() }, position: position(app.view.state.doc, pos) });

const hover = hoverTooltip(async (view, pos) => {
  if (!app.path) return null;
  const r = await app.hoverAt(pos);
  if (!r || !r.contents) return null;
  const text = typeof r.contents === 'string' ? r.contents : r.contents.value || '';
  if (!text) return null;
  // The tooltip covers the range the server names: the editor keeps it
  // while the mouse stays over that range.
  const doc = view.state.doc;
  const from = r.range ? offset(doc, r.range.start) : pos, to = r.range ? offset(doc, r.range.end) : pos;
  return { pos: from, end: Math.max(to, from), above: true, create() { const dom = document.createElement('div'); dom.className = 'hover'; dom.textContent = text; return { dom }; } };
});

async function complete(ctx) {
  if (!app.path) return null;
  const word = ctx.matchBefore(/[\p{L}\p{M}\p{N}_.:\-\/]*/u);
  const r = await lsp('textDocument/completion', { textDocument: { uri: uri() }, position: position(ctx.state.doc, ctx.pos) });
  const items = Array.isArray(r) ? r : (r && r.items) || [];
  if (!items.length) return null;
  return {
    from: word ? word.from : ctx.pos,
    // A body is found by its id or a word of its name (the server's
    // filterText, "btc_hu Ban Tổ chức Huyện ủy"): the editor matches the
    // label, shows the displayLabel.
    options: items.map((it) => ({ label: it.filterText || it.label, displayLabel: it.label, detail: it.detail,
      apply: it.insertText || (it.textEdit && it.textEdit.newText) || it.label })),
  };
}

// ---- the editor ----

function makeEditor() {
  app.view = new EditorView({
    parent: $('editor'),
    state: EditorState.create({ doc: '', extensions: editorExtensions() }),
  });
}

function editorExtensions() {
  return [
    lineNumbers(), highlightActiveLine(), history(), lintGutter(),
    keymap.of([...defaultKeymap, ...historyKeymap]),
    planLanguage, planHighlight, hover,
    autocompletion({ override: [complete] }),
    EditorView.lineWrapping,
    EditorView.updateListener.of((u) => { if (u.docChanged && app.path) edited(); }),
  ];
}

// Every keystroke: the text to the file system and the server (the
// underlines come back at once); the full check for the list waits for
// a pause in the typing.
async function edited() {
  app.edits++;
  const text = app.view.state.doc.toString();
  writeFile(app.path, text);
  await lspChange(text);
  clearTimeout(app.checkTimer);
  app.checkTimer = setTimeout(refresh, 300);
}

// One plan at a time under /work: the one it replaces leaves the file
// system (and the server), so `-I /work` never finds two drafts with the
// same key.
// Returns false, opening nothing, when the user keeps unsaved changes.
async function openPlan(name, text) {
  if (!mayDiscard()) return false;
  const path = '/work/' + safeName(name, '.plan');
  if (app.path && app.path !== path) {
    await lsp('textDocument/didClose', { textDocument: { uri: uri() } }, true);
    try { app.pc.FS.unlink(app.path); } catch (e) { /* already gone */ }
  }
  app.path = path;
  writeFile(app.path, text);
  app.view.setState(EditorState.create({ doc: text, extensions: editorExtensions() }));
  app.saved = app.edits;
  $('plan-name').textContent = app.path.slice(6);
  await lspOpen(text);
  await refresh();
  return true;
}

// Edits since the plan was opened or saved are lost only when the user
// says so: the page keeps no copy (a classified plan stays nowhere but
// in the file the user saves).
const dirty = () => app.path && app.edits !== app.saved;
const mayDiscard = () => !dirty() || window.confirm(S().unsaved);

function safeName(name, ext) {
  let base = name.replace(/^.*[\\/]/, '').replace(/[^\p{L}\p{N}._-]+/gu, '-');
  if (!base || base.startsWith('.')) base = 'ke-hoach' + base;
  return base.endsWith(ext) ? base : base + ext;
}

// ---- the findings list (the full check, as the command line gives it) ----

async function refresh() {
  if (!app.path) return;
  const checking = app.path + '#' + app.edits;
  status(S().checking);
  const r = await run(['check', '--format=json', '-I', '/work', app.path]);
  let diags = [];
  try { diags = JSON.parse(r.stdout).diagnostics || []; } catch (e) { diags = null; }
  renderFindings(diags, r);
  status(S().ready);
  document.body.dataset.checked = checking;
  const tab = document.querySelector('.tab.active');
  if (tab && tab.dataset.tab !== 'findings') showTab(tab.dataset.tab);
}

function renderFindings(diags, r) {
  const list = $('findings');
  list.replaceChildren();
  if (diags === null) { list.append(pre(r.stderr || r.stdout)); return; }
  const n = { error: 0, warning: 0, note: 0 };
  for (const d of diags) {
    n[d.severity] = (n[d.severity] || 0) + 1;
    const li = document.createElement('li');
    li.className = 'finding ' + d.severity;
    Object.assign(li.dataset, { code: d.code, severity: d.severity, file: d.file, line: d.line, column: d.column });
    const where = document.createElement('span');
    where.className = 'where';
    where.textContent = `${d.file.replace(/^\/work\/(parents\/)?/, '')}:${d.line}:${d.column}`;
    const sev = document.createElement('span');
    sev.className = 'sev';
    sev.textContent = S().severity[d.severity] || d.severity;
    const msg = document.createElement('span');
    msg.className = 'msg';
    msg.textContent = d.message;
    const code = document.createElement('code');
    code.textContent = d.code;
    li.append(where, sev, msg, code);
    if (d.file === app.path) {   // to its place: a click, or Enter from the keyboard
      li.tabIndex = 0;
      li.addEventListener('click', () => jump(d.line, d.column));
      li.addEventListener('keydown', (e) => { if (e.key === 'Enter') { e.preventDefault(); jump(d.line, d.column); } });
    }
    list.append(li);
  }
  if (!diags.length) { const li = document.createElement('li'); li.className = 'empty'; li.textContent = S().noFindings; list.append(li); }
  $('counts').textContent = S().counts(n.error, n.warning, n.note);
  if (r.stderr) list.append(pre(r.stderr));
}

function jump(line, column) {
  const doc = app.view.state.doc;
  const l = doc.line(Math.min(line, doc.lines));
  const at = Math.min(l.from + [...l.text].slice(0, column - 1).join('').length, l.to);
  app.view.dispatch({ selection: { anchor: at }, scrollIntoView: true });
  app.view.focus();
}

function pre(text) { const p = document.createElement('pre'); p.className = 'output'; p.textContent = text; return p; }

// ---- the other views: coverage, suggestions, agenda, report ----

const VIEWS = {
  coverage: () => ['coverage', '-I', '/work', app.path],
  suggest: () => ['suggest', '-I', '/work', app.path],
  agenda: () => ['agenda', '--as-of', $('as-of').value, '-I', '/work', app.path],
  report: () => ['report', '--format', 'html', '--as-of', $('as-of').value, '-I', '/work', app.path],
};
const last = {};   // the last output of each view, for its download

async function showTab(name) {
  for (const t of document.querySelectorAll('.tab')) t.classList.toggle('active', t.dataset.tab === name);
  for (const p of document.querySelectorAll('.pane')) p.hidden = p.id !== 'pane-' + name;
  if (name === 'findings' || !app.path) return;
  const r = await run(VIEWS[name]());
  last[name] = r;
  const out = $('out-' + name);
  out.replaceChildren();
  if (name === 'report' && r.stdout) {
    const frame = document.createElement('iframe');
    frame.setAttribute('sandbox', '');
    frame.srcdoc = r.stdout;
    frame.title = S().tabReport;
    out.append(frame);
    if (r.stderr) out.append(pre(r.stderr));
  } else {
    out.append(pre(r.stdout + (r.stderr ? '\n' + r.stderr : '')));
  }
  out.dataset.status = String(r.status);
}

// ---- loading files ----

async function readFiles(files) {
  const out = [];
  for (const f of files) out.push({ name: f.webkitRelativePath || f.name, file: f });
  return out;
}

async function loadParents(files) {
  for (const { name, file } of await readFiles(files)) {
    if (!/\.plan$/i.test(name)) continue;
    const path = '/work/parents/' + name.split('/').map((p) => safeName(p, '')).join('/');
    mkdirTree(path);
    writeFile(path, await file.text());
    if (!app.parents.includes(path)) app.parents.push(path);
    app.bodies = null;
    await lsp('workspace/didChangeWatchedFiles', { changes: [{ uri: 'file://' + path, type: 1 }] }, true);
  }
  renderFileList();
  await refresh();
}

function mkdirTree(path) {
  const parts = path.split('/').slice(1, -1);
  let d = '';
  for (const p of parts) { d += '/' + p; try { app.pc.FS.mkdir(d); } catch (e) { /* exists */ } }
}

function renderFileList() {
  $('parent-names').textContent = app.parents.length ? app.parents.map((p) => p.slice(14)).join(', ') : S().none;
  const sel = $('new-parent');
  sel.replaceChildren(...app.parents.map((p) => { const o = document.createElement('option'); o.value = p; o.textContent = p.slice(14); return o; }));
}

// ---- import and new ----

// Pasted text, or a text file's: the draft is named after the file.
async function importText(text, name) {
  const argv = ['import', '-'];
  if (app.parents.length) argv.push('-I', '/work/parents');
  $('paste-error').textContent = '';
  const r = await run(argv, text);
  if (r.status !== 0 && !r.stdout) { $('paste-error').textContent = r.stderr; return false; }
  return openPlan(name || draftName(r.stdout), r.stdout);
}

// A pasted draft is named after the number the document prints
// ("05-KH/ĐU" -> 05-KH-ĐU.plan), so that an office's drafts do not all
// download as one name; a document without a number is du-thao.plan.
function draftName(draft) {
  const m = /^(?:plan|kế hoạch|chương trình) "([^"]+)"/m.exec(draft);
  return m ? numberName(m[1]) : 'du-thao.plan';
}

// A plan's file named after its number: "05-KH/ĐU" is 05-KH-ĐU.plan.
const numberName = (number) => safeName(number.replace(/\//g, '-'), '.plan');

// A document that is not a plan: a Word file or a text file becomes a
// draft (import); a PDF the page cannot read (the command line reads it
// with poppler's pdftotext, which the browser lacks) says what to do.
async function openDocument(file) {
  if (/\.docx$/i.test(file.name)) return importDocx(file);
  if (/\.(txt|md)$/i.test(file.name)) {
    status('');
    if (!(await importText(await file.text(), file.name.replace(/\.(txt|md)$/i, '.plan')))) status($('paste-error').textContent);
    return;
  }
  status(/\.pdf$/i.test(file.name) ? S().noPdf : S().unreadable(file.name));
}

async function importDocx(file) {
  const path = '/work/' + safeName(file.name, '.docx');
  writeFile(path, new Uint8Array(await file.arrayBuffer()));
  const argv = ['import', path];
  if (app.parents.length) argv.push('-I', '/work/parents');
  const r = await run(argv);
  if (!r.stdout) { status(r.stderr); return; }
  await openPlan(file.name.replace(/\.docx$/i, '.plan'), r.stdout);
}

async function newFromParent() {
  const argv = ['new', '--from', $('new-parent').value, '--level', $('new-level').value, '--issuer', $('new-issuer').value,
    '--number', $('new-number').value, '--date', $('new-date').value, '-I', '/work/parents'];
  const r = await run(argv);
  if (r.status !== 0) { $('new-error').textContent = r.stderr; return false; }
  return openPlan(numberName($('new-number').value), r.stdout);
}

// The issuers offered: the bodies of the chosen level (the library's and
// the parents') in place on the chosen date, by name; `new` takes
// a name or an id.
async function fillIssuers() {
  if (!app.bodies) {
    const r = await run(['--list-bodies', '--format', 'json', ...app.parents]);
    try { app.bodies = JSON.parse(r.stdout); } catch (e) { app.bodies = []; }
  }
  const level = $('new-level').value, day = $('new-date').value;
  const here = app.bodies.filter((b) => b.level === level && !(day && ((b.from && day < b.from) || (b.replaced_from && b.replaced_from <= day))));
  $('new-issuers').replaceChildren(...here.map((b) => Object.assign(document.createElement('option'), { value: b.name, label: b.id })));
}

// ---- saving ----

function download(name, text, type) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([text], { type: type || 'text/plain;charset=utf-8' }));
  a.download = name;
  document.body.append(a);
  a.click();
  setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
}

// The plan as `plancheck fmt` lays it out; a plan fmt cannot read (a
// syntax error) is saved as typed: the user's work is never lost.
async function savePlan() {
  if (!app.path) return;
  const text = app.view.state.doc.toString();
  writeFile(app.path, text);
  const r = await run(['fmt', app.path]);
  const name = app.path.slice(6);
  if (r.status === 0 && r.stdout) {
    if (r.stdout !== text) app.view.dispatch({ changes: { from: 0, to: app.view.state.doc.length, insert: r.stdout } });
    app.saved = app.edits;
    download(name, r.stdout);
  } else {
    status(S().notFormatted);
    app.saved = app.edits;
    download(name, text);
  }
}

function saveView(name) {
  const r = last[name];
  if (!r || !r.stdout) return;
  const base = app.path.slice(6).replace(/\.plan$/, '');
  if (name === 'report') download(base + '-bao-cao.html', r.stdout, 'text/html;charset=utf-8');
  else download(`${base}-${name}.txt`, r.stdout);
}

// ---- language of the page ----

function applyLang() {
  document.documentElement.lang = app.lang;
  for (const el of document.querySelectorAll('[data-t]')) el.textContent = S()[el.dataset.t];
  for (const o of $('new-level').options) o.textContent = S().levels[o.value];
  $('lang').textContent = S().lang;
  renderFileList();
  if (!app.path) $('findings').replaceChildren(Object.assign(document.createElement('li'), { className: 'empty', textContent: S().noPlan }));
}

function status(text) { $('status').textContent = text; }

// ---- wiring ----

function on(id, ev, fn) { $(id).addEventListener(ev, fn); }

// Files dropped on the page: a .plan opens (the first; the others are
// taken as its parents), a .docx is imported, a .progress read beside
// the plan.
async function dropped(files) {
  const list = [...files];
  const plans = list.filter((f) => /\.plan$/i.test(f.name));
  const doc = list.find((f) => /\.(docx|txt|md|pdf)$/i.test(f.name));
  const record = list.find((f) => /\.progress$/i.test(f.name));
  const other = list.find((f) => f !== doc && f !== record && !plans.includes(f));
  if (other) status(S().unreadable(other.name));
  if (plans.length > 1) await loadParents(plans.slice(1));
  if (plans.length) {
    if (!(await openPlan(plans[0].name, await plans[0].text()))) return;   // kept the edits
  } else if (doc) {
    await openDocument(doc);
  }
  if (record && app.path) {
    writeFile(app.path.replace(/\.plan$/, '.progress'), await record.text());
    await refresh();
  }
}

function wire() {
  document.addEventListener('dragover', (e) => { e.preventDefault(); document.body.classList.add('dragging'); });
  document.addEventListener('dragleave', () => document.body.classList.remove('dragging'));
  document.addEventListener('drop', (e) => {
    e.preventDefault();
    document.body.classList.remove('dragging');
    if (e.dataTransfer && e.dataTransfer.files.length) dropped(e.dataTransfer.files);
  });
  on('open-plan', 'change', async (e) => {
    const f = e.target.files[0];
    if (!f) return;
    if (/\.plan$/i.test(f.name)) await openPlan(f.name, await f.text());
    else await openDocument(f);
    e.target.value = '';
  });
  on('open-parents', 'change', async (e) => { await loadParents(e.target.files); e.target.value = ''; });
  on('open-folder', 'change', async (e) => { await loadParents(e.target.files); e.target.value = ''; });
  on('open-progress', 'change', async (e) => {
    const f = e.target.files[0];
    e.target.value = '';
    if (!f) return;
    if (!app.path) { status(S().needPlan); return; }
    writeFile(app.path.replace(/\.plan$/, '.progress'), await f.text());
    await refresh();
  });
  on('paste-btn', 'click', () => { $('paste-error').textContent = ''; $('paste-dialog').showModal(); });
  on('paste-ok', 'click', async (e) => { e.preventDefault(); if (await importText($('paste-text').value)) $('paste-dialog').close(); });
  on('new-btn', 'click', async () => {
    if (!app.parents.length) { status(S().needParent); return; }
    $('new-error').textContent = '';
    if (!$('new-date').value) $('new-date').value = $('as-of').value;
    await fillIssuers();
    $('new-dialog').showModal();
  });
  on('new-level', 'change', fillIssuers);
  on('new-date', 'change', fillIssuers);
  on('new-ok', 'click', async (e) => { e.preventDefault(); if (await newFromParent()) $('new-dialog').close(); });
  for (const b of document.querySelectorAll('dialog .cancel')) b.addEventListener('click', (e) => { e.preventDefault(); b.closest('dialog').close(); });
  on('save', 'click', savePlan);
  window.addEventListener('beforeunload', (e) => { if (dirty()) { e.preventDefault(); e.returnValue = ''; } });
  for (const t of document.querySelectorAll('.tab')) t.addEventListener('click', () => showTab(t.dataset.tab));
  for (const b of document.querySelectorAll('.save-view')) b.addEventListener('click', () => saveView(b.dataset.view));
  on('as-of', 'change', () => { const t = document.querySelector('.tab.active'); if (t) showTab(t.dataset.tab); });
  on('lang', 'click', async () => {
    app.lang = app.lang === 'vi' ? 'en' : 'vi';
    applyLang();
    await lspRestart();
    await refresh();
    document.body.dataset.lang = app.lang;   // all of the page now in it
  });
}

async function main() {
  $('as-of').value = new Date().toISOString().slice(0, 10);
  wire();
  applyLang();
  makeEditor();
  status(S().loading);
  app.pc = await loadChecker();
  mkdirs();
  await lspStart();
  status(S().ready);
  document.body.dataset.lang = app.lang;
  document.body.dataset.ready = '1';
}

// A failure in a handler (the checker stopped, say) is shown, not lost.
window.addEventListener('unhandledrejection', (e) => status(String((e.reason && e.reason.message) || e.reason)));

main().catch((e) => { status(String(e && e.stack || e)); document.body.dataset.failed = String(e); });
