/**
 * The application shell in a real browser against the real back end: regions render, the theme
 * follows the OS and switches, the command palette and menu drive the same actions, and the page
 * stays free of console errors and CSP violations (the renderer must never need eval).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, type RunningApp } from './support/launch';

describe('application shell', () => {
  let app: RunningApp;

  beforeAll(async () => {
    app = await launchApp({ colorScheme: 'light' });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('renders top bar, library, canvas, inspector, bottom panel and status bar', async () => {
    const { shell } = app;
    for (const region of [
      shell.topBar,
      shell.library,
      shell.canvas,
      shell.inspector,
      shell.bottomPanel,
      shell.statusBar,
    ]) {
      expect(await region.isVisible()).toBe(true);
    }
    expect(await shell.topBar.textContent()).toContain('Cepheus');
    expect(await shell.canvasEmptyHint.isVisible()).toBe(true);
    // React Flow mounted its viewport and controls inside our canvas frame.
    expect(await shell.canvas.locator('.react-flow__viewport').count()).toBe(1);
    expect(await shell.canvas.locator('.react-flow__controls').isVisible()).toBe(true);
    // The fresh data folder has no patterns, and the status bar says it talked to the web host.
    expect(await shell.page.getByTestId('library-empty').isVisible()).toBe(true);
    expect(await shell.page.getByTestId('status-connection').textContent()).toMatch(/^Web · v\d+\.\d+\.\d+/);
    await shell.screenshot('shell-light');
  });

  it('follows the OS theme, switches on click and keeps the choice across reloads', async () => {
    const { shell, page } = app;
    expect(await shell.theme()).toBe('light');
    expect(await page.getByTestId('status-theme').textContent()).toBe('Light (system)');
    expect(await shell.toggleThemeWithSwitch()).toBe('dark');
    expect(await page.getByTestId('status-theme').textContent()).toBe('Dark');
    await shell.screenshot('shell-dark');
    await page.reload();
    await shell.waitUntilReady();
    expect(await shell.theme()).toBe('dark');
    await shell.runCommand('theme follow system');
    expect(await shell.theme()).toBe('light');
  });

  it('opens the command palette with Ctrl+K and Ctrl+Shift+P, filters and runs a command', async () => {
    const { shell, page } = app;
    await shell.openPalette();
    await shell.screenshot('command-palette');
    await shell.paletteInput.fill('bottom panel');
    const items = shell.palette.locator('[role="option"]');
    expect(await items.allTextContents()).toEqual([expect.stringContaining('Toggle bottom panel')]);
    await page.keyboard.press('Escape');
    await shell.palette.waitFor({ state: 'detached' });

    await shell.chord('P', { shift: true });
    await shell.palette.waitFor();
    await shell.runCommand('toggle bottom panel');
    await shell.bottomPanel.waitFor({ state: 'detached' });
    // The same action from the keyboard shortcut brings it back.
    await shell.chord('J');
    await shell.bottomPanel.waitFor();
  });

  it('runs actions from the menu and switches bottom tabs', async () => {
    const { shell, page } = app;
    await shell.runMenuAction('view.toggleInspector');
    await shell.inspector.waitFor({ state: 'detached' });
    await shell.runMenuAction('view.toggleInspector');
    await shell.inspector.waitFor();
    await shell.selectBottomTab('replay');
    // The replay panel's code loads when its tab is first opened.
    await page.getByTestId('replay-empty').waitFor();
    await shell.selectBottomTab('results');
    expect(await page.getByTestId('results-empty').isVisible()).toBe(true);
    await shell.selectBottomTab('problems');
  });

  it('produced no console errors, page errors, CSP violations or failed requests', async () => {
    expect(await app.shell.problems()).toEqual([]);
  });

  it('shows a typed, readable error when the session token is wrong', async () => {
    const { page, shell, diagnostics } = await app.newPage(`${app.host.baseUrl}/?token=not-the-token`);
    try {
      expect(await page.getByTestId('library-error').textContent()).toContain('Could not load patterns');
      expect(await page.getByTestId('status-connection').textContent()).toBe(
        'Back end unavailable (unauthorized)',
      );
      // The refused calls are the only problems: 401 responses logged by the browser, nothing else.
      const problems = await shell.problems();
      expect(problems.length).toBeGreaterThan(0);
      expect(problems.every((p) => p.includes('401'))).toBe(true);
      expect(diagnostics.pageErrors).toEqual([]);
      await shell.screenshot('shell-unauthorized');
    } finally {
      await page.close();
    }
  });
});
