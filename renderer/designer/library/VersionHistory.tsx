/**
 * Version history drawer: every stored version (a new one only when the meaning changed), what each
 * changed in plain words (the semantic diff; moved nodes never appear), what differs from the working
 * copy, and restore — itself one undo step that autosaves as a new version.
 */
import { useEffect, useState } from 'react';
import type { CepApi, PatternVersionInfo } from '../../../electron/contract';
import { diffDocuments } from '../../../engine/format/diff';
import { useDocumentStore } from '../../state/document-store';
import { useLibraryStore } from '../../state/library-store';
import { useUiStore } from '../../state/ui-store';
import { RelativeTime } from '../../components/RelativeTime';
import { useCanvasSession } from '../canvas/canvas-bridge';
import { versionChanges, type VersionChanges } from './version-diff';
import './version-history.css';

export function VersionHistory({ api, patternId }: { api: CepApi; patternId: string }) {
  const open = useCanvasSession((s) => s.historyOpen);
  const setOpen = useCanvasSession((s) => s.setHistoryOpen);
  const current = useDocumentStore((s) => s.document);
  // Refetch when a save recorded a new version.
  const latest = useLibraryStore((s) => s.patterns.find((p) => p.id === patternId)?.latestVersion);
  const [versions, setVersions] = useState<PatternVersionInfo[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [picked, setPicked] = useState<VersionChanges | null>(null);

  useEffect(() => {
    if (!open) return;
    let live = true;
    api.patterns.versions({ id: patternId }).then(
      (list) => {
        if (!live) return;
        setError(null);
        setVersions(list);
        const newest = list[0];
        if (newest)
          void versionChanges(api, patternId, newest.version).then(
            (v) => live && setPicked(v),
            (e: unknown) => live && setError(String(e)),
          );
      },
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [open, api, patternId, latest]);

  if (!open) return null;
  const pick = (version: number) =>
    void versionChanges(api, patternId, version).then(setPicked, (e: unknown) => setError(String(e)));
  const sinceWorking = picked && current ? diffDocuments(picked.document, current) : [];
  const restore = () => {
    if (!picked) return;
    useDocumentStore
      .getState()
      .replaceDocument(
        { ...picked.document, name: current?.name ?? picked.document.name },
        `Restore version ${picked.version}`,
      );
    useUiStore
      .getState()
      .setNotice({ kind: 'info', text: `Restored version ${picked.version} (undo with the usual shortcut)` });
  };

  return (
    <aside className="version-history" data-testid="version-history" aria-label="Version history">
      <header className="vh-head">
        <strong>Version history</strong>
        <button
          type="button"
          className="vh-close"
          onClick={() => setOpen(false)}
          aria-label="Close version history"
          title="Close"
        >
          ×
        </button>
      </header>
      {error && (
        <div className="vh-error" role="alert">
          {error}
        </div>
      )}
      <ol className="vh-list">
        {(versions ?? []).map((v) => (
          <li key={v.version}>
            <button
              type="button"
              className={`vh-item${picked?.version === v.version ? ' vh-item-active' : ''}`}
              data-testid={`version-${v.version}`}
              onClick={() => pick(v.version)}
            >
              <span className="vh-version">v{v.version}</span>
              <RelativeTime iso={v.createdAt} />
              {v.message && <span className="vh-message">{v.message}</span>}
            </button>
          </li>
        ))}
      </ol>
      {picked && (
        <section className="vh-detail" data-testid="version-diff">
          <h4>Changes in v{picked.version}</h4>
          {picked.changes === null ? (
            <p className="vh-muted">Created the pattern.</p>
          ) : picked.changes.length === 0 ? (
            <p className="vh-muted">No change in meaning.</p>
          ) : (
            <ul className="vh-changes">
              {picked.changes.map((c, i) => (
                <li key={i} className={`vh-change vh-${c.kind}`}>
                  {c.message}
                </li>
              ))}
            </ul>
          )}
          <h4>Compared with the canvas</h4>
          {sinceWorking.length === 0 ? (
            <p className="vh-muted" data-testid="version-same">
              Same meaning as the canvas.
            </p>
          ) : (
            <ul className="vh-changes">
              {sinceWorking.map((c, i) => (
                <li key={i}>{c.message}</li>
              ))}
            </ul>
          )}
          <button
            type="button"
            className="vh-restore"
            data-testid="version-restore"
            disabled={sinceWorking.length === 0}
            onClick={restore}
          >
            Restore v{picked.version}
          </button>
        </section>
      )}
    </aside>
  );
}
