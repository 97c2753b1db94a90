// tests/editors/reference.js: what the editor tests compare the editors'
// colouring with, from the lexer's rules (grammar/lexer.re) written
// plainly: the keywords read from its rules and table, and a scan of a line
// into code, strings and comments. Used by tokenize.js (VS Code) and
// vim.sh (Vim, through `node reference.js positions FILE`).
'use strict';
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

// The keywords of the lexer, English and Vietnamese, read from its source
// by other patterns than editors/gen-syntax.js uses.
function lexerKeywords(root) {
  const src = fs.readFileSync(path.join(root, 'grammar', 'lexer.re'), 'utf8');
  const english = [...src.matchAll(/^\s*"([a-z]+)"\s*\{\s*TOKEN\(TK_/gm)].map((m) => m[1]);
  const table = src.slice(src.indexOf('vi_keywords[] = {'), src.indexOf('enum { VI_KEYWORDS'));
  const vietnamese = [...table.matchAll(/\{ "([^"]+)", TK_/g)].map((m) => m[1]);
  return { english, vietnamese };
}

// The lexer's split of a line into code, strings and comments (no string
// runs over a line in a plan that lexes cleanly): "…" with \" and \\
// escapes, “…” whose inner “ ” pair up, # to the end of the line.
function reference(line) {
  const cls = new Array(line.length).fill('c');
  let i = 0;
  while (i < line.length) {
    const c = line[i];
    if (c === '#') { for (; i < line.length; i++) cls[i] = '#'; break; }
    if (c === '"') {
      cls[i++] = 's';
      while (i < line.length && line[i] !== '"') {
        if (line[i] === '\\' && i + 1 < line.length) cls[i++] = 's';
        cls[i++] = 's';
      }
      if (i < line.length) cls[i++] = 's';
      continue;
    }
    if (c === '\u201C') {
      let depth = 0;
      for (; i < line.length; i++) {
        cls[i] = 's';
        if (line[i] === '\u201C') depth++;
        else if (line[i] === '\u201D' && --depth === 0) { i++; break; }
      }
      continue;
    }
    i++;
  }
  return cls;
}


// The word at line[i] (code, at a word start): [length, is a keyword], or
// null. ASCII words are keywords when the lexer lists them; a Vietnamese
// keyword (NFC) is matched longest first, as the lexer does.
function keywordAt(line, i, english, viRes) {
  if (i > 0 && /[\p{L}\p{M}\p{N}_]/u.test(line[i - 1])) return null;
  const rest = line.slice(i);
  let found = null;
  // A letter and ')' is a label ("a)"): the lexer takes the longer token.
  if (/^[a-z]\)/.test(rest)) return null;
  const ascii = rest.match(/^[a-z_][a-zA-Z0-9_]*(?![\p{L}\p{M}\p{N}_])/u);
  if (ascii) found = [ascii[0].length, english.has(ascii[0])];
  for (const re of viRes) {
    const m = rest.match(re);
    if (m) return [m[0].length, true];
  }
  return found;
}

function viPatterns(vietnamese) {
  return vietnamese.slice().sort((a, b) => b.length - a.length)
    .map((w) => new RegExp('^' + w.split(' ').join('[ \\t]+') + '(?![\\p{L}\\p{M}\\p{N}_])', 'u'));
}

// The real plans: plans/, stdlib/, tests/vi-keywords/ and the progress
// records of tests/agenda/.
function planFiles(root) {
  const files = [];
  const walk = (dir, re) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p, re);
      else if (re.test(e.name)) files.push(p);
    }
  };
  walk(path.join(root, 'plans'), /\.plan$/);
  walk(path.join(root, 'stdlib'), /\.plan$/);
  walk(path.join(root, 'tests', 'vi-keywords'), /\.plan$/);
  walk(path.join(root, 'tests', 'agenda'), /\.progress$/);
  return files;
}

// The plans of the other tests (tests/**/*.plan, not in `known`) that lex
// cleanly: BIN reports no [lex] error in them. { clean: [...], of: N }.
function cleanTestPlans(root, bin, known) {
  const all = [];
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.plan$/.test(e.name) && !known.includes(p)) all.push(p);
    }
  };
  walk(path.join(root, 'tests'));
  const clean = all.filter((f) => {
    const r = spawnSync(bin, [f], { encoding: 'utf8', env: { ...process.env, LANGUAGE: 'en' }, timeout: 30000 });
    // 0 or 1: checked (a usage error or a crash says nothing of the lexer)
    return (r.status === 0 || r.status === 1) && !/\[lex\]$/m.test(r.stderr);
  });
  return { clean, of: all.length };
}

// The plans users start from, as plancheck writes them, into dir: `new`
// from 12-KH/TW for a district and `import` of the five seeds, each with
// English and with Vietnamese keywords (LANGUAGE=vi). Their paths.
function writtenPlans(root, bin, dir) {
  const made = [];
  const run = (lang, args, name) => {
    const env = { ...process.env, LANG: 'C.UTF-8', LANGUAGE: lang };
    delete env.LC_ALL;
    delete env.LC_MESSAGES;
    const r = spawnSync(bin, args, { cwd: root, env, encoding: 'utf8', timeout: 60000, maxBuffer: 1 << 26 });
    if (r.status !== 0 || !r.stdout) throw new Error(`plancheck ${args.join(' ')}: exit ${r.status}: ${(r.stderr || '').slice(0, 300)}`);
    const f = path.join(dir, name);
    fs.writeFileSync(f, r.stdout);
    made.push(f);
  };
  for (const lang of ['en', 'vi']) {
    run(lang, ['new', '--from', 'plans/tw/12-kh-tw.plan', '--level', 'district', '--issuer', 'huyen_uy',
      '--number', '01-KH/HU', '--date', '2023-03-01'], `new-${lang}.plan`);
    for (const seed of fs.readdirSync(path.join(root, 'tests', 'seeds')).filter((f) => /^\d{3}_.*\.txt$/.test(f)).sort())
      run(lang, ['import', path.join('tests', 'seeds', seed)], `import-${seed.slice(0, 3)}-${lang}.plan`);
  }
  return made;
}

module.exports = { reference, lexerKeywords, keywordAt, viPatterns, planFiles, cleanTestPlans, writtenPlans };

// `node reference.js files BIN DIR`: the real plans, the clean test plans
// (relative to the repository) and the plans `new` and `import` write
// (into DIR), one a line.
if (require.main === module && process.argv[2] === 'files') {
  const root = path.resolve(__dirname, '..', '..');
  const bin = path.resolve(root, process.argv[3]);
  const files = planFiles(root);
  files.push(...cleanTestPlans(root, bin, files).clean);
  const rel = files.map((f) => path.relative(root, f));
  rel.push(...writtenPlans(root, bin, path.resolve(process.argv[4])));
  process.stdout.write(rel.join('\n') + '\n');
}

// `node reference.js positions FILE...`: for Vim, one line per place to
// look at, "FILE<Tab>LINE CHARCOL CLASS" with CLASS comment, string,
// keyword or identifier: the first character of each comment, string and
// word.
if (require.main === module && process.argv[2] === 'positions') {
  const root = path.resolve(__dirname, '..', '..');
  const kw = lexerKeywords(root);
  const english = new Set(kw.english), viRes = viPatterns(kw.vietnamese);
  const out = [];
  for (const file of process.argv.slice(3)) {
    const text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
    text.split(/\r?\n/).forEach((line, n) => {
      const cls = reference(line);
      // Vim's columns here count code points; JS strings count UTF-16 units.
      const charcol = (i) => [...line.slice(0, i)].length + 1;
      const at = (i, what) => out.push(`${file}\t${n + 1} ${charcol(i)} ${what}`);
      for (let i = 0; i < line.length; i++) {
        const start = i === 0 || cls[i - 1] !== cls[i];
        if (cls[i] === '#' && start) at(i, 'comment');
        if (cls[i] === 's' && start) at(i, 'string');
        if (cls[i] !== 'c') continue;
        const k = keywordAt(line, i, english, viRes);
        if (!k) continue;
        at(i, k[1] ? 'keyword' : 'identifier');
        i += k[0] - 1;
      }
    });
  }
  process.stdout.write(out.join('\n') + '\n');
}
