/** The hidden file chooser behind "Open file…": the action bumps a request, this opens the chooser. */
import { useEffect, useRef } from 'react';
import { useApi } from '../../components/api-context';
import { useLibraryUiStore } from './library-ui-store';
import { openDocumentFile } from './pattern-ops';

export function PatternFileInput() {
  const api = useApi();
  const ref = useRef<HTMLInputElement>(null);
  const request = useLibraryUiStore((s) => s.filePickRequest);
  useEffect(() => {
    if (request > 0) ref.current?.click();
  }, [request]);
  return (
    <input
      ref={ref}
      type="file"
      accept=".json,.cep.json,application/json"
      hidden
      data-testid="pattern-file-input"
      onChange={(e) => {
        const file = e.currentTarget.files?.[0];
        // Reset so picking the same file again still fires a change.
        e.currentTarget.value = '';
        if (file) void openDocumentFile(api, file);
      }}
    />
  );
}
