/**
 * The floor under ui-typing's figures: the same probe, page and browser, typing the same text into
 * editors that do nothing else, laid over the app (which stays loaded beneath, idle):
 *   textarea   a plain <textarea>: the browser's own cost of a key plus the wait for the next frame
 *   monaco     a Monaco editor from the app's own bundle, created outside React with the condition
 *              editor's size and font, plain text, no completion: Monaco's typing and rendering alone
 *   language   the same with our condition language as the app's condition editor has it: its
 *              options (completion as you type), the Monarch grammar with the stage names, the
 *              completion and hover providers with the open condition's context, its markers
 *              (needs localStorage `cepheus.benchHooks` = "1" before the first condition editor)
 * Each is focused by a click into it, as the app's editor is (the pointer then rests on it).
 * What the app adds is its figure minus the language's; what our language adds, language minus monaco.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { rendererOutDir } from '../test/e2e/support/paths';
import { measureTyping, type TypingFigures } from './key-paint';

const BOX = 'bench-typing-floor';
export const FLOOR_MONACO_LINES = `#${BOX} .view-lines`;

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
      document.getElementById(${JSON.stringify(BOX)}).append(t); })()`,
  );
  await page.click(`#${BOX} textarea`);
  await page.keyboard.press('Control+End');
  try {
    return await measureTyping(browser, page, `#${BOX} textarea`, text);
  } finally {
    await page.evaluate(`document.getElementById(${JSON.stringify(BOX)})?.remove()`);
  }
}

/**
 * Lays a Monaco editor over the app, focused (by a click) at the end of `start`, and returns how to
 * remove it. The app's Monaco is reached by importing its bundle chunk again (the module is already
 * loaded, so this is the same instance, services and theme): the chunk whose export has
 * `editor.create`. Plain text with the condition editor's size and font and no completion; or, with
 * `languageOf` (a selector around an open condition editor), that editor's options, language,
 * completion context and markers on a model of its own.
 */
export async function openFloorMonaco(
  page: Page,
  start: string,
  languageOf?: string,
): Promise<() => Promise<void>> {
  const chunks = readdirSync(join(rendererOutDir, 'assets')).filter((f) => /^monaco-[\w-]+\.js$/.test(f));
  await page.evaluate(`(${ADD_BOX})(${JSON.stringify(BOX)})`);
  const created = await page.evaluate(`(async (chunks, id, value, languageOf) => {
    for (const chunk of chunks) {
      const mod = await import('./assets/' + chunk);
      const monaco = Object.values(mod).find((v) => v && typeof v === 'object' && v.editor && typeof v.editor.create === 'function');
      if (!monaco) continue;
      const plain = {
        language: 'plaintext', automaticLayout: false, minimap: { enabled: false },
        lineNumbers: 'off', glyphMargin: false, folding: false, renderLineHighlight: 'none',
        scrollBeyondLastLine: false, overviewRulerLanes: 0, wordWrap: 'on', fontSize: 12, lineHeight: 19,
        quickSuggestions: false, suggestOnTriggerCharacters: false, wordBasedSuggestions: 'off',
      };
      if (!languageOf) {
        window.__benchFloorEditor = monaco.editor.create(document.getElementById(id), { ...plain, value });
        return 'ok';
      }
      const box = document.querySelector(languageOf);
      const app = monaco.editor.getEditors().find((e) => box && box.contains(e.getContainerDomNode()));
      const hooks = window.cepheusConditionBench;
      if (!app || !hooks) return 'no condition editor or no bench hooks (localStorage cepheus.benchHooks)';
      const appModel = app.getModel();
      const model = monaco.editor.createModel(value, appModel.getLanguageId(), monaco.Uri.parse('cepheus-condition://bench/floor'));
      model.updateOptions({ bracketColorizationOptions: appModel.getOptions().bracketPairColorizationOptions });
      const unContext = hooks.setConditionContext(model, hooks.contextOf(appModel.uri.toString()));
      const markers = monaco.editor.getModelMarkers({ resource: appModel.uri, owner: 'cepheus' });
      monaco.editor.setModelMarkers(model, 'cepheus', markers);
      const ed = monaco.editor.create(document.getElementById(id), { ...app.getRawOptions(), model });
      window.__benchFloorEditor = { editor: ed, dispose: () => { ed.dispose(); unContext(); model.dispose(); } };
      return 'ok';
    }
    return 'no Monaco found in the renderer bundle';
  })(${JSON.stringify(chunks)}, ${JSON.stringify(BOX)}, ${JSON.stringify(start)}, ${JSON.stringify(languageOf ?? null)})`);
  if (created !== 'ok') throw new Error(`typing floor: ${String(created)}`);
  await page.click(FLOOR_MONACO_LINES);
  // Ctrl+End: End alone stops at the end of a wrapped line.
  await page.keyboard.press('Control+End');
  return async () => {
    await page.evaluate(
      `(() => { window.__benchFloorEditor?.dispose(); document.getElementById(${JSON.stringify(BOX)})?.remove(); })()`,
    );
  };
}

async function floorMonaco(
  browser: Browser,
  page: Page,
  start: string,
  text: string,
  languageOf?: string,
): Promise<TypingFigures> {
  const close = await openFloorMonaco(page, start, languageOf);
  try {
    return await measureTyping(browser, page, FLOOR_MONACO_LINES, text);
  } finally {
    await close();
  }
}

export interface TypingFloor {
  textarea: TypingFigures;
  monaco: TypingFigures;
  language: TypingFigures;
}

/**
 * `start` is the text already in the editor (the condition being extended), `text` what is typed,
 * `conditionBox` a selector around the app's condition editor whose language setup is copied.
 */
export async function typingFloor(
  browser: Browser,
  page: Page,
  start: string,
  text: string,
  conditionBox: string,
): Promise<TypingFloor> {
  return {
    textarea: await floorTextarea(browser, page, start, text),
    monaco: await floorMonaco(browser, page, start, text),
    language: await floorMonaco(browser, page, start, text, conditionBox),
  };
}
