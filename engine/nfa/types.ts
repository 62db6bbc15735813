/**
 * The compiled automaton (Flink's NFA states and transitions) and the values the runtime hands out.
 * A CompiledNfa holds functions (conditions) and is rebuilt from the PatternSpec; everything the
 * runtime keeps per key is plain data (see runtime-state.ts).
 */
import type { EventGuard } from '../expr/guard';
import type { CountingShape } from './counting';
import type { ChainShape } from './strict-chain';
import type { StateSkip } from './guards';
import type { EventRecord, PatternSpec, SkipStrategy } from '../pattern/spec';

/** What a condition sees besides the candidate event: the partial match it would extend. */
export interface NfaConditionContext {
  /** Events already bound to `stage` in this partial match, oldest first, candidate excluded. */
  eventsOf(stage: string): readonly EventRecord[];
  /** Left fold over eventsOf(stage), memoized per partial match so aggregates cost O(1) per event. */
  fold?<T>(stage: string, id: object, init: T, step: (acc: T, event: EventRecord) => T): T;
  /** Timestamp of the candidate event. */
  readonly timestamp: number;
}

export type ConditionFn = (event: EventRecord, ctx: NfaConditionContext) => boolean;

/** What a condition is, without calling it, for an event its guard rejects. */
export interface GuardedValue {
  readonly guard: EventGuard;
  readonly value: boolean;
}

/** A transition condition with a readable description (used by traces and the debugger). */
export interface EdgeCondition {
  readonly test: ConditionFn;
  readonly text: string;
  readonly guarded?: GuardedValue;
  /** True when the condition reads only the candidate event (no other stage, no aggregate). */
  readonly eventOnly?: boolean;
  /** Set on `!c`: the condition it negates. */
  readonly negates?: EdgeCondition;
}

export type TransitionAction = 'take' | 'ignore' | 'proceed';

/** Flink's state types; 'start' is Flink's Normal state marked as the start state. */
export type NfaStateKind = 'start' | 'normal' | 'final' | 'stop' | 'pending';

export interface NfaTransition {
  readonly action: TransitionAction;
  readonly source: number;
  readonly target: number;
  readonly condition: EdgeCondition;
}

export interface NfaStateDef {
  readonly id: number;
  /** Internal unique name, Flink style: the stage name, then `name:0`, `name:1`, … */
  readonly name: string;
  /** The stage events taken here are bound to (the part of the name before `:`). */
  readonly stage: string;
  readonly kind: NfaStateKind;
  /** Per-state window (PREVIOUS_AND_CURRENT or quantifier window), ms; absent means none. */
  readonly window?: number;
  readonly transitions: readonly NfaTransition[];
}

export interface CompiledNfa {
  readonly states: readonly NfaStateDef[];
  readonly startState: number;
  /** Global FIRST_AND_LAST window in ms; 0 means no window. */
  readonly windowTime: number;
  /** Whether any window (global or per state) exists; advanceTime is a no-op otherwise. */
  readonly hasWindows: boolean;
  /** Whether any state has its own window (PREVIOUS_AND_CURRENT or a quantifier's); absent: unknown. */
  readonly hasStateWindows?: boolean;
  readonly skip: SkipStrategy;
  readonly spec: PatternSpec;
  /** Stage names that can appear in matches, in pattern order (group members included). */
  readonly stageNames: readonly string[];
  /** Per state, the outcome for events its guards reject (see guards.ts); absent: never skip. */
  readonly skips?: readonly (StateSkip | null)[];
  /** The start state's outcome for events its guards reject (it starts nothing unless it has a take edge). */
  readonly startSkip?: StateSkip | null;
  readonly guards?: readonly EventGuard[];
  /** Guards (indexes into `guards`) that, when all fail, leave every run where it is (see guards.ts). */
  readonly inert?: readonly number[] | null;
  /** The counting representation's shape, when the pattern allows it (see counting.ts). */
  readonly counting?: CountingShape | null;
  /** The strict-chain representation's shape, when the pattern allows it (see strict-chain.ts). */
  readonly chain?: ChainShape | null;
}

/** One event as it appears in a match: `seq` is the event's identity. */
export interface EventRef {
  readonly seq: number;
  readonly timestamp: number;
  readonly event: EventRecord;
}

export interface MatchStage {
  readonly stage: string;
  readonly events: EventRef[];
}

/** Stages in order of first binding (Flink's match-map order); unbound stages are absent. */
export interface Match {
  readonly stages: MatchStage[];
}

export interface TimedOutMatch {
  readonly match: Match;
  readonly timestamp: number;
}

export interface NfaRuntimeError {
  /** The Flink exception this mirrors. */
  readonly flinkError: string;
  readonly message: string;
}

export interface NfaStepResult {
  matches: Match[];
  timeouts: TimedOutMatch[];
  /** Partial matches that timed out without being built (the consumer did not ask for timeouts). */
  timedOut?: number;
  /** Set when the skip strategy raised (throwExceptionOnMiss) or a condition failed. */
  error?: NfaRuntimeError;
  /** Human-readable warnings, e.g. partial matches dropped because of the cap. */
  warnings?: string[];
}
