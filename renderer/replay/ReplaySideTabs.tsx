/** Breakpoints / Why not? / Near misses, as tabs beside the step view. */
import { useState } from 'react';
import type { CepApi } from '../../electron/contract';
import { BreakpointsPanel } from './BreakpointsPanel';
import { NearMissList } from './NearMissList';
import { WhyNotPanel } from './WhyNotPanel';

const TABS = [
  { id: 'breakpoints', label: 'Breakpoints' },
  { id: 'why-not', label: 'Why not?' },
  { id: 'near-misses', label: 'Near misses' },
] as const;

type TabId = (typeof TABS)[number]['id'];

export function ReplaySideTabs({
  api,
  stages,
  tab,
  onTab,
}: {
  api: CepApi;
  stages: string[];
  tab?: TabId;
  onTab?: (t: TabId) => void;
}) {
  const [own, setOwn] = useState<TabId>('breakpoints');
  const active = tab ?? own;
  const select = onTab ?? setOwn;
  return (
    <div className="replay-side">
      <div className="replay-side-tabs" role="tablist" aria-label="Debugger tools">
        {TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            aria-selected={t.id === active}
            className="replay-side-tab"
            data-testid={`replay-tab-${t.id}`}
            onClick={() => select(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div className="replay-side-body" role="tabpanel">
        {active === 'breakpoints' && <BreakpointsPanel api={api} stages={stages} />}
        {active === 'why-not' && <WhyNotPanel api={api} stages={stages} />}
        {active === 'near-misses' && <NearMissList api={api} />}
      </div>
    </div>
  );
}

export type { TabId as ReplaySideTab };
