/**
 * Keeps the document store on the pattern the library has open. A new pattern is loaded (laid out
 * first if it has no layout: the layout counts as an unsaved change, so it gets saved), or its draft
 * when edits were left unsaved (drafts.ts); a change pushed from elsewhere replaces a clean working
 * copy; our own save coming back is ignored.
 */
import { useEffect } from 'react';
import { ensureLayout } from '../../canvas/auto-layout';
import { isPatternDocument } from '../../canvas/document-to-flow';
import { serializeDocument } from '../../../engine/format/serialize';
import type { PatternDetail } from '../../../electron/contract';
import type { PatternDocument } from '../../../engine/format/schema';
import { isDirty, serializedOf, useDocumentStore } from '../../state/document-store';
import { useLibraryStore } from '../../state/library-store';
import { useUiStore } from '../../state/ui-store';
import { readableRowWidth } from '../canvas/readable-view';
import { readDraft } from './drafts';

/** The unsaved working copy kept for this pattern, if it is still ahead of what is stored. */
function draftOf(patternId: string, stored: string): PatternDocument | null {
  const draft = readDraft(patternId);
  if (!draft || draft.text === stored) return null;
  try {
    const value: unknown = JSON.parse(draft.text);
    return isPatternDocument(value) ? value : null;
  } catch {
    return null;
  }
}

async function adopt(pattern: PatternDetail): Promise<void> {
  if (!isPatternDocument(pattern.document)) return;
  const text = serializeDocument(pattern.document);
  // The library's name is the pattern's name (renamed there while closed, or duplicated as "… copy"):
  // the working copy takes it, which counts as an unsaved change and is saved.
  const incoming =
    pattern.document.name === pattern.name ? pattern.document : { ...pattern.document, name: pattern.name };
  const store = useDocumentStore.getState();
  if (store.patternId === pattern.id && store.document) {
    if (text === store.savedSerialized || text === serializedOf(store.document)) return;
    if (isDirty(store)) {
      useUiStore.getState().setNotice({
        kind: 'info',
        text: 'This pattern changed elsewhere; your unsaved edits here win when they save.',
      });
      return;
    }
  }
  if (store.patternId !== pattern.id && store.patternId && store.document && isDirty(store))
    useUiStore.getState().setNotice({
      kind: 'info',
      text: `Your unsaved edits to “${store.document.name}” are kept as a draft: open it again to continue.`,
    });
  const draft = store.patternId === pattern.id ? null : draftOf(pattern.id, text);
  const laid = await ensureLayout(draft ?? incoming, { rowWidth: readableRowWidth() });
  // The user may have opened something else while ELK ran.
  if (useLibraryStore.getState().openId !== pattern.id) return;
  useDocumentStore.getState().load(pattern.id, laid, text);
  if (draft)
    useUiStore.getState().setNotice({
      kind: 'info',
      text: `Restored your unsaved edits to “${draft.name}”.`,
    });
}

export function useDocumentSync(): void {
  useEffect(() => {
    const sync = (open: PatternDetail | null, openId: string | null): void => {
      if (open && open.id === openId) void adopt(open);
      else if (!openId) useDocumentStore.getState().unload();
    };
    const { openPattern, openId } = useLibraryStore.getState();
    sync(openPattern, openId);
    return useLibraryStore.subscribe((s, prev) => {
      if (s.openPattern !== prev.openPattern || s.openId !== prev.openId) sync(s.openPattern, s.openId);
    });
  }, []);
}
