/**
 * Checks a case's expectations against one run's outcomes. A failed expectation says what happened
 * instead and, where it can, the replay step where the expected and the real run part ways with the
 * "why not?" verdict for the event that should have advanced the expected match (divergence.ts).
 */
import { eventLabel } from '../debug/event-label';
import { EventReader } from '../debug/event-reader';
import type { BoundStage } from '../debug/types';
import { whyNot, type WhyNotVerdict } from '../debug/why-not';
import { testTimeMs, type EventRef, type Expectation, type TestCase } from '../format/tests-schema';
import { divergeFromExpected, lastSeqOf, sameBinding } from './divergence';
import type { CaseRefs } from './refs';
import type { TestRun } from './test-run';
import type { CaseResult, ExpectationResult, Outcome } from './types';

/** What evaluation and divergence need of a finished run, with the case's way of naming events. */
export class CaseView {
  private readonly reader: EventReader;

  constructor(
    readonly run: TestRun,
    readonly refs: CaseRefs,
  ) {
    this.reader = new EventReader(run.source);
  }

  name(seq: number): string {
    return this.refs.name(seq, seq < this.run.source.count ? this.reader.at(seq).payload : undefined);
  }

  binding(bound: readonly BoundStage[]): string {
    return bound.map((b) => `${b.stage}: ${b.seqs.map((s) => this.name(s)).join(', ')}`).join('; ');
  }

  outcome(o: Outcome): string {
    return `a ${o.kind} of key "${o.key}" binding ${this.binding(o.bound)}`;
  }

  whyNot(seq: number, stage: string): WhyNotVerdict | undefined {
    try {
      return whyNot(this.run.ctx, seq, stage);
    } catch {
      return undefined;
    }
  }
}

/** "Expected …, but …." with one final period whatever the verdict's own punctuation. */
function failure(wanted: string, why: string): string {
  return `Expected ${wanted}, but ${why.replace(/\.+$/, '')}.`;
}

/** "1 match", "3 matches", "2 timeouts". */
export function countText(n: number, kind: 'match' | 'timeout'): string {
  return `${n} ${kind}${n === 1 ? '' : kind === 'match' ? 'es' : 's'}`;
}
const timeText = (ms: number): string => (Number.isFinite(ms) ? new Date(ms).toISOString() : String(ms));
const refText = (r: EventRef, idField: string | null): string =>
  idField === null && typeof r === 'number' ? eventLabel(r) : String(r);

function rangeOf(e: Expectation): { from: number; to: number } {
  const from = 'from' in e && e.from !== undefined ? testTimeMs(e.from) : Number.NEGATIVE_INFINITY;
  const to = 'to' in e && e.to !== undefined ? testTimeMs(e.to) : Number.POSITIVE_INFINITY;
  return { from, to };
}

/** The expectation in words, with events as the test names them. */
export function expectationText(e: Expectation, idField: string | null): string {
  const key = e.key !== undefined ? ` for key "${e.key}"` : '';
  if (e.kind === 'match' || e.kind === 'timeout') {
    const stages =
      e.stages === undefined
        ? ''
        : ` binding ${Object.entries(e.stages)
            .map(([s, refs]) => `${s}: ${refs.map((r) => refText(r, idField)).join(', ')}`)
            .join('; ')}`;
    const ends = e.endsAt !== undefined ? ` ending at ${refText(e.endsAt, idField)}` : '';
    return `a ${e.kind}${key}${stages}${ends}`;
  }
  const { from, to } = rangeOf(e);
  const range =
    from === Number.NEGATIVE_INFINITY && to === Number.POSITIVE_INFINITY
      ? ''
      : ` between ${timeText(from)} and ${timeText(to)}`;
  if (e.kind === 'no-match') return `no match${key}${range}`;
  return `exactly ${countText(e.equals, e.of)}${key}${range}`;
}

function checkOutcome(
  view: CaseView,
  e: Extract<Expectation, { kind: 'match' | 'timeout' }>,
  index: number,
): ExpectationResult {
  const { run, refs } = view;
  const wanted = expectationText(e, refs.idField);
  const fail = (why: string): ExpectationResult => ({
    index,
    passed: false,
    message: failure(wanted, why),
  });
  const known = new Set(run.pattern.stages.map((s) => s.stage));
  const order = run.pattern.nfa.stageNames;
  let expected: BoundStage[] | undefined;
  if (e.stages !== undefined) {
    expected = [];
    for (const [stage, list] of Object.entries(e.stages)) {
      if (!known.has(stage)) return fail(`the pattern has no stage "${stage}"`);
      const seqs: number[] = [];
      for (const ref of list) {
        const r = refs.resolve(ref);
        if ('problem' in r) return fail(r.problem);
        seqs.push(r.seq);
      }
      expected.push({ stage, seqs });
    }
    expected.sort((a, b) => order.indexOf(a.stage) - order.indexOf(b.stage));
  }
  let endSeq: number | undefined;
  if (e.endsAt !== undefined) {
    const r = refs.resolve(e.endsAt);
    if ('problem' in r) return fail(r.problem);
    endSeq = r.seq;
  }
  const fits = (o: Outcome): boolean =>
    (e.key === undefined || o.key === e.key) &&
    (expected === undefined || sameBinding(o.bound, expected)) &&
    (endSeq === undefined || lastSeqOf(o.bound) === endSeq);
  const hit = run.outcomes.find((o) => o.kind === e.kind && fits(o));
  if (hit) return { index, passed: true, message: `Found ${wanted} (step ${hit.position}).` };
  if (expected !== undefined) {
    const d = divergeFromExpected(view, e.kind, e.key, expected);
    return { index, passed: false, message: failure(wanted, d.message), divergence: d };
  }
  // Only the last event is known: ask why it did not complete a run at the last stage.
  const seq = endSeq as number;
  const stage = order[order.length - 1];
  const other = run.outcomes.find((o) => o.kind !== e.kind && fits(o));
  const verdict = view.whyNot(seq, stage);
  const why = other
    ? `found ${view.outcome(other)} instead`
    : `no ${e.kind} ends at ${view.name(seq)}${verdict ? `: ${verdict.message}` : ''}`;
  return {
    index,
    passed: false,
    message: failure(wanted, why),
    divergence: {
      position: other?.position ?? verdict?.position ?? seq + 1,
      seq,
      stage,
      message: why,
      ...(verdict && !other ? { verdict } : {}),
    },
  };
}

/** Outcomes of a kind for the expectation's key (if any) with an event in its time range (if any). */
function outcomesIn(view: CaseView, kind: Outcome['kind'], e: Expectation): Outcome[] {
  const { from, to } = rangeOf(e);
  return view.run.outcomes.filter(
    (o) =>
      o.kind === kind &&
      (e.key === undefined || o.key === e.key) &&
      o.firstTimestamp <= to &&
      o.lastTimestamp >= from,
  );
}

function checkNone(
  view: CaseView,
  e: Extract<Expectation, { kind: 'no-match' }>,
  index: number,
): ExpectationResult {
  const wanted = expectationText(e, view.refs.idField);
  const found = outcomesIn(view, 'match', e);
  if (found.length === 0) return { index, passed: true, message: `Found ${wanted}.` };
  const first = found[0];
  const why = `found ${countText(found.length, 'match')}, the first ${view.outcome(first)}`;
  return {
    index,
    passed: false,
    message: failure(wanted, why),
    divergence: { position: first.position, seq: lastSeqOf(first.bound), message: why },
  };
}

function checkCount(
  view: CaseView,
  e: Extract<Expectation, { kind: 'count' }>,
  index: number,
): ExpectationResult {
  const wanted = expectationText(e, view.refs.idField);
  const found = outcomesIn(view, e.of, e);
  if (found.length === e.equals) return { index, passed: true, message: `Found ${wanted}.` };
  const extra = found[e.equals];
  const why = `found ${found.length}${extra ? `; the first one too many is ${view.outcome(extra)}` : ''}`;
  return {
    index,
    passed: false,
    message: failure(wanted, why),
    ...(extra ? { divergence: { position: extra.position, seq: lastSeqOf(extra.bound), message: why } } : {}),
  };
}

export function evaluateExpectation(view: CaseView, e: Expectation, index: number): ExpectationResult {
  switch (e.kind) {
    case 'match':
    case 'timeout':
      return checkOutcome(view, e, index);
    case 'no-match':
      return checkNone(view, e, index);
    case 'count':
      return checkCount(view, e, index);
  }
}

export function evaluateCase(run: TestRun, c: TestCase, refs: CaseRefs): CaseResult {
  const base = {
    id: c.id,
    name: c.name,
    events: run.source.count,
    matches: run.outcomes.filter((o) => o.kind === 'match').length,
    timeouts: run.outcomes.filter((o) => o.kind === 'timeout').length,
  };
  if (c.expect.length === 0)
    return { ...base, status: 'failed', message: 'The case has no expectations yet.', expectations: [] };
  const view = new CaseView(run, refs);
  const expectations = c.expect.map((e, i) => evaluateExpectation(view, e, i));
  const failed = expectations.filter((x) => !x.passed);
  return {
    ...base,
    status: failed.length > 0 ? 'failed' : 'passed',
    message:
      failed.length > 0
        ? failed.length === 1
          ? failed[0].message
          : `${failed.length} of ${expectations.length} expectations failed; first: ${failed[0].message}`
        : `${expectations.length === 1 ? 'The expectation holds' : `All ${expectations.length} expectations hold`}.`,
    expectations,
  };
}
