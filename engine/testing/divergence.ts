/**
 * Where an expected match and the real run part ways. The candidates are the runs that began at the
 * expected first event (matches, timeouts, discarded and still-waiting partial matches); the one
 * that followed the expectation longest shows the event it failed to take, and "why not?" for that
 * event at its expected stage says why, with values.
 */
import type { BoundStage, DiscardKind } from '../debug/types';
import type { CaseView } from './evaluate';
import type { Candidate } from './test-run';
import type { Divergence } from './types';

interface Step {
  stage: string;
  seq: number;
}

function stepsOf(bound: readonly BoundStage[]): Step[] {
  return bound.flatMap((b) => b.seqs.map((seq) => ({ stage: b.stage, seq })));
}

function boundOfSteps(steps: readonly Step[]): BoundStage[] {
  const out: BoundStage[] = [];
  for (const s of steps) {
    const last = out[out.length - 1];
    if (last?.stage === s.stage) last.seqs.push(s.seq);
    else out.push({ stage: s.stage, seqs: [s.seq] });
  }
  return out;
}

/** The same events bound to the same stages (stage order aside). */
export function sameBinding(a: readonly BoundStage[], b: readonly BoundStage[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((x) => {
    const y = b.find((s) => s.stage === x.stage);
    return y !== undefined && y.seqs.length === x.seqs.length && y.seqs.every((s, i) => s === x.seqs[i]);
  });
}

/** The event bound last (the last stage's last event). */
export function lastSeqOf(bound: readonly BoundStage[]): number | undefined {
  const last = bound[bound.length - 1];
  return last?.seqs[last.seqs.length - 1];
}

const DISCARD_WORDS: Record<DiscardKind, string> = {
  window: 'its time window expired',
  until: 'an until condition stopped it',
  'not-stage': 'a notNext/notFollowedBy stage matched',
  skip: 'the after-match skip strategy dropped it',
  contiguity: 'strict contiguity was broken',
  condition: 'no condition let it go on',
  cap: 'the partial-match limit dropped it',
};

function prefixLength(a: readonly Step[], b: readonly Step[]): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i].stage === b[i].stage && a[i].seq === b[i].seq) i++;
  return i;
}

const RANK: Record<Candidate['how'], number> = { match: 3, timeout: 3, discarded: 2, alive: 1 };

export function divergeFromExpected(
  view: CaseView,
  kind: 'match' | 'timeout',
  key: string | undefined,
  expected: readonly BoundStage[],
): Divergence {
  const { run } = view;
  const want = stepsOf(expected);
  const first = want[0].seq;
  const candidates: Candidate[] = [
    ...run.outcomes.map((o) => ({ how: o.kind, key: o.key, bound: o.bound, position: o.position })),
    ...run.candidates,
  ].filter((c) => c.bound[0]?.seqs[0] === first);
  let best: Candidate | undefined;
  let bestLength = -1;
  for (const c of candidates) {
    const n = prefixLength(want, stepsOf(c.bound));
    const better =
      n > bestLength ||
      (n === bestLength &&
        best !== undefined &&
        (RANK[c.how] > RANK[best.how] || (RANK[c.how] === RANK[best.how] && c.position > best.position)));
    if (better) {
      best = c;
      bestLength = n;
    }
  }
  const startText = `the run that began at ${view.name(first)}`;
  if (best === undefined || bestLength < want.length) {
    const next = want[Math.max(0, bestLength)];
    const verdict = view.whyNot(next.seq, next.stage);
    const got = best ? stepsOf(best.bound)[bestLength] : undefined;
    const what =
      best === undefined || bestLength <= 0
        ? `${view.name(next.seq)} did not start a partial match at "${next.stage}"`
        : `${startText} (${view.binding(boundOfSteps(stepsOf(best.bound).slice(0, bestLength)))}) did not take ${view.name(next.seq)} into "${next.stage}"${got ? ` (it took ${view.name(got.seq)} into "${got.stage}" there)` : ''}`;
    return {
      position: verdict?.position ?? next.seq + 1,
      seq: next.seq,
      stage: next.stage,
      message: verdict ? `${what}: ${verdict.message}` : what,
      ...(verdict ? { verdict } : {}),
    };
  }
  // The run bound every expected event: it went on, ended another way, or has another key.
  const steps = stepsOf(best.bound);
  let what: string;
  let seq: number | undefined;
  if (steps.length > want.length) {
    seq = steps[want.length].seq;
    what = `${startText} also bound ${view.name(seq)} to "${steps[want.length].stage}" (${best.how === 'match' || best.how === 'timeout' ? `a ${best.how} binding ${view.binding(best.bound)}` : 'a partial match'})`;
  } else if (best.how === 'discarded')
    what = `${startText} bound these events, then was dropped: ${DISCARD_WORDS[best.reason ?? 'condition']}`;
  else if (best.how === 'alive')
    what = `${startText} bound these events and was still waiting at the end of the events`;
  else if (best.how !== kind)
    what = `${startText} bound these events and ended as a ${best.how}, not a ${kind}`;
  else what = `${startText} bound these events for key "${best.key}", not "${key ?? ''}"`;
  return { position: best.position, ...(seq !== undefined ? { seq } : {}), message: what };
}
