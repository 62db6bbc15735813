/**
 * Issue 14, point 11 (and Ctrl+S of point 15): autosave keeps the working copy but is not a version;
 * Ctrl+S makes one with feedback, "Save version with label…" labels it, a pause in editing makes one
 * too; the list says what each version changed (name and description included, moves never); any two
 * versions (or a version and the canvas) compare; labels can be added later; Escape and a click
 * outside close the panel.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Pattern } from '../../engine/format/builder';
import { clearSelection, openStored, stageNode, typeInCondition, waitSaved } from './support/designer-page';
import { launchApp, type RunningApp } from './support/launch';

const NAME = 'Login burst';

describe('designer: versions', () => {
  let app: RunningApp;
  let page: Page;
  let id = '';
  const latest = async (): Promise<number> => (await app.api.patterns.get({ id })).latestVersion;

  beforeAll(async () => {
    app = await launchApp();
    page = app.page;
    const document = Pattern.begin('fail')
      .where("status == 'failed'")
      .next('ok')
      .where("status == 'ok'")
      .toDocument({ name: NAME });
    id = await openStored(app.api, page, NAME, document, 'fail');
  });

  afterAll(async () => {
    await app?.close();
  });

  it('autosave is not a version; Ctrl+S makes one and says so', async () => {
    await stageNode(page, 'ok').click();
    await typeInCondition(page, 'condition-where', ' && amount > 5');
    await waitSaved(page);
    expect(await latest()).toBe(1);
    await app.shell.chord('S');
    await page.getByTestId('save-status').filter({ hasText: 'Saved as v2' }).waitFor();
    await app.shell.statusBar.filter({ hasText: 'Saved version 2' }).waitFor();
    expect(await latest()).toBe(2);
    // Nothing new: Ctrl+S says so instead of making an empty version.
    await app.shell.chord('S');
    await app.shell.statusBar.filter({ hasText: 'No changes since version 2' }).waitFor();
    expect(await latest()).toBe(2);
  });

  it('a new name and description are a version too, saved with a label', async () => {
    await clearSelection(page);
    await page.getByTestId('pattern-name').fill('Login burst (strict)');
    await page.getByLabel('Description').fill('Fails then a success at once');
    await app.shell.chord('S', { alt: true });
    const label = page.getByTestId('version-label-input');
    await label.waitFor();
    await page.waitForFunction(
      () => document.activeElement?.getAttribute('data-testid') === 'version-label-input',
    );
    await page
      .getByTestId('version-pending')
      .filter({ hasText: /Since v2: Renamed to "Login burst \(strict\)", description/ })
      .waitFor();
    await page.keyboard.type('strict name', { delay: 10 });
    await page.keyboard.press('Enter');
    const v3 = page.getByTestId('version-3');
    await v3.waitFor();
    expect(await v3.getByTestId('version-label').textContent()).toBe('strict name');
    expect(await v3.getByTestId('version-summary').textContent()).toBe(
      'Renamed to "Login burst (strict)", description',
    );
    expect(await page.getByTestId('version-2').getByTestId('version-summary').textContent()).toBe(
      'Condition of "ok"',
    );
  });

  it('compares any two versions, and labels an old one', async () => {
    const panel = page.getByTestId('version-history');
    await panel.getByTestId('compare-from').selectOption('1');
    await panel.getByTestId('compare-to').selectOption('3');
    const changes = panel.getByTestId('version-changes');
    await changes.filter({ hasText: 'Renamed the pattern' }).waitFor();
    const lines = await changes.locator('li').allTextContents();
    expect(lines).toEqual([
      'Renamed the pattern from "Login burst" to "Login burst (strict)".',
      'Changed the description.',
      expect.stringMatching(
        /^Condition of stage "ok" changed from status == 'ok' to status == 'ok' && amount > 5\.$/,
      ) as string,
    ]);
    await panel.getByTestId('version-1').getByTestId('version-label-button').click();
    await page.getByTestId('version-label-edit').fill('first cut');
    await page.keyboard.press('Enter');
    await panel
      .getByTestId('version-1')
      .getByTestId('version-label')
      .filter({ hasText: 'first cut' })
      .waitFor();
    expect((await app.api.patterns.versions({ id })).find((v) => v.version === 1)?.message).toBe('first cut');
    await app.shell.screenshot('designer-versions-compare');
  });

  it('closes on Escape and on a click outside', async () => {
    const panel = page.getByTestId('version-history');
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    await page.getByTestId('canvas-history').click();
    await panel.waitFor();
    const pane = await page.locator('.react-flow__pane').boundingBox();
    if (!pane) throw new Error('no canvas');
    await page.mouse.click(pane.x + 60, pane.y + pane.height - 60);
    await panel.waitFor({ state: 'detached' });
  });

  it('a pause in editing makes a version by itself', async () => {
    await page.evaluate(() => localStorage.setItem('cepheus.versionPauseMs', '1500'));
    await stageNode(page, 'fail').click();
    await typeInCondition(page, 'condition-where', " || status == 'locked'");
    await page.getByTestId('save-status').filter({ hasText: 'Saved as v4' }).waitFor();
    expect(await latest()).toBe(4);
    await page.evaluate(() => localStorage.removeItem('cepheus.versionPauseMs'));
  });

  it('produced no console errors, page errors or CSP violations', async () => {
    expect(await app.shell.problems()).toEqual([]);
  });
});
