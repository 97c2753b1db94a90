// planlang.js: the plan language's colouring for CodeMirror 6.
//
// The patterns are not written here: they are those of the TextMate
// grammar editors/gen-syntax.js generates from grammar/lexer.re (the
// lexer is the one authority on keywords, English and Vietnamese), read
// at bundling time. A TextMate rule list maps onto a CodeMirror stream
// tokenizer: at each position the first rule that matches there wins.
// Strings end on their line, as in the lexer, so the only state is
// "inside a string" within one line.
import { StreamLanguage, HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { tags as t } from '@lezer/highlight';
import grammar from '../../editors/vscode/syntaxes/plan.tmLanguage.json';

// Oniguruma's inline (?i) becomes JS's i flag; the rest (lookbehind,
// \p{L}) is JS with the u flag.
function compile(src) {
  let flags = 'uy';
  if (src.startsWith('(?i)')) { src = src.slice(4); flags += 'i'; }
  return new RegExp(src, flags);
}

// Flatten the grammar's includes into [regex, token] rules, in order.
function rules(patterns, repo) {
  const out = [];
  for (const p of patterns) {
    if (p.include) out.push(...rules([repo[p.include.slice(1)]], repo));
    else if (p.patterns && !p.begin) out.push(...rules(p.patterns, repo));
    else if (p.begin) out.push({ begin: compile(p.begin), name: p.name, inner: p.patterns || [] });
    else out.push({ re: compile(p.match), name: p.name, captures: p.captures });
  }
  return out;
}

// A rule without a name gives each capture group its scope (the keyword
// rule: one group per keyword); the group that matched names the token.
function scopeOf(r, m) {
  if (r.name || !r.captures) return r.name;
  for (let i = 1; i < m.length; i++) if (m[i] !== undefined && r.captures[String(i)]) return r.captures[String(i)].name;
  return null;
}

// TextMate scope -> the token name CodeMirror's highlighter styles.
function tokenOf(scope) {
  if (!scope) return null;
  if (scope.startsWith('comment')) return 'comment';
  if (scope.startsWith('string')) return 'string';
  if (scope.startsWith('storage.type')) return 'definitionKeyword';
  if (scope.startsWith('constant.language')) return 'atom';
  if (scope.startsWith('keyword.control')) return 'controlKeyword';
  if (scope.startsWith('keyword.operator')) return 'operator';
  if (scope.startsWith('keyword')) return 'keyword';
  if (scope.startsWith('constant.numeric')) return 'number';
  if (scope.startsWith('invalid')) return 'invalid';
  if (scope.startsWith('entity.name.section')) return 'labelName';
  if (scope.startsWith('punctuation.definition.list')) return 'labelName';
  if (scope.startsWith('variable.other.word')) return null;
  if (scope.startsWith('variable')) return 'variableName';
  if (scope.startsWith('punctuation')) return 'punctuation';
  return null;
}

const repo = grammar.repository;
const TOP = rules(grammar.patterns, repo);
const DEADLINE = compile(repo.deadline.match);

// Match re at the stream's position on the whole line (lookbehind sees
// what precedes), advancing the stream on success.
function at(stream, re) {
  re.lastIndex = stream.pos;
  const m = re.exec(stream.string);
  if (!m || m[0].length === 0) return null;
  stream.pos += m[0].length;
  return m;
}

// Inside a string: a deadline phrase, an escape, or text up to the next
// of those or the closing quote. Curly quotes nest.
function inString(stream, state) {
  const close = state.quote === '"' ? '"' : '\u201D';
  if (at(stream, DEADLINE)) return 'string special';
  const ch = stream.next();
  if (state.quote === '"' && ch === '\\') { stream.next(); return 'string'; }
  if (state.quote !== '"' && ch === '\u201C') state.depth++;
  else if (ch === close && --state.depth === 0) state.quote = null;
  return 'string';
}

const planParser = {
  name: 'plan',
  startState: () => ({ quote: null, depth: 0 }),
  copyState: (s) => ({ quote: s.quote, depth: s.depth }),
  token(stream, state) {
    if (stream.sol()) state.quote = null;   // strings end on their line
    if (state.quote) return inString(stream, state);
    if (stream.eatSpace()) return null;
    for (const r of TOP) {
      if (r.begin) {
        if (at(stream, r.begin)) { state.quote = r.begin.source === '"' ? '"' : 'curly'; state.depth = 1; return 'string'; }
        continue;
      }
      const m = at(stream, r.re);
      if (!m) continue;
      return tokenOf(scopeOf(r, m));
    }
    stream.next();
    return 'invalid';
  },
  languageData: { commentTokens: { line: '#' } },
  tokenTable: { definitionKeyword: t.definitionKeyword, controlKeyword: t.controlKeyword, labelName: t.labelName, invalid: t.invalid, special: t.special(t.string) },
};

export const planLanguage = StreamLanguage.define(planParser);

export const planHighlight = syntaxHighlighting(HighlightStyle.define([
  { tag: t.comment, color: '#6a737d' },   // no italic: DejaVu Sans Mono Oblique splits Vietnamese marks
  { tag: t.string, color: '#1f5f2a' },
  { tag: t.special(t.string), color: '#8a4b00', textDecoration: 'underline dotted' },
  { tag: t.definitionKeyword, color: '#8b1a1a', fontWeight: 'bold' },
  { tag: t.keyword, color: '#1a4d8b' },
  { tag: t.controlKeyword, color: '#6b2c91' },
  { tag: t.atom, color: '#6b2c91' },
  { tag: t.number, color: '#8a4b00' },
  { tag: t.labelName, color: '#8b1a1a' },
  { tag: t.variableName, color: '#3b3b3b' },
  { tag: t.invalid, color: '#c00', textDecoration: 'underline wavy' },
]));

// For the test: tokens of one line as [text, token] (no editor needed).
export function tokenizeLine(line) {
  const state = planParser.startState();
  const out = [];
  const stream = { string: line, pos: 0, start: 0,
    sol() { return this.pos === 0; }, eatSpace() { const s = this.pos; while (/\s/.test(this.string[this.pos] || '')) this.pos++; return this.pos > s; },
    next() { return this.pos < this.string.length ? this.string[this.pos++] : undefined; } };
  while (stream.pos < line.length) {
    stream.start = stream.pos;
    const tok = planParser.token(stream, state);
    if (tok) out.push([line.slice(stream.start, stream.pos), tok]);
  }
  return out;
}
