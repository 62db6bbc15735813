/**
 * The first-start hints, one at a time, each in the region it talks about while that region is on
 * screen. A hint takes its own room in the layout (a strip above the canvas, at the top of the
 * inspector, above the bottom panel), so it never covers a control. Regions come and go with the
 * panel toggles, so the targets are looked up again whenever the layout changes.
 */
import { useEffect, useState } from 'react';
import { useLibraryStore } from '../../state/library-store';
import { useUiStore } from '../../state/ui-store';
import { WelcomeHint } from './WelcomeHint';
import { HINT_ORDER, useWelcomeHints, type HintId } from './welcome-hints';

/** Where each hint is placed: the canvas' and bottom panel's hints in the centre column. */
const REGIONS: Record<HintId, { container: string; needs: string }> = {
  canvas: { container: '.workbench-center', needs: '.workbench-canvas' },
  conditions: { container: '.workbench-inspector', needs: '.workbench-inspector' },
  replay: { container: '.workbench-center', needs: '.workbench-bottom' },
};

type Targets = Partial<Record<HintId, Element>>;

export function WelcomeHints() {
  const active = useWelcomeHints((s) => s.active);
  const dismissed = useWelcomeHints((s) => s.dismissed);
  const hasOpen = useLibraryStore((s) => s.openId !== null);
  const inspectorOpen = useUiStore((s) => s.inspectorOpen);
  const bottomOpen = useUiStore((s) => s.bottomOpen);
  const [targets, setTargets] = useState<Targets>({});

  useEffect(() => {
    // After the frame in which the toggled panels mounted or unmounted.
    const frame = requestAnimationFrame(() => {
      const found: Targets = {};
      for (const id of HINT_ORDER) {
        const { container, needs } = REGIONS[id];
        const el = document.querySelector(container);
        if (el && document.querySelector(needs)) found[id] = el;
      }
      setTargets(found);
    });
    return () => cancelAnimationFrame(frame);
  }, [inspectorOpen, bottomOpen, hasOpen]);

  // The hints talk about the open pattern; without one they would point at nothing.
  if (!active || !hasOpen) return null;
  const left = HINT_ORDER.filter((id) => !dismissed.includes(id));
  const id = left.find((h) => targets[h] !== undefined);
  const target = id ? targets[id] : undefined;
  if (!id || !target) return null;
  return (
    <WelcomeHint
      id={id}
      target={target}
      step={HINT_ORDER.indexOf(id) + 1}
      total={HINT_ORDER.length}
      last={left.length === 1}
    />
  );
}
