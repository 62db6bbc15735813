import { describe, expect, it } from 'vitest';
import { ActionRegistry, type Action, type ActionId } from '../../../renderer/actions/registry';
import {
  formatShortcut,
  matchesShortcut,
  parseShortcut,
  type KeyInput,
} from '../../../renderer/actions/shortcut';

function key(k: string, mods: Partial<Omit<KeyInput, 'key'>> = {}): KeyInput {
  return { key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods };
}

function action(id: ActionId, extra: Partial<Action> = {}): Action & { runs: number } {
  const a = {
    id,
    label: id,
    category: 'View' as const,
    runs: 0,
    run() {
      a.runs += 1;
    },
    ...extra,
  };
  return a;
}

describe('shortcuts', () => {
  it('parses modifiers and rejects unknown ones with the offending name', () => {
    expect(parseShortcut('Mod+Shift+P')).toEqual({ mod: true, shift: true, alt: false, key: 'p' });
    expect(() => parseShortcut('Hyper+K')).toThrow(/unknown modifier "Hyper"/);
    expect(() => parseShortcut('')).toThrow(/no key/);
  });

  it('maps Mod to Ctrl off macOS and to Cmd on macOS', () => {
    const chord = parseShortcut('Mod+K');
    expect(matchesShortcut(chord, key('k', { ctrlKey: true }), false)).toBe(true);
    expect(matchesShortcut(chord, key('k', { metaKey: true }), false)).toBe(false);
    expect(matchesShortcut(chord, key('k', { metaKey: true }), true)).toBe(true);
    expect(matchesShortcut(chord, key('k', { ctrlKey: true }), true)).toBe(false);
  });

  it('requires the exact modifier set', () => {
    const chord = parseShortcut('Mod+K');
    expect(matchesShortcut(chord, key('K', { ctrlKey: true, shiftKey: true }), false)).toBe(false);
    expect(matchesShortcut(chord, key('k', { ctrlKey: true, altKey: true }), false)).toBe(false);
    expect(
      matchesShortcut(parseShortcut('Mod+Shift+P'), key('P', { ctrlKey: true, shiftKey: true }), false),
    ).toBe(true);
  });

  it('formats per platform', () => {
    expect(formatShortcut('Mod+Shift+P', false)).toBe('Ctrl+Shift+P');
    expect(formatShortcut('Mod+Shift+P', true)).toBe('⌘⇧P');
    expect(formatShortcut('Alt+ArrowUp', false)).toBe('Alt+Up');
  });
});

describe('ActionRegistry', () => {
  it('runs an action by id and reports unknown or disabled ones as not run', async () => {
    const registry = new ActionRegistry();
    let enabled = false;
    const gated = action('pattern.save', { enabled: () => enabled });
    registry.register(gated);
    expect(await registry.run('pattern.save')).toBe(false);
    expect(gated.runs).toBe(0);
    enabled = true;
    expect(await registry.run('pattern.save')).toBe(true);
    expect(gated.runs).toBe(1);
    expect(await registry.run('pattern.close')).toBe(false);
  });

  it('refuses duplicate ids so two features cannot silently shadow each other', () => {
    const registry = new ActionRegistry();
    registry.register(action('view.toggleTheme'));
    expect(() => registry.register(action('view.toggleTheme'))).toThrow(/already registered/);
  });

  it('binds any number of shortcuts to one action, listed once', () => {
    const registry = new ActionRegistry();
    registry.register(action('edit.redo', { shortcuts: ['Mod+Shift+Z', 'Mod+Y'] }));
    expect(registry.findByKey(key('z', { ctrlKey: true, shiftKey: true }), false)?.id).toBe('edit.redo');
    expect(registry.findByKey(key('y', { ctrlKey: true }), false)?.id).toBe('edit.redo');
    expect(registry.search('redo').map((a) => a.id)).toEqual(['edit.redo']);
  });

  it('keeps "can run" apart from "may its keys fire here"', async () => {
    const registry = new ActionRegistry();
    let keysFree = false;
    const step = action('replay.stepForward', { shortcuts: ['ArrowRight'], keysActive: () => keysFree });
    registry.register(step);
    // The palette and menus see it enabled and run it…
    expect(registry.isEnabled(step)).toBe(true);
    expect(await registry.run('replay.stepForward')).toBe(true);
    // …while its plain key belongs to whatever has focus until keysActive says otherwise.
    expect(registry.findByKey(key('ArrowRight'), false)).toBeUndefined();
    keysFree = true;
    expect(registry.findByKey(key('ArrowRight'), false)?.id).toBe('replay.stepForward');
  });

  it('finds the enabled action bound to a key press', () => {
    const registry = new ActionRegistry();
    registry.register(
      action('view.toggleSidebar', { shortcuts: ['Mod+J'], enabled: () => false }),
      action('view.commandPalette', { shortcuts: ['Mod+K'] }),
    );
    expect(registry.findByKey(key('k', { ctrlKey: true }), false)?.id).toBe('view.commandPalette');
    expect(registry.findByKey(key('j', { ctrlKey: true }), false)).toBeUndefined();
    expect(registry.findByKey(key('k'), false)).toBeUndefined();
  });

  it('unregisters exactly what it registered and notifies subscribers', () => {
    const registry = new ActionRegistry();
    let notified = 0;
    registry.subscribe(() => (notified += 1));
    const dispose = registry.register(action('view.themeDark'), action('view.themeLight'));
    registry.register(action('view.themeSystem'));
    dispose();
    expect(registry.list().map((a) => a.id)).toEqual(['view.themeSystem']);
    expect(notified).toBe(3);
  });

  it('searches labels, categories and keywords with every word required', () => {
    const registry = new ActionRegistry();
    registry.register(
      action('view.toggleTheme', { label: 'Toggle light/dark theme', keywords: ['appearance'] }),
      action('view.toggleBottomPanel', { label: 'Toggle bottom panel' }),
      action('pattern.refreshLibrary', { label: 'Reload pattern library', category: 'Pattern' }),
    );
    expect(registry.search('toggle').map((a) => a.id)).toEqual([
      'view.toggleTheme',
      'view.toggleBottomPanel',
    ]);
    expect(registry.search('toggle panel').map((a) => a.id)).toEqual(['view.toggleBottomPanel']);
    expect(registry.search('appear').map((a) => a.id)).toEqual(['view.toggleTheme']);
    expect(registry.search('pattern reload').map((a) => a.id)).toEqual(['pattern.refreshLibrary']);
    expect(registry.search('zzz')).toEqual([]);
    expect(registry.search('  ')).toHaveLength(3);
  });
});
