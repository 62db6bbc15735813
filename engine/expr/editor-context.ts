/** Token-level context of a cursor position, shared by completion and hover (works on broken input). */
import { tokenize, type Token } from './lexer';

export interface CursorContext {
  tokens: Token[];
  /** Index of the token containing or ending at the cursor, or -1. */
  index: number;
}

export function cursorContext(source: string, offset: number): CursorContext {
  const tokens = tokenize(source).filter((t) => t.kind !== 'eof');
  let index = -1;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.start <= offset && offset <= t.end) {
      index = i;
      // Prefer an identifier when the cursor sits between two tokens (e.g. "a.|b").
      if (t.kind === 'ident' || offset < t.end) break;
    }
  }
  return { tokens, index };
}

const isPunct = (t: Token | undefined, text: string): boolean =>
  t !== undefined && t.kind === 'punct' && t.text === text;

/** Name of the innermost call whose argument list is still open before token `before`. */
export function enclosingCall(tokens: readonly Token[], before: number): string | null {
  let depth = 0;
  for (let i = before - 1; i >= 0; i--) {
    const t = tokens[i];
    if (isPunct(t, ')') || isPunct(t, ']')) depth++;
    else if (isPunct(t, '(') || isPunct(t, '[')) {
      if (depth === 0) {
        const callee = tokens[i - 1];
        return isPunct(t, '(') && callee?.kind === 'ident' ? callee.text : null;
      }
      depth--;
    }
  }
  return null;
}

/**
 * The dotted path that ends just before token `dotIndex` (which is a '.'), e.g. ['user'] for
 * "user.|" or ['first(start)'] for "first(start).|". Null when it is not a simple path.
 */
export function pathBeforeDot(
  tokens: readonly Token[],
  dotIndex: number,
): { parts: string[]; startIndex: number } | null {
  const parts: string[] = [];
  let i = dotIndex - 1;
  for (;;) {
    const t = tokens[i];
    if (t?.kind === 'ident') {
      parts.unshift(t.text);
    } else if (isPunct(t, ')')) {
      // first(stage). / last(stage).
      const arg = tokens[i - 1];
      const open = tokens[i - 2];
      const callee = tokens[i - 3];
      if (arg?.kind !== 'ident' || !isPunct(open, '(') || callee?.kind !== 'ident') return null;
      parts.unshift(`${callee.text}(${arg.text})`);
      i -= 3;
    } else {
      return null;
    }
    if (!isPunct(tokens[i - 1], '.')) return { parts, startIndex: i };
    i -= 2;
  }
}
