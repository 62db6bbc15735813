/**
 * Issue 14, point 14: New pattern and Export are visible buttons; the empty state's "start a new one"
 * is a button; a reload reopens the pattern last open; a pasted stage does not land on its original.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stageNode, waitSaved } from './support/designer-page';
import { launchApp, type RunningApp } from './support/launch';

describe('starting out: visible commands, reopen, paste', () => {
  let app: RunningApp;
  let page: Page;

  beforeAll(async () => {
    app = await launchApp();
    page = app.page;
  });

  afterAll(async () => {
    await app?.close();
  });

  it('the empty canvas offers a New pattern button', async () => {
    await page.getByTestId('canvas-empty').waitFor();
    expect(await page.getByTestId('top-bar-export').isDisabled()).toBe(true);
    await page.getByTestId('canvas-empty-new').click();
    await app.shell.patternTitle.filter({ hasText: 'Untitled pattern' }).waitFor();
    await stageNode(page, 'start').waitFor();
  });

  it('the top bar has New pattern and Export buttons', async () => {
    await page.getByTestId('top-bar-new').click();
    await app.shell.patternTitle.filter({ hasText: 'Untitled pattern 2' }).waitFor();
    await page.getByTestId('top-bar-export').click();
    await page.getByTestId('export-dialog').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('export-dialog').waitFor({ state: 'detached' });
    await app.shell.screenshot('top-bar-commands');
  });

  it('a pasted stage lands clear of its original', async () => {
    await stageNode(page, 'start').click();
    await app.shell.chord('C');
    await app.shell.chord('V');
    await stageNode(page, 'start_2').waitFor();
    const original = await stageNode(page, 'start').boundingBox();
    const copy = await stageNode(page, 'start_2').boundingBox();
    if (!original || !copy) throw new Error('stages not visible');
    const apart =
      copy.y >= original.y + original.height ||
      copy.x >= original.x + original.width ||
      original.y >= copy.y + copy.height;
    expect(apart).toBe(true);
    // Each further paste lands below the last; the view follows, so the newest copy is never out of sight.
    await app.shell.chord('V');
    await app.shell.chord('V');
    await app.shell.chord('V');
    const newest = stageNode(page, 'start_5');
    await newest.waitFor();
    const pane = await page.locator('.react-flow__pane').boundingBox();
    if (!pane) throw new Error('no canvas');
    // Polls until the view has moved (a condition, not a time limit: generous for a loaded machine).
    await expect
      .poll(
        async () => {
          const box = await newest.boundingBox();
          return !!box && box.y >= pane.y && box.y + box.height <= pane.y + pane.height;
        },
        { timeout: 20_000 },
      )
      .toBe(true);
    // The paste is autosaved before the next test reloads the page.
    await waitSaved(page);
  });

  it('a reload reopens the pattern last open', async () => {
    await app.shell.libraryItem('Untitled pattern').first().waitFor();
    await page.reload();
    await app.shell.waitUntilReady();
    await app.shell.patternTitle.filter({ hasText: 'Untitled pattern 2' }).waitFor();
    await stageNode(page, 'start').waitFor();
  });

  it('produced no console errors, page errors or CSP violations', async () => {
    expect(await app.shell.problems()).toEqual([]);
  });
});
