/**
 * Where the JSON view's errors go in the text. A syntax error carries its range; an error of a
 * document that parses carries a JSON path ("nodes", 2, "quantifier", "from"), found in the text's
 * syntax tree: the bad value, or for a missing property the key (or opening brace) of the object
 * that lacks it, as VS Code does.
 */
import { findNodeAtLocation, parseTree, type Node } from 'jsonc-parser';
import { lineColumn } from '../../../engine/format/json-text';
import type { PatternDocument } from '../../../engine/format/schema';
import { allEdges, allNodes } from '../../../engine/format/walk';
import type { Diagnostic } from '../../../engine/pattern/diagnostic';
import { diagnosticsToMarkers, type MarkerData } from '../conditions/condition-markers';

/** The node at the path, or the deepest node on the way when the rest of the path is missing. */
function deepestOnPath(root: Node, path: readonly (string | number)[]): { node: Node; complete: boolean } {
  for (let n = path.length; n > 0; n--) {
    const node = findNodeAtLocation(root, [...path.slice(0, n)]);
    if (node) return { node, complete: n === path.length };
  }
  return { node: root, complete: path.length === 0 };
}

/** Offsets [start, end) to mark for a node. */
function spanOf(node: Node, complete: boolean): [number, number] {
  const container = node.type === 'object' || node.type === 'array';
  if (complete && !container) return [node.offset, node.offset + node.length];
  // An object or array: its key when it is a property's value, else its opening bracket.
  const key = node.parent?.type === 'property' ? node.parent.children?.[0] : undefined;
  if (key) return [key.offset, key.offset + key.length];
  return [node.offset, node.offset + 1];
}

export function jsonMarkers(text: string, diagnostics: readonly Diagnostic[]): MarkerData[] {
  const ranged = diagnosticsToMarkers(diagnostics.filter((d) => d.range));
  const root = diagnostics.some((d) => !d.range) ? parseTree(text) : undefined;
  const located = diagnostics
    .filter((d) => !d.range)
    .map((d): MarkerData => {
      const { node, complete } = root
        ? deepestOnPath(root, d.target?.path ?? [])
        : { node: undefined, complete: false };
      const [start, end] = node ? spanOf(node, complete) : [0, Math.min(1, text.length)];
      const a = lineColumn(text, start);
      const b = lineColumn(text, Math.max(end, start + 1));
      return {
        severity: d.severity,
        message: d.message,
        code: d.code,
        startLineNumber: a.line,
        startColumn: a.column,
        endLineNumber: b.line,
        endColumn: b.column,
      };
    });
  return [...ranged, ...located];
}

const SETTINGS_PATHS: Partial<Record<string, (string | number)[]>> = {
  within: ['settings', 'within'],
  skip: ['settings', 'skip'],
  settings: ['settings'],
};

/**
 * Where a problem of the loaded document sits in its JSON text: its own path, else the node or
 * edge it names (and the field), else the settings area. Null for problems of the whole pattern.
 */
export function diagnosticPath(doc: PatternDocument, d: Diagnostic): (string | number)[] | null {
  const t = d.target;
  if (!t) return null;
  if (t.path && t.path.length > 0) return t.path;
  const field = t.field;
  if (t.edgeId && (t.kind === 'edge' || !t.nodeId)) {
    const edge = allEdges(doc).find((e) => e.edge.id === t.edgeId);
    if (edge) return field === 'contiguity' ? [...edge.path, 'contiguity'] : edge.path;
  }
  if (t.nodeId) {
    const node = allNodes(doc).find((n) => n.node.id === t.nodeId);
    if (node) {
      if (field === 'or') return [...node.path, 'or', t.index ?? 0];
      if (field === 'where' || field === 'until' || field === 'quantifier' || field === 'name')
        return [...node.path, field];
      return node.path;
    }
  }
  return (field && SETTINGS_PATHS[field]) ?? null;
}
