/**
 * Event references of one test case: positions (0-based) or, with `idField`, values of that field.
 * Ids are learnt while the events stream past (a partial match can only start at an event already
 * seen), so resolving them costs no extra pass over a large recording.
 */
import type { EventRef, Expectation, TestCase } from '../format/tests-schema';
import type { EventRecord } from '../pattern/spec';
import { eventLabel } from '../debug/event-label';
import { fieldValue, keyText } from '../runtime/event-time';

export class CaseRefs {
  /** Id values the expectations use (idField cases only). */
  private readonly wanted = new Set<string>();
  private readonly seqById = new Map<string, number>();
  readonly idField: string | null;

  constructor(
    testCase: TestCase,
    /** Events in the case's events. */
    readonly count: number,
  ) {
    this.idField = testCase.idField;
    if (this.idField === null) return;
    for (const e of testCase.expect) for (const r of refsOf(e)) this.wanted.add(String(r));
  }

  /** Learns the id of an event as it is read. */
  observe(seq: number, payload: EventRecord): void {
    if (this.idField === null || this.wanted.size === this.seqById.size) return;
    const id = keyText(fieldValue(payload, this.idField));
    if (this.wanted.has(id) && !this.seqById.has(id)) this.seqById.set(id, seq);
  }

  /** The position of a referenced event, or a reason it has none. */
  resolve(ref: EventRef): { seq: number } | { problem: string } {
    if (this.idField !== null) {
      const seq = this.seqById.get(String(ref));
      return seq === undefined
        ? { problem: `no event has ${this.idField} = ${JSON.stringify(String(ref))}` }
        : { seq };
    }
    if (typeof ref === 'string')
      return {
        problem: `event ${JSON.stringify(ref)} is named by an id, but the case sets no idField (refer to events by position, or set idField)`,
      };
    return ref < this.count
      ? { seq: ref }
      : {
          problem: `there is no event at position ${ref} (${eventLabel(ref)}; the case has ${this.count}, positions 0 to ${this.count - 1})`,
        };
  }

  /** An event as the case names it: its id value, else "#n" (1-based, as the replay shows it). */
  name(seq: number, payload: EventRecord | undefined): string {
    if (this.idField !== null && payload !== undefined) {
      const v = fieldValue(payload, this.idField);
      if (v !== undefined && v !== null) return keyText(v);
    }
    return eventLabel(seq);
  }
}

/** Every event reference of an expectation, in order. */
export function refsOf(e: Expectation): EventRef[] {
  if (e.kind !== 'match' && e.kind !== 'timeout') return [];
  const out = Object.values(e.stages ?? {}).flat();
  if (e.endsAt !== undefined) out.push(e.endsAt);
  return out;
}
