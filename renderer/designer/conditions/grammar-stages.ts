/**
 * Keeps the condition language's highlighting of stage names (`last(failedLogin)`) in step with the
 * open pattern's stages. Checked once per document change (keys typed in a condition reach the
 * document only when typing pauses); Monaco re-tokenizes the conditions only when the set of names
 * itself changes (a stage added, renamed or removed, another pattern opened).
 */
import type { PatternDocument } from '../../../engine/format/schema';
import { setGrammarStages } from '../../monaco/condition-language';
import { useDocumentStore } from '../../state/document-store';
import { stageNames } from './condition-context';

let following = false;

export function followGrammarStages(): void {
  if (following) return;
  following = true;
  const apply = (doc: PatternDocument | null): void => setGrammarStages(doc ? stageNames(doc) : []);
  apply(useDocumentStore.getState().document);
  useDocumentStore.subscribe((state, previous) => {
    if (state.document !== previous.document) apply(state.document);
  });
}
