/**
 * Issue 14, point 17: typing in a condition of a 13-stage pattern changes nothing on the page outside
 * the editor per key. The first key turns the inspector's badge to "Checking…" (the verdict it showed
 * is of the text before) and the save indicator to unsaved; the keys after it change no DOM outside
 * the editor at all; when typing pauses the stage's card, the badge and the Problems tab show the new
 * text's state, and it is stored. A MutationObserver on the whole page tells what changed; nothing
 * here is timed.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTypingStage, TARGET, typingPattern } from '../../bench/workloads/ui-typing';
import { stageNode, storedDocument, waitSaved } from './support/designer-page';
import { launchApp, type RunningApp } from './support/launch';

declare global {
  interface Window {
    __outside?: string[];
  }
}

/**
 * Records each mutation outside the condition editor's box, the layer its widgets are drawn in (the
 * suggest list; renderer/monaco/overflow-layer.ts) and Monaco's screen-reader announcer, as
 * "<element> <kind>".
 */
async function watchOutsideEditor(page: Page): Promise<void> {
  await page.evaluate(() => {
    window.__outside = [];
    const box = document.querySelector('[data-testid="condition-where"]');
    const name = (n: Node): string => {
      const el = n instanceof Element ? n : n.parentElement;
      const tagged = el?.closest('[data-testid]');
      return `${el?.tagName.toLowerCase() ?? '?'}.${String(el?.className ?? '')} in ${tagged?.getAttribute('data-testid') ?? 'page'}`;
    };
    const monacosOwn = (n: Node): boolean => {
      const el = n instanceof Element ? n : n.parentElement;
      // The suggest list recycles its rows: a row off the page is still Monaco's.
      return !!el?.closest('.monaco-aria-container, .monaco-list-row, [data-testid="monaco-overflow-layer"]');
    };
    new MutationObserver((records) => {
      for (const r of records) {
        if (box?.contains(r.target) || monacosOwn(r.target)) continue;
        window.__outside?.push(
          `${name(r.target)} ${r.type === 'attributes' ? `@${r.attributeName}` : r.type}`,
        );
      }
    }).observe(document.documentElement, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
    });
  });
}

const takeOutside = (page: Page): Promise<string[]> => page.evaluate(() => window.__outside?.splice(0) ?? []);

describe('designer: typing in a condition of a 13-stage pattern', () => {
  let app: RunningApp;
  let page: Page;

  beforeAll(async () => {
    app = await launchApp({ viewport: { width: 1440, height: 900 } });
    page = app.page;
  });

  afterAll(async () => {
    await app?.close();
  });

  it('changes nothing outside the editor per key; the card, badge and problems follow at the pause', async () => {
    // A pause longer than the test (read at the first key of a burst): no pause may fall between two
    // keys however slow the machine, so "before the pause" is every key typed here. The burst ends
    // below with a pointer press, which ends a pause at once (the timed pause itself is driven in
    // designer-conditions).
    await page.evaluate(() => localStorage.setItem('cepheus.typingPauseMs', '600000'));
    const { created } = await openTypingStage(app);
    const before = (typingPattern().nodes.find((n) => n.name === TARGET) as { where: string }).where;
    await app.shell.selectBottomTab('problems');
    await page.getByTestId('inspector-status').filter({ hasText: 'Valid' }).waitFor();
    await page.getByTestId('condition-where').locator('.view-lines').click();
    await page.keyboard.press('Control+End');
    await watchOutsideEditor(page);

    const typed = ' && amount >';
    const perKey: string[][] = [];
    for (const key of typed) {
      await page.keyboard.type(key);
      // The key is in the editor before its mutations are read.
      await page
        .getByTestId('condition-where')
        .locator('.view-lines')
        .filter({ hasText: (before + typed.slice(0, perKey.length + 1)).trimEnd() })
        .waitFor();
      if (perKey.length === 0)
        await page.getByTestId('inspector-status').filter({ hasText: 'Checking…' }).waitFor();
      perKey.push(await takeOutside(page));
    }
    // The first key: only the badge, which stops showing the verdict of the text before, and the save
    // indicator (the keys are not saved).
    expect(perKey[0].length).toBeGreaterThan(0);
    for (const m of perKey[0]) expect(m).toMatch(/ in (inspector-status|save-status) /);
    // Every key after it: nothing outside the editor.
    expect(perKey.slice(1)).toEqual(perKey.slice(1).map(() => []));
    // Still before the pause: the card shows the condition as it was.
    expect(await stageNode(page, TARGET).locator('.cep-stage-cond').textContent()).toBe(before);

    // Still held: typing has not paused.
    expect(await page.getByTestId('inspector-status').textContent()).toBe('Checking…');
    // The user presses elsewhere (the inspector's title): the pause ends, and the card, the badge and
    // the Problems tab show the new text's state, and it is stored.
    await page.getByTestId('inspector-pattern-name').click();
    await stageNode(page, TARGET)
      .locator('.cep-stage-cond')
      .filter({ hasText: `${before}${typed}` })
      .waitFor();
    await page
      .getByTestId('inspector-status')
      .filter({ hasText: /^1 error$/ })
      .waitFor();
    await page.getByTestId('problem-row').filter({ hasText: TARGET }).first().waitFor();
    await waitSaved(page);
    const stored = (await storedDocument(app.api, created.id)).nodes.find((n) => n.name === TARGET);
    expect(stored?.kind === 'stage' && stored.where).toBe(`${before}${typed}`);
  });

  it('matches the bracket at the cursor without colouring every bracket pair', async () => {
    // Colouring bracket pairs is switched off in condition editors (a query of the bracket tree per
    // key, for one or two lines); it must hold for the model the editor was opened on as well.
    const lines = page.getByTestId('condition-where').locator('.view-lines');
    await lines.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' 5 || (amount < 2)');
    await page.keyboard.press('Escape');
    await lines.filter({ hasText: '|| (amount < 2)' }).waitFor();
    // The cursor sits after ")": both brackets of the pair are marked.
    await page.getByTestId('condition-where').locator('.bracket-match').nth(1).waitFor();
    expect(await page.getByTestId('condition-where').locator('[class*="bracket-highlighting"]').count()).toBe(
      0,
    );
  });

  it('opens and closes the suggest list without laying out the page from its root', async () => {
    // Monaco hides the list with display: none; it is positioned out of flow, and such a box
    // entering or leaving the layout re-lays the whole page (~800 objects) on each key that opens
    // or closes the list. Kept in the layout while hidden, only the list's own layer is laid out.
    const lines = page.getByTestId('condition-where').locator('.view-lines');
    await lines.click();
    await page.keyboard.press('Control+End');
    const list = page.getByTestId('monaco-overflow-layer').locator('.suggest-widget');
    await app.browser.startTracing(page, { categories: ['devtools.timeline'] });
    for (let round = 0; round < 2; round++) {
      await page.keyboard.type(' && am');
      await list.locator('.monaco-list-row').first().waitFor();
      await page.keyboard.press('Escape');
      await list.locator('.monaco-list-row').first().waitFor({ state: 'hidden' });
    }
    const trace = JSON.parse((await app.browser.stopTracing()).toString()) as {
      traceEvents: {
        name: string;
        args?: { beginData?: { partialLayout?: boolean; dirtyObjects?: number } };
      }[];
    };
    const fromRoot = trace.traceEvents
      .filter((e) => e.name === 'Layout' && e.args?.beginData?.partialLayout === false)
      .map((e) => e.args?.beginData?.dirtyObjects ?? 0);
    // A few objects from the root are the text's own line growing; the list is ~100.
    expect(fromRoot.filter((dirty) => dirty > 40)).toEqual([]);
    // Hidden, the list catches no pointer: a press where it was reaches what is under it.
    const box = await list.boundingBox();
    const hit = await page.evaluate(
      ([x, y]) => document.elementFromPoint(x, y)?.closest('.suggest-widget') !== null,
      [(box?.x ?? 0) + 20, (box?.y ?? 0) + 10],
    );
    expect(hit).toBe(false);
  });

  it('produced no console errors, page errors or CSP violations', async () => {
    expect(await app.shell.problems()).toEqual([]);
  });
});
