/**
 * First-start hints: shown after the back end seeded the samples on a fresh data folder (AppInfo
 * welcome), each dismissable for good. Both facts live in localStorage so a reload keeps the hints
 * the user has not dismissed yet, and a dismissed one never comes back.
 */
import { create } from 'zustand';

export type HintId = 'canvas' | 'conditions' | 'replay';

/** The order the hints come in, one at a time. */
export const HINT_ORDER: HintId[] = ['canvas', 'conditions', 'replay'];

export const HINT_TEXT: Record<HintId, string> = {
  canvas: 'Drag stages from the palette onto the canvas and connect their handles to build the sequence.',
  conditions: 'Select a stage to edit its condition here.',
  replay: 'Open Replay and step through the recording with ← →.',
};

const ACTIVE_KEY = 'cepheus.welcome.active';
const DISMISSED_KEY = 'cepheus.welcome.dismissed';

function readDismissed(): HintId[] {
  try {
    const raw: unknown = JSON.parse(localStorage.getItem(DISMISSED_KEY) ?? '[]');
    return Array.isArray(raw)
      ? raw.filter((v): v is HintId => v === 'canvas' || v === 'conditions' || v === 'replay')
      : [];
  } catch {
    return [];
  }
}

function write(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Storage full or blocked: the hints still work for this session.
  }
}

interface WelcomeHintsState {
  active: boolean;
  dismissed: HintId[];
  activate: () => void;
  dismiss: (id: HintId) => void;
  /** "Skip tips": dismisses every hint for good. */
  dismissAll: () => void;
}

export const useWelcomeHints = create<WelcomeHintsState>()((set, get) => ({
  active: (() => {
    try {
      return localStorage.getItem(ACTIVE_KEY) === '1';
    } catch {
      return false;
    }
  })(),
  dismissed: readDismissed(),
  activate: () => {
    write(ACTIVE_KEY, '1');
    set({ active: true });
  },
  dismiss: (id) => {
    const dismissed = [...new Set([...get().dismissed, id])];
    write(DISMISSED_KEY, JSON.stringify(dismissed));
    set({ dismissed });
  },
  dismissAll: () => {
    write(DISMISSED_KEY, JSON.stringify(HINT_ORDER));
    set({ dismissed: [...HINT_ORDER] });
  },
}));
