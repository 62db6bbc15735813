/**
 * serializeDocument: pretty JSON with a fixed key order, so saved files diff cleanly in git and in
 * version history no matter in which order the editor happened to build the objects.
 */
import type {
  DocQuantifier,
  Layout,
  PatternDocument,
  PatternEdge,
  PatternNode,
  PatternSettings,
} from './schema';
import type { Expectation, TestCase } from './tests-schema';
import { allNodes } from './walk';

function quantifier(q: DocQuantifier): DocQuantifier {
  const out: DocQuantifier = { kind: q.kind } as DocQuantifier;
  if (q.from !== undefined) out.from = q.from;
  if (q.to !== undefined) out.to = q.to;
  out.optional = q.optional;
  out.greedy = q.greedy;
  out.inner = q.inner;
  if (q.window !== undefined) out.window = q.window;
  return out;
}

function edge(e: PatternEdge): PatternEdge {
  return { id: e.id, from: e.from, to: e.to, contiguity: e.contiguity };
}

function node(n: PatternNode): PatternNode {
  if (n.kind === 'group')
    return {
      id: n.id,
      kind: 'group',
      name: n.name,
      quantifier: quantifier(n.quantifier),
      nodes: n.nodes.map(node),
      edges: n.edges.map(edge),
      note: n.note,
    };
  return {
    id: n.id,
    kind: 'stage',
    name: n.name,
    where: n.where,
    or: [...n.or],
    until: n.until,
    quantifier: quantifier(n.quantifier),
    withinPreviousAndCurrentMs: n.withinPreviousAndCurrentMs,
    note: n.note,
  };
}

function settings(s: PatternSettings): PatternSettings {
  const skip: PatternSettings['skip'] =
    s.skip.kind === 'SKIP_TO_FIRST' || s.skip.kind === 'SKIP_TO_LAST'
      ? { kind: s.skip.kind, stage: s.skip.stage, throwExceptionOnMiss: s.skip.throwExceptionOnMiss }
      : { kind: s.skip.kind };
  const time: PatternSettings['time'] =
    s.time.mode === 'event'
      ? {
          mode: 'event',
          field: s.time.field,
          format: s.time.format,
          outOfOrdernessMs: s.time.outOfOrdernessMs,
          watermarkIntervalMs: s.time.watermarkIntervalMs,
        }
      : { mode: 'processing' };
  return {
    within: s.within ? { ms: s.within.ms, type: s.within.type } : null,
    skip,
    partitionKey: s.partitionKey,
    time,
  };
}

function layout(doc: PatternDocument): Layout {
  // Positions in document order (then any leftovers by id), so a new node adds lines at a predictable place.
  const order = allNodes(doc).map((v) => v.node.id);
  const known = new Set(order);
  const rest = Object.keys(doc.layout.nodes)
    .filter((id) => !known.has(id))
    .sort();
  const nodes: Layout['nodes'] = {};
  for (const id of [...order, ...rest]) {
    const l = doc.layout.nodes[id];
    if (!l) continue;
    nodes[id] = { x: l.x, y: l.y };
    if (l.width !== undefined) nodes[id].width = l.width;
    if (l.height !== undefined) nodes[id].height = l.height;
  }
  const out: Layout = { nodes };
  if (doc.layout.viewport)
    out.viewport = { x: doc.layout.viewport.x, y: doc.layout.viewport.y, zoom: doc.layout.viewport.zoom };
  return out;
}

function defined<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}

function expectation(e: Expectation): Expectation {
  switch (e.kind) {
    case 'match':
    case 'timeout':
      return defined({ kind: e.kind, key: e.key, stages: e.stages, endsAt: e.endsAt });
    case 'no-match':
      return defined({ kind: e.kind, key: e.key, from: e.from, to: e.to });
    case 'count':
      return defined({ kind: e.kind, of: e.of, equals: e.equals, key: e.key, from: e.from, to: e.to });
  }
}

function testCase(t: TestCase): TestCase {
  return {
    id: t.id,
    name: t.name,
    source:
      t.source.kind === 'recording'
        ? { kind: 'recording', recording: t.source.recording }
        : { kind: 'inline', events: t.source.events },
    idField: t.idField,
    expect: t.expect.map(expectation),
    note: t.note,
  };
}

/** The document with every object rebuilt in the canonical key order. */
export function normalizeDocument(doc: PatternDocument): PatternDocument {
  const out = {} as PatternDocument;
  if (doc.$schema !== undefined) out.$schema = doc.$schema;
  Object.assign(out, {
    format: doc.format,
    version: doc.version,
    name: doc.name,
    description: doc.description,
    settings: settings(doc.settings),
    eventSchema: doc.eventSchema
      ? {
          fields: doc.eventSchema.fields.map((f) =>
            f.description === undefined
              ? { name: f.name, type: f.type }
              : { name: f.name, type: f.type, description: f.description },
          ),
        }
      : null,
    nodes: doc.nodes.map(node),
    edges: doc.edges.map(edge),
    layout: layout(doc),
    tests: doc.tests.map(testCase),
  });
  return out;
}

export function serializeDocument(doc: PatternDocument): string {
  return `${JSON.stringify(normalizeDocument(doc), null, 2)}\n`;
}

/** Compact JSON with object keys sorted: the same value always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
}
