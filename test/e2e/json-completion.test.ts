/**
 * Completion in the JSON view, from the document's schema, as a user meets it: a contiguity value
 * retyped from the list of allowed values (the canvas follows), and the list of a new stage object's
 * properties.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PatternDocument } from '../../engine/format/schema';
import { openStored, storedDocument, waitSaved } from './support/designer-page';
import { launchApp, type RunningApp } from './support/launch';
import { artifactsDir, repoRoot } from './support/paths';

const SAMPLE = JSON.parse(
  readFileSync(join(repoRoot, 'samples', 'patterns', 'login-brute-force.cep.json'), 'utf8'),
) as PatternDocument;

/** The labels in Monaco's open suggestion list. */
async function suggestions(page: Page): Promise<string[]> {
  const widget = page.locator('.suggest-widget.visible');
  await widget.waitFor();
  return widget.locator('.monaco-list-row .label-name').allTextContents();
}

describe('JSON view completion', () => {
  let app: RunningApp;
  let page: Page;
  let id = '';

  beforeAll(async () => {
    app = await launchApp();
    page = app.page;
    id = await openStored(
      app.api,
      page,
      'Completion check',
      { ...SAMPLE, name: 'Completion check' },
      'failure',
    );
  });

  afterAll(async () => {
    await app?.close();
  });

  it('lists the allowed contiguities at an edge value and applies the one picked', async () => {
    // Nothing selected after opening: the inspector shows the pattern.
    await page.getByTestId('pattern-inspector').waitFor();
    await page.getByTestId('inspector-tab-json').click();
    const json = page.getByTestId('json-view');
    await json.locator('.view-lines', { hasText: '"cepheus.pattern"' }).waitFor();
    await json.locator('.view-lines').click();
    // From the top, find the first followedBy edge (e2), delete its value and start a new string.
    await app.shell.chord('Home');
    await app.shell.chord('F');
    // Find selects the first match as it is typed (Enter would go on to the next one).
    await page.keyboard.type('"followedBy"', { delay: 10 });
    await page.keyboard.press('Escape');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('"', { delay: 10 });
    expect(await suggestions(page)).toEqual([
      '"next"',
      '"followedBy"',
      '"followedByAny"',
      '"notNext"',
      '"notFollowedBy"',
    ]);
    await page.screenshot({ path: join(artifactsDir, 'json-completion-values.png') });
    await page.keyboard.type('next', { delay: 10 });
    await page.keyboard.press('Enter');
    await json.locator('.view-line', { hasText: '"contiguity": "next"' }).first().waitFor();
    // The edit applies after the pause: the stored edge changes, the text stays valid.
    await expect
      .poll(async () => (await storedDocument(app.api, id)).edges.find((e) => e.id === 'e2')?.contiguity, {
        timeout: 15_000,
      })
      .toBe('next');
    await waitSaved(page);
  });

  it("lists a new stage object's properties, with the required ones marked", async () => {
    const json = page.getByTestId('json-view');
    // At the start of the top-level "nodes" array: a new object there is a node.
    await json.locator('.view-lines').click();
    await app.shell.chord('Home');
    await app.shell.chord('F');
    await page.keyboard.type('"nodes": [', { delay: 10 });
    await page.keyboard.press('Escape');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.type('{"kind": "stage", "', { delay: 10 });
    const labels = await suggestions(page);
    expect(labels).toEqual(expect.arrayContaining(['id', 'name', 'where', 'quantifier']));
    expect(labels).not.toContain('kind');
    expect(labels).not.toContain('nodes');
    await page.screenshot({ path: join(artifactsDir, 'json-completion-properties.png') });
    await page.keyboard.press('Escape');
    await json.locator('.view-lines').waitFor();
  });
});
