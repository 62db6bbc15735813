/** Stage facts shared by lint rules: the stages in order (groups opened), loops, windows, targets. */
import type { Diagnostic } from '../pattern/diagnostic';
import type { DiagnosticField } from '../pattern/diagnostic';
import type { PatternSpec, Quantifier, StageSpec } from '../pattern/spec';

export interface StageInfo {
  stage: StageSpec;
  /** The stage before it in its own chain (the group's stage list, or the pattern's). */
  previous: StageSpec | undefined;
  /** Groups around it, innermost last. */
  groups: StageSpec[];
}

/** Every stage, groups included (a group comes after its inner stages), with its neighbour. */
export function stageInfos(spec: PatternSpec): StageInfo[] {
  const out: StageInfo[] = [];
  const walk = (stages: readonly StageSpec[], groups: StageSpec[]): void => {
    stages.forEach((stage, i) => {
      if (stage.group) walk(stage.group.stages, [...groups, stage]);
      out.push({ stage, previous: i > 0 ? stages[i - 1] : undefined, groups });
    });
  };
  walk(spec.stages, []);
  return out;
}

/** Repeats without an upper bound (oneOrMore, timesOrMore). */
export function isUnbounded(q: Quantifier): boolean {
  return q.kind === 'oneOrMore' || q.kind === 'timesOrMore';
}

/** Can take more than one event. */
export function isRepeated(q: Quantifier): boolean {
  return isUnbounded(q) || (q.kind === 'times' && (q.to ?? q.from ?? 1) > 1);
}

/** The stage, or a group around it, repeats without bound. */
export function loopsUnbounded(info: StageInfo): boolean {
  return isUnbounded(info.stage.quantifier) || info.groups.some((g) => isUnbounded(g.quantifier));
}

/**
 * A window that bounds how long a partial match lives: the pattern's within (first to last event).
 * A limit between consecutive events (PREVIOUS_AND_CURRENT) does not: a dense stream never hits it.
 */
export function hasMatchWindow(spec: PatternSpec): boolean {
  return spec.within !== undefined && spec.within.type === 'FIRST_AND_LAST' && spec.within.ms > 0;
}

/** A warning about one stage (its node), or about its connection when `onEdge`. */
export function stageWarning(
  stage: StageSpec,
  field: DiagnosticField,
  code: string,
  message: string,
  fix: string,
  onEdge = false,
): Diagnostic {
  return {
    code,
    message,
    fix,
    severity: 'warning',
    target: {
      kind: onEdge ? 'edge' : 'node',
      stage: stage.name,
      ...(stage.nodeId !== undefined ? { nodeId: stage.nodeId } : {}),
      ...(onEdge && stage.edgeId !== undefined ? { edgeId: stage.edgeId } : {}),
      field,
    },
  };
}
