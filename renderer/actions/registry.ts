/**
 * The action registry: every user command is defined once (id, label, shortcut, run, enabled) and
 * reused by the top-bar menu, keyboard shortcuts and the command palette, so the three never drift.
 */
import { matchesShortcut, parseShortcut, type KeyChord, type KeyInput } from './shortcut';

export type ActionCategory = 'File' | 'Edit' | 'View' | 'Pattern' | 'Replay' | 'Help';

export interface Action {
  /** Stable id, e.g. "view.toggleTheme"; tests and menus refer to actions by id. */
  id: string;
  label: string;
  category: ActionCategory;
  /** Shortcut in `parseShortcut` syntax, e.g. "Mod+K". */
  shortcut?: string;
  /** Extra words the palette matches on. */
  keywords?: string[];
  /** Whether the action can run now; disabled actions show greyed and never run. */
  enabled?: () => boolean;
  run: () => void | Promise<void>;
}

interface Registered {
  action: Action;
  chords: KeyChord[];
}

export class ActionRegistry {
  private readonly entries = new Map<string, Registered>();
  private readonly listeners = new Set<() => void>();

  /** Registers actions; returns a function that removes exactly these again. */
  register(...actions: Action[]): () => void {
    for (const action of actions) {
      if (this.entries.has(action.id)) throw new Error(`Action "${action.id}" is already registered`);
      const chords = action.shortcut ? [parseShortcut(action.shortcut)] : [];
      this.entries.set(action.id, { action, chords });
    }
    this.emit();
    return () => {
      for (const action of actions) {
        if (this.entries.get(action.id)?.action === action) this.entries.delete(action.id);
      }
      this.emit();
    };
  }

  get(id: string): Action | undefined {
    return this.entries.get(id)?.action;
  }

  list(): Action[] {
    return [...this.entries.values()].map((e) => e.action);
  }

  isEnabled(action: Action): boolean {
    return action.enabled ? action.enabled() : true;
  }

  /** Runs an action by id. Returns false when it is unknown or disabled, so callers can tell. */
  async run(id: string): Promise<boolean> {
    const action = this.get(id);
    if (!action || !this.isEnabled(action)) return false;
    await action.run();
    return true;
  }

  /** The enabled action whose shortcut matches this key press, if any. */
  findByKey(event: KeyInput, isMac: boolean): Action | undefined {
    for (const { action, chords } of this.entries.values()) {
      if (chords.some((c) => matchesShortcut(c, event, isMac)) && this.isEnabled(action)) return action;
    }
    return undefined;
  }

  /** Palette search: every query word must prefix-match a word of label, category, id or keywords. */
  search(query: string): Action[] {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    const all = this.list();
    if (words.length === 0) return all;
    return all.filter((action) => {
      const hay = [action.label, action.category, action.id, ...(action.keywords ?? [])]
        .join(' ')
        .toLowerCase();
      const hayWords = hay.split(/[\s.]+/);
      return words.every((w) => hayWords.some((h) => h.startsWith(w)) || hay.includes(w));
    });
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(): void {
    for (const l of this.listeners) l();
  }
}
