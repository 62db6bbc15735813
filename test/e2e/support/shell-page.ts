/**
 * Page object for the application shell: locators for its regions and the user's moves (keyboard,
 * menu, palette, library), so feature tests read as what a user does, not as CSS selectors.
 */
import type { Locator, Page } from 'playwright-core';
import { artifactPath } from './artifacts';
import type { PageDiagnostics } from './diagnostics';

export type BottomTabName = 'problems' | 'replay' | 'results' | 'tests';

export class ShellPage {
  readonly topBar: Locator;
  readonly canvas: Locator;
  readonly canvasEmptyHint: Locator;
  readonly inspector: Locator;
  readonly bottomPanel: Locator;
  readonly statusBar: Locator;
  readonly library: Locator;
  readonly palette: Locator;
  readonly paletteInput: Locator;
  readonly themeSwitch: Locator;
  readonly patternTitle: Locator;

  constructor(
    readonly page: Page,
    readonly diagnostics: PageDiagnostics,
  ) {
    const id = (testId: string) => page.getByTestId(testId);
    this.topBar = id('top-bar');
    this.canvas = id('canvas');
    this.canvasEmptyHint = id('canvas-empty');
    this.inspector = id('inspector');
    this.bottomPanel = id('bottom-panel');
    this.statusBar = id('status-bar');
    this.library = id('pattern-library');
    this.palette = id('command-palette');
    this.paletteInput = id('palette-input');
    this.themeSwitch = id('theme-switch');
    this.patternTitle = id('pattern-title');
  }

  /** The shell is up and has heard back from the back end (library loaded or failed visibly). */
  async waitUntilReady(): Promise<void> {
    await this.page.getByTestId('shell').waitFor();
    await this.page.locator('[data-testid="status-connection"]:not(:has-text("Connecting"))').waitFor();
    await this.page
      .locator('[data-testid="library-empty"], [data-testid="library-error"], .library-list')
      .first()
      .waitFor();
  }

  /** The effective theme, as written to <html data-theme>. */
  async theme(): Promise<'light' | 'dark'> {
    const value = await this.page.locator('html').getAttribute('data-theme');
    if (value !== 'light' && value !== 'dark')
      throw new Error(`<html data-theme> is "${value}", expected light or dark`);
    return value;
  }

  async toggleThemeWithSwitch(): Promise<'light' | 'dark'> {
    const before = await this.theme();
    await this.themeSwitch.click();
    const expected = before === 'dark' ? 'light' : 'dark';
    await this.page.locator(`html[data-theme="${expected}"]`).waitFor();
    return expected;
  }

  /** Presses the platform's command chord, e.g. chord("K") → Control+K (Meta+K on macOS hosts). */
  async chord(key: string, { shift = false, alt = false } = {}): Promise<void> {
    const mod = process.platform === 'darwin' ? 'Meta' : 'Control';
    await this.page.keyboard.press([mod, shift && 'Shift', alt && 'Alt', key].filter(Boolean).join('+'));
  }

  async openPalette(): Promise<void> {
    await this.chord('K');
    await this.palette.waitFor();
  }

  /** Runs a command through the palette, as a keyboard user would. */
  async runCommand(query: string): Promise<void> {
    if (!(await this.palette.isVisible())) await this.openPalette();
    await this.paletteInput.fill(query);
    await this.page.keyboard.press('Enter');
    await this.palette.waitFor({ state: 'detached' });
  }

  /** Runs an action from the top-bar menu by its id (e.g. "view.toggleBottomPanel"). */
  async runMenuAction(actionId: string): Promise<void> {
    await this.page.getByTestId('app-menu-button').click();
    await this.page.locator(`[data-testid="app-menu"] [data-action-id="${actionId}"]`).click();
  }

  async selectBottomTab(tab: BottomTabName): Promise<void> {
    await this.page.getByTestId(`tab-${tab}`).click();
    await this.page.locator(`[data-testid="tab-${tab}"][aria-selected="true"]`).waitFor();
  }

  libraryItem(name: string): Locator {
    return this.library.locator('.library-item', { hasText: name });
  }

  async openPattern(name: string): Promise<void> {
    await this.libraryItem(name).click();
    await this.page.getByTestId('inspector-pattern-name').filter({ hasText: name }).waitFor();
  }

  /** Saves a full-page screenshot under test-artifacts/e2e/ and returns its path. */
  async screenshot(name: string): Promise<string> {
    const path = artifactPath(`${name}.png`);
    await this.page.screenshot({ path, animations: 'disabled' });
    return path;
  }

  /** Console errors, page errors, CSP violations and failed requests so far (empty = clean). */
  async problems(): Promise<string[]> {
    return this.diagnostics.problems();
  }
}
