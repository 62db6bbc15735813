/**
 * Runs a document's tests: the pattern is prepared once, cases are grouped by their events (one
 * run per recording, one per inline case) and run one group after another, in chunks. The host
 * resolves recording names to EventSources (SQLite in the app, files in the CLI); a case whose
 * events cannot be found, or a pattern that cannot run, gives an 'error' result saying why.
 */
import { prepareReplayPattern, type ReplayPattern } from '../debug/replay-pattern';
import type { EventSource } from '../debug/types';
import type { PatternDocument } from '../format/schema';
import type { TestCase } from '../format/tests-schema';
import { arraySource } from './array-source';
import { TestRun } from './test-run';
import type { CaseResult } from './types';

/** A recording name → its events (read for this pattern), or why there are none. */
export type RecordingResolver = (
  recording: string,
  pattern: ReplayPattern,
) => EventSource | { error: string };

export function errorResult(c: TestCase, message: string): CaseResult {
  return {
    id: c.id,
    name: c.name,
    status: 'error',
    message,
    expectations: [],
    events: 0,
    matches: 0,
    timeouts: 0,
  };
}

export class DocumentTestRun {
  private readonly runs: TestRun[] = [];
  private readonly done = new Map<string, CaseResult>();
  private current = 0;
  /** Steps over all groups, and steps already run. */
  readonly total: number;
  private finishedSteps = 0;

  constructor(
    doc: PatternDocument,
    resolve: RecordingResolver,
    /** Only these cases (all when absent). */
    readonly cases: readonly TestCase[] = doc.tests,
  ) {
    const prepared = prepareReplayPattern(doc);
    if (!prepared.ok) {
      const errors = prepared.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message);
      for (const c of cases)
        this.done.set(c.id, errorResult(c, `The pattern cannot run: ${errors.join('; ')}`));
      this.total = 0;
      return;
    }
    const byRecording = new Map<string, TestCase[]>();
    for (const c of cases) {
      if (c.source.kind === 'inline')
        this.add(prepared.pattern, arraySource(c.source.events, prepared.pattern), [c]);
      else byRecording.set(c.source.recording, [...(byRecording.get(c.source.recording) ?? []), c]);
    }
    for (const [recording, group] of byRecording) {
      const source = resolve(recording, prepared.pattern);
      if ('error' in source) for (const c of group) this.done.set(c.id, errorResult(c, source.error));
      else this.add(prepared.pattern, source, group);
    }
    this.total = this.runs.reduce((n, r) => n + r.total, 0);
  }

  private add(pattern: ReplayPattern, source: EventSource, cases: TestCase[]): void {
    this.runs.push(new TestRun(pattern, source, cases));
  }

  /** Steps run so far, over all groups. */
  get position(): number {
    const r = this.runs[this.current];
    return this.finishedSteps + (r ? r.position : 0);
  }

  /** Runs up to `maxSteps` more steps; true when every group is done. */
  runChunk(maxSteps: number): boolean {
    let budget = maxSteps;
    while (budget > 0 && this.current < this.runs.length) {
      const r = this.runs[this.current];
      const before = r.position;
      if (this.advance(r, budget)) {
        this.finishedSteps += r.total;
        this.current++;
      }
      budget -= Math.max(1, r.position - before);
    }
    return this.current >= this.runs.length;
  }

  /** One chunk of a group; true when the group is over (its results are in). */
  private advance(r: TestRun, budget: number): boolean {
    try {
      if (!r.runChunk(budget)) return false;
      for (const result of r.results()) this.done.set(result.id, result);
    } catch (e) {
      // A run that cannot go on (the run budget, say): its cases say why, the other groups still run.
      const why = e instanceof Error ? e.message : String(e);
      for (const c of r.cases)
        this.done.set(c.id, errorResult(c, `The run stopped at step ${r.position + 1}: ${why}`));
    }
    return true;
  }

  /** Results in the order of the cases (call when runChunk returned true). */
  results(): CaseResult[] {
    return this.cases.map((c) => this.done.get(c.id) ?? errorResult(c, 'The case did not run.'));
  }
}
