/**
 * Monaco, bundled with the app: no CDN (the CSP forbids it and the desktop app works offline).
 * Only the editor core, its features and the JSON language are loaded; feature modules (the
 * condition language) register their own Monarch grammars on the `monaco` exported here.
 */
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/register.all';
import 'monaco-editor/language/json/monaco.contribution';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/language/json/json.worker?worker';
import { loader } from '@monaco-editor/react';
import { defineCepheusThemes } from './themes';

self.MonacoEnvironment = {
  getWorker(_workerId: string, label: string): Worker {
    return label === 'json' ? new JsonWorker() : new EditorWorker();
  },
};

// Hands our bundled instance to @monaco-editor/react so it never injects its CDN loader script.
loader.config({ monaco });
defineCepheusThemes(monaco);

export { monaco };
