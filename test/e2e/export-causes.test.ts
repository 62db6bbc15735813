/**
 * Issue 14, point 10: the export dialog tells a mistake in the pattern ("fix the pattern first",
 * with a way to the stage and to Problems) apart from a format that cannot express a valid pattern
 * ("Flink SQL cannot express this pattern; choose Flink Java …"), in words and in look.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Pattern } from '../../engine/format/builder';
import { launchApp, type RunningApp } from './support/launch';
import { openStored, stageNode, typeInCondition } from './support/designer-page';

const NAME = 'Login then purchase';

const dialog = (page: Page) => page.getByTestId('export-dialog');

async function openExport(page: Page): Promise<void> {
  await page.getByTestId('top-bar-export').click();
  await dialog(page).waitFor();
}

async function chooseTarget(page: Page, target: string): Promise<void> {
  await page.getByTestId(`export-tab-${target}`).click();
  await page.locator(`[data-testid="export-panel"][data-target="${target}"]`).waitFor();
}

describe('export dialog: pattern error or target limitation', () => {
  let app: RunningApp;
  let page: Page;

  beforeAll(async () => {
    app = await launchApp();
    page = app.page;
    const document = Pattern.begin('login')
      .where("type == 'login'")
      .followedBy('purchase')
      .where('amount > 100')
      .toDocument({
        name: NAME,
        eventSchema: {
          fields: [
            { name: 'type', type: 'string' },
            { name: 'amount', type: 'number' },
          ],
        },
      });
    await openStored(app.api, page, NAME, document, 'login');
  });

  afterAll(async () => {
    await app?.close();
  });

  it('names a format’s limitation and offers the formats that can express the pattern', async () => {
    await openExport(page);
    await chooseTarget(page, 'flink-sql');
    const refusal = page.getByTestId('export-refusal');
    await refusal.waitFor();
    expect(await refusal.getAttribute('data-kind')).toBe('limitation');
    const text = (await refusal.textContent()) ?? '';
    expect(text).toContain('Flink SQL MATCH_RECOGNIZE cannot express this pattern');
    expect(text).toContain('The pattern is valid');
    expect(text).toMatch(/purchase: followedBy .* has no MATCH_RECOGNIZE form/);
    expect(text).not.toMatch(/Fix the pattern/);
    expect(await page.getByTestId('export-pattern-error').count()).toBe(0);
    // The look differs too: an amber ✗ on the tab, not a red "!".
    expect(await page.getByTestId('export-tab-flink-sql').getAttribute('data-pattern-error')).toBe('false');
    expect(await page.getByTestId('export-tab-flink-sql').textContent()).toContain('✗');
    await app.shell.screenshot('export-target-limitation');

    // One click to a format that can.
    await page.getByTestId('export-choose-flink-java').click();
    await page.locator('[data-testid="export-panel"][data-target="flink-java"]').waitFor();
    await page
      .getByTestId('export-preview')
      .locator('.view-lines', { hasText: 'import org.apache.flink' })
      .waitFor();
    await page.keyboard.press('Escape');
    await dialog(page).waitFor({ state: 'detached' });
  });

  it('asks to fix the pattern first, and goes to the stage or to Problems', async () => {
    await stageNode(page, 'purchase').click();
    await typeInCondition(page, 'condition-where', ' &&');
    await page
      .getByTestId('inspector-status')
      .filter({ hasText: /^1 error$/ })
      .waitFor();
    await app.shell.selectBottomTab('problems');
    const problem =
      (await page.getByTestId('problem-row').locator('.problem-message').first().textContent()) ?? '';
    expect(problem).not.toBe('');

    await openExport(page);
    await chooseTarget(page, 'flink-sql');
    const error = page.getByTestId('export-pattern-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('Fix the pattern first');
    expect(await page.getByTestId('export-refusal').count()).toBe(0);
    // The same problem, in the same words as Problems.
    expect(await page.getByTestId('export-pattern-error-item').allTextContents()).toEqual([
      expect.stringContaining(problem),
    ]);
    // Every Flink format shows a red "!", our own JSON still exports.
    for (const t of ['flink-json', 'flink-java', 'flink-sql'])
      expect(await page.getByTestId(`export-tab-${t}`).getAttribute('data-pattern-error')).toBe('true');
    expect(await page.getByTestId('export-tab-json').getAttribute('data-ok')).toBe('true');
    await app.shell.screenshot('export-pattern-error');

    // "Go to" closes the dialog and selects the stage with its condition in the inspector.
    await page.getByTestId('export-go-to-problem').click();
    await dialog(page).waitFor({ state: 'detached' });
    await page.locator('[data-testid="stage-inspector"]').waitFor();
    await page.locator('.react-flow__node.selected', { has: stageNode(page, 'purchase') }).waitFor();
    await page.waitForFunction(() => document.activeElement?.closest('.monaco-editor') !== null);

    // "Show them in Problems" closes it and opens the Problems tab.
    await app.shell.selectBottomTab('results');
    await openExport(page);
    await page.getByTestId('export-show-problems').click();
    await dialog(page).waitFor({ state: 'detached' });
    await page.locator('[data-testid="tab-problems"][aria-selected="true"]').waitFor();
    expect(await app.shell.problems()).toEqual([]);
  });
});
