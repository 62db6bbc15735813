/**
 * Would the engine accept this connection? The canvas asks before it draws an edge, and shows the
 * engine's own reason when the answer is no (a cycle, a branch, two edges into one stage, an edge
 * across a group border, a Flink rule on contiguities). The check builds the candidate document and
 * compares the engine's diagnostics with and without the new edge, so the rule text lives in the
 * engine only. Problems the new edge did not cause (an unfinished stage elsewhere) never block it.
 */
import { documentToSpec } from '../../engine/format/to-spec';
import type { PatternDocument, PatternEdge, PatternNode } from '../../engine/format/schema';
import { compilePattern } from '../../engine/nfa/compile';
import type { Diagnostic } from '../../engine/pattern/diagnostic';
import type { Contiguity } from './contiguity';
import { freshId, levels, mapLevels, parentOf, usedIds } from './doc-tree';
import { removeElements } from './doc-edits';

export type ConnectionVerdict = { ok: true } | { ok: false; reason: string; code: string };

/** Graph rules a new edge can break; others (a stray stage, an empty stage list) are about unfinished work. */
const BLOCKING_GRAPH_CODES = new Set([
  'graph.cycle',
  'graph.branch',
  'graph.join',
  'graph.edge-crosses-group',
  'graph.edge-missing-node',
]);

const key = (d: Diagnostic): string => `${d.code}|${d.message}`;

/** Places the edge on the source's level, even across a group border, so the engine can judge it. */
function withEdge(doc: PatternDocument, edge: PatternEdge): PatternDocument {
  const level = parentOf(doc, edge.from);
  return mapLevels(doc, (nodes, edges, groupId) =>
    groupId === level ? { nodes, edges: [...edges, edge] } : { nodes, edges },
  );
}

/** Conditions are irrelevant to whether an edge may exist; blank them so their errors do not interfere. */
function structural(doc: PatternDocument): PatternDocument {
  const strip = (n: PatternNode): PatternNode =>
    n.kind === 'group' ? { ...n, nodes: n.nodes.map(strip) } : { ...n, where: '', or: [], until: null };
  return { ...doc, nodes: doc.nodes.map(strip) };
}

/**
 * The document reduced to one level (a group's sub-graph becomes the top). `scopeFrom` keeps the other
 * nodes known to the engine, so an edge to a stage outside the level reads as crossing a group border.
 */
function levelDoc(
  doc: PatternDocument,
  groupId: string | null,
  scopeFrom?: PatternDocument,
): PatternDocument {
  const level = levels(doc).find((l) => l.groupId === groupId);
  if (!level || groupId === null) return doc;
  const outside = (scopeFrom ?? doc).nodes.filter((n) => n.id !== groupId);
  // Outside nodes ride along in a detached group so their ids exist, but they never join this chain.
  const shelf: PatternNode = {
    id: '__outside',
    kind: 'group',
    name: '__outside',
    quantifier: { kind: 'one', optional: false, greedy: false, inner: 'relaxed' },
    nodes: outside,
    edges: [],
    note: '',
  };
  return { ...doc, nodes: [...level.nodes, shelf], edges: level.edges };
}

function compileErrors(doc: PatternDocument): Diagnostic[] | null {
  const lowered = documentToSpec(doc);
  if (!lowered.ok) return null;
  return compilePattern(lowered.spec).diagnostics.filter((d) => d.severity === 'error');
}

export function checkConnection(
  doc: PatternDocument,
  from: string,
  to: string,
  contiguity: Contiguity,
  replacingEdgeId?: string,
): ConnectionVerdict {
  const base = replacingEdgeId ? removeElements(doc, [], [replacingEdgeId]) : doc;
  const edge: PatternEdge = { id: replacingEdgeId ?? freshId(usedIds(doc), 'e'), from, to, contiguity };
  const candidate = withEdge(base, edge);

  const sourceLevel = parentOf(doc, from);
  const targetLevel = parentOf(doc, to);
  if (sourceLevel === undefined || targetLevel === undefined)
    return { ok: false, reason: 'That stage no longer exists.', code: 'graph.edge-missing-node' };

  // Judge the edge on its own level: errors elsewhere (a stray stage on the top level) make the
  // engine stop before it looks inside groups, which would hide what this edge breaks.
  const before = documentToSpec(levelDoc(base, sourceLevel));
  const known = new Set(before.ok ? [] : before.diagnostics.map(key));
  const after = documentToSpec(levelDoc(candidate, sourceLevel, doc));
  if (!after.ok) {
    const fresh = after.diagnostics.find(
      (d) => d.severity === 'error' && BLOCKING_GRAPH_CODES.has(d.code) && !known.has(key(d)),
    );
    if (fresh) return { ok: false, reason: fresh.message, code: fresh.code };
  }
  if (!documentToSpec(candidate).ok) return { ok: true };

  const baseErrors = compileErrors(structural(base));
  const candidateErrors = compileErrors(structural(candidate)) ?? [];
  const touched = new Set([from, to]);
  const fresh = candidateErrors.find((d) =>
    baseErrors
      ? !baseErrors.some((b) => key(b) === key(d))
      : d.target?.edgeId === edge.id || (d.target?.nodeId !== undefined && touched.has(d.target.nodeId)),
  );
  return fresh ? { ok: false, reason: fresh.message, code: fresh.code } : { ok: true };
}
