/**
 * Sidebar listing the patterns stored by the back end (patterns.list), newest first, with the list
 * actions (rename, duplicate, delete) per item and the ways to add patterns (file, samples).
 */
import { appRegistry } from '../actions/app-registry';
import { LibraryIcon } from '../designer/library/LibraryIcon';
import { PatternListItem } from '../designer/library/PatternListItem';
import { useLibraryStore } from '../state/library-store';
import { useApi } from './api-context';
import { Icon } from './Icon';
import './pattern-library.css';

export function PatternLibrary() {
  const api = useApi();
  const status = useLibraryStore((s) => s.status);
  const patterns = useLibraryStore((s) => s.patterns);
  const error = useLibraryStore((s) => s.error);
  const openId = useLibraryStore((s) => s.openId);
  const refresh = useLibraryStore((s) => s.refresh);

  return (
    <section className="library" data-testid="pattern-library" aria-label="Pattern library">
      <header className="panel-header">
        <h2 className="section-title">Patterns</h2>
        <span className="library-count">{status === 'ready' ? patterns.length : ''}</span>
        <button
          type="button"
          className="icon-btn"
          title="Open sample gallery…"
          data-testid="library-samples"
          onClick={() => void appRegistry.run('pattern.openSampleGallery')}
        >
          <LibraryIcon name="samples" />
        </button>
        <button
          type="button"
          className="icon-btn"
          title="Open file…"
          data-testid="library-open-file"
          onClick={() => void appRegistry.run('file.openPatternFile')}
        >
          <LibraryIcon name="open" />
        </button>
        <button
          type="button"
          className="icon-btn"
          title="Reload pattern library"
          onClick={() => void refresh(api)}
        >
          <Icon name="refresh" size={14} />
        </button>
      </header>
      <div className="library-body scroll">
        {status === 'error' && error && (
          <div className="library-error" role="alert" data-testid="library-error">
            <Icon name="error" size={14} />
            <div>
              <div className="library-error-title">Could not load patterns</div>
              <div className="library-error-text">{error.message}</div>
            </div>
          </div>
        )}
        {status === 'loading' && patterns.length === 0 && <div className="library-hint">Loading…</div>}
        {status === 'ready' && patterns.length === 0 && (
          <div className="empty-state" data-testid="library-empty">
            <Icon name="pattern" size={28} />
            <div className="empty-state-title">No patterns yet</div>
            <div className="empty-state-text">Patterns you create or import appear here.</div>
            <button
              type="button"
              className="btn"
              onClick={() => void appRegistry.run('pattern.openSampleGallery')}
            >
              Browse samples…
            </button>
          </div>
        )}
        {patterns.length > 0 && (
          <ul className="library-list" role="listbox" aria-label="Patterns">
            {patterns.map((p) => (
              <PatternListItem key={p.id} pattern={p} selected={p.id === openId} />
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
