/**
 * Monaco, bundled with the app: no CDN (the CSP forbids it and the desktop app works offline).
 * Loaded with the first editor, never with the page: the modules that import this file are lazy
 * chunks. The editor core, its features and the JSON language; feature modules (the condition
 * language) register their own Monarch grammars on the `monaco` exported here. All features, not a
 * chosen few: the JSON language's worker manager imports every contribution anyway
 * (internal/common/workers.js), and a partial set registered first leaves editors without the
 * services those contributions need ("depends on UNKNOWN service ICodeLensCache").
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
