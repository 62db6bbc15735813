/** Mounted once by the shell: registers the export command and hosts the dialog while it is open. */
import { useEffect } from 'react';
import { appRegistry } from '../actions/app-registry';
import { useDocumentStore } from '../state/document-store';
import { createExportActions } from './export-actions';
import { ExportDialog } from './ExportDialog';
import { useExportStore } from './export-store';

export function ExportFeature() {
  const open = useExportStore((s) => s.open);
  const doc = useDocumentStore((s) => s.document);

  useEffect(() => appRegistry.register(...createExportActions()), []);
  // Closing the pattern closes its export dialog too: there is nothing left to export.
  useEffect(() => {
    if (!doc && open) useExportStore.getState().close();
  }, [doc, open]);

  return open && doc ? <ExportDialog doc={doc} /> : null;
}
