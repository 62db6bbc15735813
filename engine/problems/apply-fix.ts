/** Applying a quick fix (plain data, see DiagnosticFix) to a document: a pure function. */
import type { PatternDocument, PatternEdge, PatternNode, PatternSettings } from '../format/schema';
import type { Diagnostic, DiagnosticFix, FixEdit } from '../pattern/diagnostic';

function mapNodes(nodes: PatternNode[], id: string, fn: (n: PatternNode) => PatternNode): PatternNode[] {
  let changed = false;
  const next = nodes.map((n) => {
    if (n.id === id) {
      changed = true;
      return fn(n);
    }
    if (n.kind !== 'group') return n;
    const inner = mapNodes(n.nodes, id, fn);
    if (inner === n.nodes) return n;
    changed = true;
    return { ...n, nodes: inner };
  });
  return changed ? next : nodes;
}

function mapEdges(doc: PatternDocument, id: string, fn: (e: PatternEdge) => PatternEdge): PatternDocument {
  const inLevel = (edges: PatternEdge[]): PatternEdge[] =>
    edges.some((e) => e.id === id) ? edges.map((e) => (e.id === id ? fn(e) : e)) : edges;
  const visit = (nodes: PatternNode[]): PatternNode[] =>
    nodes.map((n) => (n.kind === 'group' ? { ...n, nodes: visit(n.nodes), edges: inLevel(n.edges) } : n));
  return { ...doc, nodes: visit(doc.nodes), edges: inLevel(doc.edges) };
}

function replaceText(source: string, start: number, end: number, text: string): string {
  const s = Math.max(0, Math.min(start, source.length));
  const e = Math.max(s, Math.min(end, source.length));
  return source.slice(0, s) + text + source.slice(e);
}

function applyEdit(doc: PatternDocument, edit: FixEdit, owner: Diagnostic['target']): PatternDocument {
  switch (edit.kind) {
    case 'settings':
      return { ...doc, settings: { ...doc.settings, ...(edit.patch as Partial<PatternSettings>) } };
    case 'node':
      return {
        ...doc,
        nodes: mapNodes(doc.nodes, edit.nodeId, (n) => ({ ...n, ...edit.patch })),
      };
    case 'edge':
      return mapEdges(doc, edit.edgeId, (e) => ({ ...e, ...edit.patch }));
    case 'condition-text': {
      const nodeId = edit.nodeId ?? owner?.nodeId;
      const field = edit.field ?? owner?.field;
      const index = edit.index ?? owner?.index ?? 0;
      if (!nodeId || (field !== 'where' && field !== 'or' && field !== 'until')) return doc;
      return {
        ...doc,
        nodes: mapNodes(doc.nodes, nodeId, (n) => {
          if (n.kind !== 'stage') return n;
          if (field === 'where')
            return { ...n, where: replaceText(n.where, edit.start, edit.end, edit.text) };
          if (field === 'until')
            return { ...n, until: replaceText(n.until ?? '', edit.start, edit.end, edit.text) };
          const or = [...n.or];
          if (index >= or.length) return n;
          or[index] = replaceText(or[index] ?? '', edit.start, edit.end, edit.text);
          return { ...n, or };
        }),
      };
    }
  }
}

/**
 * The document with `fix` applied. Condition edits without their own node and field use those of the
 * diagnostic the fix came with (`owner`). Edits apply in order; an edit whose target is gone is skipped.
 */
export function applyFix(
  doc: PatternDocument,
  fix: DiagnosticFix,
  owner?: Diagnostic['target'],
): PatternDocument {
  return fix.edits.reduce((d, edit) => applyEdit(d, edit, owner), doc);
}
