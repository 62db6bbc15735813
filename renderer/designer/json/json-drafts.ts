/**
 * JSON text that did not load, kept per pattern when the JSON view goes away without the user
 * choosing to discard it (another pattern opened, the inspector collapsed): the view restores it
 * the next time it shows that pattern, so the text is never lost silently.
 */
import { create } from 'zustand';

interface JsonDraftsState {
  byPattern: Record<string, string>;
  keep: (patternId: string, text: string) => void;
  /** The kept text of a pattern, removed from the store. */
  take: (patternId: string) => string | null;
}

export const useJsonDrafts = create<JsonDraftsState>()((set, get) => ({
  byPattern: {},
  keep: (patternId, text) => set((s) => ({ byPattern: { ...s.byPattern, [patternId]: text } })),
  take: (patternId) => {
    const text = get().byPattern[patternId];
    if (text === undefined) return null;
    set((s) => {
      const { [patternId]: _taken, ...rest } = s.byPattern;
      return { byPattern: rest };
    });
    return text;
  },
}));
