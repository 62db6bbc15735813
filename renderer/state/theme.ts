/**
 * Light/dark theme: follows the OS (prefers-color-scheme) until the user picks one; the pick is kept
 * in localStorage. The effective theme is written to <html data-theme> so CSS variables switch at once.
 */

export type ThemePreference = 'system' | 'light' | 'dark';
export type Theme = 'light' | 'dark';

export const themeStorageKey = 'cepheus.theme';

const darkQuery = '(prefers-color-scheme: dark)';

export function systemTheme(): Theme {
  return typeof matchMedia === 'function' && matchMedia(darkQuery).matches ? 'dark' : 'light';
}

export function resolveTheme(preference: ThemePreference, system: Theme): Theme {
  return preference === 'system' ? system : preference;
}

export function readThemePreference(): ThemePreference {
  try {
    const stored = localStorage.getItem(themeStorageKey);
    return stored === 'light' || stored === 'dark' ? stored : 'system';
  } catch {
    // Storage can be disabled (privacy mode); the OS setting is a fine fallback.
    return 'system';
  }
}

export function writeThemePreference(preference: ThemePreference): void {
  try {
    if (preference === 'system') localStorage.removeItem(themeStorageKey);
    else localStorage.setItem(themeStorageKey, preference);
  } catch {
    // Not persisting is acceptable; the switch still works for this session.
  }
}

export function applyTheme(theme: Theme): void {
  const root = document.documentElement;
  root.dataset.theme = theme;
  root.style.colorScheme = theme;
}

/** Called before React mounts so the first paint already has the right colours. */
export function applyInitialTheme(): void {
  applyTheme(resolveTheme(readThemePreference(), systemTheme()));
}

/** Calls back whenever the OS theme changes; returns the unsubscribe function. */
export function watchSystemTheme(onChange: (theme: Theme) => void): () => void {
  if (typeof matchMedia !== 'function') return () => undefined;
  const query = matchMedia(darkQuery);
  const listener = (e: MediaQueryListEvent) => onChange(e.matches ? 'dark' : 'light');
  query.addEventListener('change', listener);
  return () => query.removeEventListener('change', listener);
}
