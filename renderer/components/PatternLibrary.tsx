/** Sidebar listing the patterns stored by the back end (patterns.list), newest first. */
import { useLibraryStore } from '../state/library-store';
import { useApi } from './api-context';
import { Icon } from './Icon';
import { RelativeTime } from './RelativeTime';
import './pattern-library.css';

export function PatternLibrary() {
  const api = useApi();
  const { status, patterns, error, openId, open, refresh } = useLibraryStore();

  return (
    <section className="library" data-testid="pattern-library" aria-label="Pattern library">
      <header className="panel-header">
        <h2 className="section-title">Patterns</h2>
        <span className="library-count">{status === 'ready' ? patterns.length : ''}</span>
        <button type="button" className="icon-btn" title="Reload pattern library" onClick={() => void refresh(api)}>
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
          </div>
        )}
        {patterns.length > 0 && (
          <ul className="library-list" role="listbox" aria-label="Patterns">
            {patterns.map((p) => (
              <li key={p.id} role="option" aria-selected={p.id === openId}>
                <button type="button" className="library-item" data-pattern-id={p.id} onClick={() => void open(api, p.id)}>
                  <Icon name="pattern" size={14} className="library-item-icon" />
                  <span className="library-item-name">{p.name}</span>
                  <span className="library-item-meta">
                    v{p.latestVersion} · <RelativeTime iso={p.updatedAt} />
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
