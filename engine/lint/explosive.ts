/**
 * Explosive patterns: shapes where the number of partial matches (or of matches) can grow
 * exponentially or polynomially with the number of events, because nothing ever drops the partial
 * matches. Each warning names the stage, says why in plain words and proposes the fix: a window
 * over the whole match (within), a stricter contiguity, an until condition or an after-match skip
 * strategy. The matcher's run budget (engine/nfa/run-budget.ts) stops such a run when it happens
 * anyway; this lint says so before the run.
 */
import type { Diagnostic } from '../pattern/diagnostic';
import type { PatternSpec, StageSpec } from '../pattern/spec';
import { hasMatchWindow, isRepeated, isUnbounded, loopsUnbounded, stageInfos, stageWarning } from './stages';
import type { LintContext, LintRule } from './types';

const WINDOW_FIX =
  'add a window over the whole match (Within in the pattern settings) so old partial matches expire';

function combinations(stage: StageSpec): Diagnostic {
  const q = stage.quantifier;
  const growth = isUnbounded(q)
    ? 'doubles with each such event (2ⁿ after n events)'
    : `grows like the number of such events to the power ${q.to ?? q.from ?? 1}`;
  return stageWarning(
    stage,
    'quantifier',
    'lint.combinations-explode',
    `"${stage.name}" repeats with allowCombinations and the pattern has no window: every partial match may take or skip each event that matches "${stage.name}", so the number of partial matches ${growth} and a run can exhaust memory`,
    `${WINDOW_FIX}, or make the repetitions consecutive (or relaxed, the default) instead of allowCombinations`,
  );
}

function anyIntoLoop(stage: StageSpec, previous: StageSpec, loop: string): Diagnostic {
  return stageWarning(
    stage,
    'contiguity',
    'lint.any-with-loop',
    `"${stage.name}" follows "${previous.name}" with followedByAny, "${loop}" repeats without bound and the pattern has no window: every matching event branches every waiting partial match and none ever expires, so partial matches and matches multiply with each event (a few hundred events can give millions)`,
    `${WINDOW_FIX}, or connect "${stage.name}" with followedBy instead of followedByAny, or choose the after-match skip strategy "skip past last event"`,
    true,
  );
}

function anyUnbounded(stage: StageSpec, previous: StageSpec): Diagnostic {
  return stageWarning(
    stage,
    'contiguity',
    'lint.any-never-expires',
    `"${stage.name}" follows "${previous.name}" with followedByAny, the pattern has no window and no after-match skip strategy: each event that matches "${stage.name}" completes a match with every earlier "${previous.name}", which are never dropped, so matches grow with the square of the events`,
    `${WINDOW_FIX}, or choose an after-match skip strategy such as "skip past last event", or connect with followedBy`,
    true,
  );
}

function loopNeverEnds(stage: StageSpec): Diagnostic {
  return stageWarning(
    stage,
    'quantifier',
    'lint.loop-never-expires',
    `"${stage.name}" repeats without bound, with no until condition and no window: its partial matches are never dropped, and each event that matches "${stage.name}" extends all of them, so memory and matches grow with every such event`,
    `${WINDOW_FIX}, or give "${stage.name}" an until condition that ends the repetition`,
  );
}

function check(spec: PatternSpec): Diagnostic[] {
  if (hasMatchWindow(spec)) return [];
  const out: Diagnostic[] = [];
  const infos = stageInfos(spec);
  // One warning per stage: the strongest reason (combinations, then followedByAny, then a loop).
  const warned = new Set<StageSpec>();
  for (const info of infos) {
    const q = info.stage.quantifier;
    if (q.inner === 'allowCombinations' && isRepeated(q)) {
      out.push(combinations(info.stage));
      warned.add(info.stage);
    }
  }
  const loopByStage = new Map(infos.map((i) => [i.stage, loopsUnbounded(i)]));
  for (const { stage, previous } of infos) {
    if (stage.contiguity !== 'followedByAny' || previous === undefined) continue;
    const loop = loopByStage.get(stage) ? stage : loopByStage.get(previous) ? previous : undefined;
    if (loop !== undefined) {
      out.push(anyIntoLoop(stage, previous, loop.name));
      warned.add(loop);
    } else if (spec.skip.kind === 'NO_SKIP') out.push(anyUnbounded(stage, previous));
  }
  for (const { stage } of infos)
    if (isUnbounded(stage.quantifier) && stage.until === undefined && !warned.has(stage))
      out.push(loopNeverEnds(stage));
  return out;
}

export const explosiveRule: LintRule = {
  id: 'explosive',
  check: (ctx: LintContext) => check(ctx.spec),
};
