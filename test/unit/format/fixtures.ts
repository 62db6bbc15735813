/** Hand-written documents shared by the format tests. */
import type { PatternDocument, StageNode } from '../../../engine/format';

export function stage(id: string, name: string, where: string, extra: Partial<StageNode> = {}): StageNode {
  return {
    id,
    kind: 'stage',
    name,
    where,
    or: [],
    until: null,
    quantifier: { kind: 'one', optional: false, greedy: false, inner: 'relaxed' },
    withinPreviousAndCurrentMs: null,
    note: '',
    ...extra,
  };
}

/** A small card-testing pattern: tiny charges, then a large one within 10 minutes, per card. */
export function cardTesting(): PatternDocument {
  return {
    format: 'cepheus.pattern',
    version: 3,
    name: 'Card testing',
    description: 'Small test charges followed by a large purchase on the same card.',
    settings: {
      within: { ms: 600_000, type: 'FIRST_AND_LAST' },
      skip: { kind: 'SKIP_PAST_LAST_EVENT' },
      partitionKey: 'cardId',
      time: {
        mode: 'event',
        field: 'ts',
        format: 'epochMillis',
        outOfOrdernessMs: 5000,
        watermarkIntervalMs: 200,
      },
    },
    eventSchema: {
      fields: [
        { name: 'cardId', type: 'string' },
        { name: 'amount', type: 'number' },
        { name: 'ts', type: 'timestamp' },
      ],
    },
    nodes: [
      stage('n1', 'small', 'amount < 1', {
        quantifier: { kind: 'timesOrMore', from: 3, optional: false, greedy: false, inner: 'relaxed' },
      }),
      stage('n2', 'large', 'amount > 10000'),
    ],
    edges: [{ id: 'e1', from: 'n1', to: 'n2', contiguity: 'followedBy' }],
    layout: {
      nodes: {
        n1: { x: 0, y: 0, width: 220, height: 90 },
        n2: { x: 280, y: 0, width: 220, height: 90 },
      },
    },
    tests: [],
  };
}

/** start → group(a → b){2,3} → end, with a not-stage before the end. */
export function withGroup(): PatternDocument {
  const doc = cardTesting();
  doc.name = 'Group';
  doc.settings = {
    within: { ms: 60_000, type: 'FIRST_AND_LAST' },
    skip: { kind: 'NO_SKIP' },
    partitionKey: null,
    time: { mode: 'processing' },
  };
  doc.eventSchema = null;
  doc.nodes = [
    stage('s', 'start', "name == 'c'"),
    {
      id: 'g',
      kind: 'group',
      name: 'burst',
      quantifier: { kind: 'times', from: 2, to: 3, optional: false, greedy: false, inner: 'relaxed' },
      nodes: [stage('a', 'middle1', "name == 'a'"), stage('b', 'middle2', "name == 'b'")],
      edges: [{ id: 'ge', from: 'a', to: 'b', contiguity: 'next' }],
      note: 'repeated pairs',
    },
    stage('x', 'cancel', "name == 'x'"),
    stage('d', 'end', "name == 'd'"),
  ];
  doc.edges = [
    { id: 'e1', from: 's', to: 'g', contiguity: 'followedBy' },
    { id: 'e2', from: 'g', to: 'x', contiguity: 'notFollowedBy' },
    { id: 'e3', from: 'x', to: 'd', contiguity: 'followedBy' },
  ];
  doc.layout = {
    nodes: {
      s: { x: 0, y: 0 },
      g: { x: 300, y: 0, width: 540, height: 150 },
      a: { x: 20, y: 40 },
      b: { x: 300, y: 40 },
      x: { x: 900, y: 0 },
      d: { x: 1200, y: 0 },
    },
  };
  return doc;
}

/** A deep copy of `root` as plain JSON, with the value at `path` replaced (or deleted when `value` is undefined). */
export function withValue(root: unknown, path: (string | number)[], value: unknown): Record<string, unknown> {
  const copy = JSON.parse(JSON.stringify(root)) as Record<string, unknown>;
  let cur = copy as Record<string | number, unknown>;
  for (const part of path.slice(0, -1)) cur = cur[part] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  if (value === undefined) delete cur[last];
  else cur[last] = value;
  return copy;
}
