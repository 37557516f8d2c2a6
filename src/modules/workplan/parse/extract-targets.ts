import type { Comparator, ExtractedTarget } from './plan-parse.types.ts';
import { asciiDigits, numberValue, tidy, trailingMultiplier } from './plan-numbers.ts';
import { QUOTE_MARKS, TITLE_MARKS, insideSpan, quotedSpans, type QuotedSpan } from './quoted-spans.ts';
import {
  AT_LEAST_INFIXES, AT_LEAST_PREFIXES, AT_LEAST_SUFFIXES, AT_MOST_PREFIXES, AT_MOST_SUFFIXES, NAME_WORDS, ORDINAL_MARKS,
  RANGE_SEPARATORS, TARGET_UNITS, WITHIN_FRAME, wordAt,
} from './target-vocabulary.ts';

const ASCII_NUMBER = String.raw`(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?[百千万亿]?`;
const CHINESE_NUMBER = '[零〇一二三四五六七八九十两][零〇一二三四五六七八九十百千万亿两]*';
const PERCENT_WORDS = '百分之';
const NUMBER_TOKENS = new RegExp(`${PERCENT_WORDS}(?:${ASCII_NUMBER}|${CHINESE_NUMBER})|${ASCII_NUMBER}|${CHINESE_NUMBER}`, 'gu');
const NUMBER_HERE = new RegExp(`${ASCII_NUMBER}|${CHINESE_NUMBER}`, 'uy');
const CHINESE_DIGIT = /^[零〇一二三四五六七八九两]$/u;
const CLAUSE_MARKS = new Set(['，', '。', '；', '：', '！', '？', ';', '!', '?', '\n']);
const PREFIXES: readonly (readonly [string, Comparator])[] = [
  ...AT_LEAST_PREFIXES.map((w) => [w, '>='] as const), ...AT_MOST_PREFIXES.map((w) => [w, '<='] as const),
].sort((a, b) => b[0].length - a[0].length);

/** A target as read at its number; comparator null when only words earlier in the clause can tell. */
type Found = { value: number; unit: string; comparator: Comparator | null };

/** Number, optional 余/多, unit: where it ends and what it measures. */
type Measure = { value: number; unit: string; infix: string; end: number };

/** 量化目标 in a stretch of plan text, in order of appearance: value, unit, comparator and the clause as written. */
export function extractTargets(text: string): ExtractedTarget[] {
  // Full-width digits become ASCII one for one, so positions in `plain` are positions in `text`.
  const plain = asciiDigits(text);
  const names = quotedSpans(plain, [...QUOTE_MARKS, ...TITLE_MARKS]);
  const targets: ExtractedTarget[] = [];
  let lastEnd = 0;
  const tokens = new RegExp(NUMBER_TOKENS.source, 'gu');
  for (let match = tokens.exec(plain); match; match = tokens.exec(plain)) {
    const found = targetsAt(plain, match.index, match[0], names);
    if (!found) continue;
    const [clauseStart, clauseEnd] = clauseAround(plain, match.index, found.end);
    // Words before an earlier target of the same clause belong to that one.
    const words = plain.slice(Math.max(clauseStart, lastEnd), match.index);
    // 在48小时内: a limit framed by 在…内 is a ceiling, like 以内.
    const within = plain[found.end] === WITHIN_FRAME[1] && words.includes(WITHIN_FRAME[0]) ? '<=' : null;
    const before = within ?? comparatorBefore(words);
    const clause = text.slice(clauseStart, clauseEnd).trim();
    for (const t of found.targets) targets.push({ value: t.value, unit: t.unit, comparator: t.comparator ?? before ?? '=', text: clause });
    lastEnd = found.end;
    tokens.lastIndex = found.end;
  }
  return targets;
}

/** The target(s) a number token starts, or null when the number is a name, an ordinal, a year or has no unit. */
function targetsAt(text: string, start: number, token: string, names: readonly QuotedSpan[]): { targets: Found[]; end: number } | null {
  if (insideSpan(names, start)) return null;
  const before = text[start - 1] ?? '';
  if (ORDINAL_MARKS.includes(before) || /[A-Za-z.]/.test(before)) return null;
  if (token.startsWith(PERCENT_WORDS)) {
    const value = numberValue(token.slice(PERCENT_WORDS.length));
    if (value === null) return null;
    const suffix = suffixAt(text, start + token.length, '');
    return { targets: [{ value, unit: '%', comparator: suffix.comparator }], end: suffix.end };
  }
  const range = rangeAt(text, start, token);
  if (range) return range;
  // A lone 一 is the article "a" far more often than a count (统一部署, 一批, 一系列).
  if (token === '一') return null;
  const measure = measureAt(text, start, token);
  if (!measure) return null;
  // 十九大, 二十大: a Party congress; 6大工作领域 and 五大行动 stay targets.
  if (measure.unit === '大' && !/^\d/.test(token) && measure.value >= 10) return null;
  const suffix = suffixAt(text, measure.end, measure.infix);
  return { targets: [{ value: measure.value, unit: measure.unit, comparator: suffix.comparator }], end: suffix.end };
}

/** 3—5个, 三至五个: the low end as "at least", the high end as "at most", one unit. */
function rangeAt(text: string, start: number, token: string): { targets: Found[]; end: number } | null {
  let low = numberValue(token);
  if (low === null) return null;
  let at = start + token.length;
  const lowUnit = wordAt(text, at, TARGET_UNITS) ?? '';
  at = skipSpaces(text, at + lowUnit.length);
  const separator = wordAt(text, at, RANGE_SEPARATORS);
  if (!separator) return null;
  at = skipSpaces(text, at + separator.length);
  NUMBER_HERE.lastIndex = at;
  const highToken = NUMBER_HERE.exec(text)?.[0];
  if (!highToken) return null;
  const high = measureAt(text, at, highToken);
  if (!high || (lowUnit !== '' && lowUnit !== high.unit)) return null;
  // 1—2万人: the 万 of the high end applies to the low end too (but not in 1000—2000万元, where 万元 is the unit).
  const times = trailingMultiplier(highToken);
  if (trailingMultiplier(token) === 1 && times > 1 && !high.unit.endsWith('元')) low = tidy(low * times);
  if (low >= high.value) return null;
  return { targets: [{ value: low, unit: high.unit, comparator: '>=' }, { value: high.value, unit: high.unit, comparator: '<=' }], end: high.end };
}

/** The number at `start` followed by a unit (and not by a name word), or null. */
function measureAt(text: string, start: number, token: string): Measure | null {
  let value = numberValue(token);
  if (value === null) return null;
  let at = start + token.length;
  // H5, 5G: a product name, not an amount.
  if (/[A-Za-z]/.test(text[at] ?? '')) return null;
  const infix = wordAt(text, at, AT_LEAST_INFIXES) ?? '';
  at += infix.length;
  let unit = wordAt(text, at, TARGET_UNITS);
  if (unit === null) return null;
  at += unit.length;
  const times = trailingMultiplier(token);
  // Money is planned in 万元/亿元, so 5000万元 stays 5000 万元 rather than 50000000 元.
  if (unit === '元' && infix === '' && (times === 1e4 || times === 1e8)) {
    unit = `${token.at(-1)}元`;
    value = tidy(value / times);
  }
  // 八项规定, 四个意识: a fixed name. 三支一扶, 五个一: a compound name (a unit followed by another numeral).
  if (wordAt(text, at, NAME_WORDS) || CHINESE_DIGIT.test(text[at] ?? '')) return null;
  return { value, unit, infix, end: at };
}

/** 以上/以内 right after the unit, else 余/多 before it; null when neither says. */
function suffixAt(text: string, at: number, infix: string): { comparator: Comparator | null; end: number } {
  const atLeast = wordAt(text, at, AT_LEAST_SUFFIXES);
  if (atLeast) return { comparator: '>=', end: at + atLeast.length };
  const atMost = wordAt(text, at, AT_MOST_SUFFIXES);
  if (atMost) return { comparator: '<=', end: at + atMost.length };
  return { comparator: infix ? '>=' : null, end: at };
}

/** The comparator said by the last of 不少于/不超过/… in the words before a number. */
function comparatorBefore(words: string): Comparator | null {
  let found: Comparator | null = null;
  for (let i = 0; i < words.length;) {
    // Longest first, so 不超过 is read whole and not as 超过.
    const hit = PREFIXES.find(([w]) => words.startsWith(w, i));
    if (hit) {
      found = hit[1];
      i += hit[0].length;
    } else i += 1;
  }
  return found;
}

/** Start and end of the clause holding [from, to): up to the nearest ，。；：！？ or line end on each side. */
function clauseAround(text: string, from: number, to: number): [number, number] {
  let start = from;
  while (start > 0 && !isClauseBreak(text, start - 1)) start -= 1;
  let end = to;
  while (end < text.length && !isClauseBreak(text, end)) end += 1;
  return [start, end];
}

function isClauseBreak(text: string, i: number): boolean {
  const c = text[i] ?? '';
  if (CLAUSE_MARKS.has(c)) return true;
  // An ASCII comma or colon between digits is part of a number (1,500) or a time (9:30).
  if (c === ',' || c === ':') return !(/\d/.test(text[i - 1] ?? '') && /\d/.test(text[i + 1] ?? ''));
  return false;
}

function skipSpaces(text: string, at: number): number {
  while (at < text.length && /[ \t\u3000]/.test(text[at]!)) at += 1;
  return at;
}
