/**
 * "Why not?": why event #seq did not advance a partial match at a stage. Replays the event on a
 * scratch runner (the session does not move) and names the first reason, with values.
 * Earlier causes (a window that expired, contiguity broken by an earlier event, …) are looked for
 * from the nearest checkpoint before the event, then MAX_LOOKBACK_INTERVALS checkpoint intervals
 * further back; a loss older than that is not found (the verdict says how far it looked).
 */
import type { EdgeEvaluation, RunDiscarded } from '../nfa/observer';
import { generalView } from '../nfa/run-view';
import type { Match } from '../nfa/types';
import { eventLabel } from './event-label';
import { Runner, type ReplayContext } from './runner';
import { decidingValues, StepTracer } from './trace';
import type { ConditionExplanation, DiscardKind, RunTrace } from './types';
import type { ReplayPattern } from './replay-pattern';

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
  /**
   * The other event responsible: the one that broke contiguity, matched a not-stage or until, moved
   * time past the window, or (late) moved the watermark past this event's time.
   */
  relatedSeq?: number;
  /** Step after which the event had been processed: seek here to see it. */
  position: number;
}

/**
 * What a condition is to its stage, in words: its own condition needs no name, an `or` alternative and
 * the `until` condition do. The label (`b.or[0]`) is an internal key; people never see it.
 */
function conditionRole(label: string): string {
  const or = /\.or\[(\d+)\]$/.exec(label);
  if (or) return `its alternative ${Number(or[1]) + 1} (or): `;
  return label.endsWith('.until') ? 'its until condition: ' : '';
}

/** Values that decided a condition; literals and operators are left out (they are in the source). */
function valuesText(c: readonly ConditionExplanation[]): string {
  return c
    .map((x) => {
      const values = decidingValues(x).map((v) => `${v.text}=${JSON.stringify(v.value)}`);
      return `${conditionRole(x.label)}${x.source} is ${String(x.result)}${values.length > 0 ? ` (${values.join(', ')})` : ''}`;
    })
    .join('; ');
}

/** A partial match lost before (or at) the event, with what decided it. */
interface Loss {
  kind: DiscardKind;
  timestamp: number;
  seq?: number;
  startTimestamp?: number;
  /** The event it started with, and its stage. */
  startSeq?: number;
  startStage?: string;
  /** Time of the newest event it had bound (per-state windows count from it). */
  lastTimestamp?: number;
  /** Time-based losses (window): the event whose arrival moved time past the deadline (none: end of input). */
  movedBy?: { seq: number; ts: number };
  /** The state it was in (window: which window applied). */
  state: string;
  /** not-stage: the notNext/notFollowedBy stage that matched. */
  notStage?: string;
}

function skipText(pattern: ReplayPattern): string {
  const s = pattern.nfa.skip;
  return s.kind === 'SKIP_TO_FIRST' || s.kind === 'SKIP_TO_LAST' ? `${s.kind}("${s.stage}")` : s.kind;
}

function notStageText(pattern: ReplayPattern, notStage: string | undefined): string {
  const info = pattern.stages.find((s) => s.stage === notStage);
  return info ? `the ${info.contiguity} stage "${info.stage}"` : 'a notNext/notFollowedBy stage';
}

/** The decisive thing of a loss, in words. */
function lossText(ctx: ReplayContext, loss: Loss, key: string, capLimit: number | undefined): string {
  const { pattern } = ctx;
  const { at, span } = pattern.text;
  const by = loss.seq !== undefined ? ` by event ${eventLabel(loss.seq)}` : ` at ${at(loss.timestamp)}`;
  switch (loss.kind) {
    case 'window': {
      const W = pattern.nfa.windowTime;
      const start = loss.startTimestamp;
      const perState = pattern.stateByName.get(loss.state)?.window;
      const limit = W > 0 && start !== undefined && loss.timestamp - start >= W ? W : perState;
      if (limit === undefined || start === undefined)
        return `its time window expired at ${at(loss.timestamp)}`;
      const what =
        limit === W ? `its within(${span(W)}) window` : `the window of ${span(limit)} between its events`;
      const from = limit === W ? start : (loss.lastTimestamp ?? start);
      const first =
        loss.startSeq !== undefined
          ? `it started with event ${eventLabel(loss.startSeq)}${loss.startStage ? ` ("${loss.startStage}")` : ''} at ${at(start)}`
          : `it started at ${at(start)}`;
      const head = `${what} ran out: ${limit === W ? first : `its last event was at ${at(from)}`}, so it had to complete by ${at(from + limit)}`;
      const after = limit === W && loss.startStage ? loss.startStage : 'it';
      if (loss.movedBy)
        return `${head}; event ${eventLabel(loss.movedBy.seq)} at ${at(loss.movedBy.ts)} came ${span(loss.movedBy.ts - from)} after ${after}, and the window is ${span(limit)}`;
      return `${head}; the end of the recording closed the window (no event came in time)`;
    }
    case 'until':
      return `the stage's until condition (${pattern.stages.find((s) => s.stage === pattern.stateByName.get(loss.state)?.stage)?.until ?? '?'}) stopped it${by}`;
    case 'not-stage':
      return `${notStageText(pattern, loss.notStage)} matched ${loss.seq !== undefined ? `event ${eventLabel(loss.seq)}` : `at ${at(loss.timestamp)}`}`;
    case 'skip':
      return `the after-match skip strategy ${skipText(pattern)} discarded it when a match was emitted${by}`;
    case 'contiguity':
      return `strict contiguity (next/consecutive) was broken${by}, which did not match`;
    case 'condition':
      return `none of its take or skip conditions held${by} (a greedy stage or an until condition guards it)`;
    case 'cap':
      return `the partial-match limit${capLimit !== undefined ? ` of ${capLimit} per key` : ''} (key "${key}") dropped it${by}`;
  }
}

/** The event whose arrival first moved the watermark to `t` or past it, looking back from step `before`. */
function watermarkMover(
  ctx: ReplayContext,
  before: number,
  t: number,
): { seq: number; ts: number } | undefined {
  // The latest checkpoint whose watermark is still below t, then forward step by step.
  const positions = ctx.checkpoints.positions();
  let from = 0;
  for (let i = positions.length - 1; i >= 0; i--) {
    const p = positions[i];
    if (p > before) continue;
    const wm = ctx.checkpoints.find(p)?.snapshot.watermark;
    const below = wm === '-inf' || (typeof wm === 'number' && wm < t);
    if (below) {
      from = p;
      break;
    }
  }
  const scan = new Runner(ctx);
  scan.restore(from);
  while (scan.position < before && !scan.done) {
    scan.step();
    if (scan.matcher.watermark >= t && scan.current)
      return { seq: scan.current.seq, ts: ctx.pattern.eventTimeOf(scan.current) };
  }
  return undefined;
}

/** A run that had an ignore edge and lost it to a false condition (a greedy or until guard, say) is not a contiguity break. */
function reasonOf(kind: DiscardKind): WhyNotReason {
  return kind === 'condition' ? 'condition-false' : kind;
}

/** Checkpoint intervals before the nearest one that are scanned for an earlier loss. */
export const MAX_LOOKBACK_INTERVALS = 8;

export function whyNot(ctx: ReplayContext, seq: number, stage: string): WhyNotVerdict {
  if (!ctx.pattern.stages.some((s) => s.stage === stage))
    throw new Error(`the pattern has no stage "${stage}"`);
  if (!Number.isInteger(seq) || seq < 0 || seq >= ctx.source.count)
    throw new Error(`event ${eventLabel(seq)} is not in the recording (it has ${ctx.source.count} events)`);
  const runner = new Runner(ctx);
  const { pattern } = ctx;
  const key = pattern.keyOf(runner.reader.at(seq).payload);
  const stageOf = (state: string): string | undefined => pattern.stateByName.get(state)?.stage;
  // A run "waits for" the stage when it is in it, or in a notNext state that proceeds into it.
  const waitsFor = (state: string): boolean => {
    const def = pattern.stateByName.get(state);
    return (
      def !== undefined &&
      (def.stage === stage ||
        def.transitions.some(
          (t) =>
            t.action === 'proceed' &&
            pattern.nfa.states[t.target]?.kind !== 'stop' &&
            pattern.nfa.states[t.target]?.stage === stage,
        ))
    );
  };
  const stopEdge = (e: {
    action: string;
    result: boolean;
    state: string;
    target: string;
  }): string | undefined => {
    const target = pattern.stateByName.get(e.target);
    return e.action === 'proceed' && e.result && target?.kind === 'stop' && waitsFor(e.state)
      ? target.stage
      : undefined;
  };
  let lastLoss: Loss | null = null;
  /** The runner whose steps watchLosses sees (to name the event that moved time). */
  let watching: Runner | null = runner;
  const watchLosses = {
    discardedAs: (d: RunDiscarded, kind: DiscardKind) => {
      // not-stage losses are seen on the stop edge, which also names the not-stage.
      if (kind === 'not-stage' || stageOf(d.state) !== stage || !d.match) return;
      const first = d.match.stages[0]?.events[0];
      const pushed = watching?.current;
      if (first && pattern.keyOf(first.event) === key)
        lastLoss = {
          kind,
          timestamp: d.timestamp,
          seq: d.seq,
          startTimestamp: d.startTimestamp,
          startSeq: first.seq,
          startStage: d.match.stages[0]?.stage,
          lastTimestamp: lastTimestampOf(d.match),
          state: d.state,
          ...(d.seq === undefined && pushed
            ? { movedBy: { seq: pushed.seq, ts: pattern.eventTimeOf(pushed) } }
            : {}),
        };
    },
    // A notNext/notFollowedBy match ends the run with no discard of its own when nothing else survives.
    edge: (e: EdgeEvaluation) => {
      const notStage = stopEdge(e);
      if (notStage !== undefined && pattern.keyOf(runner.reader.at(e.seq).payload) === key)
        lastLoss = { kind: 'not-stage', timestamp: e.timestamp, seq: e.seq, state: e.state, notStage };
    },
  };
  runner.restore(seq);
  let lookedBackTo = runner.position;
  while (runner.position < seq) runner.step(watchLosses);
  // Step until the NFA has processed the event (event time: until the watermark releases it).
  let tracer = new StepTracer(runner);
  for (;;) {
    tracer = new StepTracer(runner);
    const t = tracer;
    const outputs = runner.step({
      edge: (e) => (t.edge(e), watchLosses.edge(e)),
      branched: (b) => t.branched(b),
      discardedAs: (d, k) => (t.discardedAs(d, k), watchLosses.discardedAs(d, k)),
    });
    const base = { seq, stage, key, position: runner.position };
    const late = outputs.find((o) => o.kind === 'late' && o.event.seq === seq);
    if (late && late.kind === 'late') {
      const { at, span } = pattern.text;
      const mover = watermarkMover(ctx, seq, late.timestamp);
      const slack =
        pattern.outOfOrdernessMs > 0 ? `, ${span(pattern.outOfOrdernessMs)} out of order allowed` : '';
      const cause = mover
        ? `; event ${eventLabel(mover.seq)} at ${at(mover.ts)} had moved it past ${at(late.timestamp)}`
        : '';
      return {
        ...base,
        reason: 'late',
        ...(mover ? { relatedSeq: mover.seq } : {}),
        message: `Event ${eventLabel(seq)} at ${at(late.timestamp)} is late: the watermark was already at ${at(late.watermark)}, ${span(late.watermark - late.timestamp)} past its time${slack}${cause}. Flink drops late events.`,
      };
    }
    if (tracer.events.some((e) => e.seq === seq) || runner.done) break;
  }
  const base = { seq, stage, key, position: runner.position };
  const capLimit = runner.matcher.keys.get(key)?.maxPartialMatches;
  const processed = tracer.processed().find((p) => p.event.seq === seq);
  const runs: RunTrace[] = processed?.runs ?? [];
  // Branches that advanced at the stage, and what (if anything) dropped them in this step.
  const advancing = runs.flatMap((r) =>
    r.branches.filter((b) => b.via !== 'ignore' && b.stage === stage).map((b) => ({ r, b })),
  );
  const lostAt = (runId: number): DiscardKind | undefined =>
    tracer.discards.find((x) => x.d.runId === runId)?.kind;
  const stopOf = (r: RunTrace): { notStage: string; conditions: ConditionExplanation[] } | undefined => {
    for (const e of r.edges) {
      const notStage = stopEdge(e);
      if (notStage !== undefined) return { notStage, conditions: e.conditions };
    }
    return undefined;
  };
  const survivor = advancing.find(({ r, b }) => lostAt(b.runId) === undefined && stopOf(r) === undefined);
  if (survivor || advancing.some(({ b }) => b.via === 'completed' && lostAt(b.runId) === undefined))
    return {
      ...base,
      reason: 'advanced',
      message: `Event ${eventLabel(seq)} was bound to "${stage}"${partialMatchText((survivor ?? advancing[0]).r)}.`,
    };
  for (const r of runs) {
    const stop = stopOf(r);
    if (stop)
      return {
        ...base,
        reason: 'not-stage',
        conditions: stop.conditions,
        relatedSeq: seq,
        message: `${capitalize(notStageText(pattern, stop.notStage))} matched event ${eventLabel(seq)} (${valuesText(stop.conditions)}), which ended the partial match waiting for "${stage}".`,
      };
  }
  if (advancing.length > 0) {
    const kind = lostAt(advancing[0].b.runId) as DiscardKind;
    const loss: Loss = { kind, timestamp: processed?.event.ts ?? 0, seq, state: advancing[0].b.state };
    return {
      ...base,
      reason: reasonOf(kind),
      message: `Event ${eventLabel(seq)} was taken at "${stage}", but ${lossText(ctx, { ...loss, seq: undefined }, key, capLimit).replace(/ at \S+$/, '')}.`,
    };
  }
  const atStage = runs.filter((r) => r.edges.some((e) => e.stage === stage));
  for (const r of atStage) {
    const takes = r.edges.filter((e) => e.stage === stage && e.action === 'take');
    const conditions = takes.flatMap((e) => e.conditions);
    const until = conditions.find((c) => c.label.endsWith('.until') && c.result);
    if (until)
      return {
        ...base,
        reason: 'until',
        conditions: [until],
        message: `Stopped by the until condition of "${stage}": ${valuesText([{ ...until, label: stage }])}.`,
      };
    if (takes.length > 0 && takes.every((e) => !e.result)) {
      const failing = conditions.filter((c) => !c.label.endsWith('.until'));
      return {
        ...base,
        reason: 'condition-false',
        conditions: failing,
        message: `The condition of "${stage}" is false for event ${eventLabel(seq)}: ${valuesText(failing)}.`,
      };
    }
  }
  const expiredNow = tracer.discards.find(
    (x) =>
      stageOf(x.d.state) === stage &&
      x.d.seq === undefined &&
      x.d.match &&
      pattern.keyOf(x.d.match.stages[0]?.events[0]?.event ?? {}) === key,
  );
  if (expiredNow) {
    const { d, kind } = expiredNow;
    const first = d.match?.stages[0]?.events[0];
    const pushed = runner.current;
    return lossVerdict({
      kind,
      timestamp: d.timestamp,
      startTimestamp: d.startTimestamp,
      state: d.state,
      ...(first && d.match
        ? {
            startSeq: first.seq,
            startStage: d.match.stages[0]?.stage,
            lastTimestamp: lastTimestampOf(d.match),
          }
        : {}),
      ...(pushed ? { movedBy: { seq: pushed.seq, ts: pattern.eventTimeOf(pushed) } } : {}),
    });
  }
  // Nothing since the nearest checkpoint: scan earlier checkpoint intervals, latest first, so the
  // answer does not depend on how far the session has run (bounded, so a long recording stays fast).
  for (let n = 0; lastLoss === null && lookedBackTo > 0 && n < MAX_LOOKBACK_INTERVALS; n++) {
    const scan = new Runner(ctx);
    watching = scan;
    scan.restore(lookedBackTo - 1);
    const end = lookedBackTo;
    lookedBackTo = scan.position;
    while (scan.position < end) scan.step(watchLosses);
  }
  const loss = lastLoss as Loss | null;
  if (loss !== null && loss.seq !== seq) return lossVerdict(loss);
  const waitingElsewhere: string[] = [];
  for (const ks of runner.matcher.keys.values()) {
    if (ks.key === key) continue;
    if (
      generalView(pattern.nfa, ks).partial.some(
        (r) => r.startFid >= 0 && pattern.nfa.states[r.state]?.stage === stage,
      )
    )
      waitingElsewhere.push(ks.key);
    if (waitingElsewhere.length >= 5) break;
  }
  const own = runs.filter((r) => r.stage !== '(start)').map((r) => r.stage);
  if (own.length === 0 && waitingElsewhere.length > 0)
    return {
      ...base,
      reason: 'other-key',
      message: `Event ${eventLabel(seq)} has key "${key}"; the partial matches waiting at "${stage}" belong to other keys (${waitingElsewhere.map((k) => `"${k}"`).join(', ')}).`,
    };
  const where =
    own.length > 0
      ? `; key "${key}" had partial matches at ${[...new Set(own)].map((s) => `"${s}"`).join(', ')}`
      : `; key "${key}" had no partial match`;
  // Say how far back losses were looked for when that may have hidden earlier history.
  const horizon =
    lookedBackTo > 0 ? ` (earlier losses were looked for back to step ${lookedBackTo} only)` : '';
  return {
    ...base,
    reason: 'no-partial-match',
    message: `No partial match was waiting at "${stage}" when event ${eventLabel(seq)} arrived${where}${horizon}.`,
  };

  function lossVerdict(found: Loss): WhyNotVerdict {
    const b = { seq, stage, key, position: runner.position };
    // This event itself came after the window: say how long after, in its own time. The event that
    // moved time past the deadline (a later one, when the watermark held this one back) stays linked.
    const askedTs = pattern.eventTimeOf(runner.reader.at(seq));
    const W = pattern.nfa.windowTime;
    const perState = pattern.stateByName.get(found.state)?.window;
    const from = W > 0 ? found.startTimestamp : (found.lastTimestamp ?? found.startTimestamp);
    const limit = W > 0 ? W : perState;
    const cameAfter =
      found.kind === 'window' && from !== undefined && limit !== undefined && askedTs >= from + limit;
    const l: Loss = cameAfter ? { ...found, movedBy: { seq, ts: askedTs } } : found;
    const closer = cameAfter && found.movedBy && found.movedBy.seq !== seq ? found.movedBy : undefined;
    const closedBy = closer
      ? `; event ${eventLabel(closer.seq)} at ${pattern.text.at(closer.ts)} had moved time past the deadline`
      : '';
    const related = l.seq ?? closer?.seq ?? l.movedBy?.seq;
    return {
      ...b,
      reason: reasonOf(l.kind),
      message: `The partial match waiting at "${stage}" was gone before this event: ${lossText(ctx, l, key, capLimit)}${closedBy}.`,
      ...(related !== undefined ? { relatedSeq: related } : {}),
    };
  }
}

/** Which partial match took the event, by its first event (its run id is internal, shown nowhere). */
function partialMatchText(run: RunTrace): string {
  const first = run.bound.find((b) => b.seqs.length > 0);
  return first
    ? ` by the partial match that started with event ${eventLabel(first.seqs[0])} at "${first.stage}"`
    : ', starting a new partial match';
}

function lastTimestampOf(match: Match): number | undefined {
  let last: number | undefined;
  for (const s of match.stages)
    for (const e of s.events) if (last === undefined || e.timestamp > last) last = e.timestamp;
  return last;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
