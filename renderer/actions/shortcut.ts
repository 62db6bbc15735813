/**
 * Keyboard shortcuts as data: "Mod+K", "Mod+Shift+P", "Alt+ArrowUp", "?".
 * `Mod` is Cmd on macOS and Ctrl elsewhere, so one definition serves both platforms.
 */

export interface KeyChord {
  mod: boolean;
  shift: boolean;
  alt: boolean;
  key: string;
}

/** The subset of KeyboardEvent a shortcut looks at; lets tests pass plain objects. */
export interface KeyInput {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

const modifierNames = new Set(['mod', 'shift', 'alt']);

/** Parses "Mod+Shift+P"; throws on unknown modifiers so a typo in an action fails loudly at startup. */
export function parseShortcut(text: string): KeyChord {
  const parts = text.split('+').map((p) => p.trim());
  const key = parts.pop();
  if (!key) throw new Error(`Shortcut "${text}" has no key`);
  const chord: KeyChord = { mod: false, shift: false, alt: false, key: normaliseKey(key) };
  for (const part of parts) {
    const name = part.toLowerCase();
    if (!modifierNames.has(name))
      throw new Error(`Shortcut "${text}": unknown modifier "${part}" (use Mod, Shift or Alt)`);
    chord[name as 'mod' | 'shift' | 'alt'] = true;
  }
  return chord;
}

function normaliseKey(key: string): string {
  // The space bar reports " "; shortcuts spell it "Space" so it can be written and shown.
  if (key === ' ' || key.toLowerCase() === 'space') return 'Space';
  return key.length === 1 ? key.toLowerCase() : key;
}

export function matchesShortcut(chord: KeyChord, event: KeyInput, isMac: boolean): boolean {
  const mod = isMac ? event.metaKey : event.ctrlKey;
  // On macOS Ctrl stays free for the system; elsewhere Meta (the Windows key) is never ours.
  const stray = isMac ? event.ctrlKey : event.metaKey;
  if (mod !== chord.mod || stray || event.altKey !== chord.alt) return false;
  const key = normaliseKey(event.key);
  // Shifted punctuation ("?") already encodes Shift in the key itself.
  const shiftMatters = key.length !== 1 || /[a-z0-9]/.test(key);
  if (shiftMatters && event.shiftKey !== chord.shift) return false;
  return key === chord.key;
}

/** "Mod+Shift+P" → "Ctrl+Shift+P" or "⌘⇧P", for menus and the palette. */
export function formatShortcut(text: string, isMac: boolean): string {
  const chord = parseShortcut(text);
  const key = chord.key.length === 1 ? chord.key.toUpperCase() : chord.key.replace(/^Arrow/, '');
  if (isMac) return `${chord.mod ? '⌘' : ''}${chord.alt ? '⌥' : ''}${chord.shift ? '⇧' : ''}${key}`;
  return [chord.mod && 'Ctrl', chord.alt && 'Alt', chord.shift && 'Shift', key].filter(Boolean).join('+');
}

export function isMacPlatform(): boolean {
  return (
    typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent)
  );
}
