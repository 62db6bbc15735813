/**
 * Issue 14, point 9: the JSON view and the inspector's badge give one verdict, in the same words as
 * Problems, whatever is wrong (text that is not JSON, JSON that is not a valid pattern, a pattern
 * that loads but has an error); leaving the JSON view with text that does not load asks first (keep
 * editing / discard my JSON edits), and opening another pattern keeps that text for later.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Pattern } from '../../engine/format/builder';
import { launchApp, type RunningApp } from './support/launch';
import { openStored, stageNode } from './support/designer-page';

const NAME = 'Login then purchase';
const OTHER = 'Second pattern';
const schema = {
  fields: [
    { name: 'type', type: 'string' as const },
    { name: 'amount', type: 'number' as const },
  ],
};

const badge = (page: Page) => page.getByTestId('inspector-status');
const status = (page: Page) => page.getByTestId('json-status');
const jsonLines = (page: Page) => page.getByTestId('json-view').locator('.view-lines');
const jsonLine = (page: Page, text: string) =>
  page.getByTestId('json-view').locator('.view-line', { hasText: text }).first();

/** Waits until the badge reads `label`, then checks the JSON view's status line says the same. */
async function verdictIs(page: Page, label: string, sentence: RegExp): Promise<void> {
  await badge(page)
    .filter({ hasText: new RegExp(`^${label}$`) })
    .waitFor();
  await status(page).filter({ hasText: sentence }).waitFor();
  expect(await badge(page).getAttribute('title')).toBe(await status(page).textContent());
}

/** Scrolls the JSON down to the line holding `text` and puts the caret at its end, before the comma. */
async function endOfJsonLine(page: Page, text: string): Promise<void> {
  await jsonLines(page).click();
  await page.keyboard.press('Control+Home');
  // Monaco renders only the lines in view: walk down with the keys until the line is drawn.
  for (let i = 0; i < 80 && !(await jsonLine(page, text).isVisible()); i++)
    await page.keyboard.press('PageDown');
  await jsonLine(page, text).click();
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowLeft');
}

async function problemMessages(page: Page): Promise<string[]> {
  return page
    .getByTestId('problem-row')
    .locator('.problem-message')
    .evaluateAll((rows) => rows.map((r) => r.textContent ?? ''));
}

async function jsonMessages(page: Page): Promise<string[]> {
  return page
    .getByTestId('json-errors')
    .locator('.insp-message span')
    .evaluateAll((rows) => rows.map((r) => r.textContent ?? ''));
}

describe('designer: the JSON view and the badge agree', () => {
  let app: RunningApp;
  let page: Page;

  beforeAll(async () => {
    app = await launchApp();
    page = app.page;
    await app.api.patterns.create({
      name: OTHER,
      document: Pattern.begin('only').where('amount > 5').toDocument({ name: OTHER, eventSchema: schema }),
    });
    const document = Pattern.begin('login')
      .where("type == 'login'")
      .next('purchase')
      .where('amount > 1')
      .toDocument({ name: NAME, eventSchema: schema });
    await openStored(app.api, page, NAME, document, 'login');
    await app.shell.selectBottomTab('problems');
  });

  afterAll(async () => {
    await app?.close();
  });

  it('says the same as the badge and Problems for text that is not JSON, and asks before leaving it', async () => {
    await page.getByTestId('inspector-tab-json').click();
    await jsonLine(page, '"cepheus.pattern"').waitFor();
    await verdictIs(page, 'Valid', /^The pattern is valid\.$/);

    // Text that is not JSON: the badge counts it, as Problems does.
    await jsonLines(page).click();
    await app.shell.chord('Home');
    await page.keyboard.type('oops', { delay: 10 });
    await page.locator('[data-testid="json-errors"][data-applied="false"]').waitFor();
    await verdictIs(page, '1 error', /^The JSON text has 1 error and is not applied/);
    expect(await jsonMessages(page)).toEqual(await problemMessages(page));
    expect(await page.locator('.react-flow__node').count()).toBe(2);
    await app.shell.screenshot('designer-json-not-applied');

    // Leaving asks; Escape (or Keep editing) stays, with the text and the caret in it.
    await page.getByTestId('inspector-tab-properties').click();
    const ask = page.getByTestId('leave-json-dialog');
    await ask.waitFor();
    expect(await ask.textContent()).toContain('The JSON text has 1 error');
    await app.shell.screenshot('designer-json-leave-ask');
    await page.keyboard.press('Escape');
    await ask.waitFor({ state: 'detached' });
    expect(await page.getByTestId('inspector-tab-json').getAttribute('aria-selected')).toBe('true');
    await page.waitForFunction(() => document.activeElement?.closest('.monaco-editor') !== null);
    await page.keyboard.type('!', { delay: 10 });
    await jsonLine(page, 'oops!').waitFor();

    // The Show Properties command leaves the view too: it asks as well, and Discard goes on.
    await app.shell.runCommand('Show Properties');
    await ask.waitFor();
    await page.getByTestId('leave-json-keep').click();
    await ask.waitFor({ state: 'detached' });
    await page.getByTestId('inspector-tab-properties').click();
    await page.getByTestId('leave-json-discard').click();
    await page.getByTestId('pattern-inspector').waitFor();
    await badge(page)
      .filter({ hasText: /^Valid$/ })
      .waitFor();
    expect(await problemMessages(page)).toEqual([]);
    await page.getByTestId('inspector-tab-json').click();
    await jsonLine(page, '"cepheus.pattern"').waitFor();
    expect(await jsonLines(page).textContent()).not.toContain('oops');
  });

  it('speaks of stages, not JSON paths, for JSON that is not a valid pattern', async () => {
    await endOfJsonLine(page, '"description": ""');
    for (let i = 0; i < 2; i++) await page.keyboard.press('Backspace');
    await page.keyboard.type('5', { delay: 10 });
    await page.locator('[data-testid="json-errors"][data-applied="false"]').waitFor();
    await verdictIs(page, '1 error', /^The JSON text has 1 error and is not applied/);
    const [message] = await jsonMessages(page);
    expect(message).toMatch(/^The description must be text/);
    expect(message).not.toMatch(/nodes\[/);
    expect(await problemMessages(page)).toEqual([message]);
    await page.keyboard.press('Backspace');
    await page.keyboard.type('""', { delay: 10 });
    await verdictIs(page, 'Valid', /^The pattern is valid\.$/);
  });

  it('shows a loaded pattern’s own errors in the JSON too, where they are', async () => {
    await endOfJsonLine(page, '"amount > 1"');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Backspace');
    // "amount > " applies (it is valid JSON and a valid document) but the condition is broken.
    await page.locator('[data-testid="json-errors"][data-applied="true"]').waitFor();
    await verdictIs(page, '1 error', /^The pattern has 1 error: see Problems\.$/);
    expect(await jsonMessages(page)).toEqual(await problemMessages(page));
    // The squiggle sits on the broken condition's line.
    await jsonLine(page, '"amount > "').waitFor();
    await page.getByTestId('json-view').locator('.squiggly-error').first().waitFor();
    await app.shell.screenshot('designer-json-pattern-error');
    await app.shell.chord('Z');
    await verdictIs(page, 'Valid', /^The pattern is valid\.$/);
  });

  it('keeps text that does not load when another pattern is opened, and brings it back', async () => {
    await jsonLines(page).click();
    await app.shell.chord('Home');
    await page.keyboard.type('draft', { delay: 10 });
    await page.locator('[data-testid="json-errors"][data-applied="false"]').waitFor();
    await app.shell.libraryItem(OTHER).click();
    await stageNode(page, 'only').waitFor();
    await jsonLine(page, `"${OTHER}"`).waitFor();
    expect(await jsonLines(page).textContent()).not.toContain('draft');
    await verdictIs(page, 'Valid', /^The pattern is valid\.$/);

    await app.shell.libraryItem(NAME).click();
    await stageNode(page, 'login').waitFor();
    await jsonLine(page, 'draft').waitFor();
    await verdictIs(page, '1 error', /^The JSON text has 1 error and is not applied/);
    expect(await app.shell.problems()).toEqual([]);
  });
});
