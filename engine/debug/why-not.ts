/**
 * "Why not?": why event #seq did not advance a partial match at a stage. Replays the event on a
 * scratch runner (the session does not move) and names the first reason, with values.
 * Earlier causes (a window that expired, contiguity broken by an earlier event, …) are looked for
 * from the nearest checkpoint before the event.
 */
import type { RunDiscarded } from '../nfa/observer';
import { Runner, type ReplayContext } from './runner';
import { StepTracer } from './trace';
import type { ConditionExplanation, DiscardKind, RunTrace } from './types';

export type WhyNotReason =
  | 'advanced'
  | 'condition-false'
  | 'contiguity'
  | 'window'
  | 'other-key'
  | 'late'
  | 'skip'
  | 'until'
  | 'not-stage'
  | 'cap'
  | 'no-partial-match';

export interface WhyNotVerdict {
  seq: number;
  stage: string;
  key: string;
  reason: WhyNotReason;
  message: string;
  /** The values that decided a condition. */
  conditions?: ConditionExplanation[];
  /** The earlier event responsible (broken contiguity, not-stage, until). */
  relatedSeq?: number;
  /** Step after which the event had been processed: seek here to see it. */
  position: number;
}

const KIND_TEXT: Record<DiscardKind, string> = {
  window: 'its time window (within) expired',
  until: 'the stage\'s until condition stopped it',
  'not-stage': 'a notNext/notFollowedBy stage blocked it',
  skip: 'the after-match skip strategy consumed it',
  contiguity: 'strict contiguity (next/consecutive) was broken',
  condition: 'no transition could continue it',
  cap: 'the partial-match limit dropped it',
};

function valuesText(c: readonly ConditionExplanation[]): string {
  return c.map((x) => `${x.label}: ${x.source} → ${String(x.result)} (${x.values.filter((v) => !/[ &|!<>=]/.test(v.text)).map((v) => `${v.text}=${JSON.stringify(v.value)}`).join(', ')})`).join('; ');
}

function verdictFromDiscard(kind: DiscardKind, d: RunDiscarded, base: Omit<WhyNotVerdict, 'reason' | 'message'>, when: string): WhyNotVerdict {
  const reason: WhyNotReason = kind === 'condition' ? 'contiguity' : kind;
  const at = d.seq !== undefined ? ` by event #${d.seq}` : ` at time ${d.timestamp}`;
  return { ...base, reason, message: `The partial match waiting at "${base.stage}" was gone ${when}: ${KIND_TEXT[kind]}${at}.`, ...(d.seq !== undefined ? { relatedSeq: d.seq } : {}) };
}

export function whyNot(ctx: ReplayContext, seq: number, stage: string): WhyNotVerdict {
  if (!ctx.pattern.stages.some((s) => s.stage === stage)) throw new Error(`the pattern has no stage "${stage}"`);
  if (!Number.isInteger(seq) || seq < 0 || seq >= ctx.source.count) throw new Error(`event #${seq} is not in the recording (it has ${ctx.source.count} events)`);
  const runner = new Runner(ctx);
  const { pattern } = ctx;
  const key = pattern.keyOf(runner.reader.at(seq).payload);
  const stageOf = (state: string): string | undefined => pattern.stateByName.get(state)?.stage;
  let lastLoss: { d: RunDiscarded; kind: DiscardKind } | null = null;
  const watchLosses = {
    discardedAs: (d: RunDiscarded, kind: DiscardKind) => {
      if (stageOf(d.state) !== stage || !d.match) return;
      const first = d.match.stages[0]?.events[0];
      if (first && pattern.keyOf(first.event) === key) lastLoss = { d, kind };
    },
  };
  runner.restore(seq);
  while (runner.position < seq) runner.step(watchLosses);
  // Step until the NFA has processed the event (event time: until the watermark releases it).
  let tracer = new StepTracer(runner);
  for (;;) {
    tracer = new StepTracer(runner);
    const outputs = runner.step({ ...watchLosses, edge: (e) => tracer.edge(e), branched: (b) => tracer.branched(b), discardedAs: (d, k) => (tracer.discardedAs(d, k), watchLosses.discardedAs(d, k)) });
    const base = { seq, stage, key, position: runner.position };
    const late = outputs.find((o) => o.kind === 'late' && o.event.seq === seq);
    if (late && late.kind === 'late') return { ...base, reason: 'late', message: `Event #${seq} is late: its time ${late.timestamp} is not after the watermark ${late.watermark}, so Flink drops it.` };
    if (tracer.events.some((e) => e.seq === seq) || runner.done) break;
  }
  const base = { seq, stage, key, position: runner.position };
  const processed = tracer.processed().find((p) => p.event.seq === seq);
  const runs: RunTrace[] = processed?.runs ?? [];
  const atStage = runs.filter((r) => r.edges.some((e) => e.stage === stage));
  if (atStage.some((r) => r.branches.some((b) => b.via !== 'ignore' && b.stage === stage))) {
    const r = atStage.find((x) => x.branches.some((b) => b.via !== 'ignore' && b.stage === stage)) as RunTrace;
    const lost = r.branches.length > 0 && r.discarded === 'skip';
    if (!lost) return { ...base, reason: 'advanced', message: `Event #${seq} was bound to "${stage}" (partial match ${r.runId}).` };
  }
  for (const r of atStage) {
    if (r.discarded === 'not-stage') return { ...base, reason: 'not-stage', message: `A notNext/notFollowedBy stage matched event #${seq}, which ended the partial match at "${stage}".` };
    const takes = r.edges.filter((e) => e.stage === stage && e.action === 'take');
    const conditions = takes.flatMap((e) => e.conditions);
    const until = conditions.find((c) => c.label.endsWith('.until') && c.result);
    if (until) return { ...base, reason: 'until', conditions: [until], message: `Stopped by until: ${valuesText([until])}.` };
    if (takes.length > 0 && takes.every((e) => !e.result)) {
      const failing = conditions.filter((c) => !c.label.endsWith('.until'));
      return { ...base, reason: 'condition-false', conditions: failing, message: `The condition of "${stage}" is false for event #${seq}: ${valuesText(failing)}.` };
    }
    if (r.discarded === 'skip') return { ...base, reason: 'skip', message: `The after-match skip strategy discarded the partial match at "${stage}" at event #${seq}.` };
    if (r.discarded === 'cap') return { ...base, reason: 'cap', message: KIND_TEXT.cap };
  }
  const expiredNow = tracer.discards.find((x) => stageOf(x.d.state) === stage && x.d.seq === undefined && x.d.match && pattern.keyOf(x.d.match.stages[0]?.events[0]?.event ?? {}) === key);
  if (expiredNow) return verdictFromDiscard(expiredNow.kind, expiredNow.d, base, 'before this event');
  const loss = lastLoss as { d: RunDiscarded; kind: DiscardKind } | null;
  if (loss !== null && (loss.d.seq === undefined || loss.d.seq !== seq)) return verdictFromDiscard(loss.kind, loss.d, base, 'before this event');
  const waitingElsewhere: string[] = [];
  for (const ks of runner.matcher.keys.values()) {
    if (ks.key === key) continue;
    if (ks.nfa.partial.some((r) => r.startFid >= 0 && pattern.nfa.states[r.state]?.stage === stage)) waitingElsewhere.push(ks.key);
    if (waitingElsewhere.length >= 5) break;
  }
  const own = runs.filter((r) => r.stage !== '(start)').map((r) => r.stage);
  if (own.length === 0 && waitingElsewhere.length > 0)
    return { ...base, reason: 'other-key', message: `Event #${seq} has key "${key}"; the partial matches waiting at "${stage}" belong to other keys (${waitingElsewhere.map((k) => `"${k}"`).join(', ')}).` };
  const where = own.length > 0 ? `; key "${key}" had partial matches at ${[...new Set(own)].map((s) => `"${s}"`).join(', ')}` : `; key "${key}" had no partial match`;
  return { ...base, reason: 'no-partial-match', message: `No partial match was waiting at "${stage}" when event #${seq} arrived${where}.` };
}
