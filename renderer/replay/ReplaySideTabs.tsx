/** Breakpoints / Why not? / Near misses, as tabs beside the step view. */
import { useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { CepApi } from '../../electron/contract';
import type { EventSchema } from '../../engine/pattern/spec';
import { BreakpointsPanel } from './BreakpointsPanel';
import { NearMissList } from './NearMissList';
import { byPointer, returnFocusToReplay } from './replay-focus';
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
  schema,
  tab,
  onTab,
}: {
  api: CepApi;
  stages: string[];
  schema?: EventSchema;
  tab?: TabId;
  onTab?: (t: TabId) => void;
}) {
  const [own, setOwn] = useState<TabId>('breakpoints');
  const active = tab ?? own;
  const select = onTab ?? setOwn;
  // Keyboard users move between the tabs with ← → (ARIA tabs); a click gives the keys back to stepping.
  const onKeyDown = (e: KeyboardEvent) => {
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    e.preventDefault();
    const next = TABS[(TABS.findIndex((t) => t.id === active) + step + TABS.length) % TABS.length];
    select(next.id);
    document.getElementById(`replay-tab-${next.id}`)?.focus();
  };
  return (
    <div className="replay-side">
      <div className="replay-side-tabs" role="tablist" aria-label="Debugger tools" onKeyDown={onKeyDown}>
        {TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`replay-tab-${t.id}`}
            aria-selected={t.id === active}
            tabIndex={t.id === active ? 0 : -1}
            className="replay-side-tab"
            data-testid={`replay-tab-${t.id}`}
            onClick={(e) => {
              select(t.id);
              if (byPointer(e)) returnFocusToReplay();
            }}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div className="replay-side-body" role="tabpanel">
        {active === 'breakpoints' && <BreakpointsPanel api={api} stages={stages} schema={schema} />}
        {active === 'why-not' && <WhyNotPanel api={api} stages={stages} />}
        {active === 'near-misses' && <NearMissList api={api} />}
      </div>
    </div>
  );
}

export type { TabId as ReplaySideTab };
