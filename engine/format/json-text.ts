/**
 * JSON text → value, with errors that say where (line and column) and what, in words.
 *
 * JSON.parse does the parsing; its messages differ between engines (Node, Chromium) and do not
 * always carry a position, so on failure a small scanner walks the text to find the first bad spot.
 */
import type { Diagnostic } from '../pattern/diagnostic';

export type JsonParseResult = { ok: true; value: unknown } | { ok: false; diagnostic: Diagnostic };

interface ScanError {
  offset: number;
  message: string;
}

export function parseJsonText(text: string): JsonParseResult {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (_) {
    // A valid text that JSON.parse still rejects can only be one nested too deeply for the engine's stack.
    const found = findJsonError(text) ?? { offset: 0, message: 'the document is nested too deeply to read' };
    const { line, column } = lineColumn(text, found.offset);
    return {
      ok: false,
      diagnostic: {
        code: 'format.json-syntax',
        severity: 'error',
        message: `Not valid JSON at line ${line}, column ${column}: ${found.message}.`,
        target: { kind: 'document', field: 'json' },
        range: {
          start: found.offset,
          end: Math.min(found.offset + 1, text.length),
          line,
          column,
          endLine: line,
          endColumn: column + 1,
        },
      },
    };
  }
}

/** 1-based line and column of a 0-based offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** Returns the first syntax error, or undefined when the text is valid JSON. Iterative: no stack overflow on deep nesting. */
export function findJsonError(text: string): ScanError | undefined {
  let i = 0;
  const n = text.length;
  // Stack of open containers: '{' or '['.
  const stack: string[] = [];
  const ws = (): void => {
    while (i < n && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const describe = (at: number): string =>
    at >= n ? 'the text ends too early' : `unexpected ${JSON.stringify(text[at])}`;

  const scanString = (): ScanError | undefined => {
    const start = i;
    i++; // opening quote
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 34) {
        i++;
        return undefined;
      }
      if (c < 0x20)
        return {
          offset: i,
          message: 'a control character (such as a line break) inside a string must be escaped',
        };
      if (c === 92) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6)))
            return { offset: i, message: 'a \\u escape needs four hex digits' };
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else return { offset: i, message: 'unknown escape sequence in a string' };
      } else i++;
    }
    return { offset: start, message: 'this string is never closed' };
  };

  // Sets `opened` when the value just scanned opens an object or array.
  let opened = false;
  const scanValue = (): ScanError | undefined => {
    opened = false;
    ws();
    if (i >= n) return { offset: i, message: 'the text ends where a value was expected' };
    const c = text[i];
    if (c === '"') return scanString();
    if (c === '{' || c === '[') {
      stack.push(c);
      i++;
      opened = true;
      return undefined;
    }
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return undefined;
      }
    }
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (m && m[0] !== '' && m[0] !== '-') {
      i += m[0].length;
      return undefined;
    }
    if (c === "'") return { offset: i, message: 'strings must use double quotes' };
    return { offset: i, message: `${describe(i)} where a value was expected` };
  };

  // After an opening bracket we may see the closing one at once; after a value, a comma or a closing bracket.
  let err = scanValue();
  if (err) return err;
  let justOpened = opened;
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    const close = top === '{' ? '}' : ']';
    ws();
    if (justOpened && text[i] === close) {
      stack.pop();
      i++;
      justOpened = false;
      continue;
    }
    if (!justOpened) {
      if (text[i] === close) {
        stack.pop();
        i++;
        continue;
      }
      if (text[i] !== ',') return { offset: i, message: `${describe(i)}; expected ',' or '${close}'` };
      i++;
      ws();
      if (text[i] === '}' || text[i] === ']')
        return { offset: i, message: 'trailing comma before the closing bracket' };
    }
    err = top === '{' ? scanMember() : scanValue();
    if (err) return err;
    justOpened = opened;
  }
  ws();
  if (i < n) return { offset: i, message: `${describe(i)} after the end of the document` };
  return undefined;

  function scanMember(): ScanError | undefined {
    ws();
    if (text[i] !== '"')
      return { offset: i, message: `${describe(i)}; expected a property name in double quotes` };
    const e = scanString();
    if (e) return e;
    ws();
    if (text[i] !== ':')
      return { offset: i, message: `${describe(i)}; expected ':' after the property name` };
    i++;
    return scanValue();
  }
}
