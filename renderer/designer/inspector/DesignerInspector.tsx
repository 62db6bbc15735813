/** The inspector of the open pattern: properties of the selection, or the whole document as JSON. */
import { lazy, Suspense } from 'react';
import { LazyLoading } from '../../components/LazyLoading';
import { useDocumentStore } from '../../state/document-store';
import { useValidationStore } from '../../state/validation-store';
import { useInspectorTab, type InspectorTab } from './inspector-tab';
import { SelectionInspector } from './SelectionInspector';
import './designer-inspector.css';

const JsonView = lazy(() => import('../json/JsonView').then((m) => ({ default: m.JsonView })));

const TABS: { id: InspectorTab; label: string }[] = [
  { id: 'properties', label: 'Properties' },
  { id: 'json', label: 'JSON' },
];

export function DesignerInspector() {
  const doc = useDocumentStore((s) => s.document);
  const tab = useInspectorTab((s) => s.tab);
  const show = useInspectorTab((s) => s.show);
  const errorCount = useValidationStore((s) => s.diagnostics.filter((d) => d.severity === 'error').length);
  if (!doc) return null;
  return (
    <div className="insp-root" data-testid="designer-inspector">
      <div className="insp-title" data-testid="inspector-pattern-name" title="The open pattern">
        {doc.name}
      </div>
      <div className="insp-tabs" role="tablist" aria-label="Inspector view">
        {TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            aria-selected={tab === t.id}
            className="insp-tab"
            data-testid={`inspector-tab-${t.id}`}
            onClick={() => show(t.id)}
          >
            {t.label}
          </button>
        ))}
        <span className="insp-tabs-spacer" />
        <span
          className={`insp-status ${errorCount > 0 ? 'insp-status-error' : 'insp-status-ok'}`}
          data-testid="inspector-status"
          title="Problems in this pattern"
        >
          {errorCount > 0 ? `${errorCount} error${errorCount === 1 ? '' : 's'}` : 'Valid'}
        </span>
      </div>
      <div className="insp-scroll scroll" role="tabpanel">
        {tab === 'properties' ? (
          <SelectionInspector doc={doc} />
        ) : (
          <Suspense fallback={<LazyLoading what="the JSON editor" />}>
            <JsonView doc={doc} />
          </Suspense>
        )}
      </div>
    </div>
  );
}
