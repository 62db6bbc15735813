/**
 * Nodes that reach the canvas without a position (JSON pasted into the JSON tab, a restored version
 * written by hand) are laid out at once, as part of the change that brought them: no pile at 0,0.
 */
import { useEffect } from 'react';
import { ensureLayout } from '../../canvas/auto-layout';
import { levels } from '../../canvas/doc-tree';
import type { PatternDocument } from '../../../engine/format/schema';
import { useDocumentStore } from '../../state/document-store';
import { flowInstance } from './canvas-bridge';
import { readableRowWidth, showPattern } from './readable-view';
import { useSettledDocumentStore } from '../../state/settled-document';

function unplaced(doc: PatternDocument): { some: boolean; all: boolean } {
  const all = levels(doc).flatMap((l) => l.nodes);
  const missing = all.filter((n) => !doc.layout.nodes[n.id]).length;
  return { some: missing > 0, all: missing > 0 && missing === all.length };
}

export function useLayoutOnArrival(): void {
  const doc = useSettledDocumentStore((s) => s.document);
  useEffect(() => {
    if (!doc) return;
    const state = unplaced(doc);
    if (!state.some) return;
    let live = true;
    void ensureLayout(doc, { rowWidth: readableRowWidth() }).then((laid) => {
      const store = useDocumentStore.getState();
      if (!live || store.document !== doc) return;
      store.amend(laid);
      const rf = flowInstance();
      if (state.all && rf) requestAnimationFrame(() => showPattern(rf));
    });
    return () => {
      live = false;
    };
  }, [doc]);
}
