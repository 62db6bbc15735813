/**
 * The floor under ui-typing's figures: the same probe, page and browser, typing the same text into
 * editors that do nothing else, laid over the app (which stays loaded beneath, idle):
 *   textarea   a plain <textarea>: the browser's own cost of a key plus the wait for the next frame
 *   monaco     a Monaco editor from the app's own bundle, created outside React with the condition
 *              editor's size and font, plain text, no completion: Monaco's typing and rendering alone
 * What the app adds is its figure minus the floor's.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { rendererOutDir } from '../test/e2e/support/paths';
import { measureTyping, type TypingFigures } from './key-paint';

const BOX = 'bench-typing-floor';

/** Lays a fixed box over the app, the size of the inspector's condition editor. */
const ADD_BOX = `(id) => {
  document.getElementById(id)?.remove();
  const box = document.createElement('div');
  box.id = id;
  // nokey: the canvas must not take the keys (Space pans it), as for the app's own editors.
  box.className = 'nokey';
  box.style.cssText = 'position:fixed;left:40px;top:40px;width:300px;height:84px;z-index:2147483647;background:#fff;border:1px solid #888';
  document.body.append(box);
  return true;
}`;

async function floorTextarea(
  browser: Browser,
  page: Page,
  start: string,
  text: string,
): Promise<TypingFigures> {
  await page.evaluate(`(${ADD_BOX})(${JSON.stringify(BOX)})`);
  await page.evaluate(
    `(() => { const t = document.createElement('textarea'); t.value = ${JSON.stringify(start)};
      t.style.cssText = "width:100%;height:100%;font:12px/19px 'JetBrains Mono', monospace;border:0;resize:none";
      document.getElementById(${JSON.stringify(BOX)}).append(t); t.focus();
      t.setSelectionRange(t.value.length, t.value.length); })()`,
  );
  try {
    return await measureTyping(browser, page, `#${BOX} textarea`, text);
  } finally {
    await page.evaluate(`document.getElementById(${JSON.stringify(BOX)})?.remove()`);
  }
}

/**
 * Lays a Monaco editor over the app, focused at the end of `start`, and returns how to remove it.
 * The app's Monaco is reached by importing its bundle chunk again (the module is already loaded,
 * so this is the same instance, services and theme): the chunk whose export has `editor.create`.
 * `options` override the floor's (plain text, the condition editor's size and font, no completion).
 */
export async function openFloorMonaco(
  page: Page,
  start: string,
  options: Record<string, unknown> = {},
): Promise<() => Promise<void>> {
  const chunks = readdirSync(join(rendererOutDir, 'assets')).filter((f) => /^monaco-[\w-]+\.js$/.test(f));
  await page.evaluate(`(${ADD_BOX})(${JSON.stringify(BOX)})`);
  const created = await page.evaluate(`(async (chunks, id, value, options) => {
    for (const chunk of chunks) {
      const mod = await import('./assets/' + chunk);
      const monaco = Object.values(mod).find((v) => v && typeof v === 'object' && v.editor && typeof v.editor.create === 'function');
      if (!monaco) continue;
      const ed = monaco.editor.create(document.getElementById(id), {
        value, language: 'plaintext', automaticLayout: false, minimap: { enabled: false },
        lineNumbers: 'off', glyphMargin: false, folding: false, renderLineHighlight: 'none',
        scrollBeyondLastLine: false, overviewRulerLanes: 0, wordWrap: 'on', fontSize: 12, lineHeight: 19,
        quickSuggestions: false, suggestOnTriggerCharacters: false, wordBasedSuggestions: 'off',
        ...options,
      });
      const model = ed.getModel();
      ed.setPosition(model.getPositionAt(value.length));
      ed.focus();
      window.__benchFloorEditor = ed;
      return true;
    }
    return false;
  })(${JSON.stringify(chunks)}, ${JSON.stringify(BOX)}, ${JSON.stringify(start)}, ${JSON.stringify(options)})`);
  if (!created) throw new Error('typing floor: no Monaco found in the renderer bundle');
  return async () => {
    await page.evaluate(
      `(() => { window.__benchFloorEditor?.dispose(); document.getElementById(${JSON.stringify(BOX)})?.remove(); })()`,
    );
  };
}

export const FLOOR_MONACO_LINES = `#${BOX} .view-lines`;

async function floorMonaco(
  browser: Browser,
  page: Page,
  start: string,
  text: string,
): Promise<TypingFigures> {
  const close = await openFloorMonaco(page, start);
  try {
    return await measureTyping(browser, page, FLOOR_MONACO_LINES, text);
  } finally {
    await close();
  }
}

export interface TypingFloor {
  textarea: TypingFigures;
  monaco: TypingFigures;
}

/** `start` is the text already in the editor (the condition being extended), `text` what is typed. */
export async function typingFloor(
  browser: Browser,
  page: Page,
  start: string,
  text: string,
): Promise<TypingFloor> {
  return {
    textarea: await floorTextarea(browser, page, start, text),
    monaco: await floorMonaco(browser, page, start, text),
  };
}
