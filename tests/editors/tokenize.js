#!/usr/bin/env node
// tests/editors/tokenize.js: the VS Code grammar
// (editors/vscode/syntaxes/plan.tmLanguage.json) tokenised with
// vscode-textmate and vscode-oniguruma, as VS Code itself does, offline.
//
//   - the committed grammar (and Vim syntax) is what editors/gen-syntax.js
//     makes of today's grammar/lexer.re (a keyword added to the lexer must
//     reach them);
//   - every keyword of the lexer, English and Vietnamese (NFC, NFD, the
//     tone on the other vowel, several blanks), is scoped a keyword;
//   - every real plan (plans/, stdlib/, tests/vi-keywords/, the progress
//     records of tests/agenda/), and every plan of the other tests that
//     lexes cleanly (more shapes of the language: Vietnamese keywords in
//     NFD, with the tone moved, ...), and the plans `plancheck new` and
//     `plancheck import` write, with English and with Vietnamese keywords:
//     no character but blanks is left with no
//     scope of its own, nothing is scoped invalid, and each character is in
//     a comment, a string or code exactly where a reference scanner of the
//     lexer's rules (below) puts it; each keyword in code (longest match,
//     as the lexer) is scoped a keyword, and no identifier is;
//   - cases: deadline phrases inside strings, escapes, “ ” nesting, dates
//     the lexer rejects, the longest keyword winning.
//
// Prints "ok: ..." / "FAIL: ..." lines and ends with "N passed, N failed".
// Needs the npm packages of editors/vscode: `cd editors/vscode && npm ci`.
'use strict';
const fs = require('fs');
const path = require('path');
const os = require('os');
const { execFileSync } = require('child_process');
const { reference, lexerKeywords, keywordAt, viPatterns, planFiles, cleanTestPlans, writtenPlans } = require('./reference');

const root = path.resolve(__dirname, '..', '..');
const ext = path.join(root, 'editors', 'vscode');
let vsctm, oniguruma;
try {
  vsctm = require(path.join(ext, 'node_modules', 'vscode-textmate'));
  oniguruma = require(path.join(ext, 'node_modules', 'vscode-oniguruma'));
} catch (e) {
  console.log('FAIL: vscode-textmate/vscode-oniguruma missing: run `cd editors/vscode && npm ci`');
  console.log('0 passed, 1 failed');
  process.exit(1);
}

let pass = 0, fail = 0;
function ok() { pass++; }
function ko(what, detail) {
  fail++;
  console.log('FAIL: ' + what);
  if (detail) for (const l of String(detail).split('\n').slice(0, 20)) console.log('    ' + l);
}
function check(cond, what, detail) { if (cond) ok(); else ko(what, detail); }

const grammarPath = path.join(ext, 'syntaxes', 'plan.tmLanguage.json');

const { english, vietnamese } = lexerKeywords(root);

async function main() {
  // ---- the grammar is fresh ----
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'plangrammar-'));
  try {
    const fresh = path.join(tmp, 'g.json'), freshVim = path.join(tmp, 'g.vim');
    execFileSync('node', [path.join(root, 'editors', 'gen-syntax.js'), path.join(root, 'grammar', 'lexer.re'), fresh, freshVim]);
    check(fs.readFileSync(fresh, 'utf8') === fs.readFileSync(grammarPath, 'utf8'),
      'editors/vscode/syntaxes/plan.tmLanguage.json is stale: run `node editors/gen-syntax.js`');
    check(fs.readFileSync(freshVim, 'utf8') === fs.readFileSync(path.join(root, 'editors', 'vim', 'syntax', 'plan.vim'), 'utf8'),
      'editors/vim/syntax/plan.vim is stale: run `node editors/gen-syntax.js`');
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  check(english.length >= 70 && vietnamese.length >= 70, `keywords read from the lexer: ${english.length} English, ${vietnamese.length} Vietnamese`);

  const wasm = fs.readFileSync(path.join(ext, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (p) => new oniguruma.OnigScanner(p),
      createOnigString: (s) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scope) => scope === 'source.plan'
      ? vsctm.parseRawGrammar(fs.readFileSync(grammarPath, 'utf8'), grammarPath) : null,
  });
  const grammar = await registry.loadGrammar('source.plan');

  // The scopes of each UTF-16 unit of each line of text.
  function scopesOf(text) {
    let state = vsctm.INITIAL;
    return text.split(/\r?\n/).map((line) => {
      const r = grammar.tokenizeLine(line, state);
      state = r.ruleStack;
      const per = new Array(line.length);
      for (const t of r.tokens) for (let i = t.startIndex; i < Math.min(t.endIndex, line.length); i++) per[i] = t.scopes;
      return { line, per };
    });
  }
  const isKeyword = (sc) => sc.some((s) => /^(storage\.type|keyword\.other|keyword\.control|constant\.language)(\.[a-z-]+)*\.plan$/.test(s));
  const has = (sc, prefix) => sc.some((s) => s.startsWith(prefix));
  const fully = (text, pred) => scopesOf(text).every(({ line, per }) => [...line].every((c, i) => /\s/.test(line[i]) || pred(per[i])));

  // ---- every keyword of the lexer ----
  const variants = (w) => {
    const v = new Set([w, w.normalize('NFD'), w.replace(/ /g, ' \t  ')]);
    // the tone on the other vowel: hóa/hoá, kỳ/kì is no keyword form
    v.add(w.replace('hóa', 'hoá').replace('hủy', 'huỷ').replace('lý', 'lí'));
    return [...v];
  };
  const missing = [];
  for (const w of english.concat(vietnamese)) {
    for (const v of variants(w)) if (!fully(v, isKeyword)) missing.push(JSON.stringify(v));
  }
  check(missing.length === 0, `every keyword of the lexer is scoped a keyword (${english.length + vietnamese.length} keywords)`, missing.join('\n'));

  // ---- the real plans ----
  const files = planFiles(root);
  check(files.length >= 20, `real plans found: ${files.length}`);
  const bin = path.resolve(root, process.argv[2] || './plancheck');
  const { clean, of } = cleanTestPlans(root, bin, files);
  files.push(...clean);
  // What users open first: the plans `new` and `import` write, in both
  // keyword languages.
  const written = fs.mkdtempSync(path.join(os.tmpdir(), 'planwritten-'));
  process.on('exit', () => fs.rmSync(written, { recursive: true, force: true }));
  let made = [];
  try {
    made = writtenPlans(root, bin, written);
  } catch (e) {
    check(false, 'plans written by plancheck new and import', e.message);
  }
  check(made.length === 12, `plans written by plancheck new and import: ${made.length}`);
  files.push(...made);
  check(clean.length >= 50, `test plans that lex cleanly: ${clean.length} of ${of}`);

  const viRes = viPatterns(vietnamese);
  const englishSet = new Set(english);
  let totals = { keywords: 0, strings: 0, comments: 0, chars: 0 };

  for (const file of files) {
    const rel = file.startsWith(written) ? path.basename(file) + ' (written)' : path.relative(root, file);
    const text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
    const errors = [];
    const counts = { keywords: 0, strings: 0, comments: 0 };
    scopesOf(text).forEach(({ line, per }, n) => {
      // The reference scan of the line: 'c' code, 's' string, '#' comment.
      const cls = reference(line);
      const where = (i) => `${rel}:${n + 1}:${i + 1}`;
      const bad = (i, what) => { if (errors.length < 15) errors.push(`${where(i)}: ${what} ${JSON.stringify(line.slice(i, i + 20))} [${(per[i] || []).join(' ')}]`); };
      for (let i = 0; i < line.length; i++) {
        if (/\s/.test(line[i]) && cls[i] === 'c') continue;
        const sc = per[i] || [];
        totals.chars++;
        if (sc.length < 2) { bad(i, 'unscoped'); continue; }
        if (has(sc, 'invalid')) bad(i, 'invalid');
        if (cls[i] === '#' && !has(sc, 'comment.')) bad(i, 'comment not scoped comment');
        if (cls[i] === 's' && !has(sc, 'string.')) bad(i, 'string not scoped string');
        if (cls[i] === 'c' && (has(sc, 'string.') || has(sc, 'comment.'))) bad(i, 'code scoped string/comment');
      }
      for (let i = 0; i < line.length; i++) {
        if (cls[i] === '#' && (i === 0 || cls[i - 1] !== '#')) counts.comments++;
        if (cls[i] === 's' && (i === 0 || cls[i - 1] !== 's')) counts.strings++;
      }
      // Keywords and identifiers in code, at word starts.
      for (let i = 0; i < line.length; i++) {
        if (cls[i] !== 'c') continue;
        const found = keywordAt(line, i, englishSet, viRes);
        if (!found) continue;
        const [len, kw] = found;
        if (kw) counts.keywords++;
        for (let j = i; j < i + len; j++) {
          if (/\s/.test(line[j])) continue;
          const sc = per[j] || [];
          if (kw && !isKeyword(sc)) { bad(j, 'keyword not scoped keyword'); break; }
          if (!kw && isKeyword(sc)) { bad(j, 'identifier scoped keyword'); break; }
        }
        i += len - 1;
      }
    });
    for (const k of Object.keys(counts)) totals[k] += counts[k];
    check(errors.length === 0 && counts.keywords > 0 && counts.strings > 0,
      `${rel}: ${counts.keywords} keywords, ${counts.strings} strings, ${counts.comments} comments scoped right`, errors.join('\n'));
  }
  console.log(`ok: ${files.length} files, ${totals.chars} characters, ${totals.keywords} keywords, ${totals.strings} strings, ${totals.comments} comments`);

  // ---- cases ----
  // [text, the piece looked at (its last occurrence), a scope it must
  // have (!scope: must not have)]
  const cases = [
    ['thời hạn "hoàn thành trong quý II/2023"', 'hoàn thành trong quý II/2023', 'constant.other.deadline.plan'],
    ['due "Hoàn thành trong tháng 6/2023"', 'Hoàn thành trong tháng 6/2023', 'constant.other.deadline.plan'],
    ['- "Tổ chức hội nghị (hoàn thành trước ngày 28/02/2023)"', 'hoàn thành trước ngày 28/02/2023', 'constant.other.deadline.plan'],
    ['due "thực hiện thường xuyên"', 'thường xuyên', 'constant.other.deadline.plan'],
    ['due "định kỳ tháng 11 hằng năm"', 'tháng 11 hằng năm', 'constant.other.deadline.plan'],
    ['due "thực hiện khi có văn bản của Tỉnh ủy"', 'khi có văn bản', 'constant.other.deadline.plan'],
    ['due "theo nhiệm kỳ"', 'theo nhiệm kỳ', 'constant.other.deadline.plan'],
    ['title "Báo cáo năm nay"', 'năm', '!constant.other.deadline.plan'],
    ['note "a \\" b \\\\ c"', '\\"', 'constant.character.escape.plan'],
    ['note "a \\n b"', '\\n', 'invalid.illegal.escape.plan'],
    ['note “thực hiện “Nghị quyết số 28” của Trung ương” by x', 'của Trung ương', 'string.quoted.other.curly.plan'],
    ['note “thực hiện “Nghị quyết số 28” của Trung ương” by x', 'by', 'keyword.other.plan'],
    ['note “a \\ "b" c” by x', '"b"', 'string.quoted.other.curly.plan'],
    ['date 20/3/2023', '20/3/2023', 'invalid.illegal.date.plan'],
    ['date 2023-03-20', '2023-03-20', 'constant.numeric.date.plan'],
    ['cơ quan ban hành huyen_uy', 'cơ quan ban hành', 'keyword.other.plan'],
    ['cơ quan btc_hu "Ban Tổ chức"', 'cơ quan', 'storage.type.plan'],
    ['cấp trên btc_tu', 'cấp trên', 'keyword.other.plan'],
    ['cấp huyện', 'huyện', 'constant.language.plan'],
    ['cấp xã', 'xã', 'variable.other.word.plan'],
    ['section III. "NHIỆM VỤ" {', 'III.', 'entity.name.section.label.plan'],
    ['  text 2.1. "x"', '2.1.', 'entity.name.section.label.plan'],
    ['  đ) "x"', 'đ)', 'entity.name.section.label.plan'],
    ['  - "x" by btc_hu', '-', 'punctuation.definition.list.begin.plan'],
    ['target "x" >= 90 %', '90', 'constant.numeric.plan'],
    ['target "x" >= 90 %', '>=', 'keyword.operator.plan'],
    ['body trung "x"', 'trung', 'variable.other.plan'],
    ['task "x" by due_owner', 'due_owner', 'variable.other.plan'],
    ['plan x { # note "not a string"', 'note "not a string"', 'comment.line.number-sign.plan'],
    ['note "runs on', 'runs on', 'string.quoted.double.plan'],
    ['note "runs on\nby x', 'by', 'keyword.other.plan'],
    ['due "x" @', '@', 'invalid.illegal.character.plan'],
  ];
  for (const [text, piece, want] of cases) {
    const lines = scopesOf(text);
    const neg = want.startsWith('!');
    const scope = neg ? want.slice(1) : want;
    let found = false, okAll = true, got = '';
    for (const { line, per } of lines) {
      const i0 = line.lastIndexOf(piece);   // the last: "by" after a string
      if (i0 < 0) continue;
      found = true;
      for (let i = i0; i < i0 + piece.length; i++) {
        if (/\s/.test(line[i]) && !neg) continue;
        const sc = per[i] || [];
        const hit = sc.includes(scope);
        if (neg ? hit : !hit) { okAll = false; got = sc.join(' '); break; }
      }
    }
    check(found && okAll, `${JSON.stringify(text)}: ${JSON.stringify(piece)} ${neg ? 'not ' : ''}${scope}`, got ? 'got: ' + got : '');
  }

  console.log(`${pass} passed, ${fail} failed`);
  process.exit(fail ? 1 : 0);
}

main().catch((e) => { console.log('FAIL: ' + (e && e.stack || e)); console.log(`${pass} passed, ${fail + 1} failed`); process.exit(1); });
