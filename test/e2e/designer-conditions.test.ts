/**
 * Issue 14, point 16, the condition editor: undo inside it still works after the user selected
 * another stage and came back; completion offers the stage names right after `last(`; no problem
 * shows an internal id (n1, e2) or a JSON path. ("Did you mean" quick fixes: designer-problems.)
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Pattern } from '../../engine/format/builder';
import type { PatternDocument } from '../../engine/format/schema';
import { openStored, stageNode, storedDocument, typeInCondition, waitSaved } from './support/designer-page';
import { launchApp, type RunningApp } from './support/launch';

const INTERNAL = /\b[ne]\d+\b|\[\d+\]|eventSchema|nodes\.|edges\./;

describe('designer: the condition editor', () => {
  let app: RunningApp;
  let page: Page;
  let id = '';

  const editorText = (): Promise<string> =>
    page.getByTestId('condition-where').locator('.view-lines').innerText();
  /** Puts the cursor at the very end of the condition: select all, then → (End stops at a wrap). */
  const clickAtEnd = async (): Promise<void> => {
    await page.getByTestId('condition-where').locator('.view-lines').click();
    await app.shell.chord('A');
    await page.keyboard.press('ArrowRight');
  };
  const select = async (name: string): Promise<void> => {
    await stageNode(page, name).locator('.cep-stage-head').click();
    await page.getByTestId('condition-where').locator('.monaco-editor').waitFor();
  };
  /** The colour of the first run of the editor's text that, trimmed, is `text`. */
  const colourOf = (text: string): Promise<string | null> =>
    page
      .getByTestId('condition-where')
      .locator('.view-lines span span')
      .evaluateAll(
        (spans, want) =>
          spans
            .filter((s) => (s.textContent ?? '').replace(/\u00a0/g, ' ').trim() === want)
            .map((s) => getComputedStyle(s).color)[0] ?? null,
        text,
      );
  const whereOf = async (name: string): Promise<string | undefined> => {
    await waitSaved(page);
    const node = (await storedDocument(app.api, id)).nodes.find((n) => n.name === name);
    return node?.kind === 'stage' ? node.where : undefined;
  };

  beforeAll(async () => {
    app = await launchApp();
    page = app.page;
    const doc = Pattern.begin('first')
      .where("kind == 'a'")
      .followedBy('second')
      .where("kind == 'b'")
      .toDocument({
        name: 'Conditions',
        eventSchema: {
          fields: [
            { name: 'kind', type: 'string' },
            { name: 'amount', type: 'number' },
          ],
        },
      });
    id = await openStored(app.api, page, 'Conditions', doc, 'first');
  });

  afterAll(async () => {
    await app?.close();
  });

  it('undoes typing in a condition after another stage was selected in between', async () => {
    await select('second');
    await typeInCondition(page, 'condition-where', ' && amount > 5');
    expect(await whereOf('second')).toBe("kind == 'b' && amount > 5");
    await select('first');
    await select('second');
    await page.getByTestId('condition-where').locator('.view-lines').click();
    // Monaco's own undo, word by word, as in any editor.
    const plain = async () => (await editorText()).replace(/\s+/g, ' ').trim();
    for (let i = 0; i < 8 && (await plain()) !== "kind == 'b'"; i++) {
      await app.shell.chord('Z');
      await page.waitForTimeout(100);
    }
    expect(await plain()).toBe("kind == 'b'");
    await page.keyboard.press('Escape');
    expect(await whereOf('second')).toBe("kind == 'b'");
  });

  it('offers the stage names right after last(, and inserts the one chosen', async () => {
    await clickAtEnd();
    await page.keyboard.type(' && amount > last(', { delay: 20 });
    const rows = page.locator('.suggest-widget .monaco-list-row');
    await rows.first().waitFor();
    const offered = await rows.allTextContents();
    expect(offered.some((t) => t.startsWith('first'))).toBe(true);
    expect(offered.some((t) => t.startsWith('second'))).toBe(true);
    await app.shell.screenshot('designer-condition-last-completion');
    await page.locator('.suggest-widget .monaco-list-row', { hasText: /^first/ }).click();
    await page.keyboard.type(').amount', { delay: 20 });
    await page.keyboard.press('Escape');
    expect(await whereOf('second')).toBe("kind == 'b' && amount > last(first).amount");
  });

  it('saves every key typed just before Ctrl+S (keys reach the pattern after the frame that shows them)', async () => {
    await select('first');
    await clickAtEnd();
    // No pause between the last key and the chord: the version must still hold every key.
    await page.keyboard.type(' && amount > 7');
    await app.shell.chord('S');
    const newestWhere = async (): Promise<string | undefined> => {
      const [newest] = await app.api.patterns.versions({ id });
      if (!newest) return undefined;
      const version = await app.api.patterns.getVersion({ id, version: newest.version });
      const node = (version.document as PatternDocument).nodes.find((n) => n.name === 'first');
      return node?.kind === 'stage' ? node.where : undefined;
    };
    await expect.poll(newestWhere).toBe("kind == 'a' && amount > 7");
    await page.keyboard.press('Escape');
  });

  it('keeps every key in the draft at once; the card, the squiggle and the error count follow when typing pauses', async () => {
    await select('first');
    await clickAtEnd();
    // Views around the editor are told of the keys when typing pauses (renderer/state/settled-document.ts).
    await page.keyboard.type(' && amount >', { delay: 20 });
    // The draft (what a reload restores) has every key without waiting for that pause.
    await page.waitForFunction(
      (pid) => (localStorage.getItem(`cepheus.draft.${pid}`) ?? '').includes('amount > 7 && amount >'),
      id,
    );
    const card = stageNode(page, 'first').locator('.cep-stage-cond');
    await card.filter({ hasText: 'amount > 7 && amount >' }).waitFor();
    await page
      .locator('[data-testid="condition-where"][data-has-error="true"] .squiggly-error')
      .first()
      .waitFor();
    await page.getByTestId('inspector-status').filter({ hasText: '1 error' }).waitFor();
    // Fixed, still typing in the same editor: the squiggle and the count go, the card follows.
    await page.keyboard.type(' 9', { delay: 20 });
    await page.locator('[data-testid="condition-where"][data-has-error="false"]').waitFor();
    await page.getByTestId('inspector-status').filter({ hasText: 'Valid' }).waitFor();
    await expect.poll(() => page.locator('[data-testid="condition-where"] .squiggly-error').count()).toBe(0);
    await card.filter({ hasText: 'amount > 7 && amount > 9' }).waitFor();
    await page.keyboard.press('Escape');
    expect(await whereOf('first')).toBe("kind == 'a' && amount > 7 && amount > 9");
  });

  it('colours functions, keywords, numbers and strings as they are typed', async () => {
    await select('second');
    await clickAtEnd();
    await page.keyboard.type(" && abs(amount) > 1.5 and kind != 'c", { delay: 20 });
    await page.keyboard.press('Escape');
    await expect.poll(() => colourOf('abs')).toBe('rgb(124, 58, 237)'); // a function (themes.ts)
    expect(await colourOf('and')).toBe('rgb(29, 78, 216)'); // a keyword
    const plain = await colourOf('kind');
    expect(plain).not.toBeNull();
    for (const other of ['1.5', "'c'", 'abs', 'and']) expect(await colourOf(other)).not.toBe(plain);
    expect(await whereOf('second')).toBe(
      "kind == 'b' && amount > last(first).amount && abs(amount) > 1.5 and kind != 'c'",
    );
  });

  it("colours the pattern's stage names, and a stage's new name once it is renamed, in both themes", async () => {
    await select('second');
    await clickAtEnd();
    // Real keys: `last(` opens the stage list (the editor closes the `)`), the name is typed on.
    await page.keyboard.type(' && last(first', { delay: 20 });
    await page.keyboard.press('Escape');
    const STAGE_LIGHT = 'rgb(14, 116, 144)'; // type.identifier in themes.ts
    await expect.poll(() => colourOf('first')).toBe(STAGE_LIGHT);
    expect(await colourOf('amount')).not.toBe(STAGE_LIGHT); // a field is not a stage
    await page.keyboard.press('Escape');
    expect(await whereOf('second')).toMatch(/&& last\(first\)$/);

    // Renamed in the inspector: the conditions follow (designer-rename) and the new name is a stage's.
    await select('first');
    const name = page.getByTestId('stage-name');
    await name.click();
    await name.press('Control+A');
    await name.pressSequentially('origin', { delay: 20 });
    await stageNode(page, 'origin').waitFor();
    await select('second');
    await page.getByTestId('condition-where').filter({ hasText: 'last(origin)' }).waitFor();
    await expect.poll(() => colourOf('origin')).toBe(STAGE_LIGHT);

    await app.shell.toggleThemeWithSwitch();
    await expect.poll(() => colourOf('origin')).toBe('rgb(95, 212, 232)');
    await app.shell.screenshot('designer-condition-stage-names-dark');
    await app.shell.toggleThemeWithSwitch();
    // Back to the old name for the tests after this one.
    await select('origin');
    await name.click();
    await name.press('Control+A');
    await name.pressSequentially('first', { delay: 20 });
    await stageNode(page, 'first').waitFor();
  });

  it("shows the completion list whole over the inspector and the canvas, each item's kind, the focused item's detail on demand", async () => {
    await select('first');
    await clickAtEnd();
    await page.keyboard.type(' && amount > last(', { delay: 20 });
    const widget = page.locator('.suggest-widget.visible');
    const rows = widget.locator('.monaco-list-row');
    await rows.first().waitFor();
    // The list is wider than the inspector: drawn inside it, its left part would be cut off.
    const list = await widget.boundingBox();
    const inspector = await page.getByTestId('inspector').boundingBox();
    expect(list && inspector && list.x < inspector.x).toBe(true);
    // Every row is on top at its left and right ends, over the canvas and the inspector alike.
    const hits = await rows.evaluateAll((els) =>
      els.map((row) => {
        const r = row.getBoundingClientRect();
        const y = r.top + r.height / 2;
        return [r.left + 4, r.right - 4].every((x) => row.contains(document.elementFromPoint(x, y)));
      }),
    );
    expect(hits.length).toBeGreaterThanOrEqual(2);
    expect(hits.every(Boolean)).toBe(true);
    // Each item shows its kind (a stage's icon).
    const icons = await rows.evaluateAll((els) =>
      els.map((row) => {
        const icon = row.querySelector('.suggest-icon');
        const box = icon?.getBoundingClientRect();
        return !!icon && /codicon-symbol-/.test(icon.className) && !!box && box.width > 0 && box.height > 0;
      }),
    );
    expect(icons.every(Boolean)).toBe(true);
    // The focused item's detail and documentation: the details pane (Ctrl+Space), as in VS Code.
    await page.keyboard.press('Control+Space');
    const details = page.locator('.suggest-details-container .suggest-details');
    await details.filter({ hasText: 'stage' }).filter({ hasText: "stage 'first'" }).waitFor();
    await app.shell.screenshot('designer-condition-completion-details');
    // Closed again: Monaco remembers the choice for the next list.
    await page.keyboard.press('Control+Space');
    await expect.poll(() => details.isVisible()).toBe(false);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
  });

  it('names stages and connections by name in every problem, never by id', async () => {
    // A stray stage and a condition error: the list speaks in names.
    await page.getByTestId('palette-add-stage').click();
    await stageNode(page, 'stage1').waitFor();
    await select('first');
    await typeInCondition(page, 'condition-where', ' && amount >');
    await app.shell.selectBottomTab('problems');
    const rows = page.getByTestId('problem-row');
    await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(2);
    for (const text of await rows.allTextContents()) expect(text).not.toMatch(INTERNAL);
    await app.shell.screenshot('designer-problems-in-words');
  });

  it('produced no console errors, page errors or CSP violations', async () => {
    expect(await app.shell.problems()).toEqual([]);
  });
});
