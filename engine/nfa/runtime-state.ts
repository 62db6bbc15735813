/** Per-key runtime state of the NFA (Flink's NFAState + its shared buffer). */
import type { StepLimits } from './run-budget';
import type { BufferNode, BufferStats } from './shared-buffer';
import type { CompiledNfa } from './types';

/** Flink's ComputationState: one run of the automaton. */
export interface PartialRun {
  /** Unique within its NfaState; lets traces follow a run. */
  readonly id: number;
  readonly state: number;
  readonly node: BufferNode | null;
  readonly startTs: number;
  /** Flink EventId counter of the start event; -1 while the run has not started. */
  readonly startFid: number;
}

export interface NfaState extends BufferStats {
  /** Live runs as a java.util.PriorityQueue heap array (start runs sort last). */
  partial: PartialRun[];
  /** Finished runs waiting for the skip strategy to release them, same ordering. */
  completed: PartialRun[];
  /**
   * Next EventId counter per timestamp (Flink's SharedBuffer eventsCount) as flat [ts, count, …]
   * pairs: a key rarely holds more than one timestamp, and a Map costs ~100 heap bytes per key.
   */
  counters: number[];
  nextRunId: number;
  /** Set when the start state spawned a run in the last step (the operator arms a window timer). */
  newStartPartialMatch: boolean;
  /** Scratch array reused as the next step's run queue (not part of the state's meaning). */
  spare?: PartialRun[];
  /** Cap on live partial matches (the start state not counted); runs beyond it are dropped with a warning. */
  maxPartialMatches: number;
  /** The matcher's run budget for this step (see run-budget.ts); absent: unlimited. */
  limits?: StepLimits;
}

export interface NfaStateOptions {
  maxPartialMatches?: number;
}

export const DEFAULT_MAX_PARTIAL_MATCHES = 100_000;

/** Shared by every state without counters; replaced (never written) on the first EventId. */
export const NO_COUNTERS: number[] = Object.freeze([]) as unknown as number[];

export function compareRuns(a: PartialRun, b: PartialRun): number {
  if (a.startFid < 0) return b.startFid < 0 ? 0 : 1;
  if (b.startFid < 0) return -1;
  if (a.startTs !== b.startTs) return a.startTs < b.startTs ? -1 : 1;
  return a.startFid - b.startFid;
}

export function startRun(nfa: CompiledNfa, id: number): PartialRun {
  return { id, state: nfa.startState, node: null, startTs: -1, startFid: -1 };
}

/**
 * Timestamp of the run's last taken event (Flink's previousTimestamp): its last node's, since
 * every take adds a node and nothing else moves it; -1 before the first take. Not stored on
 * the run: a second boxed double per run costs ~24 heap bytes.
 */
export function lastTimestamp(run: PartialRun): number {
  return run.node === null ? -1 : run.node.ts;
}

/** Shared by every state with no completed runs; replaced (never written) when one completes. */
export const NO_RUNS: PartialRun[] = Object.freeze([]) as unknown as PartialRun[];

/**
 * Start runs are never written (an ignore reuses only a started run's object), and every key's is
 * run 0 in the start state, so all fresh key states of an automaton share one: ~70 heap bytes less
 * per live key.
 */
const sharedStartRuns = new WeakMap<CompiledNfa, PartialRun>();

function sharedStartRun(nfa: CompiledNfa): PartialRun {
  let run = sharedStartRuns.get(nfa);
  if (run === undefined) {
    run = startRun(nfa, 0);
    sharedStartRuns.set(nfa, run);
  }
  return run;
}

export function createNfaState(nfa: CompiledNfa, options: NfaStateOptions = {}): NfaState {
  return {
    partial: [sharedStartRun(nfa)],
    completed: NO_RUNS,
    counters: NO_COUNTERS,
    nextRunId: 1,
    newStartPartialMatch: false,
    maxPartialMatches: options.maxPartialMatches ?? DEFAULT_MAX_PARTIAL_MATCHES,
    liveNodes: 0,
  };
}
