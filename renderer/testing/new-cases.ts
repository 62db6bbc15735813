/**
 * Test cases made from the debugger in one click: from a match or timeout in Results ("Expect this
 * match"), from an event or a near miss ("Expect a match ending here" / "Expect no match here").
 * Events are named by their position in the recording (the "#n" the replay shows).
 */
import { eventLabel } from '../../engine/debug/event-label';
import type { BoundStage } from '../../engine/debug/types';
import type { Expectation, TestCase } from '../../engine/format/tests-schema';
import type { PatternDocument } from '../../engine/format/schema';

const iso = (ms: number): string => new Date(ms).toISOString();
const keyed = (key: string): { key?: string } => (key === '' ? {} : { key });
const forKey = (key: string): string => (key === '' ? '' : ` (key ${key})`);

/** A fresh case id: "t1", "t2", … the first one the document does not use. */
export function nextCaseId(doc: PatternDocument): string {
  const used = new Set(doc.tests.map((c) => c.id));
  let n = doc.tests.length + 1;
  while (used.has(`t${n}`)) n++;
  return `t${n}`;
}

function recordingCase(doc: PatternDocument, recording: string, name: string, expect: Expectation): TestCase {
  return {
    id: nextCaseId(doc),
    name,
    source: { kind: 'recording', recording },
    idField: null,
    expect: [expect],
    note: `Made from the replay of "${recording}".`,
  };
}

/** "Expect this match": exactly these events bound to these stages. */
export function expectOutcome(
  doc: PatternDocument,
  recording: string,
  outcome: { kind: 'match' | 'timeout'; key: string; bound: readonly BoundStage[] },
): TestCase {
  const stages: Record<string, number[]> = {};
  for (const b of outcome.bound) if (b.seqs.length > 0) stages[b.stage] = [...b.seqs];
  const last = Math.max(...outcome.bound.flatMap((b) => b.seqs));
  const what = outcome.kind === 'match' ? 'a match' : 'a timeout';
  return recordingCase(doc, recording, `${what} ending at ${eventLabel(last)}${forKey(outcome.key)}`, {
    kind: outcome.kind,
    ...keyed(outcome.key),
    stages,
  });
}

/** "Expect a match ending here": some match whose last event is this one. */
export function expectMatchEndingAt(
  doc: PatternDocument,
  recording: string,
  event: { seq: number; key: string },
): TestCase {
  return recordingCase(doc, recording, `a match ending at ${eventLabel(event.seq)}${forKey(event.key)}`, {
    kind: 'match',
    ...keyed(event.key),
    endsAt: event.seq,
  });
}

/** "Expect no match here": no match for the key with an event between `from` and `to`. */
export function expectNoMatch(
  doc: PatternDocument,
  recording: string,
  at: { key: string; from: number; to: number; label: string },
): TestCase {
  return recordingCase(doc, recording, `no match ${at.label}${forKey(at.key)}`, {
    kind: 'no-match',
    ...keyed(at.key),
    from: iso(at.from),
    to: iso(at.to),
  });
}
