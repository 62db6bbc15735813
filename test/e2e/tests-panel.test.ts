/**
 * Pattern tests as a rule author uses them, in real Chromium against the real back end: open
 * card-testing with its saved tests, see them pass in the Tests panel, break the cash-out threshold
 * in the condition editor and watch the right cases turn red live, jump from a failing case to the
 * replay step where expectation and outcome part ways (with "why not?"), make a new test from a
 * match in Results in one click, and compare the broken rule with the saved one (behavioural diff).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { PatternDocument } from '../../engine/format/schema';
import { stageNode, typeInCondition, waitSaved } from './support/designer-page';
import { launchApp, type RunningApp } from './support/launch';
import { repoRoot } from './support/paths';

const PATTERN = join(repoRoot, 'samples/patterns/risk/card-testing.cep.json');
const NAME = 'Card testing (tests panel)';

async function summaryIs(page: Page, text: string): Promise<void> {
  await page.waitForFunction(
    (t) => document.querySelector('[data-testid="tests-summary"]')?.textContent?.startsWith(t) ?? false,
    text,
    { timeout: 60_000 },
  );
}

describe('tests panel', () => {
  let app: RunningApp;

  beforeAll(async () => {
    app = await launchApp({ seedSamples: true });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('runs the saved tests live: all green, then red where a raised threshold stops catching', async () => {
    const { shell, page, api } = app;
    const document = JSON.parse(readFileSync(PATTERN, 'utf8')) as PatternDocument;
    await api.patterns.create({ name: NAME, document });
    await shell.openPattern(NAME);
    await shell.selectBottomTab('tests');
    await page.getByTestId('tests-list').waitFor();
    expect(await page.getByTestId('test-case').count()).toBe(document.tests.length);
    await summaryIs(page, `${document.tests.length} passed, 0 failed`);
    expect(await page.locator('[data-testid="test-case"][data-status="passed"]').count()).toBe(
      document.tests.length,
    );
    await shell.screenshot('tests-panel-green');

    // The author raises the cash-out threshold from 10,000 to 100,000 in the condition editor.
    await stageNode(page, 'cashout').click();
    await typeInCondition(page, 'condition-where', '0');
    await waitSaved(page);
    // Autosave keeps the working copy only; Ctrl+S keeps the raised threshold as version 2 (for the diff).
    await shell.chord('S');
    await shell.statusBar.filter({ hasText: 'Saved version 2' }).waitFor();
    // The three planted incidents and the count fail; the "no alert" cases still pass.
    await summaryIs(page, '3 passed, 4 failed');
    const failed = page.locator('[data-testid="test-case"][data-status="failed"]');
    expect(await failed.count()).toBe(4);
    expect(await failed.first().textContent()).toContain('card-00070');
    await shell.screenshot('tests-panel-red');
  });

  it('jumps from a failing case to the replay step where it parts from the expectation, with why not', async () => {
    const { shell, page } = app;
    const firstFailed = page.locator('[data-testid="test-case"][data-status="failed"]').first();
    const divergence = firstFailed.getByTestId('test-divergence').first();
    await divergence.waitFor();
    expect(await divergence.textContent()).toMatch(/tx-000643|#\d+/);
    expect(await firstFailed.getByTestId('test-verdict').first().textContent()).toMatch(/amount/);
    const button = firstFailed.getByTestId('test-show-step').first();
    const step = Number(/step (\d+)/.exec((await button.textContent()) ?? '')?.[1]);
    expect(step).toBeGreaterThan(0);
    await button.click();
    await page.locator('[data-testid="tab-replay"][aria-selected="true"]').waitFor();
    await page.getByTestId('replay-panel').waitFor();
    await page.waitForFunction(
      (n) => document.querySelector('[data-testid="replay-position"]')?.textContent?.includes(`Event ${n}`),
      // Step n pushed the n-th event: the replay shows "Event n of …" (events are numbered from 1).
      step.toLocaleString('en-US'),
      { timeout: 60_000 },
    );
    // The why-not verdict for the cash-out event names the condition that failed, with its values.
    const why = page.getByTestId('why-not-panel');
    await why.waitFor();
    await why
      .getByText(/amount/)
      .first()
      .waitFor({ timeout: 60_000 });
    await shell.screenshot('tests-panel-jump-to-step');
  });

  it('makes a test from a match in Results in one click, and it runs green', async () => {
    const { shell, page, api } = app;
    // Back to the saved threshold: undo the edit (the broken rule stays as a version for the diff).
    await stageNode(page, 'cashout').click();
    const editor = page.getByTestId('condition-where').locator('.monaco-editor .view-lines');
    await editor.click();
    await page.keyboard.press('End');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Escape');
    await waitSaved(page);
    await shell.selectBottomTab('tests');
    await summaryIs(page, '7 passed, 0 failed');

    // Replay the recording and take the first match from Results.
    await shell.selectBottomTab('replay');
    await page.getByTestId('replay-start').click();
    await page.getByTestId('replay-panel').waitFor({ timeout: 60_000 });
    await shell.selectBottomTab('results');
    const row = page.getByTestId('result-row-match').first();
    await row.waitFor({ timeout: 60_000 });
    await row.getByTestId('expect-this-match').click();
    await page.getByText(/Test added: a match ending at #\d+/).waitFor();
    await shell.selectBottomTab('tests');
    await summaryIs(page, '8 passed, 0 failed');
    await waitSaved(page);
    const stored = await api.patterns.list();
    const id = stored.find((p) => p.name === NAME)?.id ?? '';
    const saved = (await api.patterns.get({ id })).document as PatternDocument;
    const made = saved.tests[saved.tests.length - 1];
    expect(made?.source).toEqual({ kind: 'recording', recording: 'Sample: risk-transactions.csv' });
    expect(made?.expect[0]).toMatchObject({ kind: 'match', key: 'card-00070' });
    await shell.screenshot('tests-panel-made-from-match');
  });

  it('compares two versions on the recording: the one-line summary beside the semantic diff', async () => {
    const { shell, page, api } = app;
    const stored = await api.patterns.list();
    const id = stored.find((p) => p.name === NAME)?.id ?? '';
    const versions = await api.patterns.versions({ id });
    // Version 2 is the raised threshold; the canvas is back at 10,000: the diff gains the 3 matches back.
    const broken = versions.find((v) => v.version === 2);
    expect(broken).toBeDefined();
    await shell.selectBottomTab('tests');
    await page.getByTestId('tests-view-diff').click();
    // The old side defaults to the newest version (2, the raised threshold), the new side to the canvas.
    expect(await page.getByTestId('diff-before').inputValue()).toBe('saved');
    expect(await page.getByTestId('diff-before').locator('option:checked').textContent()).toBe(
      'newest version (2)',
    );
    await page.getByTestId('diff-compare').click();
    await page.getByTestId('diff-summary').waitFor({ timeout: 120_000 });
    // The raised threshold also left the 3 probes waiting until their windows closed: 3 timeouts lost.
    expect(await page.getByTestId('diff-summary').textContent()).toBe('+3 matches, −3 timeouts');
    expect(await page.getByTestId('diff-semantic').textContent()).toMatch(/cashout/);
    expect(await page.getByTestId('diff-item-gained').count()).toBe(3);
    await shell.screenshot('tests-panel-diff');
    await page.getByTestId('diff-item-gained').first().getByTestId('diff-show-step').click();
    await page.locator('[data-testid="tab-replay"][aria-selected="true"]').waitFor();
    await page.getByTestId('replay-panel').waitFor({ timeout: 60_000 });
    expect(await shell.problems()).toEqual([]);
  });
});
