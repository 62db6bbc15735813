/**
 * Monaco, bundled with the app: no CDN (the CSP forbids it and the desktop app works offline).
 * Loaded with the first editor, never with the page: the modules that import this file are lazy
 * chunks.
 *
 * Only the editor core and the contributions our editors use, not `register.all`: typing and
 * cursor commands, completion (with snippets), hover, quick fixes and error navigation (the
 * condition editor); find, folding, bracket matching, clipboard, context menu, word and line
 * commands (the JSON view and the previews). No Monaco language service: the condition language
 * is ours (condition-language.ts) and JSON is a Monarch grammar with our own diagnostics
 * (json-language.ts), so the only worker is the editor's own. Every contribution is imported here,
 * before the first editor starts Monaco's services: one registered later depends on services that
 * never start ("depends on UNKNOWN service").
 */
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/editor/browser/coreCommands';
import 'monaco-editor/features/codeEditor/register';
import 'monaco-editor/features/codicon/register';
import 'monaco-editor/editor/contrib/suggest/browser/suggestController';
import 'monaco-editor/features/snippet/register';
import 'monaco-editor/features/hover/register';
import 'monaco-editor/features/codeAction/register';
import 'monaco-editor/features/gotoError/register';
import 'monaco-editor/features/find/register';
import 'monaco-editor/features/folding/register';
import 'monaco-editor/features/bracketMatching/register';
import 'monaco-editor/features/clipboard/register';
import 'monaco-editor/features/contextmenu/register';
import 'monaco-editor/features/wordOperations/register';
import 'monaco-editor/features/linesOperations/register';
import 'monaco-editor/features/readOnlyMessage/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import { loader } from '@monaco-editor/react';
import { defineCepheusThemes } from './themes';

// A worker from its own file (Vite's `?worker`), so the CSP needs no blob: workers.
self.MonacoEnvironment = {
  getWorker(): Worker {
    return new EditorWorker();
  },
};

// Hands our bundled instance to @monaco-editor/react so it never injects its CDN loader script.
loader.config({ monaco });
defineCepheusThemes(monaco);

export { monaco };
