/**
 * Optional observer of one NFA step, for traces and "why not" explanations. The runtime calls it
 * only when one is passed, so it costs nothing otherwise.
 */
import type { Match, TransitionAction } from './types';

export interface EdgeEvaluation {
  runId: number;
  /** Internal name of the state whose transition was evaluated (may be reached by proceeding). */
  state: string;
  stage: string;
  action: TransitionAction;
  target: string;
  result: boolean;
  seq: number;
  timestamp: number;
}

export type DiscardReason = 'window' | 'stop' | 'skip' | 'cap' | 'no-transition';

export interface RunDiscarded {
  runId: number;
  state: string;
  reason: DiscardReason;
  timestamp: number;
  /** The event being processed when the run died (absent when time advancing killed it). */
  seq?: number;
  /** What the run had bound and when it started, read before its buffer nodes are released. */
  match?: Match;
  startTimestamp?: number;
}

export interface RunBranched {
  parentRunId: number;
  runId: number;
  via: 'take' | 'ignore' | 'completed';
  state: string;
  stage: string;
  timestamp: number;
  /** The event being processed. */
  seq: number;
}

export interface NfaObserver {
  edge?(e: EdgeEvaluation): void;
  branched?(b: RunBranched): void;
  discarded?(d: RunDiscarded): void;
}
