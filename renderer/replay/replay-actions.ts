/**
 * Replay commands for the action registry: the keyboard map (← → step, , . aliases, Home/End,
 * Space play/pause, F5 run to breakpoint) shows in the palette and menus. Every command runs while a
 * replay session is open (from the palette too); its plain keys act only while the replay tab is
 * visible and focus is not on a control that uses them.
 */
import type { CepApi } from '../../electron/contract';
import type { Action } from '../actions/registry';
import { useReplayStore } from '../state/replay-store';
import { useUiStore } from '../state/ui-store';

function replayVisible(): boolean {
  const ui = useUiStore.getState();
  return useReplayStore.getState().session !== null && ui.bottomOpen && ui.bottomTab === 'replay';
}

/**
 * Plain keys belong to the control under focus when it uses them: arrows move in tab strips,
 * lists, selects and canvas nodes; Space presses a focused button (except the replay's own
 * transport buttons, where Space means play/pause as in any media player).
 */
function keysFree(space = false): boolean {
  const el = document.activeElement;
  if (!(el instanceof HTMLElement)) return true;
  if (
    el.closest(
      '[role="tablist"], [role="listbox"], .react-flow__node, .react-flow__edge, select, [role="dialog"]',
    )
  )
    return false;
  return !(space && el.closest('button, [role="button"], summary') && !el.closest('.replay-toolbar'));
}

const hasSession = (): boolean => useReplayStore.getState().session !== null;
const keysReady = (): boolean => replayVisible() && keysFree();
const keysReadyForSpace = (): boolean => replayVisible() && keysFree(true);

export function createReplayActions(api: CepApi): Action[] {
  const s = useReplayStore.getState;
  const steps = (direction: 'forward' | 'back') => () => {
    s().setPlaying(api, false);
    return s().step(api, direction);
  };
  return [
    {
      id: 'replay.stepForward',
      label: 'Replay: step forward',
      category: 'Replay',
      shortcuts: ['ArrowRight', '.'],
      keywords: ['next', 'event'],
      enabled: hasSession,
      keysActive: keysReady,
      run: steps('forward'),
    },
    {
      id: 'replay.stepBack',
      label: 'Replay: step back',
      category: 'Replay',
      shortcuts: ['ArrowLeft', ','],
      keywords: ['previous', 'event'],
      enabled: hasSession,
      keysActive: keysReady,
      run: steps('back'),
    },
    {
      id: 'replay.toStart',
      label: 'Replay: go to start',
      category: 'Replay',
      shortcuts: ['Home'],
      keywords: ['first', 'beginning'],
      enabled: hasSession,
      keysActive: keysReady,
      run: () => {
        s().setPlaying(api, false);
        return s().seek(api, { position: 0 });
      },
    },
    {
      id: 'replay.toEnd',
      label: 'Replay: run to end',
      category: 'Replay',
      shortcuts: ['End'],
      keywords: ['last', 'finish', 'all'],
      enabled: hasSession,
      keysActive: keysReady,
      run: () => s().run(api, 'end'),
    },
    {
      id: 'replay.togglePlay',
      label: 'Replay: play / pause',
      category: 'Replay',
      shortcuts: ['Space'],
      keywords: ['space', 'start', 'stop', 'pause'],
      enabled: hasSession,
      keysActive: keysReadyForSpace,
      run: () => s().setPlaying(api, !s().playing),
    },
    {
      id: 'replay.runToBreakpoint',
      label: 'Replay: run to next breakpoint',
      category: 'Replay',
      shortcuts: ['F5'],
      keywords: ['continue', 'resume', 'breakpoint'],
      enabled: hasSession,
      run: () => s().run(api, 'breakpoint'),
    },
    {
      id: 'replay.close',
      label: 'Replay: close session',
      category: 'Replay',
      keywords: ['stop', 'end'],
      enabled: hasSession,
      run: () => s().close(api),
    },
  ];
}
