/**
 * Collects one step's NFA evaluations (every edge of every partial match, what became of each run)
 * and explains each edge's stage conditions with the values that decided them.
 */
import { START_RUN_ID } from './counters';
import { explainCondition } from '../expr/explain';
import type { EdgeEvaluation, RunBranched, RunDiscarded } from '../nfa/observer';
import { generalView } from '../nfa/run-view';
import { matchOf, pathOf } from '../nfa/shared-buffer';
import type { Match } from '../nfa/types';
import type { EventRecord } from '../pattern/spec';
import type { Runner, StepListener } from './runner';
import type {
  ConditionExplanation,
  DiscardKind,
  EdgeTrace,
  ProcessedEvent,
  RunTrace,
  ValueStep,
} from './types';
import { boundOf } from './views';

/** Literals and operator sub-expressions: already in the condition's text, so not worth repeating. */
const ECHO = /^(?:'.*'|".*"|-?\d+(?:\.\d+)?|true|false|null)$/;

/** The values that decided a condition: field reads and function results, not literals or operators. */
export function decidingValues(c: ConditionExplanation): ValueStep[] {
  return c.values.filter((v) => v.text !== c.source && !/[ &|!<>=]/.test(v.text) && !ECHO.test(v.text));
}

/** Runs traced per processed event; the rest are counted ("showing N of M"). */
export const MAX_TRACED_RUNS = 200;

interface RunRecord {
  trace: RunTrace;
  match: Match | undefined;
}

interface EventRecordTrace {
  seq: number;
  runs: Map<number, RunRecord>;
  total: number;
}

export class StepTracer implements StepListener {
  readonly events: EventRecordTrace[] = [];
  /** Discards with their reasons, in order (also those from advancing time). */
  readonly discards: { d: RunDiscarded; kind: DiscardKind }[] = [];
  readonly branches: RunBranched[] = [];
  private current: EventRecordTrace | null = null;

  constructor(private readonly runner: Runner) {}

  edge(e: EdgeEvaluation): void {
    if (this.current === null || this.current.seq !== e.seq) {
      this.current = { seq: e.seq, runs: new Map(), total: 0 };
      this.events.push(this.current);
    }
    let rec = this.current.runs.get(e.runId);
    if (rec === undefined) {
      this.current.total++;
      if (this.current.runs.size >= MAX_TRACED_RUNS) return;
      rec = this.openRun(e);
      this.current.runs.set(e.runId, rec);
    }
    rec.trace.edges.push({
      action: e.action,
      state: e.state,
      stage: e.stage,
      target: e.target,
      result: e.result,
      conditions: [],
    });
  }

  branched(b: RunBranched): void {
    this.branches.push(b);
    const rec = this.current?.runs.get(b.parentRunId);
    if (rec) rec.trace.branches.push({ via: b.via, runId: b.runId, state: b.state, stage: b.stage });
  }

  discardedAs(d: RunDiscarded, kind: DiscardKind): void {
    this.discards.push({ d, kind });
    if (d.seq === undefined) return;
    const ev = this.events.find((x) => x.seq === d.seq);
    const rec = ev?.runs.get(d.runId);
    if (rec) rec.trace.discarded = kind;
  }

  /** Builds the traces, explaining every edge's conditions on its event. */
  processed(): ProcessedEvent[] {
    const { pattern } = this.runner.ctx;
    return this.events.map((ev) => {
      const e = this.runner.reader.at(ev.seq);
      const key = pattern.keyOf(e.payload);
      const runs = [...ev.runs.values()].map((rec) => {
        for (const edge of rec.trace.edges) edge.conditions = this.explain(edge, e.payload, rec.match);
        return rec.trace;
      });
      return {
        event: { seq: e.seq, ts: e.ts, key, payload: e.payload },
        runs,
        shownRuns: runs.length,
        totalRuns: ev.total,
      };
    });
  }

  /** The run as it was before the event: found in its key's queue while the NFA is still on it. */
  private openRun(e: EdgeEvaluation): RunRecord {
    const { pattern } = this.runner.ctx;
    const key = pattern.keyOf(this.runner.reader.at(e.seq).payload);
    const ks = this.runner.matcher.keys.get(key);
    const run = ks && generalView(pattern.nfa, ks).partial.find((r) => r.id === e.runId);
    const match = run && run.startFid >= 0 ? matchOf(pathOf(run.node)) : undefined;
    // A key with nothing live holds no state in the matcher: its start run is the fresh one.
    const state = run?.state ?? (e.runId === START_RUN_ID ? pattern.nfa.startState : undefined);
    const def = state !== undefined ? pattern.nfa.states[state] : undefined;
    const isStart = def?.kind === 'start';
    return {
      match,
      trace: {
        runId: e.runId,
        stage: isStart ? '(start)' : (def?.stage ?? e.stage),
        state: def?.name ?? e.state,
        bound: boundOf(match),
        edges: [],
        branches: [],
      },
    };
  }

  private explain(edge: EdgeTrace, event: EventRecord, match: Match | undefined): ConditionExplanation[] {
    const { pattern } = this.runner.ctx;
    const def = pattern.stateByName.get(edge.state);
    const t = def?.transitions.find(
      (x) => x.action === edge.action && pattern.nfa.states[x.target]?.name === edge.target,
    );
    if (t === undefined) return [];
    const text = t.condition.text;
    const ctx = {
      eventsOf: (stage: string) =>
        match?.stages.find((s) => s.stage === stage)?.events.map((x) => x.event) ?? [],
    };
    const out: ConditionExplanation[] = [];
    for (const c of pattern.conditions) {
      if (!text.includes(`${c.label}(`)) continue;
      const trace = explainCondition(c.source, event, ctx, {
        stages: pattern.nfa.stageNames,
        currentStage: c.stage,
        schema: pattern.schema,
      });
      const uses = text.split(`${c.label}(`).length - 1;
      const negated = uses > 0 && text.split(`!(${c.label}(`).length - 1 === uses;
      out.push({
        label: c.label,
        source: c.source,
        result: trace.result,
        values: trace.steps.map((s) => ({ text: s.text, value: s.value, start: s.start, end: s.end })),
        ...(negated ? { negated } : {}),
      });
    }
    return out;
  }
}
