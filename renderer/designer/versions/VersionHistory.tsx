/**
 * The versions panel: save a version (with a label), every stored version with what it changed (its
 * summary; moves never count), labels, restore, and a comparison of any two versions or a version and
 * the canvas. Escape or a click outside closes it.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CepApi, PatternVersionInfo } from '../../../electron/contract';
import type { PatternDocument } from '../../../engine/format/schema';
import { useDocumentStore } from '../../state/document-store';
import { useLibraryStore } from '../../state/library-store';
import { useUiStore } from '../../state/ui-store';
import { useCanvasSession } from '../canvas/canvas-bridge';
import { activeSaver } from '../library/save-controller';
import { SaveVersionForm } from './SaveVersionForm';
import { VersionCompare } from './VersionCompare';
import { fetchVersionDocument, sideLabel, type CompareSide, type VersionKey } from './version-docs';
import { VersionListItem } from './VersionListItem';
import './version-history.css';
import { useSettledDocumentStore } from '../../state/settled-document';

export function VersionHistory({ api, patternId }: { api: CepApi; patternId: string }) {
  const open = useCanvasSession((s) => s.historyOpen);
  if (!open) return null;
  return <VersionPanel api={api} patternId={patternId} />;
}

function VersionPanel({ api, patternId }: { api: CepApi; patternId: string }) {
  const setOpen = useCanvasSession((s) => s.setHistoryOpen);
  const focusLabel = useCanvasSession((s) => s.historyFocusLabel);
  const current = useSettledDocumentStore((s) => s.document);
  // Refetch when a save recorded a new version.
  const latest = useLibraryStore((s) => s.patterns.find((p) => p.id === patternId)?.latestVersion);
  const [versions, setVersions] = useState<PatternVersionInfo[]>([]);
  const [docs, setDocs] = useState<ReadonlyMap<number, PatternDocument>>(new Map());
  const [error, setError] = useState<string | null>(null);
  const [pick, setPick] = useState<{ from: VersionKey | null; to: VersionKey } | null>(null);
  const root = useRef<HTMLElement>(null);

  const [tick, setTick] = useState(0);
  const reload = useCallback(() => setTick((t) => t + 1), []);

  useEffect(() => {
    let live = true;
    api.patterns.versions({ id: patternId }).then(
      (list) => {
        if (!live) return;
        setVersions(list);
        setError(null);
        setPick((p) => {
          const newest = list[0]?.version;
          if (newest === undefined) return p;
          return p && list.some((v) => v.version === p.to)
            ? p
            : { from: newest > 1 ? newest - 1 : null, to: newest };
        });
      },
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [api, patternId, latest, tick]);

  // Documents of the versions on screen (the newest, for "since vN", and the two compared).
  const wanted = [versions[0]?.version, pick?.from, pick?.to].filter(
    (k): k is number => typeof k === 'number' && !docs.has(k),
  );
  const wantedKey = wanted.join(',');
  useEffect(() => {
    if (wantedKey === '') return;
    let live = true;
    Promise.all(
      wantedKey
        .split(',')
        .map(Number)
        .map((v) => fetchVersionDocument(api, patternId, v).then((d) => [v, d] as const)),
    )
      .then((pairs) => live && setDocs((m) => new Map([...m, ...pairs])))
      .catch((e: unknown) => live && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, [api, patternId, wantedKey]);

  // Escape or a click outside the panel (the History button toggles it itself) closes it.
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape' && !e.defaultPrevented) setOpen(false);
    };
    const onDown = (e: PointerEvent): void => {
      const target = e.target as Element | null;
      if (!target || root.current?.contains(target)) return;
      if (target.closest('[data-testid="canvas-history"], .monaco-editor, [role="listbox"]')) return;
      setOpen(false);
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('pointerdown', onDown, true);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('pointerdown', onDown, true);
    };
  }, [setOpen]);

  const side = (key: VersionKey | null): CompareSide | null => {
    if (key === null) return null;
    if (key === 'canvas')
      return current ? { version: null, label: sideLabel(null, null), document: current } : null;
    const document = docs.get(key);
    const info = versions.find((v) => v.version === key);
    return document ? { version: key, label: sideLabel(key, info?.message), document } : null;
  };

  const restore = async (version: number): Promise<void> => {
    const doc = docs.get(version) ?? (await fetchVersionDocument(api, patternId, version));
    useDocumentStore
      .getState()
      .replaceDocument({ ...doc, name: current?.name ?? doc.name }, `Restore version ${version}`);
    await activeSaver()?.saveVersion(`Restored version ${version}`, { quiet: true });
    useUiStore
      .getState()
      .setNotice({ kind: 'info', text: `Restored version ${version} (undo with the usual shortcut)` });
  };

  const label = async (version: number, text: string): Promise<void> => {
    try {
      await api.patterns.labelVersion({ id: patternId, version, message: text });
      reload();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  const newest = versions[0];
  const to = pick?.to ?? 'canvas';
  return (
    <aside className="version-history" data-testid="version-history" aria-label="Version history" ref={root}>
      <header className="vh-head">
        <strong>Versions</strong>
        <button
          type="button"
          className="vh-close"
          onClick={() => setOpen(false)}
          aria-label="Close version history"
          title="Close (Escape)"
        >
          ×
        </button>
      </header>
      <SaveVersionForm
        latest={newest?.version ?? null}
        latestDocument={newest ? (docs.get(newest.version) ?? null) : null}
        current={current}
        autoFocus={focusLabel}
      />
      {error && (
        <div className="vh-error" role="alert">
          {error}
        </div>
      )}
      <ol className="vh-list" aria-label="Stored versions">
        {versions.map((v) => (
          <VersionListItem
            key={`${v.version}:${v.message ?? ''}`}
            version={v}
            active={pick?.to === v.version}
            onPick={() => setPick({ from: v.version > 1 ? v.version - 1 : null, to: v.version })}
            onLabel={(text) => label(v.version, text)}
            onRestore={() => void restore(v.version)}
          />
        ))}
      </ol>
      <VersionCompare
        api={api}
        patternId={patternId}
        versions={versions}
        fromKey={pick?.from ?? null}
        toKey={to}
        from={side(pick?.from ?? null)}
        to={side(to)}
        onPick={(which, key) =>
          setPick((p) => {
            const base = p ?? { from: null, to: 'canvas' as VersionKey };
            return which === 'from' ? { ...base, from: key } : { ...base, to: key ?? 'canvas' };
          })
        }
      />
    </aside>
  );
}
