/**
 * Checks a well-typed document for problems the schema cannot see: ids must be unique across the
 * whole document (nodes and edges of all groups), test ids unique among tests, and layout entries
 * should name existing nodes.
 * Graph shape (chains, cycles, dangling edges) is left to documentToSpec, because the canvas must be
 * able to save a half-drawn pattern.
 */
import type { Diagnostic } from '../pattern/diagnostic';
import type { PatternDocument } from './schema';
import { allEdges, allNodes } from './walk';

export function checkIntegrity(doc: PatternDocument): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Map<string, string>();
  for (const { node, path } of allNodes(doc)) {
    const first = seen.get(node.id);
    if (first !== undefined)
      out.push({
        code: 'format.duplicate-id',
        severity: 'error',
        message: `Node id "${node.id}" is used twice (${first} and ${pathText(path)}); every node and edge needs its own id.`,
        target: { kind: 'node', nodeId: node.id, path },
      });
    else seen.set(node.id, pathText(path));
  }
  for (const { edge, path } of allEdges(doc)) {
    const first = seen.get(edge.id);
    if (first !== undefined)
      out.push({
        code: 'format.duplicate-id',
        severity: 'error',
        message: `Edge id "${edge.id}" is already used by ${first}; every node and edge needs its own id.`,
        target: { kind: 'edge', edgeId: edge.id, path },
      });
    else seen.set(edge.id, pathText(path));
  }
  const nodeIds = new Set(allNodes(doc).map((v) => v.node.id));
  for (const id of Object.keys(doc.layout.nodes)) {
    if (!nodeIds.has(id))
      out.push({
        code: 'format.layout-orphan',
        severity: 'warning',
        message: `layout.nodes has a position for "${id}", which is not a node of this pattern; it is ignored.`,
        target: { kind: 'document', path: ['layout', 'nodes', id] },
      });
  }
  const testIds = new Set<string>();
  doc.tests.forEach((t, i) => {
    if (testIds.has(t.id))
      out.push({
        code: 'format.duplicate-test-id',
        severity: 'error',
        message: `Test id "${t.id}" is used twice (tests[${i}]); every test case needs its own id.`,
        target: { kind: 'document', path: ['tests', i, 'id'] },
      });
    testIds.add(t.id);
  });
  return out;
}

function pathText(path: (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}
