import type { ConditionContext } from '../../../engine/expr';
import { compileCondition, type CompileOptions } from '../../../engine/expr';
import type { EventRecord } from '../../../engine/pattern/spec';

/** A partial match's bound events, per stage, oldest first. */
export function fakeContext(
  bound: Record<string, EventRecord[]> = {},
): ConditionContext & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    eventsOf(stage: string) {
      calls.push(stage);
      return bound[stage] ?? [];
    },
  };
}

/** Compiles (failing the test on diagnostics) and evaluates one condition. */
export function evaluate(
  source: string,
  event: EventRecord,
  bound: Record<string, EventRecord[]> = {},
  options: Partial<CompileOptions> = {},
): boolean {
  const result = compileCondition(source, { stages: Object.keys(bound), ...options });
  if (!result.ok) throw new Error(`${source}: ${result.diagnostics.map((d) => d.message).join('; ')}`);
  return result.condition(event, fakeContext(bound));
}
