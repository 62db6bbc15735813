/**
 * Auto-layout with ELK's layered algorithm, left to right in pattern order, then wrapped into rows
 * like text (`rowWidth`), so a long pattern reads at 100% zoom instead of shrinking to a thin strip.
 * It is a pure function of the document: it returns new layout entries and never touches semantics.
 * Hand-placed positions survive everything except an explicit "Auto-layout" (see `ensureLayout`).
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

/** Space between stages in a row (room for a short edge label) and between rows (the wrap edge's turn). */
const GAP_X = 80;
const GAP_Y = 70;
/** The layout's top-left corner: room above the first row for the palette and a little left margin. */
const ORIGIN = { x: 40, y: 40 };

export interface LayoutOptions {
  /**
   * Widest a row may be, in canvas pixels (the canvas' width at 100% zoom); rows hold at least two
   * top-level nodes. Default: no wrapping.
   */
  rowWidth?: number;
}

const ROOT_OPTIONS: Record<string, string> = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.layered.crossingMinimization.forceNodeModelOrder': 'true',
  'elk.spacing.nodeNode': '50',
  'elk.layered.spacing.nodeNodeBetweenLayers': String(GAP_X),
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

interface Box {
  id: string;
  width: number;
  height: number;
}

/**
 * Places top-level nodes in pattern order into rows no wider than `rowWidth`, centres aligned within
 * a row so straight edges stay straight; each chain after the first starts a new row.
 */
export function wrapRows(
  chains: Box[][],
  rowWidth = Number.POSITIVE_INFINITY,
): Record<string, { x: number; y: number }> {
  const out: Record<string, { x: number; y: number }> = {};
  let top = ORIGIN.y;
  let row: Box[] = [];
  let x = 0;
  const flush = (): void => {
    if (row.length === 0) return;
    const height = Math.max(...row.map((b) => b.height));
    let left = ORIGIN.x;
    for (const b of row) {
      out[b.id] = { x: left, y: top + Math.round((height - b.height) / 2) };
      left += b.width + GAP_X;
    }
    top += height + GAP_Y;
    row = [];
    x = 0;
  };
  for (const chain of chains) {
    for (const box of chain) {
      const right = x + (row.length > 0 ? GAP_X : 0) + box.width;
      if (row.length >= 2 && right > rowWidth) flush();
      x += (row.length > 0 ? GAP_X : 0) + box.width;
      row.push(box);
    }
    flush();
  }
  return out;
}

/** The top level's chains in pattern order (a node alone is a chain of one). */
function chainsOf(doc: PatternDocument, sizes: Record<string, NodeLayout>): Box[][] {
  const hasIncoming = new Set(doc.edges.map((e) => e.to));
  const chains: Box[][] = [];
  for (const n of patternOrder(doc.nodes, doc.edges)) {
    const size = sizes[n.id];
    const box = {
      id: n.id,
      width: size?.width ?? STAGE_SIZE.width,
      height: size?.height ?? STAGE_SIZE.height,
    };
    const last = chains[chains.length - 1];
    if (last && hasIncoming.has(n.id)) last.push(box);
    else chains.push([box]);
  }
  return chains;
}

/** A full layered layout of every node (children relative to their group, as the canvas expects). */
export async function computeLayout(
  doc: PatternDocument,
  options: LayoutOptions = {},
): Promise<Layout['nodes']> {
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
  // ELK sized the groups around their insides; the top level is placed in rows.
  const placed = wrapRows(chainsOf(doc, out), options.rowWidth);
  for (const n of doc.nodes) {
    const entry = out[n.id];
    const at = placed[n.id];
    if (entry && at) out[n.id] = { ...entry, ...at };
  }
  return out;
}

/** Replaces the whole layout (the user asked for it). */
export async function autoLayout(
  doc: PatternDocument,
  options: LayoutOptions = {},
): Promise<PatternDocument> {
  const nodes = await computeLayout(doc, options);
  return { ...doc, layout: { ...doc.layout, nodes } };
}

/**
 * Gives every node a position without moving any the user placed: a document with no layout at all
 * (new, imported) is laid out fully; nodes that lack only their own entry get ELK's position for them.
 * Returns the same document when nothing was missing.
 */
export async function ensureLayout(
  doc: PatternDocument,
  options: LayoutOptions = {},
): Promise<PatternDocument> {
  const all = levels(doc).flatMap((l) => l.nodes);
  const missing = all.filter((n) => !doc.layout.nodes[n.id]);
  if (missing.length === 0) return doc;
  const computed = await computeLayout(doc, options);
  if (missing.length === all.length) return { ...doc, layout: { ...doc.layout, nodes: computed } };
  const added: Record<string, NodeLayout> = {};
  for (const n of missing) {
    const entry = computed[n.id];
    if (entry) added[n.id] = entry;
  }
  return { ...doc, layout: { ...doc.layout, nodes: { ...doc.layout.nodes, ...added } } };
}
