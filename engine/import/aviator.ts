/**
 * Aviator expression (Flink dynamic CEP's AviatorCondition) → Cepheus condition source.
 *
 * The two languages share Java's operators and precedence, so a token-level translation is exact for
 * the common subset: `nil` becomes `null`, `string.*` / `math.*` functions become ours, and
 * `field =~ /re/` (Aviator matches the whole text) becomes `matches(field, 're')`. Anything outside
 * that subset (assignments, statements, bitwise operators, other functions) is reported, never guessed.
 */
import { parseCondition } from '../expr';
import { toJavaRegex } from '../expr/regex-java';

export type AviatorImport = { ok: true; source: string } | { ok: false; reason: string };

const FUNCTIONS: Record<string, string> = {
  'string.contains': 'contains',
  'string.startsWith': 'startsWith',
  'string.endsWith': 'endsWith',
  'string.length': 'length',
  'string.substring': 'substring',
  'math.abs': 'abs',
  'math.round': 'round',
  'math.sqrt': 'sqrt',
  'math.pow': 'pow',
};

const OPERATORS = [
  '&&',
  '||',
  '==',
  '!=',
  '<=',
  '>=',
  '=~',
  '<',
  '>',
  '!',
  '+',
  '-',
  '*',
  '/',
  '%',
  '?',
  ':',
  '(',
  ')',
  ',',
];

interface Tok {
  kind: 'ident' | 'number' | 'string' | 'regex' | 'op';
  text: string;
}

function quote(s: string): string {
  return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t')}'`;
}

class Fail extends Error {}

function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  const fail = (what: string): never => {
    throw new Fail(`${what} at character ${i + 1}`);
  };
  while (i < src.length) {
    const ch = src.charAt(i);
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (/[A-Za-z_$]/.test(ch)) {
      const m = /^[A-Za-z_$][A-Za-z0-9_$]*(?:\.[A-Za-z_$][A-Za-z0-9_$]*)*/.exec(src.slice(i))!;
      out.push({ kind: 'ident', text: m[0] });
      i += m[0].length;
      continue;
    }
    if (/[0-9]/.test(ch) || (ch === '.' && /[0-9]/.test(src.charAt(i + 1)))) {
      const m = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(src.slice(i))!;
      i += m[0].length;
      // Aviator's big-number suffixes (100M, 7N) are still plain numbers here.
      if (src.charAt(i) === 'M' || src.charAt(i) === 'N') i++;
      out.push({ kind: 'number', text: m[0] });
      continue;
    }
    if (ch === "'" || ch === '"') {
      let j = i + 1;
      let text = '';
      while (j < src.length && src.charAt(j) !== ch) {
        if (src.charAt(j) === '\\') {
          const esc = src.charAt(j + 1);
          text += esc === 'n' ? '\n' : esc === 't' ? '\t' : esc === 'r' ? '\r' : esc;
          j += 2;
        } else text += src.charAt(j++);
      }
      if (j >= src.length) fail('unterminated string');
      out.push({ kind: 'string', text });
      i = j + 1;
      continue;
    }
    if (ch === '/' && out[out.length - 1]?.text === '=~') {
      let j = i + 1;
      let text = '';
      while (j < src.length && src.charAt(j) !== '/') {
        if (src.charAt(j) === '\\' && src.charAt(j + 1) === '/') {
          text += '/';
          j += 2;
        } else text += src.charAt(j++);
      }
      if (j >= src.length) fail('unterminated regular expression');
      out.push({ kind: 'regex', text });
      i = j + 1;
      continue;
    }
    const op = OPERATORS.find((o) => src.startsWith(o, i));
    if (!op) fail(`'${ch}' is not supported`);
    out.push({ kind: 'op', text: op! });
    i += op!.length;
  }
  return out;
}

/**
 * An Aviator (Java) regex as a matches() regex (RE2): accepted only when reading it as RE2 means the
 * same, which holds exactly when exporting it again gives the same Java text. Our own exports
 * (`(?d)^(?:X)\z`, formerly `^(?:X)$`) come back as X.
 */
function importRegex(re: string): string {
  const ours = /^(\(\?[du]+\))?\^\(\?:(.*)\)(\\z|\$)$/.exec(re);
  if (ours !== null) {
    const inner = ours[2];
    const again = toJavaRegex(inner, true);
    if (again.ok && again.text === re) return inner;
    const plain = toJavaRegex(inner);
    if (ours[3] === '$' && ours[1] === undefined && plain.ok && plain.text === inner) return inner;
  }
  const same = toJavaRegex(re);
  if (same.ok && same.text === re) return re;
  throw new Fail(
    `the regex /${re}/ uses Java syntax that matches() (RE2 syntax) reads differently; rewrite it without lookaround, backreferences, POSIX or nested classes`,
  );
}

function translate(tokens: Tok[]): string {
  const parts: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const next = tokens[i + 1];
    if (t.kind === 'ident') {
      if (next?.text === '(') {
        const fn = FUNCTIONS[t.text];
        if (!fn) throw new Fail(`the Aviator function ${t.text}() has no Cepheus equivalent`);
        parts.push(fn);
      } else if (t.text === 'nil') parts.push('null');
      else if (next?.text === '=~') {
        const re = tokens[i + 2];
        if (re?.kind !== 'regex') throw new Fail('=~ must be followed by a /regex/ literal');
        parts.push(`matches(${t.text}, ${quote(importRegex(re.text))})`);
        i += 2;
      } else parts.push(t.text);
    } else if (t.kind === 'string') parts.push(quote(t.text));
    else if (t.kind === 'regex') throw new Fail('a regular expression may only follow a field and =~');
    else if (t.text === '=~') throw new Fail('=~ is supported only with a field on its left');
    else parts.push(t.text);
  }
  return parts
    .join(' ')
    .replace(/\( /g, '(')
    .replace(/ \)/g, ')')
    .replace(/ ,/g, ',')
    .replace(/([A-Za-z0-9_]) \(/g, '$1(')
    .replace(/! /g, '!');
}

export function aviatorToCondition(expression: string): AviatorImport {
  if (expression.trim() === '') return { ok: false, reason: 'the Aviator expression is empty' };
  let source: string;
  try {
    source = translate(tokenize(expression));
  } catch (e) {
    if (e instanceof Fail) return { ok: false, reason: e.message };
    throw e;
  }
  const parsed = parseCondition(source);
  const error = parsed.diagnostics.find((d) => d.severity === 'error');
  if (error || !parsed.ast)
    return {
      ok: false,
      reason: `it does not translate to a valid Cepheus condition (${error?.message ?? 'syntax error'})`,
    };
  return { ok: true, source };
}
