/**
 * The replay on a large recording under a user's hands (issue 15, point 11), in Chromium against
 * the web host: 150,000 card transactions generated here and imported through the dialog. Run to
 * the end shows its progress and Esc cancels it part way; dragging the timeline scrubs (the
 * position follows the pointer while the button is down); after a pattern edit, Restart comes back
 * to the step the user was on.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, type RunningApp } from './support/launch';
import { repoRoot } from './support/paths';

const EVENTS = 150_000;
const PATTERN = 'Card testing (large replay)';
const RECORDING = 'Large card transfers';

/** A deterministic day of transactions: 2,000 cards, a tiny transfer now and then, big ones rarer. */
function transactions(): string {
  let seed = 42;
  const next = (): number => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const start = Date.UTC(2026, 2, 2, 0, 0, 0);
  const lines = ['id,ts,cardId,type,amount'];
  for (let i = 0; i < EVENTS; i++) {
    const r = next();
    const type = r < 0.6 ? 'purchase' : 'transfer';
    const amount = r < 0.02 ? 0.5 : r > 0.995 ? 20_000 : Math.round(next() * 50_000) / 100;
    const card = `card-${Math.floor(next() * 2000)}`;
    lines.push(`tx-${i + 1},${new Date(start + i * 500).toISOString()},${card},${type},${amount}`);
  }
  return lines.join('\n') + '\n';
}

const work = mkdtempSync(join(tmpdir(), 'cepheus-replay-large-'));

const position = async (page: Page): Promise<string> =>
  (await page.getByTestId('replay-position').textContent()) ?? '';

const eventNumber = (label: string): number =>
  Number(/^Event ([\d,]+) of/.exec(label)?.[1]?.replaceAll(',', '') ?? NaN);

async function movedFrom(page: Page, before: string, timeout = 60_000): Promise<string> {
  await page.waitForFunction(
    (b) => document.querySelector('[data-testid="replay-position"]')?.textContent !== b,
    before,
    { timeout },
  );
  return position(page);
}

describe('replay on a large recording', () => {
  let app: RunningApp;
  let page: Page;

  beforeAll(async () => {
    app = await launchApp();
    page = app.page;
    const doc = JSON.parse(
      readFileSync(join(repoRoot, 'samples/patterns/risk/card-testing.cep.json'), 'utf8'),
    ) as Record<string, unknown>;
    await app.api.patterns.create({ name: PATTERN, document: { ...doc, name: PATTERN, tests: [] } });
    writeFileSync(join(work, 'large.csv'), transactions());
  });

  afterAll(async () => {
    await app?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('imports 150,000 events and starts a replay', async () => {
    const { shell } = app;
    await shell.runCommand('Import recording');
    await page.getByTestId('import-file-input').setInputFiles(join(work, 'large.csv'));
    await page.getByTestId('import-confirm').waitFor({ timeout: 60_000 });
    await page.getByTestId('import-key-field').selectOption('cardId');
    await page.getByTestId('import-name').fill(RECORDING);
    await page.getByTestId('import-start').click();
    await page.getByTestId('import-done').waitFor({ timeout: 90_000 });
    await page.getByTestId('import-close').click();
    await page.getByTestId('import-dialog').waitFor({ state: 'detached' });

    await shell.openPattern(PATTERN);
    await shell.selectBottomTab('replay');
    const recording = (await app.api.recordings.list()).find((r) => r.name === RECORDING);
    expect(recording?.rowCount).toBe(EVENTS);
    await page.getByTestId('replay-recording-select').selectOption(String(recording?.id));
    await page.getByTestId('replay-start').click();
    await page.getByTestId('replay-position').filter({ hasText: 'Before the first event' }).waitFor({
      timeout: 60_000,
    });
  });

  it('shows the progress of Run to end, and Esc cancels it part way', async () => {
    await page.getByTestId('replay-run-end').click();
    const running = page.getByTestId('replay-running');
    await running.waitFor();
    const [progress, bars] = await running.evaluate(
      (el) => [el.textContent ?? '', el.querySelectorAll('[role="progressbar"]').length] as const,
    );
    // Cancel at once (a quiet machine runs the whole recording in a few seconds), then check what was shown.
    await page.keyboard.press('Escape');
    expect(progress).toMatch(/^Running to the end… [\d,]+ of 150,00\d steps/);
    expect(bars).toBe(1);
    await running.waitFor({ state: 'detached', timeout: 60_000 });
    await page.getByText('Run cancelled.').waitFor();
    const stopped = eventNumber(await position(page));
    expect(stopped).toBeGreaterThan(0);
    expect(stopped).toBeLessThan(EVENTS);
  });

  it('scrubs while the timeline is dragged, and lands where the pointer is let go', async () => {
    const svg = page.getByRole('slider', { name: 'Replay position (drag to scrub)' });
    const box = await svg.boundingBox();
    if (!box) throw new Error('the timeline is not drawn');
    const y = box.y + box.height / 2;
    const xAt = (f: number): number => box.x + f * box.width;

    // Read before the press: on a quick machine the seek lands before a read after it would.
    const before = await position(page);
    await page.mouse.move(xAt(0.2), y);
    await page.mouse.down();
    try {
      let label = await movedFrom(page, before);
      const first = eventNumber(label);
      expect(Math.abs(first / EVENTS - 0.2)).toBeLessThan(0.02);
      // Still holding the button: the position follows the pointer.
      await page.mouse.move(xAt(0.5), y, { steps: 5 });
      label = await movedFrom(page, label);
      expect(eventNumber(label)).toBeGreaterThan(first);
      await page.mouse.move(xAt(0.75), y, { steps: 5 });
    } finally {
      // Never leave the button down: the timeline holds the pointer until it is let go.
      await page.mouse.up();
    }
    await expect
      .poll(async () => Math.abs(eventNumber(await position(page)) / EVENTS - 0.75), { timeout: 60_000 })
      .toBeLessThan(0.01);
    expect(Number(await svg.getAttribute('aria-valuenow'))).toBe(eventNumber(await position(page)));
  });

  it('restarts after a pattern edit at the step it was on', async () => {
    const here = await position(page);
    expect(eventNumber(here)).toBeGreaterThan(0);
    // Widen the window from 10 to 15 minutes in the inspector.
    const within = page.getByTestId('within-duration').getByLabel('Amount');
    await within.fill('15');
    const changed = page.getByText('The pattern changed since this replay started.');
    await changed.waitFor();
    await page.getByTestId('replay-start').click();
    await changed.waitFor({ state: 'detached', timeout: 60_000 });
    await page
      .getByTestId('replay-position')
      .filter({ hasText: new RegExp(`^${here}$`) })
      .waitFor({ timeout: 60_000 });
    await app.shell.screenshot('replay-large-restarted');
    expect(await app.shell.problems()).toEqual([]);
  });
});
