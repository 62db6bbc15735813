/**
 * Issue 14, point 15: the command palette lists each command once (a command with two shortcuts
 * shows both), opens a pattern by name (Ctrl+P), and runs replay commands while a replay is open even
 * though its plain keys belong to the palette's text field.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, type RunningApp } from './support/launch';

describe('command palette', () => {
  let app: RunningApp;
  let page: Page;

  beforeAll(async () => {
    app = await launchApp({ seedSamples: true });
    page = app.page;
    await app.shell.patternTitle.filter({ hasText: 'Card testing' }).waitFor({ timeout: 90_000 });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('lists every command once, with all its shortcuts', async () => {
    await app.shell.openPalette();
    const ids = await page
      .locator('[data-testid="command-palette"] [data-action-id]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-action-id')));
    expect(ids.length).toBeGreaterThan(30);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.some((id) => id?.endsWith('Alt'))).toBe(false);
    await app.shell.paletteInput.fill('redo');
    const redo = page.locator('[data-action-id="edit.redo"]');
    await redo.waitFor();
    expect(await page.locator('[data-testid="command-palette"] [data-action-id]').count()).toBe(1);
    expect(await redo.locator('kbd').allTextContents()).toEqual(['Ctrl+Shift+Z', 'Ctrl+Y']);
    await page.keyboard.press('Escape');
    await app.shell.palette.waitFor({ state: 'detached' });
  });

  it('opens a pattern by name with Ctrl+P', async () => {
    await app.shell.chord('P');
    await page.locator('[data-testid="command-palette"][data-mode="patterns"]').waitFor();
    await app.shell.paletteInput.fill('heart miss');
    const rows = page.locator('[data-testid="command-palette"] [data-pattern-id]');
    await rows.filter({ hasText: 'Heartbeat missing' }).waitFor();
    expect(await rows.count()).toBe(1);
    await page.keyboard.press('Enter');
    await app.shell.patternTitle.filter({ hasText: 'Heartbeat missing' }).waitFor();
    // ">" switches the same palette to commands.
    await app.shell.chord('P');
    await app.shell.paletteInput.fill('>toggle theme');
    await page
      .locator('[data-testid="command-palette"][data-mode="commands"] [data-action-id="view.toggleTheme"]')
      .waitFor();
    await page.keyboard.press('Escape');
  });

  it('runs replay commands from the palette while a replay is open', async () => {
    await app.shell.openPattern('Card testing');
    await app.shell.selectBottomTab('replay');
    await page.getByTestId('replay-start').click();
    const position = page.getByTestId('replay-position');
    await position.filter({ hasText: 'Before the first event' }).waitFor();
    await app.shell.openPalette();
    await app.shell.paletteInput.fill('replay step forward');
    const step = page.locator('[data-action-id="replay.stepForward"]');
    await step.waitFor();
    expect(await step.getAttribute('aria-disabled')).toBe('false');
    await page.keyboard.press('Enter');
    await page
      .getByTestId('replay-position')
      .filter({ hasText: /^Event 1 of/ })
      .waitFor();
  });

  it('produced no console errors, page errors or CSP violations', async () => {
    expect(await app.shell.problems()).toEqual([]);
  });
});
