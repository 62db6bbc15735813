/** Edge conditions the builder derives from a stage's own: until of a group, greedy exclusion. */
import type { BuiltState } from './built-graph';
import { andCondition, notCondition } from './conditions';
import type { EdgeCondition } from './types';

export function extendWithUntil(
  condition: EdgeCondition | null,
  until: EdgeCondition | null,
  isTake: boolean,
): EdgeCondition | null {
  if (until && condition) return andCondition(notCondition(until), condition);
  if (until && isTake) return notCondition(until);
  return condition;
}

/** Greedy: the next stage may neither take nor skip an event the greedy stage could take. */
export function updateWithGreedyCondition(state: BuiltState, take: EdgeCondition): void {
  for (const t of state.transitions) t.condition = andCondition(t.condition, notCondition(take));
}
