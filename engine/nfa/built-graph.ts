/** The state graph GraphBuilder produces, before compile.ts turns it into the runtime's arrays. */
import type { EdgeCondition, NfaStateKind, TransitionAction } from './types';

export const ENDING_STATE_NAME = '$endState$';

export interface BuiltTransition {
  action: TransitionAction;
  source: BuiltState;
  target: BuiltState;
  condition: EdgeCondition;
}

export interface BuiltState {
  id: number;
  name: string;
  stage: string;
  kind: NfaStateKind;
  transitions: BuiltTransition[];
}

export interface BuiltGraph {
  states: BuiltState[];
  start: BuiltState;
  /** undefined when no FIRST_AND_LAST window was given at all. */
  windowTime: number | undefined;
  /** Per-state windows by internal state name. */
  windowTimes: Map<string, number>;
}

export function addTransition(
  from: BuiltState,
  action: TransitionAction,
  target: BuiltState,
  condition: EdgeCondition,
): void {
  from.transitions.push({ action, source: from, target, condition });
}
