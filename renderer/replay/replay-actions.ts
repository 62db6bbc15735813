/**
 * Replay commands for the action registry: the keyboard map (← → step, , . aliases, Home/End,
 * Space play/pause, F8 run to breakpoint) shows in the palette and menus. Plain keys act only while
 * the replay tab is visible and focus is not on a control that uses them (tab strip, canvas node,
 * list, select), so they never steal arrows from other parts of the app.
 */
import type { CepApi } from '../../electron/contract';
import type { Action } from '../actions/registry';
import { useReplayStore } from '../state/replay-store';
import { useUiStore } from '../state/ui-store';

function replayVisible(): boolean {
  const ui = useUiStore.getState();
  return useReplayStore.getState().session !== null && ui.bottomOpen && ui.bottomTab === 'replay';
}

function keysFree(): boolean {
  const el = document.activeElement;
  if (!(el instanceof HTMLElement)) return true;
  return el.closest('[role="tablist"], [role="listbox"], .react-flow__node, .react-flow__edge, select, button, [role="dialog"]') === null;
}

const ready = () => replayVisible() && keysFree();

export function createReplayActions(api: CepApi): Action[] {
  const s = useReplayStore.getState;
  const steps = (direction: 'forward' | 'back') => () => {
    s().setPlaying(api, false);
    return s().step(api, direction);
  };
  return [
    { id: 'replay.stepForward', label: 'Replay: step forward', category: 'Replay', shortcut: 'ArrowRight', keywords: ['next', 'event'], enabled: ready, run: steps('forward') },
    { id: 'replay.stepBack', label: 'Replay: step back', category: 'Replay', shortcut: 'ArrowLeft', keywords: ['previous', 'event'], enabled: ready, run: steps('back') },
    { id: 'replay.stepForwardAlt', label: 'Replay: step forward (.)', category: 'Replay', shortcut: '.', enabled: ready, run: steps('forward') },
    { id: 'replay.stepBackAlt', label: 'Replay: step back (,)', category: 'Replay', shortcut: ',', enabled: ready, run: steps('back') },
    {
      id: 'replay.toStart',
      label: 'Replay: go to start',
      category: 'Replay',
      shortcut: 'Home',
      keywords: ['first', 'beginning'],
      enabled: ready,
      run: () => {
        s().setPlaying(api, false);
        return s().seek(api, { position: 0 });
      },
    },
    {
      id: 'replay.toEnd',
      label: 'Replay: run to end',
      category: 'Replay',
      shortcut: 'End',
      keywords: ['last', 'finish', 'all'],
      enabled: ready,
      run: () => s().run(api, 'end'),
    },
    {
      id: 'replay.togglePlay',
      label: 'Replay: play / pause',
      category: 'Replay',
      shortcut: 'Space',
      keywords: ['space', 'start', 'stop', 'pause'],
      enabled: ready,
      run: () => s().setPlaying(api, !s().playing),
    },
    {
      id: 'replay.runToBreakpoint',
      label: 'Replay: run to next breakpoint',
      category: 'Replay',
      shortcut: 'F8',
      keywords: ['continue', 'resume', 'breakpoint'],
      enabled: () => useReplayStore.getState().session !== null,
      run: () => s().run(api, 'breakpoint'),
    },
    {
      id: 'replay.close',
      label: 'Replay: close session',
      category: 'Replay',
      keywords: ['stop', 'end'],
      enabled: () => useReplayStore.getState().session !== null,
      run: () => s().close(api),
    },
  ];
}
