#!/usr/bin/env node
// gen-syntax.js: writes editors/vscode/syntaxes/plan.tmLanguage.json, the
// TextMate grammar of the plan language, and editors/vim/syntax/plan.vim,
// its Vim syntax (from plan.vim.in), from the keyword lists of
// grammar/lexer.re.
//
// The lexer is the one authority on keywords: its English rules
// ("abbrev" { TOKEN(TK_ABBREV); }) and its table of Vietnamese spellings
// ({ "viết tắt", TK_ABBREV }) are read here, so that a keyword added to the
// lexer reaches the editors by running this script (tests/editors/run
// fails while the committed grammar is stale). The lexer accepts a
// Vietnamese keyword in NFC, NFD or half-composed form, with the tone on
// either vowel and blanks between its words; the patterns below accept
// the same spellings, spelled out letter by letter, since a TextMate
// grammar cannot normalise.
//
// Usage: node editors/gen-syntax.js [LEXER.re OUT.json OUT.vim]   (defaults: the repo's)
'use strict';
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const lexerPath = process.argv[2] || path.join(root, 'grammar', 'lexer.re');
const outPath = process.argv[3] || path.join(__dirname, 'vscode', 'syntaxes', 'plan.tmLanguage.json');
const vimPath = process.argv[4] || path.join(root, 'editors', 'vim', 'syntax', 'plan.vim');

// ---- the lexer's keywords ----

function readKeywords(src) {
  const english = [];   // [word, TK]
  const vietnamese = [];
  for (const m of src.matchAll(/^\s*"([a-z]+)"\s*\{\s*TOKEN\((TK_[A-Z]+)\);\s*\}/gm)) english.push([m[1], m[2]]);
  const table = src.match(/vi_keywords\[\]\s*=\s*\{([\s\S]*?)\n\};/);
  if (!table) throw new Error('vi_keywords table not found in the lexer');
  for (const m of table[1].matchAll(/\{\s*"([^"]+)",\s*(TK_[A-Z]+)\s*\}/g)) vietnamese.push([m[1], m[2]]);
  if (english.length < 60 || vietnamese.length < 60) throw new Error('too few keywords read from the lexer');
  return { english, vietnamese };
}

// What each keyword does, for its scope: the words that open a
// declaration or a block, the values a keyword stands for (the levels,
// `unknown`), the entries of a progress record, and the attributes (all
// others).
const DECLARATIONS = new Set(['TK_PLAN', 'TK_SECTION', 'TK_TASK', 'TK_BODY', 'TK_TEXT', 'TK_TARGET',
  'TK_PLACE', 'TK_STRUCTURE', 'TK_PROGRESS', 'TK_USE', 'TK_INCLUDE', 'TK_FOOTNOTE', 'TK_REPORTS']);
const CONSTANTS = new Set(['TK_CENTRAL', 'TK_PROVINCE', 'TK_DISTRICT', 'TK_GRASSROOTS', 'TK_UNKNOWN']);
const PROGRESS = new Set(['TK_DONE', 'TK_STARTED', 'TK_CANCELLED', 'TK_ISSUED', 'TK_REPORTED', 'TK_REASSIGNED']);

function scopeOf(tk) {
  if (DECLARATIONS.has(tk)) return 'storage.type.plan';
  if (CONSTANTS.has(tk)) return 'constant.language.plan';
  if (PROGRESS.has(tk)) return 'keyword.control.progress.plan';
  return 'keyword.other.plan';
}

// ---- Vietnamese spellings as the lexer reads them ----

const TONES = new Set(['\u0300', '\u0301', '\u0303', '\u0309', '\u0323']);
const VOWELS = new Set([...'aeiouy']);

// The spellings of one word with its tone on each of its vowels
// ("hóa", "hoá"): the lexer keys a word by its letters and its tone,
// wherever the tone sits.
function tonePlacements(word) {
  const nfd = word.normalize('NFD');
  const tone = [...nfd].find((c) => TONES.has(c));
  if (!tone) return [word.normalize('NFC')];
  const bare = [...nfd].filter((c) => !TONES.has(c));
  const out = new Set([word.normalize('NFC')]);
  for (let i = 0; i < bare.length; i++) {
    if (!VOWELS.has(bare[i])) continue;
    let j = i + 1;   // after the vowel's own marks (â, ơ, ư)
    while (j < bare.length && /[\u0300-\u036f]/.test(bare[j])) j++;
    out.add([...bare.slice(0, j), tone, ...bare.slice(j)].join('').normalize('NFC'));
  }
  return [...out];
}

function escapeRe(s) { return s.replace(/[\\^$.*+?()[\]{}|\/]/g, '\\$&'); }

// One letter in every composition: precomposed, decomposed, and with only
// its tone apart (Windows' Vietnamese keyboard), marks in either order.
function letterPattern(ch) {
  const nfd = ch.normalize('NFD');
  if (nfd.length === 1) return escapeRe(ch);
  const base = nfd[0], marks = [...nfd.slice(1)];
  const forms = new Set([ch, nfd]);
  const perms = marks.length === 2 ? [marks, [marks[1], marks[0]]] : [marks];
  for (const p of perms) forms.add(base + p.join(''));
  for (const m of marks) {
    const rest = marks.filter((x) => x !== m);
    forms.add((base + rest.join('')).normalize('NFC') + m);
  }
  const list = [...forms].sort((a, b) => b.length - a.length).map(escapeRe);
  return '(?:' + list.join('|') + ')';
}

function wordPattern(word) {
  const alts = tonePlacements(word).map((w) => [...w].map(letterPattern).join(''));
  return alts.length === 1 ? alts[0] : '(?:' + alts.join('|') + ')';
}

function phrasePattern(words) { return words.split(/\s+/).map(wordPattern).join('[ \\t]+'); }

// ---- the grammar ----

const WORD_BEFORE = '(?<![\\p{L}\\p{M}\\p{N}_])';
const WORD_AFTER = '(?![\\p{L}\\p{M}\\p{N}_])';

function keywordRules(kw) {
  const byScope = new Map();
  const add = (scope, pat, len) => {
    if (!byScope.has(scope)) byScope.set(scope, []);
    byScope.get(scope).push([pat, len]);
  };
  for (const [w, tk] of kw.english) add(scopeOf(tk), w, w.length);
  for (const [w, tk] of kw.vietnamese) add(scopeOf(tk), phrasePattern(w), w.split(/\s+/).length * 100 + w.length);
  // One rule for all keywords, longest first: the lexer takes the longest
  // keyword ("cơ quan ban hành" over "cơ quan"), and an alternation takes
  // the first that matches.
  const all = [];
  for (const [scope, list] of byScope) for (const [pat, len] of list) all.push({ scope, pat, len });
  all.sort((a, b) => b.len - a.len);
  // A single regex keeps longest-first across scopes ("cấp trên", an
  // attribute, over "cấp"): one capture group per keyword, the only
  // capturing groups in it, gives each its scope.
  const alternatives = all.map((k) => `(${k.pat})`);
  const captures = {};
  all.forEach((k, i) => { captures[String(i + 1)] = { name: k.scope }; });
  return {
    match: WORD_BEFORE + '(?:' + alternatives.join('|') + ')' + WORD_AFTER,
    captures,
  };
}

// Deadline phrases inside strings (grammar/phrase.re reads them; these
// are their common shapes, for the eye, not a second recogniser).
const DEADLINE = [
  '(?:hoàn[ \\t]+thành[ \\t]+)?trong[ \\t]+(?:năm[ \\t]+\\d{4}|qu[ýí][ \\t]+(?:iv|iii|ii|i|[1-4])(?:[ \\t]*[/.-][ \\t]*|[ \\t]+(?:năm[ \\t]+)?)\\d{4}|tháng[ \\t]+\\d{1,2}(?:[ \\t]*[/.-][ \\t]*|[ \\t]+(?:năm[ \\t]+)?)\\d{4})',
  '(?:hoàn[ \\t]+thành[ \\t]+)?(?:trước|đến|chậm[ \\t]+nhất)[ \\t]+(?:ngày[ \\t]+)?\\d{1,2}[ \\t]*[/.-][ \\t]*\\d{1,2}[ \\t]*[/.-][ \\t]*\\d{4}',
  '(?:hoàn[ \\t]+thành|đến)[ \\t]+năm[ \\t]+\\d{4}',
  'qu[ýí][ \\t]+(?:iv|iii|ii|i)(?:[ \\t]*/[ \\t]*|[ \\t]+năm[ \\t]+)\\d{4}',
  'tháng[ \\t]+\\d{1,2}[ \\t]*/[ \\t]*\\d{4}',
  '(?:thực[ \\t]+hiện[ \\t]+)?từ[ \\t]+năm[ \\t]+\\d{4}(?:[ \\t]*[-–][ \\t]*\\d{4})?',
  'thường[ \\t]+xuyên(?:[ \\t]*,?[ \\t]*liên[ \\t]+tục)?',
  '(?:định[ \\t]+k[ỳì][ \\t]+)?(?:tháng[ \\t]+\\d{1,2}[ \\t]+)?(?:hằng|hàng)[ \\t]+(?:năm|quý|tháng|tuần)',
  'định[ \\t]+k[ỳì]',
  'theo[ \\t]+nhiệm[ \\t]+k[ỳì]',
  '(?:ngay[ \\t]+)?(?:sau[ \\t]+)?khi[ \\t]+có[ \\t]+(?:văn[ \\t]+bản|quy[ \\t]+định|hướng[ \\t]+dẫn|chỉ[ \\t]+đạo|kế[ \\t]+hoạch|nghị[ \\t]+quyết)',
  'theo[ \\t]+yêu[ \\t]+cầu',
];

// A string from `open` to `close` or the end of its line.
function quoted(name, open, close, patterns) {
  return {
    name,
    begin: open,
    beginCaptures: { 0: { name: 'punctuation.definition.string.begin.plan' } },
    end: close + '|$',
    endCaptures: { 0: { name: 'punctuation.definition.string.end.plan' } },
    patterns,
  };
}

function grammar(kw) {
  const dateIso = '\\d{4}-\\d{2}-\\d{2}';
  return {
    $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
    name: 'Plan',
    scopeName: 'source.plan',
    fileTypes: ['plan', 'progress'],
    comment: 'Generated by editors/gen-syntax.js from grammar/lexer.re: do not edit.',
    patterns: [
      { include: '#comment' },
      { include: '#string' },
      { include: '#curly' },
      { include: '#keyword' },
      { include: '#date' },
      { include: '#label' },
      { include: '#number' },
      { include: '#identifier' },
      { include: '#punctuation' },
      { include: '#word' },
      { match: '\\S', name: 'invalid.illegal.character.plan' },
    ],
    repository: {
      comment: {
        match: '(#).*$',
        name: 'comment.line.number-sign.plan',
        captures: { 1: { name: 'punctuation.definition.comment.plan' } },
      },
      // A string ends on its line (the lexer reports one that does not).
      string: quoted('string.quoted.double.plan', '"', '"', [
        { match: '\\\\["\\\\]', name: 'constant.character.escape.plan' },
        { match: '\\\\.?', name: 'invalid.illegal.escape.plan' },
        { include: '#deadline' },
      ]),
      // Word's quotes: “ ” pairs nest, backslash and " are text.
      curly: quoted('string.quoted.other.curly.plan', '\u201C', '\u201D', [{ include: '#curly-inner' }, { include: '#deadline' }]),
      'curly-inner': {
        begin: '\u201C',
        end: '\u201D|(?=$)',
        patterns: [{ include: '#curly-inner' }, { include: '#deadline' }],
      },
      deadline: {
        match: '(?i)' + WORD_BEFORE + '(?:' + DEADLINE.join('|') + ')' + WORD_AFTER,
        name: 'constant.other.deadline.plan',
      },
      keyword: keywordRules(kw),
      date: {
        patterns: [
          { match: '(?<![\\w.])' + dateIso + '(?![\\w.])', name: 'constant.numeric.date.plan' },
          // A date as offices print it, which the lexer rejects with the
          // ISO form to write instead.
          { match: '(?<![\\w.])(?:\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{4}|\\d{4}/\\d{1,2}/\\d{1,2})(?![\\w.])', name: 'invalid.illegal.date.plan' },
        ],
      },
      label: {
        patterns: [
          { match: '(?<![\\w.])(?:[IVXLCDM]+(?:\\.|-| -)|\\d+(?:\\.\\d+)*\\.|\\d+\\)|[a-z\u0111]\\))(?![\\w])', name: 'entity.name.section.label.plan' },
          { match: '(?<=^|[ \\t{])[-+](?=[ \\t])', name: 'punctuation.definition.list.begin.plan' },
        ],
      },
      number: { match: '(?<![\\w.])\\d+(?:[.,]\\d+)?(?![\\w])', name: 'constant.numeric.plan' },
      identifier: { match: '(?<![\\p{L}\\p{M}\\p{N}_])[a-z_][a-zA-Z0-9_]*(?![\\p{L}\\p{M}\\p{N}_])', name: 'variable.other.plan' },
      punctuation: {
        patterns: [
          { match: '\\{', name: 'punctuation.section.block.begin.plan' },
          { match: '\\}', name: 'punctuation.section.block.end.plan' },
          { match: ',', name: 'punctuation.separator.comma.plan' },
          { match: '>=|<=|>|<|=|%', name: 'keyword.operator.plan' },
        ],
      },
      // A word with a Vietnamese letter that is no keyword: the name of a
      // level the data declares ("xã", "đặc khu"), which the parser
      // resolves, or a word the lexer reports (text outside quotes).
      word: { match: '[\\p{L}\\p{M}][\\p{L}\\p{M}\\p{N}_]*', name: 'variable.other.word.plan' },
    },
  };
}

// ---- Vim ----
// The same keywords in Vim's patterns: its syntax items cannot fold case
// or composition either, so the tone placements are spelled out (NFC
// only: Vim matches a letter with its combining marks as one character,
// and a plan in NFD is coloured as text until saved in NFC). Of matches
// starting at one place Vim takes the one defined last: shortest first.
function vimWord(word) {
  const alts = tonePlacements(word);
  return alts.length === 1 ? alts[0] : '\\%(' + alts.join('\\|') + '\\)';
}
function vimSyntax(kw) {
  const groups = { 'storage.type.plan': 'planDeclaration', 'constant.language.plan': 'planConstant',
    'keyword.control.progress.plan': 'planProgress', 'keyword.other.plan': 'planKeyword' };
  const lines = [];
  const byGroup = new Map();
  for (const [w, tk] of kw.english) {
    const g = groups[scopeOf(tk)];
    if (!byGroup.has(g)) byGroup.set(g, []);
    byGroup.get(g).push(w);
  }
  for (const [g, words] of byGroup) {
    for (let i = 0; i < words.length; i += 8) lines.push(`syntax keyword ${g} ${words.slice(i, i + 8).join(' ')}`);
  }
  const vi = kw.vietnamese.map(([w, tk]) => ({ w, g: groups[scopeOf(tk)] }))
    .sort((a, b) => a.w.length - b.w.length || (a.w < b.w ? -1 : 1));
  for (const { w, g } of vi) {
    const pat = w.split(/\s+/).map(vimWord).join('[ \\t]\\+');
    // \\< and \\> know Vietnamese letters: Vim counts a letter above
    // U+00FF a word character, and 'iskeyword' the Latin-1 ones.
    lines.push(`syntax match ${g} "\\<${pat}\\>"`);
  }
  const template = fs.readFileSync(path.join(__dirname, 'plan.vim.in'), 'utf8');
  return template.replace('@KEYWORDS@\n', lines.join('\n') + '\n');
}

const kw = readKeywords(fs.readFileSync(lexerPath, 'utf8'));
fs.writeFileSync(outPath, JSON.stringify(grammar(kw), null, 2) + '\n');
fs.writeFileSync(vimPath, vimSyntax(kw));
