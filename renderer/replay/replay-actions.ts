/**
 * Replay commands for the action registry: the keyboard map (← → step, , . aliases, Home/End,
 * Space play/pause, F5 run to breakpoint, Esc cancels a run) shows in the palette and menus. Every
 * command runs while a replay session is open (from the palette too); its plain keys act while a
 * session is open, whatever is selected on the canvas, unless focus is on a control that uses them.
 */
import type { CepApi } from '../../electron/contract';
import type { Action } from '../actions/registry';
import { useReplayStore } from '../state/replay-store';

function replayOpen(): boolean {
  return useReplayStore.getState().session !== null;
}

/**
 * Plain keys belong to the control under focus when it uses them: arrows move in tab strips,
 * lists and selects; Space presses a focused button (except the replay's own transport buttons,
 * where Space means play/pause as in any media player). A selected canvas stage does not keep
 * them: while a replay is open the step keys step (moving a stage by keyboard waits until then).
 */
function keysFree(space = false): boolean {
  const el = document.activeElement;
  if (!(el instanceof HTMLElement)) return true;
  if (el.closest('[role="tablist"], [role="listbox"], select, [role="dialog"]')) return false;
  return !(space && el.closest('button, [role="button"], summary') && !el.closest('.replay-toolbar'));
}

const hasSession = (): boolean => replayOpen();
const keysReady = (): boolean => replayOpen() && keysFree();
const keysReadyForSpace = (): boolean => replayOpen() && keysFree(true);

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
      id: 'replay.cancelRun',
      label: 'Replay: cancel the run',
      category: 'Replay',
      shortcuts: ['Escape'],
      keywords: ['stop', 'abort', 'esc'],
      enabled: () => useReplayStore.getState().running !== null,
      // Esc in a dialog closes the dialog.
      keysActive: () => !document.activeElement?.closest('[role="dialog"]'),
      run: () => s().cancelRun(api),
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
