/** Comparing actual engine output with a vector's expectations, and short diffs for reports. */
import type { Match } from '../nfa/types';
import type { MatchExpectation } from './vector-schema';

export function expectationOf(m: Match, idOfSeq: (seq: number) => string): MatchExpectation {
  return m.stages.map((s) => ({ stage: s.stage, ids: s.events.map((e) => idOfSeq(e.seq)) }));
}

export function showMatch(m: MatchExpectation): string {
  return `{${m.map((s) => `${s.stage}:[${s.ids.join(',')}]`).join(' ')}}`;
}

export function sameOrdered(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

export function sameMultiset(a: readonly string[], b: readonly string[]): boolean {
  return sameOrdered([...a].sort(), [...b].sort());
}

/** Lines present in one list and not the other (multiset difference), for a short diff. */
export function multisetDiff(
  expected: readonly string[],
  actual: readonly string[],
): { missing: string[]; unexpected: string[] } {
  const rest = [...actual];
  const missing: string[] = [];
  for (const e of expected) {
    const i = rest.indexOf(e);
    if (i >= 0) rest.splice(i, 1);
    else missing.push(e);
  }
  return { missing, unexpected: rest };
}

/** Flink messages embed object dumps; compare the words around them. */
export function messageGist(message: string): string {
  return message
    .replace(/\{[^}]*\}/g, '{}')
    .replace(/\[[^\]]*\]/g, '[]')
    .replace(/[.!:]+\s*$/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

export function sameErrorGist(expected: string, actual: string): boolean {
  const a = messageGist(expected);
  const b = messageGist(actual);
  return a === b || a.includes(b) || b.includes(a);
}
