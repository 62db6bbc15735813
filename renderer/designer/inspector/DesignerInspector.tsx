/** The inspector of the open pattern: properties of the selection, or the whole document as JSON. */
import { lazy, Suspense } from 'react';
import { LazyLoading } from '../../components/LazyLoading';
import { LeaveJsonDialog } from '../json/LeaveJsonDialog';
import { usePatternVerdict, verdictLabel, verdictSentence, verdictValid } from '../json/pattern-verdict';
import { useInspectorTab, type InspectorTab } from './inspector-tab';
import { SelectionInspector } from './SelectionInspector';
import './designer-inspector.css';
import { useSettledDocumentStore, useTypingHeld } from '../../state/settled-document';
import { useValidationStore } from '../../state/validation-store';

const JsonView = lazy(() => import('../json/JsonView').then((m) => ({ default: m.JsonView })));

const TABS: { id: InspectorTab; label: string }[] = [
  { id: 'properties', label: 'Properties' },
  { id: 'json', label: 'JSON' },
];

export function DesignerInspector() {
  const doc = useSettledDocumentStore((s) => s.document);
  const tab = useInspectorTab((s) => s.tab);
  const show = useInspectorTab((s) => s.show);
  // The same verdict as the JSON view's status line: JSON text that does not load counts too.
  const verdict = usePatternVerdict();
  // The verdict is of an older version while keys are held, or until validation has seen this one:
  // the badge says so rather than show that older verdict.
  const typing = useTypingHeld((s) => s.held);
  const checking = useValidationStore((s) => typing || s.validating || s.validated !== doc);
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
          className={`insp-status ${checking ? 'insp-status-checking' : verdictValid(verdict) ? 'insp-status-ok' : 'insp-status-error'}`}
          data-testid="inspector-status"
          title={checking ? 'Checking the pattern after the latest edit.' : verdictSentence(verdict)}
        >
          {checking ? 'Checking…' : verdictLabel(verdict)}
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
      <LeaveJsonDialog />
    </div>
  );
}
