/**
 * Flink's pattern rules (Pattern builder checks and NFACompiler checks) applied to a PatternSpec.
 * Every violation becomes a Diagnostic pointing at the stage (node), its attachment (edge) or the
 * pattern, with a plain-words message plus the exception and message Flink itself would raise.
 */
import type { Diagnostic, DiagnosticField } from '../pattern/diagnostic';
import type { PatternSpec, StageSpec } from '../pattern/spec';

export const RESERVED_END_STATE = '$endState$';

interface Rule {
  code: string;
  message: string;
  flinkError: string;
  flinkMessage: string;
}

export function stageDiagnostic(
  stage: StageSpec | undefined,
  field: DiagnosticField,
  rule: Rule,
  onEdge = false,
): Diagnostic {
  const kind = stage === undefined ? 'pattern' : onEdge ? 'edge' : 'node';
  return {
    code: rule.code,
    message: rule.message,
    severity: 'error',
    flinkError: rule.flinkError,
    flinkMessage: rule.flinkMessage,
    target: { kind, stage: stage?.name, nodeId: stage?.nodeId, edgeId: stage?.edgeId, field },
  };
}

const MALFORMED = 'MalformedPatternException';
const ILLEGAL_ARG = 'IllegalArgumentException';

function isNot(s: StageSpec): boolean {
  return s.contiguity === 'notNext' || s.contiguity === 'notFollowedBy';
}

/** True when the stage is optional after Flink's times(0, n) rewriting. */
export function isEffectivelyOptional(s: StageSpec): boolean {
  return s.quantifier.optional || (s.quantifier.kind === 'times' && s.quantifier.from === 0);
}

function isInteger(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n);
}

function quantifierRules(s: StageSpec, prev: StageSpec | undefined, out: Diagnostic[]): void {
  const q = s.quantifier;
  const push = (field: DiagnosticField, rule: Rule, onEdge = false): void => {
    out.push(stageDiagnostic(s, field, rule, onEdge));
  };
  if (isNot(s)) {
    if (q.kind !== 'one' || q.greedy)
      push('quantifier', {
        code: 'pattern.not-stage-quantified',
        message: `the NOT stage "${s.name}" must match exactly one event: it cannot be repeated, looping or greedy`,
        flinkError: MALFORMED,
        flinkMessage: 'Option not applicable to NOT pattern',
      });
    if (q.optional)
      push('quantifier', {
        code: 'pattern.not-stage-optional',
        message: `the NOT stage "${s.name}" cannot be optional`,
        flinkError: MALFORMED,
        flinkMessage: 'NOT pattern cannot be optional',
      });
    if (s.group)
      push(
        'contiguity',
        {
          code: 'pattern.not-stage-group',
          message: `a group cannot be a NOT stage ("${s.name}")`,
          flinkError: MALFORMED,
          flinkMessage: 'NOT stages do not accept a group pattern',
        },
        true,
      );
    if (prev && isEffectivelyOptional(prev))
      push(
        'contiguity',
        {
          code: 'pattern.not-after-optional',
          message: `the NOT stage "${s.name}" cannot follow the optional stage "${prev.name}"; split it into two patterns, one with and one without the optional stage`,
          flinkError: 'UnsupportedOperationException',
          flinkMessage:
            'Specifying a pattern with an optional path to NOT condition is not supported yet. You can simulate such pattern with two independent patterns, one with and the other without the optional part.',
        },
        true,
      );
    return;
  }
  if (q.kind === 'times') {
    const from = q.from ?? 1;
    const to = q.to ?? from;
    if (!isInteger(from) || !isInteger(to))
      push('quantifier', {
        code: 'pattern.times-not-integer',
        message: `the repetition counts of "${s.name}" must be whole numbers`,
        flinkError: ILLEGAL_ARG,
        flinkMessage: 'The from should be a positive number greater than 0.',
      });
    else if (from === to && from <= 0)
      push('quantifier', {
        code: 'pattern.times-not-positive',
        message: `"${s.name}" must repeat at least once (times must be greater than 0)`,
        flinkError: ILLEGAL_ARG,
        flinkMessage: 'You should give a positive number greater than 0.',
      });
    else if (from < 0)
      push('quantifier', {
        code: 'pattern.times-from-negative',
        message: `the lower repetition bound of "${s.name}" cannot be negative`,
        flinkError: ILLEGAL_ARG,
        flinkMessage: 'The from should be a positive number greater than 0.',
      });
    else if (to < from)
      push('quantifier', {
        code: 'pattern.times-range-inverted',
        message: `the upper repetition bound of "${s.name}" (${to}) is smaller than the lower bound (${from})`,
        flinkError: ILLEGAL_ARG,
        flinkMessage: `The to should be a number greater than or equal to from: ${from}.`,
      });
    else if (from === 0 && q.optional)
      push('quantifier', {
        code: 'pattern.optional-twice',
        message: `"${s.name}" is already optional because its lower repetition bound is 0`,
        flinkError: MALFORMED,
        flinkMessage: 'Optional already applied!',
      });
  }
  if (q.kind === 'timesOrMore' && (!isInteger(q.from ?? 1) || (q.from ?? 1) <= 0))
    push('quantifier', {
      code: 'pattern.times-or-more-not-positive',
      message: `"${s.name}" must repeat at least once (timesOrMore needs a whole number greater than 0)`,
      flinkError: ILLEGAL_ARG,
      flinkMessage: 'The from should be a positive number greater than 0.',
    });
  if (q.window !== undefined && (typeof q.window !== 'number' || !(q.window > 0)))
    push('quantifier', {
      code: 'pattern.quantifier-window-not-positive',
      message: `the time between repetitions of "${s.name}" must be a positive number of milliseconds`,
      flinkError: ILLEGAL_ARG,
      flinkMessage: 'The window time should be positive.',
    });
  if (q.window !== undefined && q.kind === 'one')
    push('quantifier', {
      code: 'pattern.window-on-singleton',
      message: `"${s.name}" matches one event, so a time between repetitions does not apply`,
      flinkError: MALFORMED,
      flinkMessage: 'Window time not applicable to singleton quantifier',
    });
  if (q.inner !== 'relaxed' && q.kind === 'one')
    push('quantifier', {
      code:
        q.inner === 'consecutive' ? 'pattern.consecutive-on-singleton' : 'pattern.combinations-on-singleton',
      message: `"${s.name}" matches one event, so ${q.inner === 'consecutive' ? 'consecutive' : 'allowCombinations'} does not apply`,
      flinkError: MALFORMED,
      flinkMessage: `${q.inner === 'consecutive' ? 'Consecutive' : 'Combinations'} not applicable to Quantifier{properties=[SINGLE]}!`,
    });
  if (q.greedy) {
    if (s.group)
      push('quantifier', {
        code: 'pattern.greedy-group',
        message: `greedy cannot be applied to a group ("${s.name}")`,
        flinkError: MALFORMED,
        flinkMessage: 'Option not applicable to group pattern',
      });
    else if (q.inner === 'allowCombinations')
      push('quantifier', {
        code: 'pattern.greedy-combinations',
        message: `greedy cannot be combined with allowCombinations on "${s.name}"`,
        flinkError: MALFORMED,
        flinkMessage: 'Option not applicable to FollowedByAny pattern',
      });
    else if (q.kind === 'one')
      push('quantifier', {
        code: 'pattern.greedy-singleton',
        message: `greedy needs a repeated stage, but "${s.name}" matches one event`,
        flinkError: MALFORMED,
        flinkMessage: 'Option not applicable to singleton quantifier',
      });
  }
  if (q.optional && prev?.quantifier.greedy && !isNot(prev))
    push('quantifier', {
      code: 'pattern.optional-after-greedy',
      message: `the optional stage "${s.name}" cannot follow the greedy stage "${prev.name}"`,
      flinkError: MALFORMED,
      flinkMessage: 'Optional pattern cannot be preceded by greedy pattern',
    });
  if (s.until !== undefined && q.kind !== 'oneOrMore' && q.kind !== 'timesOrMore')
    push('until', {
      code: 'pattern.until-not-looping',
      message: `an until condition needs a looping stage (oneOrMore or timesOrMore), but "${s.name}" is not looping`,
      flinkError: MALFORMED,
      flinkMessage: 'The until condition is only applicable to looping states.',
    });
}

/**
 * The notFollowedBy stage that an optional, greedy looping stage with an until condition reaches by
 * walking back over optional stages, or undefined. Flink's NFACompiler then builds a PROCEED edge to
 * nothing: `copyWithoutTransitiveNots` copies the loop's sink under a new internal name (`d:0`),
 * `createLooping` (greedy + until) files its copy in `originalStateMap` under that name, and
 * `createSingletonState` (optional + greedy + until) looks it up under the original name, gets null
 * and adds `addProceed(null, until)`. Flink throws a NullPointerException when an until event meets
 * a partial match waiting for the loop's first event (NFA.createDecisionGraph), or already while
 * compiling when an optional stage precedes the loop (copyWithoutTransitiveNots follows that edge).
 * The walk is NFACompiler.getCurrentNotCondition's. Checked against flink-cep 1.20.3 and 2.2.0
 * (test/flink/crash-shapes.ts). Like every Flink-crash rule it holds for every target, the engine's own
 * runs included: a rule that runs here but fails the Flink job it is meant for would mislead.
 */
export function notBeforeGreedyUntilLoop(stages: readonly StageSpec[], i: number): StageSpec | undefined {
  const s = stages[i];
  const q = s.quantifier;
  const looping = q.kind === 'oneOrMore' || q.kind === 'timesOrMore';
  if (s.group || !looping || !isEffectivelyOptional(s) || !q.greedy || s.until === undefined)
    return undefined;
  for (let j = i - 1; j > 0; j--) {
    const p = stages[j];
    if (p.contiguity === 'notFollowedBy') return p;
    if (!isEffectivelyOptional(p)) return undefined;
  }
  return undefined;
}

function stageRules(stages: readonly StageSpec[], names: Map<string, StageSpec>, out: Diagnostic[]): void {
  stages.forEach((s, i) => {
    const prev = i > 0 ? stages[i - 1] : undefined;
    if (typeof s.name !== 'string' || s.name.trim() === '')
      out.push(
        stageDiagnostic(s, 'name', {
          code: 'pattern.stage-name-empty',
          message: 'every stage needs a name',
          flinkError: MALFORMED,
          flinkMessage: 'Pattern name must not be empty.',
        }),
      );
    if (i === 0 && s.contiguity !== 'begin')
      out.push(
        stageDiagnostic(
          s,
          'contiguity',
          {
            code: 'pattern.first-not-begin',
            message: `the first stage "${s.name}" must begin the pattern${isNot(s) ? '; a pattern cannot start with a NOT stage' : ''}`,
            flinkError: MALFORMED,
            flinkMessage: 'A pattern must start with begin().',
          },
          true,
        ),
      );
    if (i > 0 && s.contiguity === 'begin')
      out.push(
        stageDiagnostic(
          s,
          'contiguity',
          {
            code: 'pattern.begin-not-first',
            message: `only the first stage can begin the pattern; "${s.name}" needs next, followedBy, followedByAny, notNext or notFollowedBy`,
            flinkError: MALFORMED,
            flinkMessage: 'begin() can only start a pattern.',
          },
          true,
        ),
      );
    if (s.group) {
      if (s.where !== undefined || (s.or ?? []).length > 0)
        out.push(
          stageDiagnostic(s, 'where', {
            code: 'pattern.group-condition',
            message: `a group ("${s.name}") cannot have its own condition; put conditions on the stages inside it`,
            flinkError: 'UnsupportedOperationException',
            flinkMessage: 'GroupPattern does not support where clause.',
          }),
        );
      if (s.group.stages.length === 0)
        out.push(
          stageDiagnostic(s, 'settings', {
            code: 'pattern.group-empty',
            message: `the group "${s.name}" has no stages`,
            flinkError: MALFORMED,
            flinkMessage: 'A group pattern needs at least one stage.',
          }),
        );
      stageRules(s.group.stages, names, out);
    } else {
      const existing = names.get(s.name);
      if (s.name === RESERVED_END_STATE || existing)
        out.push(
          stageDiagnostic(s, 'name', {
            code: 'pattern.duplicate-name',
            message:
              s.name === RESERVED_END_STATE
                ? `"${s.name}" is reserved; choose another stage name`
                : `two stages are named "${s.name}"; stage names must be unique`,
            flinkError: MALFORMED,
            flinkMessage: `Duplicate pattern name: ${s.name}. Names must be unique.`,
          }),
        );
      else names.set(s.name, s);
    }
    if (s.withinPreviousAndCurrent !== undefined && !(s.withinPreviousAndCurrent >= 0))
      out.push(
        stageDiagnostic(s, 'within', {
          code: 'pattern.within-negative',
          message: `the time limit of "${s.name}" cannot be negative`,
          flinkError: ILLEGAL_ARG,
          flinkMessage: 'Window length must not be negative.',
        }),
      );
    quantifierRules(s, prev, out);
    const not = notBeforeGreedyUntilLoop(stages, i);
    if (not)
      out.push(
        stageDiagnostic(s, 'until', {
          code: 'pattern.greedy-until-after-not-follow',
          message: `Flink crashes on "${s.name}": an optional greedy loop with an until condition after the notFollowedBy stage "${not.name}" makes Flink's NFA follow a transition to no state (a NullPointerException fails the job). Drop greedy, the until condition or optional from "${s.name}", or put a required stage between "${not.name}" and "${s.name}"`,
          flinkError: 'NullPointerException',
          flinkMessage:
            'Cannot invoke "org.apache.flink.cep.nfa.State.getStateTransitions()" because "currentState" is null (NFA.createDecisionGraph)',
        }),
      );
  });
}

/** Rules that need only the spec. Window rules that depend on the built states are in checkBuiltWindows. */
export function validateSpec(spec: PatternSpec): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (!Array.isArray(spec.stages) || spec.stages.length === 0) {
    out.push({
      code: 'pattern.empty',
      message: 'the pattern has no stages',
      severity: 'error',
      target: { kind: 'pattern' },
      flinkError: MALFORMED,
    });
    return out;
  }
  const names = new Map<string, StageSpec>();
  stageRules(spec.stages, names, out);
  if (spec.within && !(spec.within.ms >= 0))
    out.push(
      stageDiagnostic(undefined, 'within', {
        code: 'pattern.within-negative',
        message: 'the time window (within) cannot be negative',
        flinkError: ILLEGAL_ARG,
        flinkMessage: 'Window length must not be negative.',
      }),
    );
  const skip = spec.skip;
  if (skip.kind === 'SKIP_TO_FIRST' || skip.kind === 'SKIP_TO_LAST') {
    // Flink looks only along the top-level chain: names inside groups are not found.
    if (!spec.stages.some((s) => s.name === skip.stage))
      out.push(
        stageDiagnostic(undefined, 'skip', {
          code: 'pattern.skip-target-missing',
          message: `the after-match skip strategy targets the stage "${skip.stage}", which is not a top-level stage of this pattern`,
          flinkError: MALFORMED,
          flinkMessage:
            'The pattern name specified in AfterMatchSkipStrategy can not be found in the given Pattern',
        }),
      );
  }
  return out;
}
