/** Bottom panel with Problems / Replay / Results tabs (ARIA tabs, arrow-key navigation). */
import { lazy, Suspense, type KeyboardEvent } from 'react';
import { LazyLoading } from './LazyLoading';
import { allProblems, useProblemsStore } from '../state/problems-store';
import { useUiStore, type BottomTab } from '../state/ui-store';
import { Icon, type IconName } from './Icon';
import { ProblemsView } from './ProblemsView';
import { ResultsView } from './ResultsView';
import './bottom-panel.css';

const TestsPanel = lazy(() => import('../testing/TestsPanel').then((m) => ({ default: m.TestsPanel })));
const ReplayView = lazy(() => import('./ReplayView').then((m) => ({ default: m.ReplayView })));

const tabs: { id: BottomTab; label: string; icon: IconName }[] = [
  { id: 'problems', label: 'Problems', icon: 'problems' },
  { id: 'replay', label: 'Replay', icon: 'replay' },
  { id: 'results', label: 'Results', icon: 'results' },
  { id: 'tests', label: 'Tests', icon: 'check' },
];

export function BottomPanel() {
  const active = useUiStore((s) => s.bottomTab);
  const showTab = useUiStore((s) => s.showBottomTab);
  const setOpen = useUiStore((s) => s.setPanelOpen);
  const problemCount = useProblemsStore((s) => allProblems(s).length);

  const onKeyDown = (e: KeyboardEvent) => {
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    const index = tabs.findIndex((t) => t.id === active);
    const next = tabs[(index + step + tabs.length) % tabs.length];
    if (next) showTab(next.id);
  };

  return (
    <section className="bottom-panel" data-testid="bottom-panel" aria-label="Bottom panel">
      <div className="bottom-tabs" role="tablist" aria-label="Panels" onKeyDown={onKeyDown}>
        {tabs.map((tab) => (
          <button
            key={tab.id}
            type="button"
            role="tab"
            id={`tab-${tab.id}`}
            aria-selected={tab.id === active}
            aria-controls={`tabpanel-${tab.id}`}
            tabIndex={tab.id === active ? 0 : -1}
            className="bottom-tab"
            data-testid={`tab-${tab.id}`}
            onClick={() => showTab(tab.id)}
          >
            <Icon name={tab.icon} size={13} />
            {tab.label}
            {tab.id === 'problems' && problemCount > 0 && (
              <span className="bottom-tab-badge">{problemCount}</span>
            )}
          </button>
        ))}
        <span className="bottom-tabs-spacer" />
        <button
          type="button"
          className="icon-btn"
          title="Hide panel"
          aria-label="Hide panel"
          onClick={() => setOpen('bottom', false)}
        >
          <Icon name="chevronDown" size={14} />
        </button>
      </div>
      <div
        className="bottom-content scroll"
        role="tabpanel"
        id={`tabpanel-${active}`}
        aria-labelledby={`tab-${active}`}
      >
        {active === 'problems' && <ProblemsView />}
        {active === 'replay' && (
          <Suspense fallback={<LazyLoading what="replay" />}>
            <ReplayView />
          </Suspense>
        )}
        {active === 'results' && <ResultsView />}
        {active === 'tests' && (
          <Suspense fallback={<LazyLoading what="tests" />}>
            <TestsPanel />
          </Suspense>
        )}
      </div>
    </section>
  );
}
