/** Monaco themes matching the app's light and dark palettes (see styles/tokens.css). */
import type * as Monaco from 'monaco-editor/editor';
import type { Theme } from '../state/theme';

export const monacoThemeName: Record<Theme, string> = { light: 'cepheus-light', dark: 'cepheus-dark' };

export function defineCepheusThemes(monaco: typeof Monaco): void {
  monaco.editor.defineTheme(monacoThemeName.light, {
    base: 'vs',
    inherit: true,
    // Condition language: functions and stage names stand out from plain event fields.
    rules: [
      { token: 'predefined', foreground: '7c3aed' },
      { token: 'type.identifier', foreground: '0e7490', fontStyle: 'bold' },
      { token: 'keyword', foreground: '1d4ed8' },
    ],
    colors: {
      'editor.background': '#ffffff',
      'editorLineNumber.foreground': '#9aa3b2',
      'editor.lineHighlightBackground': '#f3f5f9',
    },
  });
  monaco.editor.defineTheme(monacoThemeName.dark, {
    base: 'vs-dark',
    inherit: true,
    rules: [
      { token: 'predefined', foreground: 'c4a7ff' },
      { token: 'type.identifier', foreground: '5fd4e8', fontStyle: 'bold' },
      { token: 'keyword', foreground: '7cacf8' },
    ],
    colors: {
      'editor.background': '#181b22',
      'editorLineNumber.foreground': '#5c6577',
      'editor.lineHighlightBackground': '#1f232c',
    },
  });
}
