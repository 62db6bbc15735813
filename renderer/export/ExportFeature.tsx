/** Mounted once by the shell: registers the export command and hosts the dialog while it is open. */
import { lazy, Suspense, useEffect, useMemo } from 'react';
import { appRegistry } from '../actions/app-registry';
import { useDocumentStore } from '../state/document-store';
import { useLibraryStore } from '../state/library-store';
import { createExportActions } from './export-actions';
import { useExportStore } from './export-store';
import { useSettledDocumentStore } from '../state/settled-document';

// The dialog and its Monaco previews load when it first opens.
const ExportDialog = lazy(() => import('./ExportDialog').then((m) => ({ default: m.ExportDialog })));

export function ExportFeature() {
  const open = useExportStore((s) => s.open);
  const doc = useSettledDocumentStore((s) => s.document);
  const patternId = useDocumentStore((s) => s.patternId);
  const libraryName = useLibraryStore((s) =>
    s.openPattern && s.openPattern.id === patternId ? s.openPattern.name : null,
  );
  // Exports carry the name the user sees in the library (renames change only that name), so file
  // names and the Java class follow it; the working copy itself is not touched.
  const named = useMemo(
    () => (doc && libraryName && doc.name !== libraryName ? { ...doc, name: libraryName } : doc),
    [doc, libraryName],
  );

  useEffect(() => appRegistry.register(...createExportActions()), []);
  // Closing the pattern closes its export dialog too: there is nothing left to export.
  useEffect(() => {
    if (!doc && open) useExportStore.getState().close();
  }, [doc, open]);

  return open && named ? (
    <Suspense fallback={null}>
      <ExportDialog doc={named} />
    </Suspense>
  ) : null;
}
