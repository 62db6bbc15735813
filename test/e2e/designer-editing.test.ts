/**
 * The designer as a new user drives it, with mouse and keyboard in Chromium: a three-stage pattern
 * built from the palette, a condition typed with an error (squiggle, inline message, Problems row that
 * leads back to it), fixed; a quantifier and a contiguity changed in the inspector; the quantifier
 * editor refusing what Flink refuses, with the reason; undo and redo; a node moved without a new
 * semantic version; the JSON view in two-way sync; a reload that finds everything saved; screenshots
 * in light and dark; and no console errors or CSP violations throughout.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PatternDocument } from '../../engine/format/schema';
import {
  dragBetween,
  edgeLabels,
  handleOf as handle,
  stageNode as node,
  typeInCondition,
  waitSaved,
} from './support/designer-page';
import { launchApp, type RunningApp } from './support/launch';
import { artifactsDir } from './support/paths';

/** A click on empty canvas clears the selection: the inspector shows the pattern. */
async function clearSelection(page: Page): Promise<void> {
  await page.locator('.react-flow__pane').click({ position: { x: 400, y: 150 } });
  await page.getByTestId('pattern-inspector').waitFor();
}

describe('designer editing', () => {
  let app: RunningApp;
  let page: Page;
  let patternId = '';

  const stored = async (): Promise<{ doc: PatternDocument; hash: string; version: number }> => {
    const detail = await app.api.patterns.get({ id: patternId });
    return {
      doc: detail.document as PatternDocument,
      hash: detail.semanticHash,
      version: detail.latestVersion,
    };
  };
  const stageOf = (doc: PatternDocument, name: string) => {
    const hit = doc.nodes.find((n) => n.name === name);
    if (!hit || hit.kind !== 'stage') throw new Error(`no stage ${name}`);
    return hit;
  };

  beforeAll(async () => {
    app = await launchApp({ colorScheme: 'light' });
    page = app.page;
  });

  afterAll(async () => {
    await app?.close();
  });

  it('builds a three-stage pattern from the palette', async () => {
    await app.shell.runCommand('new pattern');
    await node(page, 'start').waitFor();
    const [summary] = await app.api.patterns.list();
    patternId = summary?.id ?? '';
    expect(patternId).not.toBe('');
    // Nothing selected: the inspector shows the pattern and its plain-language summary.
    await page.getByTestId('pattern-inspector').waitFor();
    await page.getByTestId('palette-add-stage').click();
    await node(page, 'stage1').waitFor();
    await page.getByTestId('palette-add-stage').click();
    await node(page, 'stage2').waitFor();
    await dragBetween(page, handle(page, 'start', 'source'), handle(page, 'stage1', 'target'));
    await edgeLabels(page).first().waitFor();
    await dragBetween(page, handle(page, 'stage1', 'source'), handle(page, 'stage2', 'target'));
    await edgeLabels(page).nth(1).waitFor();
    await app.shell.screenshot('designer-editing-built');
    await clearSelection(page);
    await page
      .getByTestId('pattern-summary')
      .filter({ hasText: /stage2/ })
      .waitFor();
    await page.getByTestId('inspector-status').filter({ hasText: 'Valid' }).waitFor();
    await waitSaved(page);
  });

  it('shows a condition error as a squiggle, inline and in Problems, and goes back to it from there', async () => {
    await node(page, 'stage1').click();
    const inspector = page.getByTestId('stage-inspector');
    await inspector.waitFor();
    expect(await page.getByTestId('stage-name').inputValue()).toBe('stage1');
    await typeInCondition(page, 'condition-where', 'amount >');
    // The engine's diagnostic arrives as a Monaco marker and as an inline message under the editor.
    await page
      .locator('[data-testid="condition-where"][data-has-error="true"] .squiggly-error')
      .first()
      .waitFor();
    await inspector
      .getByTestId('field-messages')
      .filter({ hasText: /expected|missing|end/i })
      .first()
      .waitFor();
    await page.getByTestId('inspector-status').filter({ hasText: '1 error' }).waitFor();
    await node(page, 'stage1').locator('[data-testid="node-problems-stage1"]').waitFor();

    await app.shell.selectBottomTab('problems');
    const row = page.locator('[data-testid="problem-row"][data-code="expr.syntax"]');
    await row.waitFor();
    expect(await row.textContent()).toMatch(/"stage1" · where 1:\d+/);

    // From elsewhere (the pattern settings), a click on the problem returns to the stage and the range.
    await clearSelection(page);
    await row.click();
    await page.locator('[data-testid="stage-inspector"]').waitFor();
    await page.waitForFunction(
      () => document.activeElement?.closest('[data-testid="condition-where"]') !== null,
    );
    await app.shell.screenshot('designer-editing-condition-error');

    // Fix it where the cursor already is.
    await page.keyboard.press('End');
    await page.keyboard.type(' 100', { delay: 15 });
    await page.keyboard.press('Escape');
    await page.locator('[data-testid="condition-where"][data-has-error="false"]').waitFor();
    await page.getByTestId('problems-empty').waitFor();
    await page.getByTestId('inspector-status').filter({ hasText: 'Valid' }).waitFor();
    await waitSaved(page);
    expect(stageOf((await stored()).doc, 'stage1').where).toBe('amount > 100');
  });

  it('changes a quantifier with whole-number inputs and shows it on the canvas', async () => {
    await page.getByTestId('quantifier-kind-times').click();
    const from = page.getByTestId('quantifier-from');
    const to = page.getByTestId('quantifier-to');
    await from.fill('2');
    await to.fill('x');
    // A wrong value is refused inline and not stored.
    await page
      .getByTestId('section-quantifier')
      .getByTestId('field-messages')
      .filter({ hasText: 'whole number' })
      .waitFor();
    await to.fill('4');
    await page.getByTestId('quantifier-notation').filter({ hasText: '{2,4}' }).waitFor();
    await page.getByTestId('quantifier-stage1').filter({ hasText: /2.*4/ }).waitFor();
    // Greedy becomes available only now that the stage repeats.
    expect(await page.getByTestId('quantifier-greedy').isEnabled()).toBe(true);
    await waitSaved(page);
    expect(stageOf((await stored()).doc, 'stage1').quantifier).toMatchObject({
      kind: 'times',
      from: 2,
      to: 4,
    });
  });

  it("changes an edge's contiguity, and the quantifier editor of a NOT stage says what Flink refuses", async () => {
    const intoStage2 = edgeLabels(page).nth(1);
    await intoStage2.click();
    await page.getByTestId('edge-inspector').waitFor();
    await page.getByTestId('contiguity-select').selectOption('notNext');
    await page.locator('[data-testid^="edge-label-"][data-contiguity="notNext"]').waitFor();

    await node(page, 'stage2').click();
    await page.getByTestId('stage-inspector').waitFor();
    expect(await page.getByTestId('quantifier-kind-times').isDisabled()).toBe(true);
    expect(await page.getByTestId('quantifier-optional').isDisabled()).toBe(true);
    expect(await page.getByTestId('quantifier-reasons').textContent()).toContain(
      'Flink: Option not applicable to NOT pattern',
    );
    await app.shell.screenshot('designer-editing-not-stage');

    // stage1 before a NOT stage cannot become optional either, and says why.
    await node(page, 'stage1').click();
    expect(await page.getByTestId('quantifier-optional').isDisabled()).toBe(true);
    expect(await page.getByTestId('quantifier-reasons').textContent()).toMatch(/NOT stage.*optional/);
    await waitSaved(page);
    const doc = (await stored()).doc;
    expect(doc.edges.map((e) => e.contiguity)).toContain('notNext');
  });

  it('undo and redo walk the edits back and forth', async () => {
    await clearSelection(page);
    await app.shell.chord('Z');
    await page
      .locator('[data-testid^="edge-label-"][data-contiguity="notNext"]')
      .waitFor({ state: 'detached' });
    expect(
      await edgeLabels(page).evaluateAll((els) => els.map((e) => e.getAttribute('data-contiguity'))),
    ).toEqual(['followedBy', 'followedBy']);
    await app.shell.chord('Z');
    await page.getByTestId('quantifier-stage1').filter({ hasText: /2.*4/ }).waitFor({ state: 'detached' });
    await app.shell.chord('Z', { shift: true });
    await page.getByTestId('quantifier-stage1').filter({ hasText: /2.*4/ }).waitFor();
    await app.shell.chord('Z', { shift: true });
    await page.locator('[data-testid^="edge-label-"][data-contiguity="notNext"]').waitFor();
    await waitSaved(page);
  });

  it('moves a node without a new semantic version', async () => {
    const before = await stored();
    const box = await node(page, 'stage2').locator('.cep-stage-head').boundingBox();
    if (!box) throw new Error('stage2 not visible');
    await page.mouse.move(box.x + 20, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + 20, box.y + 80, { steps: 6 });
    await page.mouse.move(box.x + 20, box.y + 160, { steps: 6 });
    await page.mouse.up();
    await page
      .locator(
        '[data-testid="save-status"][data-state="dirty"], [data-testid="save-status"][data-state="saving"]',
      )
      .first()
      .waitFor();
    await waitSaved(page);
    const after = await stored();
    expect(after.hash).toBe(before.hash);
    expect(after.version).toBe(before.version);
  });

  it('keeps the JSON view in two-way sync and never loses the canvas to invalid JSON', async () => {
    await clearSelection(page);
    await page.getByTestId('inspector-tab-json').click();
    const json = page.getByTestId('json-view');
    await json.locator('.view-lines', { hasText: '"cepheus.pattern"' }).waitFor();
    // Break the JSON: the errors show, the canvas stays.
    await json.locator('.view-lines').click();
    await app.shell.chord('Home');
    await page.keyboard.type('oops', { delay: 10 });
    await page.getByTestId('json-errors').waitFor();
    expect(await page.locator('.react-flow__node').count()).toBe(3);
    expect(await page.getByTestId('problems-list').textContent()).toContain('JSON view');
    // Monaco's own undo (focus is in the editor) restores the text, which applies as "no change".
    await app.shell.chord('Z');
    await page.getByTestId('json-errors').waitFor({ state: 'detached' });
    // A valid edit in the JSON replaces the document: the canvas follows, as one undo step.
    await json.locator('.view-line', { hasText: '"name": "stage1"' }).click();
    await page.keyboard.press('End');
    for (let i = 0; i < 2; i++) await page.keyboard.press('ArrowLeft');
    await page.keyboard.type('_x', { delay: 10 });
    await node(page, 'stage1_x').waitFor();
    await page.locator('.react-flow__pane').click({ position: { x: 400, y: 150 } });
    await app.shell.chord('Z');
    await node(page, 'stage1').waitFor();
    // …and an edit on the canvas side rewrites the JSON.
    await json.locator('.view-lines', { hasText: '"stage1"' }).waitFor();
    await page.getByTestId('inspector-tab-properties').click();
    await page.getByTestId('pattern-inspector').waitFor();
  });

  it('finds everything saved after a reload', async () => {
    await waitSaved(page);
    await page.reload();
    await app.shell.waitUntilReady();
    await app.shell.libraryItem('Untitled pattern').click();
    await node(page, 'stage2').waitFor();
    expect(
      await edgeLabels(page).evaluateAll((els) => els.map((e) => e.getAttribute('data-contiguity'))),
    ).toEqual(['followedBy', 'notNext']);
    await node(page, 'stage1').click();
    await page.getByTestId('condition-where').locator('.view-lines', { hasText: 'amount > 100' }).waitFor();
    expect(await page.getByTestId('quantifier-notation').textContent()).toBe('{2,4}');
    const doc = (await stored()).doc;
    expect(stageOf(doc, 'stage1').quantifier).toMatchObject({ kind: 'times', from: 2, to: 4 });
  });

  it("completes event fields from the pattern's event schema and shows their type on hover", async () => {
    await clearSelection(page);
    await page
      .getByTestId('section-schema')
      .getByRole('button', { name: /Event schema/i })
      .click();
    await page.getByTestId('schema-add-field').click();
    await page.getByLabel('Field 1 name').fill('amount');
    await page.getByLabel('Field 1 type').selectOption('number');
    await node(page, 'stage1').click();
    await typeInCondition(page, 'condition-where', ' && amo');
    // Escape closed the widget; ask for it again the way a user would.
    await page.keyboard.press('Control+Space');
    const suggest = page.locator('.suggest-widget.visible');
    await suggest.locator('.monaco-list-row', { hasText: 'amount' }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.keyboard.type(' < 5000', { delay: 15 });
    await page.locator('[data-testid="condition-where"][data-has-error="false"]').waitFor();
    await page
      .getByTestId('condition-where')
      .locator('.view-lines', { hasText: 'amount > 100 && amount < 5000' })
      .waitFor();
    await waitSaved(page);
    expect(stageOf((await stored()).doc, 'stage1').where).toBe('amount > 100 && amount < 5000');
    // Hover over the field: its type from the schema.
    const line = await page.getByTestId('condition-where').locator('.view-line').first().boundingBox();
    if (!line) throw new Error('condition not visible');
    await page.mouse.move(line.x + 12, line.y + line.height / 2);
    await page.locator('.monaco-hover', { hasText: 'Field amount: number' }).waitFor();
  });

  it('looks right in light and dark', async () => {
    await app.shell.selectBottomTab('problems');
    await page.screenshot({ path: join(artifactsDir, '..', 'designer-light.png'), animations: 'disabled' });
    expect(await app.shell.toggleThemeWithSwitch()).toBe('dark');
    await page.locator('[data-testid="condition-where"] .monaco-editor.vs-dark').waitFor();
    await page.screenshot({ path: join(artifactsDir, '..', 'designer-dark.png'), animations: 'disabled' });
  });

  it('produced no console errors, page errors, CSP violations or failed requests', async () => {
    expect(await app.shell.problems()).toEqual([]);
  });
});
