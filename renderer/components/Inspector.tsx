/** Right-hand inspector: properties of the open pattern (later: of the selected stage or edge). */
import { lazy, Suspense } from 'react';
import { LazyLoading } from './LazyLoading';
import { isPatternDocument } from '../canvas/document-to-flow';
import { DesignerInspector } from '../designer/inspector/DesignerInspector';
import { useDocumentStore } from '../state/document-store';
import { useLibraryStore } from '../state/library-store';
import { Icon } from './Icon';
import { RelativeTime } from './RelativeTime';
import './inspector.css';

const DocumentPreview = lazy(() => import('./DocumentPreview').then((m) => ({ default: m.DocumentPreview })));

export function Inspector() {
  const openPattern = useLibraryStore((s) => s.openPattern);
  const openStatus = useLibraryStore((s) => s.openStatus);
  const openError = useLibraryStore((s) => s.openError);
  // Once the designer has the pattern's working copy, the inspector edits it.
  const designing = useDocumentStore((s) => s.document !== null);
  // A pattern document goes to the designer a moment after it opens (after its layout): wait for it
  // rather than flash the read-only preview, which would load Monaco into every start.
  const previewOnly = openPattern !== null && !isPatternDocument(openPattern.document);

  return (
    <section className="inspector" data-testid="inspector" aria-label="Inspector">
      <header className="panel-header">
        <h2 className="section-title">Inspector</h2>
      </header>
      {(openStatus === 'loading' || (openStatus === 'ready' && !designing && !previewOnly)) && (
        <div className="inspector-hint">Loading pattern…</div>
      )}
      {openStatus === 'error' && openError && (
        <div className="inspector-error" role="alert">
          <Icon name="error" size={14} /> {openError.message}
        </div>
      )}
      {openStatus === 'idle' && (
        <div className="empty-state" data-testid="inspector-empty">
          <Icon name="inspector" size={28} />
          <div className="empty-state-title">Nothing selected</div>
          <div className="empty-state-text">
            Open a pattern, then select a stage or connection to edit its properties.
          </div>
        </div>
      )}
      {designing && <DesignerInspector />}
      {!designing && openStatus === 'ready' && openPattern && previewOnly && (
        <div className="inspector-body">
          <dl className="inspector-props">
            <dt>Name</dt>
            <dd data-testid="inspector-pattern-name">{openPattern.name}</dd>
            <dt>Version</dt>
            <dd>{openPattern.latestVersion}</dd>
            <dt>Updated</dt>
            <dd>
              <RelativeTime iso={openPattern.updatedAt} />
            </dd>
            <dt>Id</dt>
            <dd className="inspector-mono">{openPattern.id}</dd>
          </dl>
          <h3 className="section-title inspector-subtitle">Document</h3>
          <div className="inspector-editor">
            <Suspense fallback={<LazyLoading what="the preview" />}>
              <DocumentPreview document={openPattern.document} />
            </Suspense>
          </div>
        </div>
      )}
    </section>
  );
}
