/**
 * Renaming a stage as an IDE renames a symbol: the stage's name, every condition that refers to it
 * (`last(old).x` → `last(new).x`) and a skip strategy naming it change together, in one edit.
 * `referencedAs` is the name the references use now: while the user types through a name that cannot
 * be referenced (empty, a space, another stage's name), references stay on the last usable one.
 */
import { isReferenceableName, renameStageReferences } from '../../engine/expr';
import type { PatternDocument, PatternNode } from '../../engine/format/schema';
import { levels, mapLevels } from './doc-tree';

export interface RenameResult {
  doc: PatternDocument;
  /** The name references use after this edit. */
  referencedAs: string;
}

export function renameStage(
  doc: PatternDocument,
  nodeId: string,
  name: string,
  referencedAs: string,
): RenameResult {
  const others = new Set(
    levels(doc)
      .flatMap((l) => l.nodes)
      .filter((n) => n.id !== nodeId)
      .map((n) => n.name),
  );
  const follow = referencedAs !== name && isReferenceableName(name) && !others.has(name);
  const rewrite = (text: string): string => (follow ? renameStageReferences(text, referencedAs, name) : text);
  const renamed = mapLevels(doc, (nodes, edges) => ({
    nodes: nodes.map((n): PatternNode => {
      if (n.kind !== 'stage') return n.id === nodeId ? { ...n, name } : n;
      const where = rewrite(n.where);
      const or = n.or.map(rewrite);
      const until = n.until === null ? null : rewrite(n.until);
      const changed = where !== n.where || or.some((c, i) => c !== n.or[i]) || until !== n.until;
      if (n.id === nodeId) return { ...n, name, where, or, until };
      return changed ? { ...n, where, or, until } : n;
    }),
    edges,
  }));
  const skip = renamed.settings.skip;
  const settings =
    follow && 'stage' in skip && skip.stage === referencedAs
      ? { ...renamed.settings, skip: { ...skip, stage: name } }
      : renamed.settings;
  return { doc: { ...renamed, settings }, referencedAs: follow ? name : referencedAs };
}
