/**
 * Validation of the working copy for the designer: the engine's validatePattern (schema, graph, Flink's
 * rules, every condition and the lint rules, each checked on its own, merged without duplicates),
 * sorted into per-node, per-edge and pattern-wide buckets for the canvas badges and the inspector.
 */
import type { PatternDocument } from '../../../engine/format/schema';
import type { Diagnostic, DiagnosticField } from '../../../engine/pattern/diagnostic';
import { validatePattern } from '../../../engine/problems';

export interface DiagnosticBuckets {
  byNode: Record<string, Diagnostic[]>;
  byEdge: Record<string, Diagnostic[]>;
  /** Problems of the pattern as a whole (settings, skip strategy, empty pattern, JSON). */
  pattern: Diagnostic[];
}

/** Every problem of the document, errors first; never throws. */
export function validateDocument(doc: PatternDocument): Diagnostic[] {
  return validatePattern(doc);
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
