/**
 * One list out of several checkers: each problem once, owned by one thing (a stage, a connection or
 * the pattern), errors first. Checkers often see the same fault from two sides (the schema and the
 * compiler both reject `to < from`; the graph check and Flink's rules both see an empty group): the
 * first wording wins, and the schema's wording wins over everyone's because it names the property.
 */
import type { PatternDocument } from '../format/schema';
import { allNodes } from '../format/walk';
import type { Diagnostic } from '../pattern/diagnostic';

/** Codes that mean the same fault; each maps to the code that stands for both. */
const SAME_FAULT: Record<string, string> = {
  'pattern.group-empty': 'graph.empty-group',
  'pattern.empty': 'graph.empty',
};

const SHARED = new Set(Object.values(SAME_FAULT));

function owner(d: Diagnostic): string {
  const t = d.target;
  return t?.kind === 'edge' || !t?.nodeId ? `e:${t?.edgeId ?? ''}` : `n:${t.nodeId}`;
}

/** What a diagnostic is about: one field of one node or edge. */
function fieldKey(d: Diagnostic): string {
  return `${owner(d)}|${d.target?.field ?? ''}`;
}

function identity(d: Diagnostic): string {
  const t = d.target;
  const code = SAME_FAULT[d.code] ?? d.code;
  // Same-fault pairs are filed under different fields by their checkers: the owner decides.
  const field = code === d.code && !SHARED.has(code) ? (t?.field ?? '') : '';
  const range = d.range ? `${d.range.start}-${d.range.end}` : '';
  // Rules about the pattern as a whole are told apart by their path (two unknown settings fields).
  const path = t?.path?.join('.') ?? '';
  return `${code}|${owner(d)}|${field}|${t?.index ?? ''}|${range}|${path}`;
}

/** Compiler diagnostics of stages named only by name get their node id; node diagnostics their stage name. */
function withNodeId(d: Diagnostic, idByName: Map<string, string>, nameById: Map<string, string>): Diagnostic {
  const t = d.target;
  if (!t) return d;
  if (t.nodeId && !t.stage) {
    const stage = nameById.get(t.nodeId);
    return stage ? { ...d, target: { ...t, stage } } : d;
  }
  if (t.nodeId || t.edgeId || !t.stage) return d;
  const nodeId = idByName.get(t.stage);
  return nodeId ? { ...d, target: { ...t, nodeId } } : d;
}

/**
 * The compiler tags a stage's diagnostics with both the stage's node and its incoming edge; a node
 * diagnostic belongs to the stage alone, so the canvas does not badge the edge too.
 */
function oneOwner(d: Diagnostic): Diagnostic {
  const t = d.target;
  if (!t || t.kind === 'edge' || !t.nodeId || !t.edgeId) return d;
  const { edgeId: _edge, ...rest } = t;
  return { ...d, target: rest };
}

const rank = (d: Diagnostic): number => (d.severity === 'error' ? 0 : 1);

export function mergeProblems(
  schema: readonly Diagnostic[],
  others: readonly Diagnostic[],
  doc: PatternDocument,
): Diagnostic[] {
  const idByName = new Map<string, string>();
  const nameById = new Map<string, string>();
  for (const { node } of allNodes(doc)) {
    if (!idByName.has(node.name)) idByName.set(node.name, node.id);
    nameById.set(node.id, node.name);
  }
  const normal = (d: Diagnostic): Diagnostic => oneOwner(withNodeId(d, idByName, nameById));
  const covered = new Set(
    schema
      .map(normal)
      .filter((d) => d.target?.nodeId || d.target?.edgeId || d.target?.field)
      .map(fieldKey),
  );
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const d of [...schema.map(normal), ...others.map(normal).filter((d) => !covered.has(fieldKey(d)))]) {
    const id = identity(d);
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(d);
  }
  return out.sort((a, b) => rank(a) - rank(b));
}
