/**
 * A cycle of PROCEED edges: Flink's NFA follows PROCEED edges without remembering where it has been
 * (NFA.createDecisionGraph and findFinalStateAfterProceed push every target whose condition holds
 * onto a stack until it is empty), so an event that satisfies the conditions around such a cycle
 * keeps the task thread in that loop forever: the job stops making progress, no exception is raised.
 * NFACompiler builds one for a looping group (oneOrMore / timesOrMore) whose inner stages can all be
 * skipped: the group's end proceeds to its start (to loop) and the start proceeds over every optional
 * stage back to the end. Cepheus' runtime stops on the same walk ("a cycle of always-true proceed
 * transitions"), so such a pattern runs nowhere: it is refused before it runs or is exported.
 * Seen with flink-cep 2.2.0 in test/flink's differential (PROCEED-cycle hangs).
 */
import type { Diagnostic } from '../pattern/diagnostic';
import type { PatternSpec, StageSpec } from '../pattern/spec';
import type { BuiltGraph, BuiltState } from './built-graph';
import { stageDiagnostic } from './validate';

/** The states of one PROCEED cycle, or null. */
function findProceedCycle(graph: BuiltGraph): BuiltState[] | null {
  const state = new Map<BuiltState, 'open' | 'done'>();
  const path: BuiltState[] = [];
  const visit = (s: BuiltState): BuiltState[] | null => {
    state.set(s, 'open');
    path.push(s);
    for (const t of s.transitions) {
      if (t.action !== 'proceed') continue;
      const seen = state.get(t.target);
      if (seen === 'open') return path.slice(path.indexOf(t.target));
      if (seen === undefined) {
        const found = visit(t.target);
        if (found) return found;
      }
    }
    path.pop();
    state.set(s, 'done');
    return null;
  };
  for (const s of graph.states) {
    if (state.has(s)) continue;
    const found = visit(s);
    if (found) return found;
  }
  return null;
}

/** The innermost looping group holding one of the stages on the cycle (else the first such stage). */
function culprit(stages: readonly StageSpec[], names: ReadonlySet<string>): StageSpec | undefined {
  for (const s of stages) {
    if (!s.group) {
      if (names.has(s.name)) return s;
      continue;
    }
    const inner = culprit(s.group.stages, names);
    if (inner) return inner.group ? inner : s;
  }
  return undefined;
}

export function proceedCycleRules(spec: PatternSpec, graph: BuiltGraph): Diagnostic[] {
  const cycle = findProceedCycle(graph);
  if (!cycle) return [];
  const names = new Set(cycle.map((s) => s.stage));
  const stage = culprit(spec.stages, names);
  const label = stage ? `"${stage.name}"` : 'a group';
  return [
    stageDiagnostic(stage, 'quantifier', {
      code: 'pattern.proceed-cycle',
      message: `the looping group ${label} can match no event (all its stages are optional), so it can repeat without consuming anything: Flink's NFA then loops forever on the first event that reaches it and the job stops making progress. Make one stage of ${label} required, or make the group's quantifier a bounded times(n, m)`,
      flinkError: 'endless loop',
      flinkMessage:
        'NFA.createDecisionGraph follows a cycle of PROCEED transitions without end (the task thread never returns)',
    }),
  ];
}
