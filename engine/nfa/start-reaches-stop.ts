/**
 * A NOT stage whose stop state the start state reaches by PROCEED edges alone, i.e. every stage
 * before the NOT can match no event. Flink's Pattern API refuses a NOT right after an optional stage
 * (Pattern.notNext / notFollowedBy), but not after a required group whose inner stages are all
 * optional (or after such a group behind optional stages), and NFACompiler then links the start
 * state through those PROCEED edges to the NOT's Stop state. In flink-cep 2.2.0 the first event that
 * satisfies the NOT condition then fails the job: NFA.computeNextStates takes that event into the
 * Stop state straight from the start computation state, NFA.doProcess sees the Stop and releases
 * every other state of that path (`sharedBufferAccessor.releaseNode(state.getPreviousBufferEntry(),
 * …)`), including the fresh start state, whose previous entry is null; SharedBuffer.getEntry(null)
 * calls the Guava cache's getIfPresent(null): NullPointerException. Seen in test/flink's differential
 * and confirmed there on purpose-built events (test/flink/crash-shapes.ts).
 * Checked on the states Flink builds (the builder walks the chain as NFACompiler does), so the rule
 * also covers NOTs inside groups and a trailing notFollowedBy's Pending state. It reads the shape, not
 * the conditions: a path that a greedy stage's `and not take` makes impossible for every NOT event is
 * refused too (rare; Flink would then run the pattern).
 */
import type { Diagnostic } from '../pattern/diagnostic';
import type { PatternSpec, StageSpec } from '../pattern/spec';
import type { BuiltGraph, BuiltState } from './built-graph';
import { stageDiagnostic } from './validate';

/** The first Stop state reached from the start over PROCEED edges (conditions ignored), or null. */
function stopAfterProceeds(graph: BuiltGraph): BuiltState | null {
  const seen = new Set<BuiltState>([graph.start]);
  const stack = [graph.start];
  while (stack.length > 0) {
    const s = stack.pop() as BuiltState;
    for (const t of s.transitions) {
      if (t.action !== 'proceed' || seen.has(t.target)) continue;
      if (t.target.kind === 'stop') return t.target;
      seen.add(t.target);
      stack.push(t.target);
    }
  }
  return null;
}

/** Stages in chain order, groups flattened (a group before its inner stages). */
function flatStages(stages: readonly StageSpec[], out: StageSpec[] = []): StageSpec[] {
  for (const s of stages) {
    out.push(s);
    if (s.group) flatStages(s.group.stages, out);
  }
  return out;
}

/** The innermost group before `not` that can match nothing: the one to make required. */
function emptyGroupBefore(flat: readonly StageSpec[], not: StageSpec): StageSpec | undefined {
  const canMatchNothing = (s: StageSpec): boolean =>
    s.quantifier.optional ||
    (s.quantifier.kind === 'times' && s.quantifier.from === 0) ||
    (s.group !== undefined && s.group.stages.every(canMatchNothing));
  const before = flat.slice(0, flat.indexOf(not));
  return before.reverse().find((s) => s.group !== undefined && canMatchNothing(s));
}

export function startReachesStopRules(spec: PatternSpec, graph: BuiltGraph): Diagnostic[] {
  const stop = stopAfterProceeds(graph);
  if (!stop) return [];
  const flat = flatStages(spec.stages);
  const not = flat.find((s) => !s.group && s.name === stop.stage);
  const group = not ? emptyGroupBefore(flat, not) : undefined;
  const notName = not ? `"${not.name}"` : 'a NOT stage';
  const fix = group
    ? `Make a stage of the group "${group.name}" required, or put a required stage before ${notName}`
    : `Put a required stage before ${notName}`;
  return [
    stageDiagnostic(
      not,
      'contiguity',
      {
        code: 'pattern.not-after-empty-prefix',
        message: `Flink crashes on ${notName}: every stage before it can match no event${group ? ` (the group "${group.name}" has only optional stages)` : ''}, so Flink's NFA reaches the NOT from its start without taking an event, and the first event that matches ${notName} fails the job with a NullPointerException (Flink refuses a NOT right after an optional stage, but misses this case). ${fix}`,
        flinkError: 'NullPointerException',
        flinkMessage:
          "NFA.doProcess releases the start state's null buffer entry after a Stop state: SharedBufferAccessor.releaseNode(null) → SharedBuffer.getEntry → LocalCache.getIfPresent(null)",
      },
      true,
    ),
  ];
}
