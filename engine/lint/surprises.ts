/**
 * Patterns that run but do not do what they look like: a window shorter than how late events may
 * arrive, a stage that an unbounded greedy loop before it never lets take an event, and a trailing
 * notFollowedBy whose absence is checked over a shorter time than the gap it names. Each warning
 * says why in plain words and proposes the fix (a one-click one when the document is at hand).
 */
import { durationText } from '../format/phrases';
import type { Diagnostic } from '../pattern/diagnostic';
import type { PatternSpec, StageSpec } from '../pattern/spec';
import { isUnbounded, stageInfos, stageWarning } from './stages';
import type { LintContext, LintRule } from './types';

/** A window shorter than the out-of-orderness bound (event time). */
function windowVsLateness(ctx: LintContext): Diagnostic[] {
  const { spec, time } = ctx;
  if (time?.mode !== 'event' || spec.within === undefined || spec.within.ms <= 0) return [];
  const window = spec.within.ms;
  const bound = time.outOfOrdernessMs;
  if (window >= bound) return [];
  return [
    {
      code: 'lint.window-shorter-than-lateness',
      severity: 'warning',
      message: `The window (${durationText(window)}) is shorter than the out-of-orderness bound (${durationText(bound)}): the watermark trails the newest event by ${durationText(bound)}, so every match and timeout comes out up to ${durationText(bound)} after its events — longer than the window itself — and two events of one match may arrive up to ${durationText(bound)} apart in the wrong order`,
      fix: `lower the out-of-orderness bound (Time settings) to at most ${durationText(window)} if events are not that late, or widen the window to at least ${durationText(bound)}`,
      target: { kind: 'pattern', field: 'within' },
    },
  ];
}

function conditionOf(s: StageSpec): string | null {
  const parts = [s.where, ...(s.or ?? [])].filter((c): c is string => c !== undefined && c.trim() !== '');
  return parts.length === 0 ? null : parts.map((c) => c.replace(/\s+/g, ' ').trim()).join(' || ');
}

/** The node's quantifier with greedy off, when the document is at hand. */
function notGreedyFix(ctx: LintContext, loop: StageSpec): Diagnostic['quickFix'] {
  const node = ctx.doc?.nodes.find((n) => n.id === loop.nodeId);
  if (!node || !('quantifier' in node) || loop.nodeId === undefined) return undefined;
  return {
    title: `Make "${loop.name}" not greedy`,
    edits: [
      { kind: 'node', nodeId: loop.nodeId, patch: { quantifier: { ...node.quantifier, greedy: false } } },
    ],
  };
}

/** A stage right after an unbounded greedy loop that accepts every event it accepts. */
function greedyShadow(ctx: LintContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const { stage, previous } of stageInfos(ctx.spec)) {
    if (previous === undefined || stage.group || previous.group) continue;
    if (stage.contiguity === 'notNext' || stage.contiguity === 'notFollowedBy') continue;
    const q = previous.quantifier;
    if (!q.greedy || !isUnbounded(q) || previous.until !== undefined) continue;
    const loop = conditionOf(previous);
    const next = conditionOf(stage);
    // Shadowed when the loop takes everything (no condition) or exactly what the stage takes.
    if (loop !== null && loop !== next) continue;
    const quickFix = notGreedyFix(ctx, previous);
    out.push({
      ...stageWarning(
        stage,
        'where',
        'lint.shadowed-by-greedy-loop',
        `"${stage.name}" is shadowed by the greedy loop "${previous.name}" before it: every event "${stage.name}" accepts, "${previous.name}" accepts too, and a greedy loop keeps each such event for itself, so "${stage.name}" never takes one and the pattern never gets past "${previous.name}"`,
        `make "${previous.name}" not greedy, give it an until condition, or give "${stage.name}" a condition "${previous.name}" does not accept`,
      ),
      ...(quickFix ? { quickFix } : {}),
    });
  }
  return out;
}

/** A trailing notFollowedBy whose own gap (its per-stage window) is longer than the pattern's window. */
function shortAbsence(spec: PatternSpec): Diagnostic[] {
  const last = spec.stages[spec.stages.length - 1];
  if (last?.contiguity !== 'notFollowedBy' || spec.within === undefined) return [];
  const gap = last.withinPreviousAndCurrent;
  if (gap === undefined || gap <= spec.within.ms) return [];
  return [
    stageWarning(
      last,
      'contiguity',
      'lint.absence-window-too-short',
      `"${last.name}" ends the pattern with notFollowedBy and names a gap of ${durationText(gap)}, but the pattern's window is ${durationText(spec.within.ms)}: the match is emitted as soon as the window closes, so a "${last.name}" event ${durationText(spec.within.ms)} to ${durationText(gap)} later does not stop it — the rule detects a shorter gap than it says`,
      `widen the pattern's window (Within) to ${durationText(gap)}, or shorten the gap to ${durationText(spec.within.ms)}`,
      true,
    ),
  ];
}

export const surprisesRule: LintRule = {
  id: 'surprises',
  check: (ctx: LintContext) => [...windowVsLateness(ctx), ...greedyShadow(ctx), ...shortAbsence(ctx.spec)],
};
