/**
 * The replay debugger as a new user meets it, in real Chromium against the real back end: import the
 * sample transactions through the import dialog (uploaded by the browser), open the card-testing
 * pattern, step with the keyboard until a partial match appears (on the canvas and in the panel),
 * step back, seek, stop at a breakpoint, ask "why not?", run to the end and find the 3 matches.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchApp, type RunningApp } from './support/launch';
import { repoRoot } from './support/paths';

const RECORDING = join(repoRoot, 'samples/recordings/risk-transactions.csv');
const PATTERN = join(repoRoot, 'samples/patterns/risk/card-testing.cep.json');
const EVENTS = readFileSync(RECORDING, 'utf8').trim().split('\n').length - 1;

async function position(page: Page): Promise<string> {
  return (await page.getByTestId('replay-position').textContent()) ?? '';
}

/** Waits until the position label changes from `before` (each move is a round trip to the engine). */
async function movedFrom(page: Page, before: string): Promise<string> {
  await page.waitForFunction(
    (b) => document.querySelector('[data-testid="replay-position"]')?.textContent !== b,
    before,
  );
  return position(page);
}

/** Puts focus on the page body, as a user clicking on an empty part of the panel would. */
async function focusPanel(page: Page): Promise<void> {
  await page.getByTestId('replay-position').click();
}

describe('replay debugger', () => {
  let app: RunningApp;

  beforeAll(async () => {
    app = await launchApp();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('imports the sample transactions through the import dialog', async () => {
    const { shell, page } = app;
    await shell.runCommand('Import recording');
    const dialog = page.getByTestId('import-dialog');
    await dialog.waitFor();
    await page.getByTestId('import-file-input').setInputFiles(RECORDING);
    await page.getByTestId('import-confirm').waitFor();
    // Inferred schema and sample rows, for the user to confirm.
    expect(await page.getByTestId('schema-table').textContent()).toContain('cardId');
    expect(await page.getByTestId('sample-rows').locator('tbody tr').count()).toBeGreaterThan(5);
    expect(await page.getByTestId('import-timestamp-field').inputValue()).toBe('ts');
    await page.getByTestId('import-key-field').selectOption('cardId');
    await page.getByTestId('import-name').fill('Transactions (uploaded)');
    await page.getByTestId('import-start').click();
    await page.getByTestId('import-done').waitFor();
    expect(await page.getByTestId('import-done').textContent()).toContain(
      `${EVENTS.toLocaleString('en-US')} events`,
    );
    await page.getByTestId('import-close').click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('replays the card-testing pattern step by step', async () => {
    const { shell, page, api } = app;
    await api.patterns.create({
      name: 'Card testing (replay test)',
      document: JSON.parse(readFileSync(PATTERN, 'utf8')) as unknown,
    });
    await shell.libraryItem('Card testing (replay test)').click();
    await shell.canvas.locator('[data-testid="stage-node-cashout"]').waitFor();
    await shell.selectBottomTab('replay');

    const recordings = await api.recordings.list();
    const uploaded = recordings.find((r) => r.name === 'Transactions (uploaded)');
    if (!uploaded) throw new Error('the uploaded recording is not in the library');
    await page.getByTestId('replay-recording-select').selectOption(String(uploaded.id));
    await page.getByTestId('replay-start').click();
    await page.getByTestId('replay-panel').waitFor();
    expect(await position(page)).toBe('Before the first event');

    // Jump close to the first probe, then step with → until a partial match is alive.
    await page.getByTestId('replay-seek-input').fill('612');
    await page.getByTestId('replay-seek-go').click();
    let label = await movedFrom(page, 'Before the first event');
    expect(label).toBe(`Event 612 of ${EVENTS.toLocaleString('en-US')}`);
    await focusPanel(page);
    let steps = 0;
    // The step that processes the probe event (the watermark passes it) shows it in the trace.
    const probeTraced = async (): Promise<boolean> =>
      ((await page.getByTestId('replay-trace').textContent()) ?? '').includes(
        "type == 'transfer' && amount < 1",
      );
    while ((await page.getByTestId('partial-match').count()) === 0 || !(await probeTraced())) {
      if (++steps > 40) throw new Error('no partial match appeared within 40 steps');
      await page.keyboard.press('ArrowRight');
      label = await movedFrom(page, label);
    }
    // The panel: the partial match waits in "cashout" with the probe event bound and a window countdown.
    const partial = page.getByTestId('partial-match').first();
    expect(await partial.getAttribute('data-stage')).toBe('cashout');
    expect(await partial.textContent()).toMatch(/probe: #\d+/);
    expect(await partial.textContent()).toContain('left in the window');
    // The canvas: the cashout stage is occupied and counts one live partial match.
    const badge = shell.canvas.getByTestId('replay-node-badge-cashout');
    await badge.waitFor();
    expect(await badge.getAttribute('data-occupied')).toBe('true');
    expect(await badge.getAttribute('data-active')).toBe('1');
    // The trace shows the probe condition evaluated with its values.
    expect(await page.getByTestId('replay-trace').textContent()).toContain(
      "type == 'transfer' && amount < 1",
    );
    await shell.screenshot('replay-panel');

    // Step back with ←: one event earlier, and the partial match is gone again.
    const atPartial = label;
    await page.keyboard.press('ArrowLeft');
    label = await movedFrom(page, atPartial);
    expect(Number(label.match(/Event (\d+)/)?.[1])).toBe(Number(atPartial.match(/Event (\d+)/)?.[1]) - 1);
    await page.getByTestId('partial-match').first().waitFor({ state: 'detached' });

    // Home goes back to the start.
    await page.keyboard.press('Home');
    label = await movedFrom(page, label);
    expect(label).toBe('Before the first event');
  });

  it('stops at a breakpoint and explains an event with "why not?"', async () => {
    const { page } = app;
    await page.getByTestId('replay-tab-breakpoints').click();
    await page.getByTestId('breakpoint-kind').selectOption('match');
    await page.getByTestId('breakpoint-add').click();
    await page.getByTestId('breakpoint-item').waitFor();
    const before = await position(page);
    await page.getByTestId('replay-run-breakpoint').click();
    await page.getByTestId('breakpoint-hit').waitFor();
    expect(await page.getByTestId('breakpoint-hit').textContent()).toContain('a match completed');
    expect(await movedFrom(page, before)).toMatch(/^Event \d+ of/);
    expect(await page.getByTestId('output-match').count()).toBe(1);

    // Event #6 is a login: it cannot start the pattern, and the engine says why, with the values.
    await page.getByTestId('replay-tab-why-not').click();
    await page.getByTestId('why-not-seq').fill('6');
    await page.getByTestId('why-not-stage').selectOption('probe');
    await page.getByTestId('why-not-ask').click();
    const verdict = page.getByTestId('why-not-verdict');
    await verdict.waitFor();
    expect(await verdict.getAttribute('data-reason')).toBe('condition-false');
    expect(await verdict.textContent()).toContain('type="login"');
    // The condition is named in words, never by an internal path (probe.where).
    expect(await verdict.locator('.verdict-text').textContent()).toMatch(/is false \(type="login"/);
    expect(await verdict.textContent()).not.toContain('probe.where');
    await app.shell.screenshot('replay-why-not-condition');

    // The verdict's step (where event time let the engine process #6) can be shown: its trace has #6.
    const here = await position(page);
    await page.getByTestId('why-not-show').click();
    expect(await movedFrom(page, here)).toMatch(/^Event \d+ of/);
    await page
      .getByTestId('replay-trace')
      .locator('.trace-title', { hasText: /^Event #6(\D|$)/ })
      .waitFor();
  });

  it('runs to the end and lists the 3 matches in the timeline and the Results tab', async () => {
    const { shell, page } = app;
    await focusPanel(page);
    const before = await position(page);
    await page.keyboard.press('End');
    expect(await movedFrom(page, before)).toBe('End of input (all windows closed)');
    // The watermark is past every event (not "—", which reads as no watermark at all).
    expect(await page.getByTestId('replay-watermark').textContent()).toBe('Watermark +∞');
    expect(await page.getByTestId('replay-totals').textContent()).toContain('3 matches');
    // The whole-recording analysis draws the matches on the timeline, saying how much it shows.
    await page
      .getByTestId('timeline-caption')
      .filter({ hasText: /showing [\d,]+ of [\d,]+ points/ })
      .waitFor();
    await page.getByTestId('timeline-caption').filter({ hasNotText: 'Analysing' }).waitFor();
    // One path draws every match marker: three ticks.
    expect(((await page.getByTestId('timeline-matches').getAttribute('d')) ?? '').match(/M/g)).toHaveLength(
      3,
    );
    // Near misses: the partial matches that died, with a jump to where they died.
    await page.getByTestId('replay-tab-near-misses').click();
    await page.getByTestId('near-miss').first().waitFor();

    await shell.selectBottomTab('results');
    await page
      .getByTestId('results-total')
      .filter({ hasText: /^\d+ results?$/ })
      .waitFor();
    // The tab counts before its first page arrives: wait for the rows.
    await expect.poll(() => page.getByTestId('result-row-match').count()).toBe(3);
    const download = page.waitForEvent('download');
    await page.getByTestId('results-export-jsonl').click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/-results\.jsonl$/);
    expect(await shell.problems()).toEqual([]);
  });
});
