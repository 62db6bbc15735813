/**
 * The condition language's highlighting, one line at a time: a hand-written scanner in place of a
 * Monarch grammar. Monaco tokenizes the edited line on every key; Monarch tries its rules' regexes
 * one by one on a fresh substring at each token (and a lookahead for `name(`), which cost ~30 times
 * plain text per key. This is one pass over the characters with the same token classes:
 *   predefined        a function's name followed by `(` (`abs(`, `last(`)
 *   keyword           true false null and or not in
 *   type.identifier   a stage's name (when given)
 *   identifier        any other name
 *   number, string, string.invalid (a quote not closed on its line), operator, delimiter, white
 * Anything else is one character of `source`. Nothing spans lines: a line's end state is the start.
 */

export interface ConditionToken {
  startIndex: number;
  type: string;
}

export interface ConditionWords {
  keywords: ReadonlySet<string>;
  functions: ReadonlySet<string>;
  stages: ReadonlySet<string>;
}

const isNameStart = (c: number): boolean =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 36; // a-z A-Z _ $
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isNamePart = (c: number): boolean => isNameStart(c) || isDigit(c);
// Space, tab, and the other characters JavaScript's \s matches that can appear in a line.
const isSpace = (c: number): boolean =>
  c === 32 || c === 9 || c === 11 || c === 12 || c === 160 || c === 0xfeff || (c >= 0x2000 && c <= 0x200a);
const DELIMITERS = '()[]{},.';
const SINGLE_OPERATORS = '<>!+-*/%?:';
const DOUBLE_OPERATORS = ['&&', '||', '==', '!=', '<=', '>='];

/** After `\d+` or `\d*\.\d+` at `i`: an exponent `e[+-]?\d+`, if there is one, ends the number. */
function exponentEnd(line: string, i: number): number {
  const c = line.charCodeAt(i);
  if (c !== 101 && c !== 69) return i; // e E
  let j = i + 1;
  const sign = line.charCodeAt(j);
  if (sign === 43 || sign === 45) j++; // + -
  if (!isDigit(line.charCodeAt(j))) return i;
  while (isDigit(line.charCodeAt(j))) j++;
  return j;
}

/** End of a number starting at `i`, or `i` if none starts there. */
function numberEnd(line: string, i: number): number {
  let j = i;
  while (isDigit(line.charCodeAt(j))) j++;
  if (line.charCodeAt(j) === 46 && isDigit(line.charCodeAt(j + 1))) {
    j += 2;
    while (isDigit(line.charCodeAt(j))) j++;
    return exponentEnd(line, j);
  }
  return j === i ? i : exponentEnd(line, j);
}

/** End of a string opened by the quote at `i` (just after its closing quote), or -1 if not closed. */
function stringEnd(line: string, i: number): number {
  const quote = line.charCodeAt(i);
  let j = i + 1;
  while (j < line.length) {
    const c = line.charCodeAt(j);
    if (c === quote) return j + 1;
    j += c === 92 && j + 1 < line.length ? 2 : 1; // a backslash escapes the next character
  }
  return -1;
}

/** The type of the name ending at `end`: a function when `(` follows (spaces between allowed). */
function nameType(line: string, start: number, end: number, words: ConditionWords): string {
  const name = line.slice(start, end);
  let k = end;
  while (isSpace(line.charCodeAt(k))) k++;
  if (line.charCodeAt(k) === 40) return words.functions.has(name) ? 'predefined' : 'identifier';
  if (words.keywords.has(name)) return 'keyword';
  if (words.stages.has(name)) return 'type.identifier';
  return 'identifier';
}

/** The tokens of one line; a token runs to the next one's start (or the line's end). */
export function tokenizeConditionLine(line: string, words: ConditionWords): ConditionToken[] {
  const tokens: ConditionToken[] = [];
  const push = (startIndex: number, type: string): void => {
    // One token for a run of the same type, as Monarch emits them.
    if (tokens.length > 0 && tokens[tokens.length - 1].type === type) return;
    tokens.push({ startIndex, type });
  };
  let i = 0;
  while (i < line.length) {
    const c = line.charCodeAt(i);
    if (isNameStart(c)) {
      let j = i + 1;
      while (isNamePart(line.charCodeAt(j))) j++;
      push(i, nameType(line, i, j, words));
      i = j;
      continue;
    }
    const numberTo = isDigit(c) || c === 46 ? numberEnd(line, i) : i;
    if (numberTo > i) {
      push(i, 'number');
      i = numberTo;
      continue;
    }
    if (c === 39 || c === 34) {
      const end = stringEnd(line, i);
      if (end < 0) {
        push(i, 'string.invalid');
        break;
      }
      push(i, 'string');
      i = end;
      continue;
    }
    const two = line.slice(i, i + 2);
    if (DOUBLE_OPERATORS.includes(two)) {
      // `===` and `!==` are operators too.
      push(i, 'operator');
      i += (two === '==' || two === '!=') && line.charCodeAt(i + 2) === 61 ? 3 : 2;
      continue;
    }
    const ch = line[i];
    if (SINGLE_OPERATORS.includes(ch)) {
      push(i, 'operator');
      i++;
      continue;
    }
    if (DELIMITERS.includes(ch)) {
      push(i, 'delimiter');
      i++;
      continue;
    }
    if (isSpace(c)) {
      let j = i + 1;
      while (isSpace(line.charCodeAt(j))) j++;
      push(i, 'white');
      i = j;
      continue;
    }
    // No rule matches (`#`, `@`, `=` alone...): one character of the default token, as Monarch does.
    push(i, 'source');
    i++;
  }
  return tokens;
}
