/**
 * A condition that can never be true, as a rule author meets it: typing `&& amount < 500` after
 * `amount > 5000` puts a warning in Problems that says why and what to check; fixing the bound
 * removes it, and so does its one-click fix (&& → ||).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Pattern } from '../../engine/format/builder';
import { launchApp, type RunningApp } from './support/launch';
import { openStored, stageNode, storedDocument, typeInCondition, waitSaved } from './support/designer-page';

const NAME = 'Large transfers';

describe('lint: a condition that can never be true', () => {
  let app: RunningApp;
  let page: Page;
  let id = '';

  beforeAll(async () => {
    app = await launchApp();
    page = app.page;
    const document = Pattern.begin('big')
      .where('amount > 5000')
      .followedBy('again')
      .where('amount > 1000')
      .within(60_000)
      .toDocument({ name: NAME });
    id = await openStored(app.api, page, NAME, document, 'big');
  });

  afterAll(async () => {
    await app?.close();
  });

  it('warns in Problems while the contradiction is there, and not after it is fixed', async () => {
    await stageNode(page, 'big').click();
    await typeInCondition(page, 'condition-where', ' && amount < 500');
    await app.shell.selectBottomTab('problems');
    const problems = page.getByTestId('bottom-panel');
    await problems
      .getByText(/The condition of "big" can never be true: no amount is both > 5000 and < 500/)
      .waitFor();
    await problems.getByText(/did you mean \|\| instead of &&/).waitFor();
    await app.shell.screenshot('lint-never-true');
    await typeInCondition(page, 'condition-where', '00');
    await problems.getByText(/can never be true/).waitFor({ state: 'detached' });
  });

  it('offers "Change && to ||" in one click, which the condition editor shows', async () => {
    // Rewrite the condition as two comparisons (in a longer chain which && was meant is unknown).
    await page.getByTestId('condition-where').locator('.view-lines').click();
    await app.shell.chord('A');
    await page.keyboard.type('amount > 5000 && amount < 30', { delay: 15 });
    await page.keyboard.press('Escape');
    const problems = page.getByTestId('bottom-panel');
    await problems.getByText(/can never be true/).waitFor();
    await page.getByTestId('problem-quick-fix').filter({ hasText: 'Change && to ||' }).click();
    await problems.getByText(/can never be true/).waitFor({ state: 'detached' });
    await page
      .getByTestId('condition-where')
      .locator('.view-lines', { hasText: 'amount > 5000 || amount < 30' })
      .waitFor();
    await waitSaved(page);
    const doc = await storedDocument(app.api, id);
    const big = doc.nodes.find((n) => n.kind === 'stage' && n.name === 'big');
    expect(big && 'where' in big ? big.where : '').toBe('amount > 5000 || amount < 30');
    expect(await app.shell.problems()).toEqual([]);
  });
});
