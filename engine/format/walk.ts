/** Walking the nested node tree of a document. */
import type { GroupNode, PatternDocument, PatternEdge, PatternNode } from './schema';

export interface NodeVisit {
  node: PatternNode;
  /** The group holding the node, or null at the top level. */
  parent: GroupNode | null;
  /** JSON path of the node inside the document. */
  path: (string | number)[];
}

export interface EdgeVisit {
  edge: PatternEdge;
  parent: GroupNode | null;
  path: (string | number)[];
}

/** Every node, depth first, in document order (a group before its children). */
export function allNodes(doc: Pick<PatternDocument, 'nodes'>): NodeVisit[] {
  const out: NodeVisit[] = [];
  const visit = (nodes: PatternNode[], parent: GroupNode | null, base: (string | number)[]): void => {
    nodes.forEach((node, i) => {
      const path = [...base, 'nodes', i];
      out.push({ node, parent, path });
      if (node.kind === 'group') visit(node.nodes, node, path);
    });
  };
  visit(doc.nodes, null, []);
  return out;
}

export function allEdges(doc: Pick<PatternDocument, 'nodes' | 'edges'>): EdgeVisit[] {
  const out: EdgeVisit[] = doc.edges.map((edge, i) => ({ edge, parent: null, path: ['edges', i] }));
  for (const { node, path } of allNodes(doc)) {
    if (node.kind === 'group')
      node.edges.forEach((edge, i) => out.push({ edge, parent: node, path: [...path, 'edges', i] }));
  }
  return out;
}
