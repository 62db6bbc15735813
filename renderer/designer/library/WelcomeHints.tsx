/**
 * The first-start hints, each placed in its region while that region is on screen. Regions come and
 * go with the panel toggles, so the targets are looked up again whenever the layout changes.
 */
import { useEffect, useState } from 'react';
import { useLibraryStore } from '../../state/library-store';
import { useUiStore } from '../../state/ui-store';
import { WelcomeHint } from './WelcomeHint';
import { useWelcomeHints, type HintId } from './welcome-hints';

const REGIONS: Record<HintId, string> = {
  canvas: '.workbench-canvas',
  conditions: '.workbench-inspector',
  replay: '.workbench-bottom',
};

type Targets = Partial<Record<HintId, Element>>;

export function WelcomeHints() {
  const { active, dismissed } = useWelcomeHints();
  const hasOpen = useLibraryStore((s) => s.openId !== null);
  const inspectorOpen = useUiStore((s) => s.inspectorOpen);
  const bottomOpen = useUiStore((s) => s.bottomOpen);
  const [targets, setTargets] = useState<Targets>({});

  useEffect(() => {
    // After the frame in which the toggled panels mounted or unmounted.
    const frame = requestAnimationFrame(() => {
      const found: Targets = {};
      for (const [id, selector] of Object.entries(REGIONS) as [HintId, string][]) {
        const el = document.querySelector(selector);
        if (el) found[id] = el;
      }
      setTargets(found);
    });
    return () => cancelAnimationFrame(frame);
  }, [inspectorOpen, bottomOpen, hasOpen]);

  // The hints talk about the open pattern; without one they would point at nothing.
  if (!active || !hasOpen) return null;
  return (
    <>
      {(Object.keys(REGIONS) as HintId[]).map((id) => {
        const target = targets[id];
        return target && !dismissed.includes(id) ? <WelcomeHint key={id} id={id} target={target} /> : null;
      })}
    </>
  );
}
