/**
 * Cepheus' NFA: Flink CEP's compiler and runtime. compilePattern validates and compiles a
 * PatternSpec; createMatcher runs it like Flink's CepOperator; the low-level step functions and
 * introspection hooks serve the replay debugger and tests.
 */
export { compilePattern, type CompileOptions, type CompilePatternResult } from './compile';
export {
  createNfaState,
  livePartialMatches,
  type NfaState,
  type NfaStateOptions,
  type PartialRun,
  DEFAULT_MAX_PARTIAL_MATCHES,
} from './runtime-state';
export { advanceTime, processEvent } from './runtime';
export { createMatcher, CepMatcher } from './matcher';
export { DEFAULT_RUN_BUDGET, RunBudgetExceeded, type RunBudgetLimits, type BudgetLimit } from './run-budget';
export { snapshotMatcher } from './matcher-snapshot';
export { restoreMatcher, type RestoreMatcherResult } from './matcher-restore';
export { snapshotNfaState, restoreNfaState, type NfaStateSnapshot } from './nfa-snapshot';
export { listPartialMatches, type PartialMatchInfo } from './introspect';
export { pendingSummary, describePending, type PendingSummary } from './pending';
export type { NfaObserver, EdgeEvaluation, RunBranched, RunDiscarded, DiscardReason } from './observer';
export type { MatcherOptions, MatcherOutput, MatcherSnapshot, MatcherCounters } from './matcher-types';
export type {
  CompiledNfa,
  NfaStateDef,
  NfaTransition,
  NfaStateKind,
  TransitionAction,
  EdgeCondition,
  ConditionFn,
  NfaConditionContext,
  EventRef,
  Match,
  MatchStage,
  TimedOutMatch,
  NfaStepResult,
  NfaRuntimeError,
} from './types';
