/**
 * Keyboard focus between the workbench's regions (library, canvas, inspector, bottom panel): skip
 * links, F6 / Shift+F6 and palette commands move focus into a region, opening it when collapsed.
 * On the canvas, focus lands on the selected stage (or the first), so Tab and the stage keys follow.
 */
import { useUiStore } from '../state/ui-store';
import type { Action } from './registry';

export type Region = 'library' | 'canvas' | 'inspector' | 'bottom';

const ORDER: readonly Region[] = ['library', 'canvas', 'inspector', 'bottom'];
const SELECTOR: Record<Region, string> = {
  library: '.workbench-sidebar',
  canvas: '.workbench-canvas',
  inspector: '.workbench-inspector',
  bottom: '.workbench-bottom',
};
const PANEL = { library: 'sidebar', inspector: 'inspector', bottom: 'bottom' } as const;
const FOCUSABLE =
  'input:not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled]), [href], [tabindex]:not([tabindex="-1"])';

function regionOf(el: Element | null): Region | null {
  for (const r of ORDER) if (el?.closest(SELECTOR[r])) return r;
  return null;
}

function target(region: Region, root: HTMLElement): HTMLElement | null {
  if (region === 'canvas') {
    return (
      root.querySelector<HTMLElement>('.react-flow__node.selected') ??
      root.querySelector<HTMLElement>('.react-flow__node') ??
      root.querySelector<HTMLElement>('.react-flow')
    );
  }
  if (region === 'library')
    return (
      root.querySelector<HTMLElement>('[aria-current="true"], [aria-selected="true"]') ??
      root.querySelector<HTMLElement>(FOCUSABLE)
    );
  return root.querySelector<HTMLElement>(FOCUSABLE);
}

/** Moves keyboard focus into a region (opening its panel first); false when there is nothing to focus. */
export function focusRegion(region: Region): void {
  const ui = useUiStore.getState();
  if (region !== 'canvas') {
    const panel = PANEL[region];
    const open = { sidebar: ui.sidebarOpen, inspector: ui.inspectorOpen, bottom: ui.bottomOpen }[panel];
    if (!open) ui.togglePanel(panel);
  }
  // After a panel opened, React has to draw it first.
  requestAnimationFrame(() => {
    const root = document.querySelector<HTMLElement>(SELECTOR[region]);
    if (!root) return;
    const el = target(region, root);
    if (!el) return;
    if (!el.hasAttribute('tabindex') && !el.matches(FOCUSABLE)) el.tabIndex = -1;
    el.focus();
  });
}

function cycle(step: 1 | -1): void {
  const present = ORDER.filter((r) => document.querySelector(SELECTOR[r]));
  const here = regionOf(document.activeElement);
  const i = here ? present.indexOf(here) : -1;
  const next = present[(i + step + present.length) % present.length] ?? 'canvas';
  focusRegion(next);
}

export function createFocusActions(): Action[] {
  return [
    {
      id: 'view.focusCanvas',
      label: 'Focus the canvas',
      category: 'View',
      keywords: ['keyboard', 'jump', 'go to', 'stages'],
      run: () => focusRegion('canvas'),
    },
    {
      id: 'view.focusInspector',
      label: 'Focus the inspector',
      category: 'View',
      keywords: ['keyboard', 'jump', 'go to', 'properties'],
      run: () => focusRegion('inspector'),
    },
    {
      id: 'view.focusLibrary',
      label: 'Focus the pattern library',
      category: 'View',
      keywords: ['keyboard', 'jump', 'go to', 'patterns', 'sidebar'],
      run: () => focusRegion('library'),
    },
    {
      id: 'view.focusNextRegion',
      label: 'Focus next region',
      category: 'View',
      shortcuts: ['F6'],
      keywords: ['keyboard', 'panel', 'cycle'],
      run: () => cycle(1),
    },
    {
      id: 'view.focusPreviousRegion',
      label: 'Focus previous region',
      category: 'View',
      shortcuts: ['Shift+F6'],
      keywords: ['keyboard', 'panel', 'cycle'],
      run: () => cycle(-1),
    },
  ];
}
