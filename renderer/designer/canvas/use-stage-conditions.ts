/**
 * A stage card's condition preview, read from the document store by the stage's id. The canvas keeps
 * a stage's React Flow node when only its conditions changed (reuse-flow.ts), so a key typed in a
 * condition redraws that one card, not React Flow's whole node list.
 */
import type { PatternDocument, PatternNode, StageNode } from '../../../engine/format/schema';
import { levels } from '../../canvas/doc-tree';
import { useSettledDocumentStore } from '../../state/settled-document';

const indexes = new WeakMap<PatternDocument, Map<string, PatternNode>>();

/** Every node of a document by id, built once per document (documents are immutable). */
function nodeById(doc: PatternDocument): Map<string, PatternNode> {
  let index = indexes.get(doc);
  if (!index) {
    index = new Map(levels(doc).flatMap((level) => level.nodes.map((n) => [n.id, n] as const)));
    indexes.set(doc, index);
  }
  return index;
}

function stageIn(doc: PatternDocument | null, id: string): StageNode | undefined {
  const node = doc ? nodeById(doc).get(id) : undefined;
  return node?.kind === 'stage' ? node : undefined;
}

export interface StageConditions {
  where: string;
  alternatives: number;
  until: string | null;
}

type Conditions = Pick<StageNode, 'where' | 'or' | 'until'>;

const NO_CONDITIONS: Conditions = { where: '', or: [], until: null };

/**
 * The stage's conditions as the store has them now; those of `drawn` (the node React Flow holds) when
 * the store no longer has the stage (it is being removed).
 */
export function useStageConditions(id: string, drawn: PatternNode): StageConditions {
  const fallback: Conditions = drawn.kind === 'stage' ? drawn : NO_CONDITIONS;
  const where = useSettledDocumentStore((s) => (stageIn(s.document, id) ?? fallback).where);
  const alternatives = useSettledDocumentStore((s) => (stageIn(s.document, id) ?? fallback).or.length);
  const until = useSettledDocumentStore((s) => (stageIn(s.document, id) ?? fallback).until);
  return { where, alternatives, until };
}
