/**
 * The library as a new user meets it: a first start with the samples seeded opens "Card testing"
 * with hints in the canvas, inspector and bottom panel (dismissals survive a reload); the samples
 * gallery opens a monitoring example; list actions duplicate, rename and delete (after confirming);
 * a pattern goes out as a `.cep.json` download and comes back in through "Open file…", while a bad
 * file is explained without touching the library.
 */
import { readFileSync } from 'node:fs';
import type { Locator, Page, Response, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDocument } from '../../engine/format/load';
import { launchApp, type RunningApp } from './support/launch';

/** The hint on screen overlaps no button, field, tab or menu item outside itself. */
async function expectCoversNoControl(page: Page): Promise<void> {
  const covered = await page.evaluate(() => {
    const hint = document.querySelector('[data-testid^="welcome-hint-"][role="note"]');
    if (!hint) return ['no hint'];
    const h = hint.getBoundingClientRect();
    const controls = document.querySelectorAll('button, input, select, textarea, [role="tab"], a[href]');
    return [...controls]
      .filter((c) => !hint.contains(c))
      .filter((c) => {
        const r = c.getBoundingClientRect();
        return r.width > 0 && r.left < h.right && h.left < r.right && r.top < h.bottom && h.top < r.bottom;
      })
      .map((c) => c.getAttribute('data-testid') ?? c.textContent?.trim() ?? c.tagName);
  });
  expect(covered).toEqual([]);
}

describe('pattern library: first start, samples gallery, list actions and files', () => {
  let app: RunningApp;

  beforeAll(async () => {
    app = await launchApp({ seedSamples: true });
  });

  afterAll(async () => {
    await app?.close();
  });

  /** The list row whose name is exactly `name` (so "X" does not also match "X copy"). */
  const row = (name: string): Locator =>
    app.shell.library
      .locator('.library-row')
      .filter({ has: app.page.locator('.library-item-name').getByText(name, { exact: true }) });

  const namesStored = async () => (await app.api.patterns.list()).map((p) => p.name);
  const countNamed = async (name: string) => (await namesStored()).filter((n) => n === name).length;
  /** The sample the gallery opened (the seeded library already holds one of the same name). */
  let gallerySampleId = '';
  const galleryRow = () => app.shell.library.locator(`.library-row[data-row-id="${gallerySampleId}"]`);

  it('opens the welcome sample on a fresh start, with its recording chosen and hints shown', async () => {
    const { shell, page, api } = app;
    const info = await api.app.info();
    expect(info.welcome?.slug).toBe('card-testing');
    await shell.patternTitle.filter({ hasText: 'Card testing' }).waitFor();
    await shell.canvas.locator('.react-flow__node').first().waitFor();
    // One hint at a time, in the order of the work, each taking its own room: no control under it.
    const hints = page.locator('[data-testid^="welcome-hint-"][role="note"]');
    await page.getByTestId('welcome-hint-canvas').waitFor();
    expect(await hints.count()).toBe(1);
    await expectCoversNoControl(page);
    await shell.screenshot('first-start');
    await page.getByTestId('welcome-hint-next').click();
    await page.getByTestId('welcome-hint-conditions').waitFor();
    expect(await hints.count()).toBe(1);
    await expectCoversNoControl(page);
    await page.getByTestId('welcome-hint-next').click();
    await page.getByTestId('welcome-hint-replay').waitFor();
    expect(await hints.count()).toBe(1);
    expect(await page.getByTestId('welcome-hint-replay').textContent()).toContain(
      'step through the recording with ← →',
    );
    await expectCoversNoControl(page);
    // The Replay tab and its controls stay clickable and clear of the hint.
    await shell.selectBottomTab('replay');
    await page.getByTestId('replay-start').waitFor();
    await expectCoversNoControl(page);
    await shell.screenshot('first-start-replay');
    // Replay has the sample's recording preselected for this pattern.
    const chosen = await page.evaluate(() => localStorage.getItem('cepheus.replay.recordings'));
    expect(JSON.parse(chosen ?? '{}')).toMatchObject({
      [info.welcome?.patternId ?? '?']: info.welcome?.recordingId,
    });
  });

  it('remembers a dismissed hint across a reload', async () => {
    const { shell, page } = app;
    // The first two were dismissed above; the third is still there after a reload.
    await page.reload();
    await shell.waitUntilReady();
    await shell.patternTitle.filter({ hasText: 'Card testing' }).waitFor();
    await page.getByTestId('welcome-hint-replay').waitFor();
    expect(await page.getByTestId('welcome-hint-canvas').count()).toBe(0);
    // "Got it" on the last one: no hint after the next reload.
    await page.getByTestId('welcome-hint-next').click();
    await page.getByTestId('welcome-hint-replay').waitFor({ state: 'detached' });
    await page.reload();
    await shell.waitUntilReady();
    await shell.patternTitle.filter({ hasText: 'Card testing' }).waitFor();
    await page.waitForTimeout(300);
    expect(await page.locator('[data-testid^="welcome-hint-"][role="note"]').count()).toBe(0);
  });

  it('opens a monitoring sample from the gallery, grouped by family', async () => {
    const { shell, page } = app;
    const before = (await namesStored()).length;
    // First start seeded every sample; the gallery adds a fresh copy of the one chosen.
    expect(await countNamed('CPU saturated')).toBe(1);
    await shell.runCommand('sample gallery');
    const gallery = page.getByTestId('sample-gallery');
    await gallery.locator('[data-sample-slug]').first().waitFor();
    expect(await gallery.locator('.gallery-family .section-title').allTextContents()).toEqual([
      'Risk control',
      'Marketing',
      'Monitoring',
    ]);
    const monitoring = gallery.getByTestId('gallery-family-monitoring');
    expect(await monitoring.locator('.gallery-item-text').first().textContent()).not.toBe('');
    await monitoring.locator('[data-sample-slug="cpu-sustained"]').click();
    await gallery.waitFor({ state: 'detached' });
    await shell.patternTitle.filter({ hasText: 'CPU saturated' }).waitFor();
    await shell.canvas.locator('.react-flow__node').first().waitFor();
    expect(await namesStored()).toHaveLength(before + 1);
    expect(await countNamed('CPU saturated')).toBe(2);
    gallerySampleId =
      (await shell.library.locator('.library-row[aria-selected="true"]').getAttribute('data-row-id')) ?? '';
    expect(gallerySampleId).not.toBe('');
  });

  it('a reload later in the first session reopens the pattern last open, not the welcome sample', async () => {
    const { shell, page } = app;
    await page.reload();
    await shell.waitUntilReady();
    await shell.patternTitle.filter({ hasText: 'CPU saturated' }).waitFor();
    await shell.library
      .locator(`.library-row[data-row-id="${gallerySampleId}"][aria-selected="true"]`)
      .waitFor();
    expect(await shell.patternTitle.textContent()).not.toContain('Card testing');
  });

  it('duplicates, renames inline and deletes after confirming', async () => {
    const { shell, page } = app;
    await galleryRow().hover();
    await galleryRow().getByTestId('library-duplicate').click();
    await shell.patternTitle.filter({ hasText: 'CPU saturated copy' }).waitFor();
    expect(await namesStored()).toContain('CPU saturated copy');

    await row('CPU saturated copy').hover();
    await row('CPU saturated copy').getByTestId('library-rename').click();
    const input = shell.library.getByTestId('library-rename-input');
    expect(await input.inputValue()).toBe('CPU saturated copy');
    await input.fill('CPU alert for on-call');
    await page.keyboard.press('Enter');
    await row('CPU alert for on-call').waitFor();
    expect(await namesStored()).toContain('CPU alert for on-call');
    expect(await namesStored()).not.toContain('CPU saturated copy');
    // The open pattern's own name follows (the inspector edits the same name).
    await page.getByTestId('pattern-name').and(page.locator('[value="CPU alert for on-call"]')).waitFor();

    // Escape leaves the name as it was.
    await row('CPU alert for on-call').locator('.library-item').dblclick();
    await input.fill('never stored');
    await page.keyboard.press('Escape');
    await row('CPU alert for on-call').waitFor();
    expect(await namesStored()).not.toContain('never stored');

    // Cancel keeps the pattern; Delete removes it.
    await row('CPU alert for on-call').hover();
    await row('CPU alert for on-call').getByTestId('library-delete').click();
    const confirm = page.getByTestId('confirm-delete-pattern');
    expect(await confirm.textContent()).toContain('“CPU alert for on-call”');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await confirm.waitFor({ state: 'detached' });
    expect(await namesStored()).toContain('CPU alert for on-call');
    await row('CPU alert for on-call').hover();
    await row('CPU alert for on-call').getByTestId('library-delete').click();
    await confirm.getByTestId('confirm-delete').click();
    await row('CPU alert for on-call').waitFor({ state: 'detached' });
    expect(await namesStored()).not.toContain('CPU alert for on-call');
    expect(await shell.statusBar.textContent()).toContain('Deleted “CPU alert for on-call”');
  });

  it('renames the pattern in the library when its name is edited in the inspector', async () => {
    const { shell, page } = app;
    await row('Card testing').locator('.library-item').click();
    await shell.patternTitle.filter({ hasText: 'Card testing' }).waitFor();
    await page.getByTestId('pattern-name').fill('Card testing (tuned)');
    await row('Card testing (tuned)').waitFor();
    expect(await namesStored()).toContain('Card testing (tuned)');
  });

  it('an emptied name says the pattern keeps its old name until one is typed', async () => {
    const { page } = app;
    const name = page.getByTestId('pattern-name');
    await name.click();
    await name.press('Control+A');
    await name.press('Backspace');
    await name.press('Tab');
    const field = page.getByTestId('pattern-inspector').locator('.insp-field', { has: name });
    await field
      .getByText('A pattern needs a name; it stays “Card testing (tuned)” until you type one.')
      .waitFor();
    expect(await namesStored()).toContain('Card testing (tuned)');
    await name.fill('Card testing');
    await row('Card testing').waitFor();
    expect(await field.locator('.insp-field-error, [role="alert"]').count()).toBe(0);
  });

  it('saves the open pattern as a .cep.json download and opens that file back as a new pattern', async () => {
    const { shell, page } = app;
    await galleryRow().locator('.library-item').click();
    await shell.patternTitle.filter({ hasText: 'CPU saturated' }).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), shell.runCommand('save as file')]);
    expect(download.suggestedFilename()).toBe('cpu-saturated.cep.json');
    const path = await download.path();
    const loaded = loadDocument(JSON.parse(readFileSync(path, 'utf8')) as unknown);
    if (!loaded.ok) throw new Error(`download does not load: ${JSON.stringify(loaded.diagnostics)}`);
    expect(loaded.document.name).toBe('CPU saturated');
    expect(loaded.document.nodes.length).toBeGreaterThan(0);

    const copiesBefore = await countNamed('CPU saturated');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), shell.runCommand('open file')]);
    // Playwright keeps downloads under a random name; hand the chooser the file as the user saved it.
    await chooser.setFiles({
      name: download.suggestedFilename(),
      mimeType: 'application/json',
      buffer: readFileSync(path),
    });
    await shell.statusBar.filter({ hasText: 'Opened “cpu-saturated.cep.json”' }).waitFor();
    expect(await countNamed('CPU saturated')).toBe(copiesBefore + 1);
    await shell.canvas.locator('.react-flow__node').first().waitFor();
  });

  it('explains a file that is not a pattern and changes nothing', async () => {
    const { page } = app;
    const before = await namesStored();
    const bad = {
      name: 'broken.cep.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{ "format": "cepheus.pattern", "nodes": [ }'),
    };
    await page.getByTestId('pattern-file-input').setInputFiles(bad);
    const dialog = page.getByTestId('file-problem');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('broken.cep.json');
    expect(await dialog.getByTestId('file-problem-list').textContent()).toMatch(
      /Not valid JSON at line 1, column \d+/,
    );
    await dialog.locator('.modal-footer').getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'detached' });

    const wrong = {
      name: 'other.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{ "format": "cepheus.pattern", "version": 1, "name": 3 }'),
    };
    await page.getByTestId('pattern-file-input').setInputFiles(wrong);
    await dialog.waitFor();
    expect(await dialog.getByTestId('file-problem-list').locator('li').count()).toBeGreaterThan(0);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await namesStored()).toEqual(before);
  });

  it('deletes the open pattern while its autosave is on the wire: the save ends first, none follows the delete', async () => {
    const { shell, page } = app;
    await galleryRow().hover();
    await galleryRow().getByTestId('library-duplicate').click();
    await shell.patternTitle.filter({ hasText: 'CPU saturated copy' }).waitFor();
    // Saves reach the back end 1.5 s late, as from a busy host: the delete is clicked while one is sent.
    let routed = 0;
    const statuses: number[] = [];
    const slowSave = async (route: Route): Promise<void> => {
      routed += 1;
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue();
    };
    const onResponse = (response: Response): void => {
      if (response.url().endsWith('/api/patterns.save')) statuses.push(response.status());
    };
    page.on('response', onResponse);
    await page.route('**/api/patterns.save', slowSave);
    try {
      await page.getByTestId('pattern-inspector').getByLabel('Description').fill('about to be deleted');
      await page.locator('[data-testid="save-status"][data-state="saving"]').waitFor();
      await row('CPU saturated copy').hover();
      await row('CPU saturated copy').getByTestId('library-delete').click();
      await page.getByTestId('confirm-delete').click();
      await row('CPU saturated copy').waitFor({ state: 'detached' });
      expect(await namesStored()).not.toContain('CPU saturated copy');
      // The notice follows the list's update: wait for it rather than read the bar at once.
      await expect
        .poll(() => shell.statusBar.textContent(), { timeout: 15_000 })
        .toContain('Deleted “CPU saturated copy”');
      // Every save sent has its answer, and none is a "not found" from arriving after the delete.
      await expect.poll(() => statuses.length, { timeout: 15_000 }).toBe(routed);
      expect(routed).toBeGreaterThan(0);
      expect(statuses.filter((status) => status !== 200)).toEqual([]);
    } finally {
      page.off('response', onResponse);
      await page.unroute('**/api/patterns.save', slowSave);
    }
  });

  it('produced no console errors, page errors, CSP violations or failed requests', async () => {
    expect(await app.shell.problems()).toEqual([]);
  });
});
