/**
 * Edits that extend a chain from the keyboard: a stage added right after the selected one (joined to
 * it, and to what followed it), on the same level, so it lands inside the same group.
 */
import { STAGE_SIZE } from '../../engine/format/from-spec';
import type { PatternDocument, PatternEdge } from '../../engine/format/schema';
import type { Contiguity } from './contiguity';
import { freshName, newStage } from './doc-edits';
import { freshId, levels, mapLevels, parentOf, usedIds } from './doc-tree';
import { moveToGroup } from './group-edits';

const GAP = 90;

/**
 * Adds a stage after `afterId`, attached with `contiguity`; whatever followed `afterId` now follows
 * the new stage (keeping how it attached). Nodes to the right on that level shift to make room.
 */
export function addStageAfter(
  doc: PatternDocument,
  afterId: string,
  contiguity: Contiguity,
): { doc: PatternDocument; nodeId: string } | null {
  const level = parentOf(doc, afterId);
  if (level === undefined) return null;
  const taken = usedIds(doc);
  const nodeId = freshId(taken, 'n');
  const stage = newStage(nodeId, freshName(doc, 'stage'));
  const anchor = doc.layout.nodes[afterId] ?? { x: 0, y: 0 };
  const anchorWidth = anchor.width ?? STAGE_SIZE.width;
  const x = anchor.x + anchorWidth + GAP;
  const shift = STAGE_SIZE.width + GAP;
  const siblings = levels(doc).find((l) => l.groupId === level)?.nodes ?? [];
  const layoutNodes = { ...doc.layout.nodes };
  for (const n of siblings) {
    const l = layoutNodes[n.id];
    if (n.id !== afterId && l && l.x >= x - GAP / 2 && Math.abs(l.y - anchor.y) < 200)
      layoutNodes[n.id] = { ...l, x: l.x + shift };
  }
  layoutNodes[nodeId] = { x, y: anchor.y, width: STAGE_SIZE.width, height: STAGE_SIZE.height };
  let next: PatternDocument = mapLevels(
    { ...doc, layout: { ...doc.layout, nodes: layoutNodes } },
    (nodes, edges, groupId) => {
      if (groupId !== level) return { nodes, edges };
      const out = edges.find((e) => e.from === afterId);
      const added: PatternEdge[] = [{ id: freshId(taken, 'e'), from: afterId, to: nodeId, contiguity }];
      if (out) added.push({ ...out, from: nodeId });
      return { nodes: [...nodes, stage], edges: [...edges.filter((e) => e !== out), ...added] };
    },
  );
  // Grow the surrounding group(s) to hold the new stage.
  if (level) next = moveToGroup(next, [nodeId], level, {});
  return { doc: next, nodeId };
}
