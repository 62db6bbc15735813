/**
 * Issue 14, point 1 (and the quick fixes of point 16): while a user builds, every problem shows at
 * once. A stage dropped from the palette and not yet connected, a condition left half-typed and a
 * Flink rule broken in the settings are all listed in Problems, badged on their stage or connection,
 * counted by the inspector and squiggled in Monaco; "did you mean" is one click (Problems) or
 * Ctrl+. (the editor) away.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Pattern } from '../../engine/format/builder';
import { launchApp, type RunningApp } from './support/launch';
import {
  clearSelection,
  edgeLabels,
  openStored,
  stageNode,
  storedDocument,
  typeInCondition,
  waitSaved,
} from './support/designer-page';

const NAME = 'Refund watch';

describe('designer: every problem at once', () => {
  let app: RunningApp;
  let page: Page;
  let id = '';

  beforeAll(async () => {
    app = await launchApp();
    page = app.page;
    const document = Pattern.begin('login')
      .where("type == 'login'")
      .followedBy('purchase')
      .where('amount > 1')
      .notFollowedBy('refund')
      .where("type == 'refund'")
      .within(600_000)
      .toDocument({
        name: NAME,
        eventSchema: {
          fields: [
            { name: 'type', type: 'string' },
            { name: 'amount', type: 'number' },
          ],
        },
      });
    id = await openStored(app.api, page, NAME, document, 'login');
  });

  afterAll(async () => {
    await app?.close();
  });

  it('lists a stray stage, a half-typed condition and a broken Flink rule together', async () => {
    // 1. A stage dragged from the palette, not connected yet.
    const pane = await page.locator('.react-flow__pane').boundingBox();
    if (!pane) throw new Error('no canvas');
    await page.getByTestId('palette-add-stage').dragTo(page.locator('.react-flow__pane'), {
      targetPosition: { x: pane.width * 0.45, y: pane.height * 0.8 },
    });
    await stageNode(page, 'stage1').waitFor();
    // 2. A condition left half-typed.
    await stageNode(page, 'purchase').click();
    await typeInCondition(page, 'condition-where', ' &&');
    // 3. The time window switched off: a notFollowedBy may not end a pattern without one.
    await clearSelection(page);
    await page.getByTestId('within-toggle').uncheck();

    await app.shell.selectBottomTab('problems');
    const rows = page.getByTestId('problem-row');
    await page.getByTestId('problems-summary').filter({ hasText: '3 errors' }).waitFor();
    expect((await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-code')))).sort()).toEqual([
      'expr.syntax',
      'graph.disconnected',
      'pattern.not-followed-by-last-without-window',
    ]);
    expect(await page.getByTestId('inspector-status').textContent()).toBe('3 errors');
    // On the canvas: each on its own stage or connection.
    await page.getByTestId('node-problems-stage1').waitFor();
    await page.getByTestId('node-problems-purchase').waitFor();
    const intoRefund = page.locator('[data-testid^="edge-label-"][data-contiguity="notFollowedBy"]');
    await intoRefund.locator('[data-testid^="edge-problems-"]').waitFor();
    // In Monaco: the half-typed condition is squiggled.
    await stageNode(page, 'purchase').click();
    await page
      .locator('[data-testid="condition-where"][data-has-error="true"] .squiggly-error')
      .first()
      .waitFor();
    // No message names an internal id.
    for (const text of await rows.allTextContents()) expect(text).not.toMatch(/\((n|g|e)\d+\)|Edge e\d/);
    await app.shell.screenshot('designer-problems-all-at-once');

    // Fixing one leaves the other two standing.
    await typeInCondition(page, 'condition-where', ' amount < 500');
    await page.getByTestId('problems-summary').filter({ hasText: '2 errors' }).waitFor();
    expect(await edgeLabels(page).count()).toBe(2);
  });

  it('applies "did you mean" from the Problems list and from the editor (Ctrl+.)', async () => {
    await stageNode(page, 'login').click();
    await typeInCondition(page, 'condition-where', ' && amout > 0');
    const fix = page.getByTestId('problem-quick-fix').filter({ hasText: "Change to 'amount'" });
    await fix.waitFor();
    await fix.click();
    await page
      .getByTestId('condition-where')
      .locator('.view-lines', { hasText: "type == 'login' && amount > 0" })
      .waitFor();
    // Ctrl+Z in the editor takes back the fix alone, not the keys typed before it as well.
    await page.getByTestId('condition-where').locator('.view-lines').click();
    await app.shell.chord('Z');
    await page
      .getByTestId('condition-where')
      .locator('.view-lines', { hasText: "type == 'login' && amout > 0" })
      .waitFor();
    await app.shell.chord('Z', { shift: true });
    await page
      .getByTestId('condition-where')
      .locator('.view-lines', { hasText: "type == 'login' && amount > 0" })
      .waitFor();
    await page.keyboard.press('Escape');
    // In the editor: the light bulb's quick fix, by keyboard.
    await typeInCondition(page, 'condition-where', ' && lenght(type) > 1');
    // Wait for the finished text's diagnosis (half-typed states have squiggles of their own).
    await page.getByTestId('problem-quick-fix').filter({ hasText: "Change to 'length'" }).waitFor();
    await page.getByTestId('condition-where').locator('.view-line', { hasText: 'lenght' }).click();
    await page.keyboard.press('End');
    for (let i = 0; i < ' > 1'.length + 8; i++) await page.keyboard.press('ArrowLeft');
    await app.shell.chord('.');
    await page.locator('.action-widget', { hasText: "Change to 'length'" }).waitFor();
    // The item's title is shown whole, not cut by an ellipsis (the page's box-sizing reset once
    // narrowed Monaco's menu by its own padding).
    const title = page.locator('.action-widget .monaco-list-row .title', { hasText: "Change to 'length'" });
    const { shown, needed } = await title.evaluate((el) => ({
      shown: el.clientWidth,
      needed: el.scrollWidth,
    }));
    expect(needed).toBeLessThanOrEqual(shown);
    await page.keyboard.press('Enter');
    await page
      .getByTestId('condition-where')
      .locator('.view-lines', { hasText: 'length(type) > 1' })
      .waitFor();
    await waitSaved(page);
    const doc = await storedDocument(app.api, id);
    const login = doc.nodes.find((n) => n.name === 'login');
    expect(login?.kind === 'stage' && login.where).toBe("type == 'login' && amount > 0 && length(type) > 1");
  });

  it('produced no console errors, page errors or CSP violations', async () => {
    expect(await app.shell.problems()).toEqual([]);
  });
});
