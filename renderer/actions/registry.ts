/**
 * The action registry: every user command is defined once (typed id, label, any number of shortcuts,
 * run, enabled) and reused by the top-bar menu, keyboard shortcuts and the command palette, so the
 * three never drift and a command with two shortcuts is still one entry.
 *
 * Two questions are kept apart: `enabled` — can the command run at all now (menus and the palette grey
 * it out otherwise) — and `keysActive` — may its shortcuts fire now, given what has focus (a plain
 * arrow key belongs to the list or text field under focus). The palette and menus ignore `keysActive`.
 */
import type { ActionId } from './action-ids';
import { matchesShortcut, parseShortcut, type KeyChord, type KeyInput } from './shortcut';

export type { ActionId } from './action-ids';
export type ActionCategory = 'File' | 'Edit' | 'View' | 'Pattern' | 'Replay' | 'Help';

export interface Action {
  /** Stable id, e.g. "view.toggleTheme" (see action-ids.ts). */
  id: ActionId;
  label: string;
  category: ActionCategory;
  /** Shortcuts in `parseShortcut` syntax, e.g. ["Mod+Shift+Z", "Mod+Y"]; the first is the one shown. */
  shortcuts?: readonly string[];
  /** Extra words the palette matches on. */
  keywords?: string[];
  /** Whether the command can run now; disabled commands show greyed and never run. */
  enabled?: () => boolean;
  /** Whether its shortcuts may fire now (on top of `enabled`); default: always. */
  keysActive?: () => boolean;
  run: () => void | Promise<void>;
}

interface Registered {
  action: Action;
  chords: KeyChord[];
}

/** The shortcut shown for an action (its first), if any. */
export function primaryShortcut(action: Action): string | undefined {
  return action.shortcuts?.[0];
}

export class ActionRegistry {
  private readonly entries = new Map<ActionId, Registered>();
  private readonly listeners = new Set<() => void>();

  /** Registers actions; returns a function that removes exactly these again. */
  register(...actions: Action[]): () => void {
    for (const action of actions) {
      if (this.entries.has(action.id)) throw new Error(`Action "${action.id}" is already registered`);
      this.entries.set(action.id, { action, chords: (action.shortcuts ?? []).map(parseShortcut) });
    }
    this.emit();
    return () => {
      for (const action of actions) {
        if (this.entries.get(action.id)?.action === action) this.entries.delete(action.id);
      }
      this.emit();
    };
  }

  get(id: ActionId): Action | undefined {
    return this.entries.get(id)?.action;
  }

  list(): Action[] {
    return [...this.entries.values()].map((e) => e.action);
  }

  isEnabled(action: Action): boolean {
    return action.enabled ? action.enabled() : true;
  }

  /** Runs an action by id. Returns false when it is unknown or disabled, so callers can tell. */
  async run(id: ActionId): Promise<boolean> {
    const action = this.get(id);
    if (!action || !this.isEnabled(action)) return false;
    await action.run();
    return true;
  }

  /** The action whose shortcut matches this key press and may fire now, if any. */
  findByKey(event: KeyInput, isMac: boolean): Action | undefined {
    for (const { action, chords } of this.entries.values()) {
      if (!chords.some((c) => matchesShortcut(c, event, isMac))) continue;
      if (this.isEnabled(action) && (action.keysActive?.() ?? true)) return action;
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
