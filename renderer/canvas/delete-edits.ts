/**
 * Deleting stages, and what that does to their neighbours. Delete removes a stage with its edges, so
 * the chain breaks there: `deleteConsequences` says in words which neighbour changes meaning, so the
 * user is told (and offered the other way). "Delete and reconnect" joins the chain around the removed
 * stages instead, keeping how the following stage attached (a notNext stays a notNext).
 */
import type { PatternDocument, PatternEdge } from '../../engine/format/schema';
import { CONTIGUITY_STYLES } from './contiguity';
import { removeElements } from './doc-edits';
import { findNode, freshId, levels, mapLevels, usedIds } from './doc-tree';

const nameOf = (doc: PatternDocument, id: string): string => findNode(doc, id)?.name ?? 'a stage';

/** The nearest stage before `id` on its level that survives the deletion, if any. */
function survivingBefore(edges: PatternEdge[], id: string, doomed: Set<string>): string | null {
  const seen = new Set<string>();
  let current = edges.find((e) => e.to === id)?.from;
  while (current !== undefined && !seen.has(current)) {
    if (!doomed.has(current)) return current;
    seen.add(current);
    current = edges.find((e) => e.to === current)?.from;
  }
  return null;
}

/**
 * One sentence per surviving neighbour whose meaning a plain Delete of `nodeIds` changes: a NOT stage
 * losing the edge that made it one, or a chain cut in two. Empty when nothing changes but the removal.
 */
export function deleteConsequences(doc: PatternDocument, nodeIds: readonly string[]): string[] {
  const doomed = new Set(nodeIds);
  const out: string[] = [];
  for (const level of levels(doc)) {
    if (level.groupId !== null && doomed.has(level.groupId)) continue;
    for (const edge of level.edges) {
      if (!doomed.has(edge.from) || doomed.has(edge.to)) continue;
      const from = nameOf(doc, edge.from);
      const to = nameOf(doc, edge.to);
      const style = CONTIGUITY_STYLES[edge.contiguity];
      const before = survivingBefore(level.edges, edge.from, doomed);
      if (style.negated)
        out.push(
          `“${to}” was a NOT stage (${style.label} after “${from}”): without that edge it no longer says “must not happen”.`,
        );
      else if (before !== null)
        out.push(`“${to}” is cut off from “${nameOf(doc, before)}”: the chain breaks where “${from}” was.`);
    }
  }
  return out;
}

/**
 * Removes the nodes (and the edges given) and joins each chain around them: the stage before is
 * connected to the stage after with the contiguity the stage after had. A removed first stage leaves
 * its follower starting the pattern (which cannot start with a NOT stage, so that edge just goes).
 */
export function removeAndReconnect(
  doc: PatternDocument,
  nodeIds: readonly string[],
  edgeIds: readonly string[] = [],
): PatternDocument {
  const taken = usedIds(doc);
  let next = doc;
  for (const id of nodeIds) {
    next = mapLevels(next, (nodes, edges) => {
      if (!nodes.some((n) => n.id === id)) return { nodes, edges };
      const into = edges.find((e) => e.to === id);
      const out = edges.find((e) => e.from === id);
      if (!into || !out) return { nodes, edges };
      const joined: PatternEdge = {
        id: freshId(taken, 'e'),
        from: into.from,
        to: out.to,
        contiguity: out.contiguity,
      };
      return { nodes, edges: [...edges.filter((e) => e !== into && e !== out), joined] };
    });
  }
  return removeElements(next, nodeIds, edgeIds);
}
