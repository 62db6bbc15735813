/**
 * Auto-layout with ELK's layered algorithm, left to right in pattern order. It is a pure function of
 * the document: it returns new layout entries and never touches semantics. Hand-placed positions
 * survive everything except an explicit "Auto-layout" (see `ensureLayout`).
 */
import type { ELK, ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api';
import { STAGE_SIZE } from '../../engine/format/from-spec';
import type {
  Layout,
  NodeLayout,
  PatternDocument,
  PatternEdge,
  PatternNode,
} from '../../engine/format/schema';
import { levels } from './doc-tree';

let elk: Promise<ELK> | undefined;

/**
 * ELK (1.4 MB) loads on the first layout, not with the page, and computes in its own worker
 * (elk-api + elk-worker) off the UI thread. Without workers (unit tests in Node) it runs in-thread.
 */
function layoutEngine(): Promise<ELK> {
  elk ??= (async () => {
    if (typeof Worker === 'undefined') {
      // Kept out of the renderer bundle: only Node (the unit tests) takes this path.
      const inThread = 'elkjs/lib/elk.bundled.js';
      const { default: InThread } = (await import(/* @vite-ignore */ inThread)) as {
        default: new () => ELK;
      };
      return new InThread();
    }
    const [{ default: Api }, { default: workerUrl }] = await Promise.all([
      import('elkjs/lib/elk-api.js'),
      import('elkjs/lib/elk-worker.min.js?url'),
    ]);
    return new Api({ workerUrl, workerFactory: (url) => new Worker(url ?? workerUrl) });
  })();
  return elk;
}

const ROOT_OPTIONS: Record<string, string> = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.layered.crossingMinimization.forceNodeModelOrder': 'true',
  'elk.spacing.nodeNode': '50',
  'elk.layered.spacing.nodeNodeBetweenLayers': '90',
  'elk.edgeRouting': 'ORTHOGONAL',
};
const GROUP_OPTIONS: Record<string, string> = { 'elk.padding': '[top=56,left=24,bottom=24,right=24]' };

/** Nodes in pattern order: follow edges from chain starts, then whatever is not connected, as stored. */
export function patternOrder(nodes: PatternNode[], edges: PatternEdge[]): PatternNode[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const next = new Map<string, string>();
  const hasIncoming = new Set<string>();
  for (const e of edges) {
    if (byId.has(e.from) && byId.has(e.to) && !next.has(e.from)) next.set(e.from, e.to);
    hasIncoming.add(e.to);
  }
  const seen = new Set<string>();
  const out: PatternNode[] = [];
  const walk = (start: PatternNode): void => {
    let cur: PatternNode | undefined = start;
    while (cur && !seen.has(cur.id)) {
      seen.add(cur.id);
      out.push(cur);
      const to = next.get(cur.id);
      cur = to === undefined ? undefined : byId.get(to);
    }
  };
  for (const n of nodes) if (!hasIncoming.has(n.id)) walk(n);
  for (const n of nodes) walk(n);
  return out;
}

function toElk(node: PatternNode, layout: Layout): ElkNode {
  if (node.kind === 'stage') {
    const size = layout.nodes[node.id];
    return { id: node.id, width: size?.width ?? STAGE_SIZE.width, height: size?.height ?? STAGE_SIZE.height };
  }
  return {
    id: node.id,
    layoutOptions: GROUP_OPTIONS,
    children: patternOrder(node.nodes, node.edges).map((n) => toElk(n, layout)),
    edges: node.edges.map(elkEdge),
  };
}

const elkEdge = (e: PatternEdge): ElkExtendedEdge => ({ id: e.id, sources: [e.from], targets: [e.to] });

function collect(node: ElkNode, into: Record<string, NodeLayout>, isGroup: Set<string>): void {
  for (const child of node.children ?? []) {
    const entry: NodeLayout = { x: Math.round(child.x ?? 0), y: Math.round(child.y ?? 0) };
    if (child.width) entry.width = Math.round(child.width);
    if (child.height) entry.height = Math.round(child.height);
    into[child.id] = isGroup.has(child.id)
      ? entry
      : { ...entry, width: entry.width ?? STAGE_SIZE.width, height: entry.height ?? STAGE_SIZE.height };
    collect(child, into, isGroup);
  }
}

/** A full layered layout of every node (children relative to their group, as the canvas expects). */
export async function computeLayout(doc: PatternDocument): Promise<Layout['nodes']> {
  const graph: ElkNode = {
    id: '__root',
    layoutOptions: ROOT_OPTIONS,
    children: patternOrder(doc.nodes, doc.edges).map((n) => toElk(n, doc.layout)),
    edges: doc.edges.map(elkEdge),
  };
  const result = await (await layoutEngine()).layout(graph);
  const isGroup = new Set(
    levels(doc).flatMap((l) => l.nodes.filter((n) => n.kind === 'group').map((n) => n.id)),
  );
  const out: Record<string, NodeLayout> = {};
  collect(result, out, isGroup);
  // Leave room above the first row for the palette and a little margin on the left.
  for (const n of doc.nodes) {
    const entry = out[n.id];
    if (entry) out[n.id] = { ...entry, x: entry.x + 40, y: entry.y + 40 };
  }
  return out;
}

/** Replaces the whole layout (the user asked for it). */
export async function autoLayout(doc: PatternDocument): Promise<PatternDocument> {
  const nodes = await computeLayout(doc);
  return { ...doc, layout: { ...doc.layout, nodes } };
}

/**
 * Gives every node a position without moving any the user placed: a document with no layout at all
 * (new, imported) is laid out fully; nodes that lack only their own entry get ELK's position for them.
 * Returns the same document when nothing was missing.
 */
export async function ensureLayout(doc: PatternDocument): Promise<PatternDocument> {
  const all = levels(doc).flatMap((l) => l.nodes);
  const missing = all.filter((n) => !doc.layout.nodes[n.id]);
  if (missing.length === 0) return doc;
  const computed = await computeLayout(doc);
  if (missing.length === all.length) return { ...doc, layout: { ...doc.layout, nodes: computed } };
  const added: Record<string, NodeLayout> = {};
  for (const n of missing) {
    const entry = computed[n.id];
    if (entry) added[n.id] = entry;
  }
  return { ...doc, layout: { ...doc.layout, nodes: { ...doc.layout.nodes, ...added } } };
}
