/**
 * The regular expressions of matches(): RE2 syntax, matched in time linear in the text (re2js, a
 * port of RE2), so no pattern can make one evaluation take seconds (`(a|a)*b` on a long value is
 * as fast as `ab`). RE2 has no lookaround and no backreferences: those are refused with a message
 * when the condition is compiled. Exports translate the regex for Java's engine (regex-java.ts).
 */
import { RE2JS } from 're2js';

export interface MatchRegex {
  /** True when the whole of `text` matches (like Java's String.matches). */
  test(text: string): boolean;
}

/** RE2 keeps its compiled automata small; a longer regex is almost certainly a mistake. */
export const MAX_REGEX_LENGTH = 4096;

export function compileRegex(
  source: string,
): { ok: true; regex: MatchRegex } | { ok: false; reason: string } {
  if (source.length > MAX_REGEX_LENGTH)
    return { ok: false, reason: `the regex is longer than ${MAX_REGEX_LENGTH} characters` };
  try {
    const re = RE2JS.compile(source);
    return { ok: true, regex: { test: (text) => re.matches(text) } };
  } catch (e) {
    const raw = e instanceof Error ? e.message : String(e);
    const reason = raw.replace(/^error parsing regexp: /, '');
    const hint = /Perl syntax|escape sequence: `\\[1-9]|capture: `\(\?<[=!]/.test(raw)
      ? ' (matches() uses RE2 syntax: lookahead, lookbehind and backreferences are not supported)'
      : '';
    return { ok: false, reason: `${reason}${hint}` };
  }
}
