/**
 * Projection of a pattern document onto React Flow nodes and edges, using the layout stored beside
 * the semantics. Groups become parent nodes with their stages inside (parents listed before children,
 * as React Flow requires). Node data carries the pattern node itself, so cards render from the model.
 */
import { Position, type Edge, type Node } from '@xyflow/react';
import type { PatternDocument, PatternEdge, PatternNode } from '../../engine/format/schema';
import type { Contiguity } from './contiguity';

export interface StageNodeData extends Record<string, unknown> {
  /** The name (groups: "name (group)"), kept for simple readers and tests. */
  label: string;
  node: PatternNode;
  /** Contiguity of the incoming edge: notNext/notFollowedBy make this a NOT stage. */
  incoming: Contiguity | null;
  /** First stage of its chain (gets the "start" marker). */
  isFirst: boolean;
}

export interface ContiguityEdgeData extends Record<string, unknown> {
  contiguity: Contiguity;
}

export type FlowNode = Node<StageNodeData>;
export type FlowEdge = Edge<ContiguityEdgeData>;

export interface FlowGraph {
  nodes: FlowNode[];
  edges: FlowEdge[];
}

const defaultSize = { width: 220, height: 90 };

/** The API hands documents over as `unknown`; accept only the shape the format guarantees. */
export function isPatternDocument(value: unknown): value is PatternDocument {
  if (typeof value !== 'object' || value === null) return false;
  const doc = value as Partial<PatternDocument>;
  return (
    Array.isArray(doc.nodes) &&
    Array.isArray(doc.edges) &&
    typeof doc.layout === 'object' &&
    doc.layout !== null
  );
}

export function documentToFlow(doc: PatternDocument): FlowGraph {
  const graph: FlowGraph = { nodes: [], edges: [] };
  addLevel(doc, doc.nodes, doc.edges, undefined, graph);
  return graph;
}

function addLevel(
  doc: PatternDocument,
  nodes: PatternNode[],
  edges: PatternEdge[],
  parentId: string | undefined,
  graph: FlowGraph,
): void {
  const incoming = new Map(edges.map((e) => [e.to, e.contiguity]));
  for (const node of nodes) {
    const layout = doc.layout.nodes[node.id] ?? { x: 0, y: 0 };
    const size = { width: layout.width ?? defaultSize.width, height: layout.height ?? defaultSize.height };
    graph.nodes.push({
      id: node.id,
      type: node.kind === 'group' ? 'patternGroup' : 'stage',
      position: { x: layout.x, y: layout.y },
      // Fixed sizes from the layout, so fitView and the minimap work before the DOM is measured.
      width: size.width,
      height: size.height,
      // The full name for screen readers, however the card has to shorten it.
      ariaLabel: node.kind === 'group' ? `Group ${node.name}` : `Stage ${node.name}`,
      // Stages read left to right, in the order Flink evaluates them.
      sourcePosition: Position.Right,
      targetPosition: Position.Left,
      data: {
        label: node.kind === 'group' ? `${node.name} (group)` : node.name,
        node,
        incoming: incoming.get(node.id) ?? null,
        isFirst: !incoming.has(node.id),
      },
      // Not the shell's read-only `cep-node-*` classes: the designer's cards draw their own frame.
      className: `cep-flow-node cep-flow-node-${node.kind}`,
      // No `extent: 'parent'`: stages drag out of a group (and into another) as well as within it.
      ...(parentId ? { parentId } : {}),
    });
    if (node.kind === 'group') addLevel(doc, node.nodes, node.edges, node.id, graph);
  }
  for (const edge of edges) {
    graph.edges.push({
      id: edge.id,
      source: edge.from,
      target: edge.to,
      type: 'contiguity',
      label: edge.contiguity,
      data: { contiguity: edge.contiguity },
      className: `cep-edge cep-edge-${edge.contiguity}`,
    });
  }
}
