/**
 * Mounts the designer behind the shell's canvas area: keeps the document store on the open pattern,
 * autosaves it, registers the canvas commands, and shows the editable canvas once a document is loaded.
 */
import { useEffect, type ReactNode } from 'react';
import { appRegistry } from '../../actions/app-registry';
import { useApi } from '../../components/api-context';
import { useDocumentStore } from '../../state/document-store';
import { useAutosave } from '../library/use-autosave';
import { useDocumentSync } from '../library/use-document-sync';
import { VersionHistory } from '../versions/VersionHistory';
import { createCanvasActions } from './canvas-actions';
import { DesignerCanvas } from './DesignerCanvas';

export function DesignerHost({ fallback }: { fallback: ReactNode }) {
  const api = useApi();
  const patternId = useDocumentStore((s) => s.patternId);
  const hasDocument = useDocumentStore((s) => s.document !== null);
  useDocumentSync();
  useAutosave(api);
  useEffect(() => appRegistry.register(...createCanvasActions()), []);
  if (!patternId || !hasDocument) return <>{fallback}</>;
  return (
    <>
      <DesignerCanvas patternId={patternId} />
      <VersionHistory api={api} patternId={patternId} />
    </>
  );
}
