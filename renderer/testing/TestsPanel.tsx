/**
 * The Tests tab: the open pattern's test cases, green or red as they run live in the back end, and
 * the behavioural diff between two versions of the pattern over a recording.
 */
import { useState } from 'react';
import { Icon } from '../components/Icon';
import { useDocumentStore } from '../state/document-store';
import { BehaviourDiffPanel } from './BehaviourDiffPanel';
import { TestCaseList } from './TestCaseList';
import './testing.css';
import { useSettledDocumentStore } from '../state/settled-document';

type View = 'cases' | 'diff';

export function TestsPanel() {
  const document = useSettledDocumentStore((s) => s.document);
  const patternId = useDocumentStore((s) => s.patternId);
  const [view, setView] = useState<View>('cases');
  if (!document || !patternId) {
    return (
      <div className="empty-state" data-testid="tests-empty">
        <Icon name="check" size={22} />
        <div className="empty-state-title">No pattern open</div>
        <div className="empty-state-text">
          Open a pattern to see its tests: each case names a recording and what the pattern must catch there.
        </div>
      </div>
    );
  }
  return (
    <div className="tests-view" data-testid="tests-panel">
      <div className="tests-switch" role="tablist" aria-label="Tests views">
        {(
          [
            ['cases', 'Test cases'],
            ['diff', 'Behavioural diff'],
          ] as const
        ).map(([id, label]) => (
          <button
            key={id}
            type="button"
            role="tab"
            aria-selected={view === id}
            className="replay-side-tab"
            data-testid={`tests-view-${id}`}
            onClick={() => setView(id)}
          >
            {label}
          </button>
        ))}
      </div>
      {view === 'cases' ? (
        <TestCaseList document={document} patternId={patternId} />
      ) : (
        <BehaviourDiffPanel document={document} patternId={patternId} />
      )}
    </div>
  );
}
