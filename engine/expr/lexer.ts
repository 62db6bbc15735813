/** Hand-written lexer for the condition language. Never throws: bad input becomes an 'error' token. */

export type TokenKind = 'number' | 'string' | 'ident' | 'punct' | 'eof' | 'error';

export interface Token {
  kind: TokenKind;
  /** Punctuation text, identifier name, decoded string, or the error message. */
  text: string;
  /** Numeric value of a number token. */
  value: number;
  start: number;
  end: number;
  /** A backtick-quoted name: never a keyword. */
  quoted?: boolean;
}

const PUNCT3 = ['===', '!=='];
const PUNCT2 = ['==', '!=', '<=', '>=', '&&', '||'];
const PUNCT1 = '()[],.?:+-*/%<>!';

const UNICODE_LETTER = /\p{L}/u;

function isIdentStart(ch: string): boolean {
  return (
    (ch >= 'a' && ch <= 'z') ||
    (ch >= 'A' && ch <= 'Z') ||
    ch === '_' ||
    ch === '$' ||
    (ch > '\u007f' && UNICODE_LETTER.test(ch))
  );
}

function isDigit(ch: string): boolean {
  return ch >= '0' && ch <= '9';
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v', '0': '\0' };

export function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const push = (kind: TokenKind, text: string, start: number, value = 0): void => {
    tokens.push({ kind, text, value, start, end: i });
  };
  while (i < src.length) {
    const ch = src.charAt(i);
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
      i++;
      continue;
    }
    const start = i;
    if (isIdentStart(ch)) {
      while (i < src.length && (isIdentStart(src.charAt(i)) || isDigit(src.charAt(i)))) i++;
      push('ident', src.slice(start, i), start);
      continue;
    }
    if (isDigit(ch) || (ch === '.' && isDigit(src.charAt(i + 1)))) {
      lexNumber();
      continue;
    }
    if (ch === "'" || ch === '"') {
      lexString(ch);
      continue;
    }
    if (ch === '`') {
      // `odd key`: a field name that is not an identifier (spaces, keywords, punctuation).
      const close = src.indexOf('`', i + 1);
      const nl = src.slice(i + 1, close < 0 ? src.length : close).search(/[\r\n]/);
      if (close < 0 || nl >= 0) {
        i = nl >= 0 ? i + 1 + nl : src.length;
        push('error', 'unterminated `quoted name`: add the closing `', start);
      } else if (close === i + 1) {
        i += 2;
        push('error', 'empty `quoted name`', start);
      } else {
        i = close + 1;
        tokens.push({
          kind: 'ident',
          text: src.slice(start + 1, close),
          value: 0,
          start,
          end: i,
          quoted: true,
        });
      }
      continue;
    }
    const three = src.slice(i, i + 3);
    const two = src.slice(i, i + 2);
    if (PUNCT3.includes(three)) {
      i += 3;
      push('punct', three.slice(0, 2), start);
    } else if (PUNCT2.includes(two)) {
      i += 2;
      push('punct', two, start);
    } else if (ch === '=') {
      i++;
      push('error', "use '==' to compare ('=' alone is not an operator)", start);
    } else if (ch === '&' || ch === '|') {
      i++;
      push('error', `use '${ch}${ch}' for logical ${ch === '&' ? 'and' : 'or'}`, start);
    } else if (PUNCT1.includes(ch)) {
      i++;
      push('punct', ch, start);
    } else {
      const cp = src.codePointAt(i) ?? 0;
      i += cp > 0xffff ? 2 : 1;
      push('error', `unexpected character '${String.fromCodePoint(cp)}'`, start);
    }
  }
  tokens.push({ kind: 'eof', text: '', value: 0, start: src.length, end: src.length });
  return tokens;

  function lexNumber(): void {
    const start = i;
    while (isDigit(src.charAt(i))) i++;
    if (src.charAt(i) === '.' && isDigit(src.charAt(i + 1))) {
      i++;
      while (isDigit(src.charAt(i))) i++;
    } else if (src.charAt(i) === '.' && !isIdentStart(src.charAt(i + 1))) {
      i++; // "5." is a number, but "5.abs()" is not a decimal
    }
    if (src.charAt(i) === 'e' || src.charAt(i) === 'E') {
      const save = i;
      i++;
      if (src.charAt(i) === '+' || src.charAt(i) === '-') i++;
      if (!isDigit(src.charAt(i))) {
        i = save + 1;
        push('error', 'exponent needs digits, e.g. 1e3', start);
        return;
      }
      while (isDigit(src.charAt(i))) i++;
    }
    if (isIdentStart(src.charAt(i))) {
      while (i < src.length && (isIdentStart(src.charAt(i)) || isDigit(src.charAt(i)))) i++;
      push('error', `invalid number '${src.slice(start, i)}'`, start);
      return;
    }
    push('number', src.slice(start, i), start, Number(src.slice(start, i)));
  }

  function lexString(quote: string): void {
    const start = i;
    i++;
    let out = '';
    while (i < src.length) {
      const c = src.charAt(i);
      if (c === quote) {
        i++;
        push('string', out, start);
        return;
      }
      if (c === '\n' || c === '\r') break;
      if (c === '\\') {
        const e = src.charAt(i + 1);
        if (e === 'u') {
          const hex = /^[0-9a-fA-F]{4}/.exec(src.slice(i + 2, i + 6));
          if (!hex) {
            i += 2;
            push('error', 'bad \\u escape: expected 4 hex digits', start);
            return;
          }
          out += String.fromCharCode(parseInt(hex[0], 16));
          i += 6;
          continue;
        }
        if (e === '') break;
        out += ESCAPES[e] ?? e;
        i += 2;
        continue;
      }
      out += c;
      i++;
    }
    push('error', `unterminated string: add the closing ${quote}`, start);
  }
}
