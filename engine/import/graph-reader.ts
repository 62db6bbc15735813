/**
 * Reads a dynamic-CEP GraphSpec object the way Flink's loader does (begin node = the node no edge
 * points at; one outgoing edge per node; properties applied in enum order) into a PatternSpec.
 * Every deviation from a clean rule becomes a diagnostic with the JSON path of the culprit.
 */
import { jsonTimeToMs } from '../export/durations';
import { QUANTIFIER_PROPERTIES } from '../export/graph-spec';
import type { Diagnostic } from '../pattern/diagnostic';
import type { Contiguity, PatternSpec, Quantifier, SkipStrategy, StageSpec } from '../pattern/spec';
import { importCondition } from './conditions';
import { unsupportedMarker } from '../export/external';

type Obj = Record<string, unknown>;
type Path = (string | number)[];

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

const EDGE_CONTIGUITY: Record<string, Contiguity> = {
  STRICT: 'next',
  SKIP_TILL_NEXT: 'followedBy',
  SKIP_TILL_ANY: 'followedByAny',
  NOT_NEXT: 'notNext',
  NOT_FOLLOW: 'notFollowedBy',
};
const SKIP_TYPES = ['NO_SKIP', 'SKIP_TO_NEXT', 'SKIP_PAST_LAST_EVENT', 'SKIP_TO_FIRST', 'SKIP_TO_LAST'];

/** A Flink condition kept verbatim, by stage name. */
export interface KeptCondition {
  stage: string;
  which: 'where' | 'until';
  json: unknown;
  reason: string;
}

export class GraphReader {
  readonly diagnostics: Diagnostic[] = [];
  readonly kept: KeptCondition[] = [];
  private readonly names = new Set<string>();

  private report(
    severity: 'error' | 'warning',
    code: string,
    message: string,
    path: Path,
    stage?: string,
  ): void {
    this.diagnostics.push({
      code: `import.${code}`,
      severity,
      message,
      target: { kind: 'document', path, ...(stage ? { stage } : {}) },
    });
  }
  error(code: string, message: string, path: Path, stage?: string): void {
    this.report('error', code, message, path, stage);
  }
  warn(code: string, message: string, path: Path, stage?: string): void {
    this.report('warning', code, message, path, stage);
  }

  private ms(time: unknown, path: Path): number | undefined {
    if (time === null || time === undefined) return undefined;
    if (
      !isObj(time) ||
      typeof time.unit !== 'string' ||
      typeof time.size !== 'number' ||
      !Number.isInteger(time.size) ||
      time.size <= 0
    ) {
      this.error(
        'bad-time',
        'A time must look like {"unit": "SECONDS", "size": 10} with a whole, positive size.',
        path,
      );
      return undefined;
    }
    const ms = jsonTimeToMs(time.unit, time.size);
    if (ms === null)
      this.error(
        'bad-time-unit',
        `Unknown time unit "${time.unit}": use DAYS, HOURS, MINUTES, SECONDS or MILLISECONDS.`,
        [...path, 'unit'],
      );
    return ms ?? undefined;
  }

  private condition(stage: string, which: 'where' | 'until', json: unknown): string | undefined {
    const c = importCondition(json);
    if (c.kind === 'none') return undefined;
    if (c.kind === 'source') return c.source;
    this.kept.push({ stage, which, json: c.json, reason: c.reason });
    return unsupportedMarker(c.json);
  }

  private quantifier(
    q: unknown,
    path: Path,
    stage: string,
    isGroup: boolean,
  ): { quantifier: Quantifier; until?: unknown } {
    const single: Quantifier = { kind: 'one', optional: false, greedy: false, inner: 'relaxed' };
    if (!isObj(q)) {
      this.error('missing-quantifier', `Node "${stage}" needs a "quantifier" object.`, path, stage);
      return { quantifier: single };
    }
    const props = Array.isArray(q.properties) ? q.properties : [];
    if (!Array.isArray(q.properties))
      this.error(
        'bad-properties',
        `The quantifier of "${stage}" needs a "properties" array (e.g. ["SINGLE"]).`,
        [...path, 'properties'],
        stage,
      );
    for (const [i, p] of props.entries())
      if (!(QUANTIFIER_PROPERTIES as readonly unknown[]).includes(p))
        this.error(
          'bad-property',
          `Unknown quantifier property ${JSON.stringify(p)}: use ${QUANTIFIER_PROPERTIES.join(', ')}.`,
          [...path, 'properties', i],
          stage,
        );
    const has = (p: string): boolean => props.includes(p);
    if (isGroup) {
      if (!(props.length === 1 && has('SINGLE')))
        this.warn(
          'group-quantifier-ignored',
          `The quantifier of group "${stage}" is ignored, as Flink's dynamic-CEP loader never applies it.`,
          path,
          stage,
        );
      return { quantifier: single };
    }
    const strategy = q.consumingStrategy;
    if (strategy !== 'STRICT' && strategy !== 'SKIP_TILL_NEXT' && strategy !== 'SKIP_TILL_ANY')
      this.error(
        'bad-strategy',
        `consumingStrategy of "${stage}" must be STRICT, SKIP_TILL_NEXT or SKIP_TILL_ANY.`,
        [...path, 'consumingStrategy'],
        stage,
      );
    const times = isObj(q.times) ? q.times : null;
    const out: Quantifier = { ...single, optional: has('OPTIONAL'), greedy: has('GREEDY') };
    const from = typeof times?.from === 'number' ? times.from : 1;
    const to = typeof times?.to === 'number' ? times.to : from;
    if (times && (!Number.isInteger(from) || from < 1 || !Number.isInteger(to) || to < from))
      this.error(
        'bad-times',
        `times of "${stage}" must have whole numbers with 1 ≤ from ≤ to.`,
        [...path, 'times'],
        stage,
      );
    if (has('LOOPING')) {
      if (!times)
        this.warn(
          'looping-without-times',
          `"${stage}" is LOOPING without "times", so Flink's loader does not loop it; imported as a single event.`,
          [...path, 'times'],
          stage,
        );
      else {
        Object.assign(out, from === 1 ? { kind: 'oneOrMore', from: 1 } : { kind: 'timesOrMore', from });
        const w = this.ms(times.windowTime, [...path, 'times', 'windowTime']);
        if (w !== undefined) out.window = w;
      }
    } else if (has('TIMES')) {
      if (!times)
        this.error(
          'times-missing',
          `"${stage}" is TIMES but has no "times" {from, to}.`,
          [...path, 'times'],
          stage,
        );
      else {
        Object.assign(out, { kind: 'times', from, to });
        if (times.windowTime !== null && times.windowTime !== undefined)
          this.warn(
            'times-window-dropped',
            `The windowTime of TIMES stage "${stage}" is ignored, as Flink's loader drops it.`,
            [...path, 'times', 'windowTime'],
            stage,
          );
      }
    }
    if (out.kind === 'one') {
      if (strategy === 'STRICT' || strategy === 'SKIP_TILL_ANY')
        this.error(
          'single-strategy',
          `A single-event stage ("${stage}") must use consumingStrategy SKIP_TILL_NEXT; Flink rejects ${String(strategy)} on it.`,
          [...path, 'consumingStrategy'],
          stage,
        );
      if (out.greedy)
        this.error(
          'single-greedy',
          `GREEDY is not applicable to the single-event stage "${stage}" (Flink: "Option not applicable to singleton quantifier").`,
          [...path, 'properties'],
          stage,
        );
    } else
      out.inner =
        strategy === 'STRICT'
          ? 'consecutive'
          : strategy === 'SKIP_TILL_ANY'
            ? 'allowCombinations'
            : 'relaxed';
    return { quantifier: out, until: q.untilCondition };
  }

  private stage(node: unknown, path: Path): StageSpec | null {
    if (!isObj(node)) {
      this.error('bad-node', 'Each entry of "nodes" must be an object.', path);
      return null;
    }
    const name = typeof node.name === 'string' ? node.name : '';
    if (!name) this.error('missing-name', 'Each node needs a non-empty "name".', [...path, 'name']);
    if (node.type === 'COMPOSITE') {
      // A COMPOSITE node's name only links the edges of its own graph: Flink's GraphSpec.fromPattern
      // names it after the last stage inside it (GroupPattern.getRawPattern().getName()), and the
      // loader looks nodes up per graph, so that name is not a stage name and may repeat one.
      // Flink's own group name is the constant "GroupPattern", never in a match.
      const { quantifier } = this.quantifier(node.quantifier, [...path, 'quantifier'], name, true);
      const stages = this.chain(node, path, false);
      return { name, contiguity: 'begin', quantifier, group: { stages: stages ?? [] } };
    }
    if (name && this.names.has(name))
      this.error(
        'duplicate-name',
        `Duplicate pattern name: ${name}. Names must be unique.`,
        [...path, 'name'],
        name,
      );
    this.names.add(name);
    if (node.type !== 'ATOMIC')
      this.error(
        'bad-node-type',
        `Node "${name}" has type ${JSON.stringify(node.type)}; use "ATOMIC" or "COMPOSITE".`,
        [...path, 'type'],
        name,
      );
    const { quantifier, until } = this.quantifier(node.quantifier, [...path, 'quantifier'], name, false);
    const stage: StageSpec = { name, contiguity: 'begin', quantifier };
    const where = this.condition(name, 'where', node.condition);
    if (where !== undefined) stage.where = where;
    const u = this.condition(name, 'until', until);
    if (u !== undefined) {
      if (quantifier.kind !== 'oneOrMore' && quantifier.kind !== 'timesOrMore')
        this.error(
          'until-not-looping',
          `"${name}" has an untilCondition but is not LOOPING (Flink: "The until condition is only applicable to looping states.").`,
          path,
          name,
        );
      stage.until = u;
    }
    return stage;
  }

  /** The chain of a graph object's nodes, from its begin node along its edges. */
  chain(graph: Obj, path: Path, top: boolean): StageSpec[] | null {
    if (!Array.isArray(graph.nodes)) {
      this.error('missing-nodes', 'A graph needs a "nodes" array.', [...path, 'nodes']);
      return null;
    }
    if (!Array.isArray(graph.edges)) {
      this.error('missing-edges', 'A graph needs an "edges" array ([] when there is one node).', [
        ...path,
        'edges',
      ]);
      return null;
    }
    const byName = new Map<string, { stage: StageSpec; index: number }>();
    graph.nodes.forEach((n, i) => {
      const s = this.stage(n, [...path, 'nodes', i]);
      if (s) byName.set(s.name, { stage: s, index: i });
    });
    const outgoing = new Map<string, { target: string; type: Contiguity; index: number }>();
    const targets = new Set<string>();
    graph.edges.forEach((e, i) => {
      const at = [...path, 'edges', i];
      if (!isObj(e) || typeof e.source !== 'string' || typeof e.target !== 'string')
        return this.error('bad-edge', 'An edge needs "source" and "target" node names and a "type".', at);
      targets.add(e.target); // even for a bad edge, so one mistake does not also report a second begin node
      const type = typeof e.type === 'string' ? EDGE_CONTIGUITY[e.type] : undefined;
      if (!type)
        return this.error(
          'bad-edge-type',
          `Edge type ${JSON.stringify(e.type)} is unknown: use ${Object.keys(EDGE_CONTIGUITY).join(', ')}.`,
          [...at, 'type'],
        );
      if (!byName.has(e.source))
        this.error('edge-unknown-node', `Edge source "${e.source}" is not a node of this graph.`, [
          ...at,
          'source',
        ]);
      if (!byName.has(e.target))
        this.error('edge-unknown-node', `Edge target "${e.target}" is not a node of this graph.`, [
          ...at,
          'target',
        ]);
      if (outgoing.has(e.source))
        this.warn(
          'edge-overwritten',
          `Node "${e.source}" has a second outgoing edge; Flink keeps only the last one, and so does this import.`,
          at,
        );
      outgoing.set(e.source, { target: e.target, type, index: i });
      targets.add(e.target);
    });
    const begins = [...byName.keys()].filter((n) => !targets.has(n));
    if (begins.length !== 1) {
      this.error(
        'begin-node',
        `There must be exactly one begin node, but there are ${begins.length} nodes that are not pointed by any other nodes.`,
        [...path, 'edges'],
      );
      return null;
    }
    const stages: StageSpec[] = [];
    const seen = new Set<string>();
    for (
      let name: string | undefined = begins[0], type: Contiguity | 'begin' = 'begin';
      name !== undefined && byName.has(name);
    ) {
      if (seen.has(name)) {
        this.error('cycle', `The edges form a cycle through "${name}".`, [...path, 'edges'], name);
        return null;
      }
      seen.add(name);
      const stage = byName.get(name)!.stage;
      stage.contiguity = type;
      stages.push(stage);
      const next = outgoing.get(name);
      name = next?.target;
      type = next?.type ?? 'begin';
    }
    const hasErrors = this.diagnostics.some((d) => d.severity === 'error');
    for (const [name, { index }] of byName)
      if (!seen.has(name) && !hasErrors)
        this.warn(
          'unreachable-node',
          `Node "${name}" is not on the chain from the begin node; Flink ignores it, and so does this import.`,
          [...path, 'nodes', index],
          name,
        );
    if (!top && graph.window !== null && graph.window !== undefined)
      this.warn('group-window-ignored', 'A window inside a group is ignored (Flink never reads it).', [
        ...path,
        'window',
      ]);
    return stages;
  }

  skip(raw: unknown): SkipStrategy {
    if (!isObj(raw) || typeof raw.type !== 'string' || !SKIP_TYPES.includes(raw.type)) {
      this.error(
        'bad-skip',
        `"afterMatchStrategy" must be {"type": one of ${SKIP_TYPES.join(', ')}, "patternName": …}.`,
        ['afterMatchStrategy'],
      );
      return { kind: 'NO_SKIP' };
    }
    if (raw.type === 'SKIP_TO_FIRST' || raw.type === 'SKIP_TO_LAST') {
      if (typeof raw.patternName !== 'string' || !this.names.has(raw.patternName))
        this.error(
          'skip-stage',
          'The pattern name specified in AfterMatchSkipStrategy can not be found in the given Pattern.',
          ['afterMatchStrategy', 'patternName'],
        );
      return { kind: raw.type, stage: String(raw.patternName) };
    }
    return { kind: raw.type as 'NO_SKIP' | 'SKIP_TO_NEXT' | 'SKIP_PAST_LAST_EVENT' };
  }

  read(graph: unknown): PatternSpec | null {
    if (!isObj(graph)) {
      this.error(
        'not-object',
        'A Flink dynamic-CEP pattern must be a JSON object (a GraphSpec with "nodes" and "edges").',
        [],
      );
      return null;
    }
    if (graph.type !== undefined && graph.type !== 'COMPOSITE')
      this.warn('top-type', 'The top-level graph should have type "COMPOSITE".', ['type']);
    const stages = this.chain(graph, [], true);
    const skip = this.skip(graph.afterMatchStrategy);
    if (!stages) return null;
    const spec: PatternSpec = { stages, skip };
    if (isObj(graph.window)) {
      const type = graph.window.type;
      if (type !== 'FIRST_AND_LAST' && type !== 'PREVIOUS_AND_CURRENT')
        this.error('bad-window', 'window.type must be FIRST_AND_LAST or PREVIOUS_AND_CURRENT.', [
          'window',
          'type',
        ]);
      const ms = this.ms(graph.window.time, ['window', 'time']);
      if (ms !== undefined && (type === 'FIRST_AND_LAST' || type === 'PREVIOUS_AND_CURRENT'))
        spec.within = { ms, type };
    } else if (graph.window !== null && graph.window !== undefined)
      this.error('bad-window', 'window must be null or {"type": …, "time": {…}}.', ['window']);
    return spec;
  }
}
