/**
 * PatternSpec → dynamic Flink CEP JSON (GraphSpec), exactly as the VVR deserializer rebuilds it
 * (research export-formats.md §1.4–1.6). Anything the loader would drop or reinterpret is refused
 * with a reason instead of being written.
 */
import type { PatternSpec, Quantifier, StageSpec } from '../pattern/spec';
import { aviatorCondition, conditionSources, nestedFieldReads, readsOtherEvents } from './conditions';
import { jsonTime } from './durations';
import type {
  ConditionJson,
  EdgeJson,
  EdgeType,
  GraphJson,
  NodeJson,
  QuantifierJson,
  QuantifierProperty,
} from './graph-spec';
import { Verdicts, type ExportContext, type TargetReport } from './types';

const EDGE_TYPE: Record<Exclude<StageSpec['contiguity'], 'begin'>, EdgeType> = {
  next: 'STRICT',
  followedBy: 'SKIP_TILL_NEXT',
  followedByAny: 'SKIP_TILL_ANY',
  notNext: 'NOT_NEXT',
  notFollowedBy: 'NOT_FOLLOW',
};

const SINGLE_QUANTIFIER: QuantifierJson = {
  consumingStrategy: 'SKIP_TILL_NEXT',
  properties: ['SINGLE'],
  times: null,
  untilCondition: null,
};

export interface FlinkJsonExport {
  report: TargetReport;
  /** Present only when every verdict is ok. */
  graph?: GraphJson;
}

class Writer {
  readonly verdicts = new Verdicts();
  constructor(private readonly ctx: ExportContext) {}

  refuse(stage: StageSpec, reason: string, prefix = 'Flink JSON'): void {
    this.verdicts.refuse(`${prefix}: ${reason}`, { stage: stage.name, nodeId: stage.nodeId });
  }

  /** The stage's condition: verbatim external JSON, an Aviator expression, or null (every event). */
  condition(stage: StageSpec, which: 'where' | 'until'): ConditionJson | null {
    const external = this.ctx.external.get(stage.name)?.[which];
    if (external !== undefined) return external as ConditionJson;
    const sources = which === 'where' ? conditionSources(stage) : stage.until?.trim() ? [stage.until] : [];
    if (sources.length === 0) return null;
    if (sources.some(readsOtherEvents)) {
      this.refuse(
        stage,
        `iterative conditions (the ${which} condition reads earlier stages with sum(...), count(...), first(...) or similar) are not supported by Flink's AviatorCondition, which sees only the current event`,
        'Aviator',
      );
      return null;
    }
    const nested = [...new Set(sources.flatMap(nestedFieldReads))];
    if (nested.length > 0) {
      const [first] = nested;
      const [root, ...keys] = first.split('.');
      const getter = `get${keys[0].charAt(0).toUpperCase()}${keys[0].slice(1)}()`;
      this.refuse(
        stage,
        `the ${which} condition reads the nested field${nested.length > 1 ? 's' : ''} ${nested.map((n) => `"${n}"`).join(', ')}, which Flink JSON cannot carry safely: the open-source dynamic-CEP AviatorCondition looks up each variable with getDeclaredField("${root}") on the job's event class, and Aviator reads "${keys.join('.')}" inside it only through a getter (${getter}) or a Map key; with a plain field the job fails ("Could not find variable ${first}"), and Cepheus cannot see the event class of the job that loads the rule. Make it a top-level field of the event, or export Flink Java`,
        'Aviator',
      );
      return null;
    }
    const printed = aviatorCondition(sources);
    if (!printed.ok) {
      this.refuse(stage, printed.reason, 'Aviator');
      return null;
    }
    return { type: 'AVIATOR', expression: printed.text };
  }

  quantifier(stage: StageSpec, q: Quantifier, isGroup: boolean): QuantifierJson {
    if (isGroup) {
      // GraphSpec drops group quantifiers when it rebuilds the GroupPattern (§1.6 item 9).
      if (q.kind !== 'one' || q.optional)
        this.refuse(
          stage,
          'a quantifier on a group is lost by the dynamic-CEP loader (it never applies it to the group)',
        );
      return SINGLE_QUANTIFIER;
    }
    const props = new Set<QuantifierProperty>();
    let times: QuantifierJson['times'] = null;
    const windowTime = q.window === undefined ? null : jsonTime(q.window);
    if (q.kind === 'one') {
      props.add('SINGLE');
    } else if (q.kind === 'times') {
      props.add('TIMES');
      const from = q.from ?? 1;
      // times(0, m) is Flink's optional times(1, m).
      if (from === 0) props.add('OPTIONAL');
      times = { from: Math.max(1, from), to: q.to ?? from, windowTime: null };
      if (q.window !== undefined)
        this.refuse(
          stage,
          'a per-repetition window on times(n, m) is dropped by the dynamic-CEP loader (only looping stages keep windowTime)',
        );
    } else {
      props.add('LOOPING');
      const from = q.kind === 'oneOrMore' ? 1 : (q.from ?? 1);
      times = { from, to: from, windowTime };
    }
    if (q.optional) props.add('OPTIONAL');
    if (q.greedy && q.kind !== 'one') props.add('GREEDY');
    const consumingStrategy =
      q.kind === 'one'
        ? 'SKIP_TILL_NEXT'
        : q.inner === 'consecutive'
          ? 'STRICT'
          : q.inner === 'allowCombinations'
            ? 'SKIP_TILL_ANY'
            : 'SKIP_TILL_NEXT';
    const untilCondition =
      stage.until?.trim() || this.ctx.external.get(stage.name)?.until !== undefined
        ? this.condition(stage, 'until')
        : null;
    const properties = (['SINGLE', 'LOOPING', 'TIMES', 'OPTIONAL', 'GREEDY'] as const).filter((p) =>
      props.has(p),
    );
    return { consumingStrategy, properties, times, untilCondition };
  }

  node(stage: StageSpec): NodeJson {
    if (stage.group) {
      this.quantifier(stage, stage.quantifier, true);
      return this.graph(stage.name, stage.group.stages, null);
    }
    return {
      name: stage.name,
      type: 'ATOMIC',
      quantifier: this.quantifier(stage, stage.quantifier, false),
      condition: this.condition(stage, 'where'),
    };
  }

  graph(name: string, stages: StageSpec[], window: GraphJson['window']): GraphJson {
    const nodes: NodeJson[] = [];
    const edges: EdgeJson[] = [];
    stages.forEach((stage, i) => {
      const before = this.verdicts.items.length;
      nodes.push(this.node(stage));
      const prev = stages[i - 1];
      if (prev && greedyThenTimesFromZero(prev, stage))
        // Flink's Pattern.times(0, m) makes the quantifier optional directly, but the loader calls
        // times(1, m) then Pattern.optional(), whose checkIfPreviousPatternGreedy() throws.
        this.refuse(
          stage,
          `times(0, ${stage.quantifier.to ?? 0}) right after the greedy stage "${prev.name}" cannot be loaded: the dynamic-CEP loader rebuilds it as times(1, ${stage.quantifier.to ?? 0}).optional(), and Flink's optional() throws "Optional pattern cannot be preceded by greedy pattern" (Java's times(0, m) does not; export as Java)`,
        );
      if (prev && stage.contiguity !== 'begin') {
        const type = EDGE_TYPE[stage.contiguity];
        if (stage.group && (type === 'NOT_NEXT' || type === 'NOT_FOLLOW'))
          this.refuse(stage, 'a negated edge cannot point at a group');
        edges.push({ source: prev.name, target: stage.name, type });
      }
      if (this.verdicts.items.length === before)
        this.verdicts.accept({ stage: stage.name, nodeId: stage.nodeId });
    });
    return {
      name,
      type: 'COMPOSITE',
      version: 1,
      quantifier: SINGLE_QUANTIFIER,
      condition: null,
      nodes,
      edges,
      window,
      afterMatchStrategy: this.skip,
    };
  }

  skip: GraphJson['afterMatchStrategy'] = { type: 'NO_SKIP', patternName: null };
}

/** A `times(0, m)` stage whose previous stage in the same chain is greedy (see the refusal above). */
function greedyThenTimesFromZero(prev: StageSpec, stage: StageSpec): boolean {
  const q = stage.quantifier;
  return (
    !stage.group &&
    q.kind === 'times' &&
    q.from === 0 &&
    !prev.group &&
    prev.quantifier.greedy &&
    prev.quantifier.kind !== 'one'
  );
}

export function buildFlinkJson(spec: PatternSpec, ctx: ExportContext): FlinkJsonExport {
  const w = new Writer(ctx);
  const s = spec.skip;
  const named = s.kind === 'SKIP_TO_FIRST' || s.kind === 'SKIP_TO_LAST';
  w.skip = { type: s.kind, patternName: named ? s.stage : null };
  if (named && s.throwExceptionOnMiss)
    w.verdicts.refuse('Flink JSON: throwExceptionOnMiss has no field in the dynamic-CEP afterMatchStrategy');

  const last = spec.stages[spec.stages.length - 1];
  let window: GraphJson['window'] = spec.within
    ? { type: spec.within.type, time: jsonTime(spec.within.ms) }
    : null;
  // The JSON has one window, applied by the loader as within(time, type) on the last stage; a per-stage
  // previous-and-current window fits only there, and only when no other window is set.
  const nested = (stages: StageSpec[], top: boolean): void => {
    for (const st of stages) {
      if (st.group) nested(st.group.stages, false);
      if (st.withinPreviousAndCurrent === undefined) continue;
      if (top && st === last && !window)
        window = { type: 'PREVIOUS_AND_CURRENT', time: jsonTime(st.withinPreviousAndCurrent) };
      else
        w.verdicts.refuse(
          'Flink JSON: a previous-and-current window on this stage has no place in the format (its only window applies to the last stage)',
          { stage: st.name, nodeId: st.nodeId },
        );
    }
  };
  nested(spec.stages, true);
  if (!last) w.verdicts.refuse('Flink JSON: the pattern has no stages');
  const graph = w.graph(last?.name ?? 'pattern', spec.stages, window);
  return w.verdicts.ok ? { report: w.verdicts.report(), graph } : { report: w.verdicts.report() };
}
