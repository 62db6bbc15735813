/**
 * The semantic content of a document: everything that changes what the pattern matches, and nothing
 * else (no layout, document name, description, notes or ids). semanticHash is its SHA-256, so version
 * history can tell "moved a node" from "changed the pattern".
 */
import type { StageSpec } from '../pattern/spec';
import type { PatternDocument, PatternEdge, PatternNode } from './schema';
import { canonicalJson } from './serialize';
import { sha256Hex } from './sha256';
import { documentToSpec, lowerQuantifier } from './to-spec';

function stripStage(s: StageSpec): Omit<StageSpec, 'nodeId' | 'edgeId'> {
  const { nodeId: _n, edgeId: _e, group, ...rest } = s;
  return group ? { ...rest, group: { stages: group.stages.map(stripStage) } } : rest;
}

/** A half-drawn graph has no chain order; describe it by ids, edges sorted by what they connect. */
function graphContent(nodes: PatternNode[], edges: PatternEdge[]): unknown {
  const sortedNodes = [...nodes]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((n) =>
      n.kind === 'group'
        ? {
            id: n.id,
            kind: n.kind,
            name: n.name,
            quantifier: lowerQuantifier(n.quantifier),
            ...(graphContent(n.nodes, n.edges) as object),
          }
        : {
            id: n.id,
            kind: n.kind,
            name: n.name,
            where: n.where,
            or: n.or,
            until: n.until,
            quantifier: lowerQuantifier(n.quantifier),
            wpc: n.withinPreviousAndCurrentMs,
          },
    );
  const sortedEdges = edges
    .map((e) => [e.from, e.to, e.contiguity])
    .sort((a, b) => (a.join('\u0000') < b.join('\u0000') ? -1 : 1));
  return { nodes: sortedNodes, edges: sortedEdges };
}

export function semanticContent(doc: PatternDocument): string {
  const lowered = documentToSpec(doc);
  const body = lowered.ok
    ? { chain: lowered.spec.stages.map(stripStage) }
    : { graph: graphContent(doc.nodes, doc.edges) };
  const fields = doc.eventSchema ? [...doc.eventSchema.fields].map((f) => [f.name, f.type]).sort() : null;
  return canonicalJson({ settings: doc.settings, eventFields: fields, ...body });
}

/** Hex SHA-256 of the semantic content: equal for documents that differ only in layout, names of the file, or notes. */
export function semanticHash(doc: PatternDocument): string {
  return sha256Hex(semanticContent(doc));
}
