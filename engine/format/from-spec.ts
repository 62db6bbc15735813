/**
 * specToDocument: a linear PatternSpec (from an importer, the builder or a conformance vector) →
 * a document with a simple left-to-right layout. Node and edge ids come from the spec when it carries
 * them (so doc → spec → doc keeps ids), otherwise n1, n2, … and e1, e2, …
 */
import type { PatternSpec, Quantifier, StageSpec } from '../pattern/spec';
import type {
  DocEventSchema,
  DocQuantifier,
  Layout,
  PatternDocument,
  PatternEdge,
  PatternNode,
  PatternSettings,
} from './schema';
import { CURRENT_VERSION, FORMAT_ID } from './schema';
import type { TestCase } from './tests-schema';

export interface SpecToDocumentOptions {
  name?: string;
  description?: string;
  /** Overrides for settings not carried by the spec (partition key, time) or replacing those it carries. */
  settings?: Partial<PatternSettings>;
  eventSchema?: DocEventSchema | null;
  tests?: TestCase[];
}

/** Default sizes of the generated layout, in canvas pixels. */
export const STAGE_SIZE = { width: 220, height: 90 };
const GAP = 60;
const GROUP_PAD = { x: 20, top: 40, bottom: 20 };

class IdPool {
  private used = new Set<string>();
  private counters = { n: 0, e: 0 };
  constructor(spec: PatternSpec) {
    const visit = (stages: StageSpec[]): void => {
      for (const s of stages) {
        if (s.nodeId) this.used.add(s.nodeId);
        if (s.edgeId) this.used.add(s.edgeId);
        if (s.group) visit(s.group.stages);
      }
    };
    visit(spec.stages);
  }
  /** The preferred id if it is free (first come), otherwise a fresh one. */
  take(prefix: 'n' | 'e', preferred: string | undefined, taken: Set<string>): string {
    if (preferred && !taken.has(preferred)) {
      taken.add(preferred);
      return preferred;
    }
    let id: string;
    do id = `${prefix}${++this.counters[prefix]}`;
    while (this.used.has(id) || taken.has(id));
    taken.add(id);
    return id;
  }
}

function quantifier(q: Quantifier): DocQuantifier {
  const out: DocQuantifier = { kind: q.kind, optional: q.optional, greedy: q.greedy, inner: q.inner };
  if (q.from !== undefined) out.from = q.from;
  if (q.to !== undefined) out.to = q.to;
  if (q.window !== undefined) out.window = q.window;
  return out;
}

interface Built {
  nodes: PatternNode[];
  edges: PatternEdge[];
  /** Size of the laid-out chain. */
  width: number;
  height: number;
}

function buildChain(
  stages: StageSpec[],
  pool: IdPool,
  taken: Set<string>,
  layout: Layout,
  origin: { x: number; y: number },
): Built {
  const nodes: PatternNode[] = [];
  const edges: PatternEdge[] = [];
  let x = origin.x;
  let height = 0;
  stages.forEach((s, i) => {
    const id = pool.take('n', s.nodeId, taken);
    // Claim the layout slot first so a group comes before its children in layout order.
    layout.nodes[id] = { x, y: origin.y };
    let node: PatternNode;
    let size = STAGE_SIZE;
    if (s.group) {
      // Children are placed relative to the group's corner (the canvas' parent/child convention).
      const inner = buildChain(s.group.stages, pool, taken, layout, { x: GROUP_PAD.x, y: GROUP_PAD.top });
      size = {
        width: inner.width + 2 * GROUP_PAD.x,
        height: inner.height + GROUP_PAD.top + GROUP_PAD.bottom,
      };
      node = {
        id,
        kind: 'group',
        name: s.name,
        quantifier: quantifier(s.quantifier),
        nodes: inner.nodes,
        edges: inner.edges,
        note: '',
      };
    } else {
      node = {
        id,
        kind: 'stage',
        name: s.name,
        where: s.where ?? '',
        or: s.or ? [...s.or] : [],
        until: s.until ?? null,
        quantifier: quantifier(s.quantifier),
        withinPreviousAndCurrentMs: s.withinPreviousAndCurrent ?? null,
        note: '',
      };
    }
    Object.assign(layout.nodes[id], size);
    x += size.width + GAP;
    height = Math.max(height, size.height);
    if (i > 0) {
      const prev = nodes[i - 1];
      // A stray 'begin' past the first stage cannot be drawn as an edge; followedBy is Flink's usual default.
      const contiguity = s.contiguity === 'begin' ? 'followedBy' : s.contiguity;
      edges.push({ id: pool.take('e', s.edgeId, taken), from: prev.id, to: id, contiguity });
    }
    nodes.push(node);
  });
  return { nodes, edges, width: Math.max(0, x - origin.x - GAP), height };
}

export function specToDocument(spec: PatternSpec, opts: SpecToDocumentOptions = {}): PatternDocument {
  const layout: Layout = { nodes: {} };
  const built = buildChain(spec.stages, new IdPool(spec), new Set(), layout, { x: 0, y: 0 });
  const skip: PatternSettings['skip'] =
    spec.skip.kind === 'SKIP_TO_FIRST' || spec.skip.kind === 'SKIP_TO_LAST'
      ? {
          kind: spec.skip.kind,
          stage: spec.skip.stage,
          throwExceptionOnMiss: spec.skip.throwExceptionOnMiss ?? false,
        }
      : { kind: spec.skip.kind };
  const settings: PatternSettings = {
    within: spec.within ? { ms: spec.within.ms, type: spec.within.type } : null,
    skip,
    partitionKey: null,
    time: { mode: 'processing' },
    ...opts.settings,
  };
  return {
    format: FORMAT_ID,
    version: CURRENT_VERSION,
    name: opts.name ?? '',
    description: opts.description ?? '',
    settings,
    eventSchema: opts.eventSchema ?? null,
    nodes: built.nodes,
    edges: built.edges,
    layout,
    tests: opts.tests ?? [],
  };
}
