// tests/editors/reference.js: what the editor tests compare the editors'
// colouring with, from the lexer's rules (grammar/lexer.re) written
// plainly: the keywords read from its rules and table, and a scan of a line
// into code, strings and comments. Used by tokenize.js (VS Code) and
// vim.sh (Vim, through `node reference.js positions FILE`).
'use strict';
const fs = require('fs');
const path = require('path');

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

module.exports = { reference, lexerKeywords, keywordAt, viPatterns, planFiles };

// `node reference.js positions FILE`: for Vim, one line per place to look
// at, "LINE CHARCOL CLASS" with CLASS comment, string, keyword or
// identifier: the first character of each comment, string and word.
if (require.main === module && process.argv[2] === 'positions') {
  const root = path.resolve(__dirname, '..', '..');
  const kw = lexerKeywords(root);
  const english = new Set(kw.english), viRes = viPatterns(kw.vietnamese);
  const text = fs.readFileSync(process.argv[3], 'utf8').replace(/^\uFEFF/, '');
  const out = [];
  text.split(/\r?\n/).forEach((line, n) => {
    const cls = reference(line);
    const chars = [...line];
    // Vim counts characters (code points); JS strings count UTF-16 units.
    const charcol = (i) => [...line.slice(0, i)].length + 1;
    void chars;
    for (let i = 0; i < line.length; i++) {
      const start = i === 0 || cls[i - 1] !== cls[i];
      if (cls[i] === '#' && start) out.push(`${n + 1} ${charcol(i)} comment`);
      if (cls[i] === 's' && start) out.push(`${n + 1} ${charcol(i)} string`);
      if (cls[i] !== 'c') continue;
      const k = keywordAt(line, i, english, viRes);
      if (!k) continue;
      out.push(`${n + 1} ${charcol(i)} ${k[1] ? 'keyword' : 'identifier'}`);
      i += k[0] - 1;
    }
  });
  process.stdout.write(out.join('\n') + '\n');
}
