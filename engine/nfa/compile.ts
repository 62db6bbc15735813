/**
 * compilePattern: validates a PatternSpec against all of Flink's rules, compiles its conditions and
 * builds the NFA. Never throws; every problem is a Diagnostic.
 */
import type { EventGuard } from '../expr/guard';
import { guardOf } from '../expr/guard';
import { compileCondition } from '../expr/index';
import type { Diagnostic, DiagnosticField } from '../pattern/diagnostic';
import type { EventSchema, PatternSpec, StageSpec } from '../pattern/spec';
import type { BuiltGraph } from './built-graph';
import { GraphBuilder } from './builder';
import { chainOf, type ConditionLookup } from './chain';
import { countingShape } from './counting';
import { chainShape } from './strict-chain';
import { stateSkips } from './guards';
import { proceedCycleRules } from './proceed-cycle';
import { startReachesStopRules } from './start-reaches-stop';
import { TRUE_CONDITION, orCondition } from './conditions';
import type { CompiledNfa, EdgeCondition, NfaStateDef } from './types';
import { stageDiagnostic, validateSpec } from './validate';

export interface CompileOptions {
  schema?: EventSchema;
}

export type CompilePatternResult =
  { ok: true; nfa: CompiledNfa; diagnostics: Diagnostic[] } | { ok: false; diagnostics: Diagnostic[] };

function allStageNames(stages: readonly StageSpec[], out: string[] = []): string[] {
  for (const s of stages) {
    if (s.group) allStageNames(s.group.stages, out);
    else out.push(s.name);
  }
  return out;
}

function conditionLookup(
  stageNames: string[],
  schema: EventSchema | undefined,
  diagnostics: Diagnostic[],
): ConditionLookup {
  const guards = new Map<string, EventGuard>();
  return (stage, field, source, index) => {
    if (typeof source !== 'string') {
      diagnostics.push({
        code: 'pattern.condition-not-text',
        message: `the ${field} condition of "${stage.name}" must be text`,
        severity: 'error',
        target: { kind: 'node', stage: stage.name, nodeId: stage.nodeId, field, index },
      });
      return null;
    }
    const result = compileCondition(source, { stages: stageNames, currentStage: stage.name, schema });
    const where = {
      kind: 'node' as const,
      stage: stage.name,
      nodeId: stage.nodeId,
      edgeId: stage.edgeId,
      field: field as DiagnosticField,
      index,
    };
    for (const d of result.diagnostics)
      diagnostics.push({
        ...d,
        target: { ...where, ...(d.target ?? {}), kind: 'node', stage: stage.name, field },
      });
    if (!result.ok) return null;
    const label = field === 'or' ? `${stage.name}.or[${index ?? 0}]` : `${stage.name}.${field}`;
    const found = guardOf(result.ast);
    // Equal guards share one object, so the runtime evaluates each once per event.
    const guard =
      found === null ? null : (guards.get(found.text) ?? guards.set(found.text, found).get(found.text));
    const condition: EdgeCondition = {
      test: result.condition,
      text: `${label}(${source})`,
      guarded: guard ? { guard, value: false } : undefined,
      eventOnly: result.referencedStages.length === 0 && !result.iterative,
    };
    return condition;
  };
}

function lastStage(spec: PatternSpec): StageSpec {
  return spec.stages[spec.stages.length - 1];
}

/** Compile-time checks that depend on the states Flink builds (windows). */
function builtWindowRules(spec: PatternSpec, graph: BuiltGraph): Diagnostic[] {
  const out: Diagnostic[] = [];
  const global = graph.windowTime;
  if (global !== undefined) {
    for (const [name, ms] of graph.windowTimes) {
      if (ms > global) {
        const stageName = name.split(':')[0];
        const stage = findStage(spec.stages, stageName);
        out.push(
          stageDiagnostic(stage, 'within', {
            code: 'pattern.window-conflict',
            message: `the time allowed between two events of "${stageName}" (${ms} ms) is longer than the whole pattern's window (${global} ms)`,
            flinkError: 'MalformedPatternException',
            flinkMessage:
              'The window length between the previous and current event cannot be larger than the window length between the first and last event for a Pattern.',
          }),
        );
        break;
      }
    }
  }
  const last = lastStage(spec);
  if (last.contiguity === 'notFollowedBy') {
    const own = graph.windowTimes.get(last.name);
    if ((own === undefined || own <= 0) && (global ?? 0) === 0)
      out.push(
        stageDiagnostic(
          last,
          'contiguity',
          {
            code: 'pattern.not-followed-by-last-without-window',
            message:
              'a notFollowedBy stage cannot end a pattern unless the pattern has a time window (within)',
            flinkError: 'MalformedPatternException',
            flinkMessage: 'NotFollowedBy is not supported without windowTime as a last part of a Pattern!',
          },
          true,
        ),
      );
  }
  return out;
}

function findStage(stages: readonly StageSpec[], name: string): StageSpec | undefined {
  for (const s of stages) {
    if (s.name === name && !s.group) return s;
    const inner = s.group ? findStage(s.group.stages, name) : undefined;
    if (inner) return inner;
  }
  return undefined;
}

function quirkWarnings(spec: PatternSpec): Diagnostic[] {
  const out: Diagnostic[] = [];
  const last = lastStage(spec);
  const pc = spec.within?.type === 'PREVIOUS_AND_CURRENT' ? spec.within.ms : last.withinPreviousAndCurrent;
  if (pc !== undefined && last.quantifier.kind !== 'one')
    out.push({
      code: 'pattern.within-ignored-on-quantified',
      message: `Flink ignores a PREVIOUS_AND_CURRENT window on the repeated stage "${last.name}"; use the quantifier's own window instead`,
      severity: 'warning',
      target: { kind: 'node', stage: last.name, nodeId: last.nodeId, field: 'within' },
    });
  return out;
}

function flatten(spec: PatternSpec, graph: BuiltGraph, stageNames: string[]): CompiledNfa {
  const states: NfaStateDef[] = graph.states.map((s) => ({
    id: s.id,
    name: s.name,
    stage: s.stage,
    kind: s.kind,
    window: graph.windowTimes.get(s.name),
    transitions: s.transitions.map((t) => ({
      action: t.action,
      source: t.source.id,
      target: t.target.id,
      condition: t.condition,
    })),
  }));
  const windowTime = graph.windowTime ?? 0;
  const hasStateWindows = states.some((s) => s.window !== undefined && s.window > 0);
  const hasWindows = windowTime > 0 || hasStateWindows;
  const { skips, startSkip, guards, inert } = stateSkips(states, graph.start.id);
  const counting = countingShape(states, graph.start.id, spec.skip, hasStateWindows);
  const chain = chainShape(states, graph.start.id, spec.skip, hasStateWindows);
  return {
    states,
    startState: graph.start.id,
    windowTime,
    hasWindows,
    hasStateWindows,
    skip: spec.skip,
    spec,
    stageNames,
    skips,
    startSkip,
    guards,
    inert,
    counting,
    chain,
  };
}

/**
 * The rules that need the states Flink builds (window conflicts, a trailing notFollowedBy without a
 * window) and Flink's quirk warnings, checked with every condition taken as true: they never depend on
 * the conditions, so an editor can show them while a condition is still being typed. Returns nothing
 * when the states cannot be built (the spec's own rule violations say why).
 */
export function builtRuleDiagnostics(spec: PatternSpec): Diagnostic[] {
  try {
    if (spec.stages.length === 0) return [];
    const chain = chainOf(spec, () => TRUE_CONDITION, orCondition, TRUE_CONDITION);
    if (chain === null) return [];
    const graph = new GraphBuilder(chain).build();
    return [
      ...builtWindowRules(spec, graph),
      ...proceedCycleRules(spec, graph),
      ...startReachesStopRules(spec, graph),
      ...quirkWarnings(spec),
    ];
  } catch {
    return [];
  }
}

export function compilePattern(spec: PatternSpec, options: CompileOptions = {}): CompilePatternResult {
  try {
    const diagnostics = validateSpec(spec);
    if (diagnostics.some((d) => d.severity === 'error')) return { ok: false, diagnostics };
    const stageNames = allStageNames(spec.stages);
    const lookup = conditionLookup(stageNames, options.schema, diagnostics);
    const chain = chainOf(spec, lookup, orCondition, TRUE_CONDITION);
    if (diagnostics.some((d) => d.severity === 'error') || chain === null) return { ok: false, diagnostics };
    const graph = new GraphBuilder(chain).build();
    diagnostics.push(
      ...builtWindowRules(spec, graph),
      ...proceedCycleRules(spec, graph),
      ...startReachesStopRules(spec, graph),
    );
    if (diagnostics.some((d) => d.severity === 'error')) return { ok: false, diagnostics };
    diagnostics.push(...quirkWarnings(spec));
    return { ok: true, nfa: flatten(spec, graph, stageNames), diagnostics };
  } catch (e) {
    return {
      ok: false,
      diagnostics: [
        {
          code: 'pattern.internal',
          message: `the pattern could not be compiled (${String(e)})`,
          severity: 'error',
          target: { kind: 'pattern' },
        },
      ],
    };
  }
}
