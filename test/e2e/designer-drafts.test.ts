/**
 * Issue 14, point 7: a half-typed edit never shows "Save failed". The working copy is kept as a
 * draft and the indicator says what is missing in words (no JSON paths); leaving the page asks first;
 * after a reload the draft comes back, and finishing the edit saves it.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Pattern } from '../../engine/format/builder';
import { emptyStageName, openStored, stageNode, storedDocument, waitSaved } from './support/designer-page';
import { launchApp, type RunningApp } from './support/launch';

const NAME = 'Half typed';

describe('designer: drafts of edits that cannot be saved yet', () => {
  let app: RunningApp;
  let page: Page;
  let id = '';

  beforeAll(async () => {
    app = await launchApp();
    page = app.page;
    const document = Pattern.begin('first')
      .where("type == 'a'")
      .followedBy('second')
      .where("type == 'b'")
      .toDocument({ name: NAME });
    id = await openStored(app.api, page, NAME, document, 'first');
  });

  afterAll(async () => {
    await app?.close();
  });

  it('keeps a half-typed stage name as a draft and says why in words', async () => {
    await emptyStageName(page, 'second');
    const status = page.getByTestId('save-status');
    expect(await page.getByTestId('save-reason').textContent()).toBe(
      'The name of an unnamed stage must not be empty.',
    );
    // Well past the autosave delay: still a draft, never "Save failed".
    await page.waitForTimeout(1500);
    expect(await status.getAttribute('data-state')).toBe('invalid');
    expect(await status.textContent()).not.toMatch(/failed|nodes\[/i);
    const stored = await storedDocument(app.api, id);
    expect(stored.nodes.map((n) => n.name)).toEqual(['first', 'second']);
  });

  it('asks before leaving, and a reload brings the draft back', async () => {
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.type());
      void d.accept();
    });
    await page.reload();
    expect(dialogs).toContain('beforeunload');
    await app.shell.waitUntilReady();
    await app.shell.libraryItem(NAME).click();
    await app.shell.statusBar.filter({ hasText: `Restored your unsaved edits to “${NAME}”` }).waitFor();
    await page.getByTestId('save-status').filter({ hasText: 'Not saved' }).waitFor();
    // The unnamed stage is still there, waiting for its name.
    await stageNode(page, '').waitFor();
    await stageNode(page, '').click();
    await page.getByTestId('stage-name').fill('second_step');
    await waitSaved(page);
    const stored = await storedDocument(app.api, id);
    expect(stored.nodes.map((n) => n.name)).toEqual(['first', 'second_step']);
    expect(await page.evaluate((key) => localStorage.getItem(key), `cepheus.draft.${id}`)).toBeNull();
  });

  it('produced no console errors, page errors or CSP violations', async () => {
    expect(await app.shell.problems()).toEqual([]);
  });
});
