/**
 * Validation of the working copy, as pure functions: the schema and integrity checks of loadDocument,
 * the graph checks of documentToSpec, Flink's rules plus condition checks of compilePattern and the
 * lint warnings (engine/lint), merged
 * into one list and sorted into per-node, per-edge and pattern-wide buckets for the canvas badges and
 * the inspector's inline messages.
 */
import { documentToSpec } from '../../../engine/format/to-spec';
import { loadDocument } from '../../../engine/format/load';
import type { PatternDocument } from '../../../engine/format/schema';
import { allNodes } from '../../../engine/format/walk';
import { lintDocument } from '../../../engine/lint';
import { compilePattern } from '../../../engine/nfa/compile';
import type { Diagnostic, DiagnosticField } from '../../../engine/pattern/diagnostic';

export interface DiagnosticBuckets {
  byNode: Record<string, Diagnostic[]>;
  byEdge: Record<string, Diagnostic[]>;
  /** Problems of the pattern as a whole (settings, skip strategy, empty pattern, JSON). */
  pattern: Diagnostic[];
}

/** What a diagnostic is about: one field of one node or edge. */
function key(d: Diagnostic): string {
  const t = d.target;
  const owner = t?.kind === 'edge' || !t?.nodeId ? `e:${t?.edgeId ?? ''}` : `n:${t.nodeId}`;
  return `${owner}|${t?.field ?? ''}`;
}

/** Every problem of the document, errors first; never throws. */
export function validateDocument(doc: PatternDocument): Diagnostic[] {
  const loaded = loadDocument(doc);
  const schemaProblems = loaded.diagnostics.filter((d) => d.code !== 'format.layout-orphan');
  const engineProblems: Diagnostic[] = [];
  const lowered = documentToSpec(doc);
  if (!lowered.ok) engineProblems.push(...lowered.diagnostics);
  else {
    const compiled = compilePattern(lowered.spec, doc.eventSchema ? { schema: doc.eventSchema } : {});
    engineProblems.push(...compiled.diagnostics, ...lintDocument(doc, lowered.spec));
  }
  // A field the schema already rejects (to < from, empty name) is often rejected by the compiler too:
  // say it once, in the schema's words, which name the exact property.
  const covered = new Set(schemaProblems.map(key));
  const merged = [...schemaProblems, ...engineProblems.filter((d) => !covered.has(key(d)))];
  return withNodeIds(merged, doc)
    .map(oneOwner)
    .sort((a, b) => severityRank(a) - severityRank(b));
}

function severityRank(d: Diagnostic): number {
  return d.severity === 'error' ? 0 : 1;
}

/**
 * The compiler tags a stage's diagnostics with both the stage's node and its incoming edge; on the
 * canvas a condition error belongs to the stage only, so node diagnostics drop the edge.
 */
function oneOwner(d: Diagnostic): Diagnostic {
  const t = d.target;
  if (!t || t.kind === 'edge' || !t.nodeId || !t.edgeId) return d;
  const { edgeId: _edge, ...rest } = t;
  return { ...d, target: rest };
}

/** Compiler diagnostics of stages built from a name only still get their node id, via the stage name. */
function withNodeIds(list: Diagnostic[], doc: PatternDocument): Diagnostic[] {
  const idByName = new Map<string, string>();
  for (const { node } of allNodes(doc)) if (!idByName.has(node.name)) idByName.set(node.name, node.id);
  return list.map((d) => {
    const t = d.target;
    if (!t || t.nodeId || t.edgeId || !t.stage) return d;
    const nodeId = idByName.get(t.stage);
    return nodeId ? { ...d, target: { ...t, nodeId } } : d;
  });
}

/**
 * Edge-kind diagnostics (contiguity rules) go to the edge; everything else naming a node goes to the
 * node; the rest belongs to the pattern.
 */
export function bucketDiagnostics(list: readonly Diagnostic[]): DiagnosticBuckets {
  const out: DiagnosticBuckets = { byNode: {}, byEdge: {}, pattern: [] };
  const push = (map: Record<string, Diagnostic[]>, id: string, d: Diagnostic): void => {
    (map[id] ??= []).push(d);
  };
  for (const d of list) {
    const t = d.target;
    if (t?.edgeId && (t.kind === 'edge' || !t.nodeId)) push(out.byEdge, t.edgeId, d);
    else if (t?.nodeId) push(out.byNode, t.nodeId, d);
    else out.pattern.push(d);
  }
  return out;
}

/** Diagnostics of one field (and, for `or`, one alternative) out of a node's or edge's bucket. */
export function fieldDiagnostics(
  list: readonly Diagnostic[] | undefined,
  field: DiagnosticField,
  index?: number,
): Diagnostic[] {
  if (!list) return [];
  return list.filter(
    (d) => d.target?.field === field && (index === undefined || (d.target.index ?? 0) === index),
  );
}

/** Pattern-level diagnostics of one settings area (within, skip, time/partition settings). */
export function settingsDiagnostics(list: readonly Diagnostic[], field: DiagnosticField): Diagnostic[] {
  return list.filter((d) => d.target?.field === field);
}
