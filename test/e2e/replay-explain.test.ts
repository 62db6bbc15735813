/**
 * What the replay says, read as a user reads it (issue 15, points 6, 7 and 14), in Chromium against
 * the web host: a hand-made recording of card transfers with ISO times, imported through the dialog,
 * replayed through the card-testing pattern (probe, then cashout within 10 min, 5 s out of order).
 * "Why not?" speaks in the recording's own times and in durations, and a late verdict names and
 * links the event that moved the watermark; near misses say when a cashout came after the window
 * and when the end of input closed one; the trace shows no echoed literals; the results file has
 * ISO times beside epoch and the recording's name in its file name.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, type RunningApp } from './support/launch';
import { repoRoot } from './support/paths';

const PATTERN = 'Card testing (explain test)';
const RECORDING = 'Planted card transfers';

// Event numbers (#n) as the debugger shows them, from 1.
const ROWS: [string, string, string, number][] = [
  ['09:00:00', 'card-a', 'transfer', 0.5], // #1 probe for card-a
  ['09:04:00', 'card-a', 'purchase', 12], // #2 card-a's partial match skips it
  ['09:11:02', 'card-a', 'transfer', 20000], // #3 card-a's cashout, 11 min 2 s after its probe: too late
  ['09:12:00', 'card-c', 'transfer', 0.3], // #4 probe for card-c
  ['09:20:00', 'card-d', 'purchase', 5], // #5
  ['09:20:30', 'card-d', 'purchase', 6], // #6 the periodic watermark moves to 09:20 − 5 s − 1 ms
  ['09:15:00', 'card-c', 'transfer', 50000], // #7 late: the watermark is past 09:15
  ['09:25:00', 'card-e', 'transfer', 0.2], // #8 probe for card-e; nothing follows it
  ['09:26:00', 'card-f', 'transfer', 0.1], // #9 probe for card-f
  ['09:30:00', 'card-f', 'transfer', 15000], // #10 card-f's cashout: a match
];
const CSV = [
  'id,ts,cardId,type,amount',
  ...ROWS.map(([t, card, type, amount], i) => `tx-${i + 1},2026-03-02T${t}.000Z,${card},${type},${amount}`),
].join('\n');

const work = mkdtempSync(join(tmpdir(), 'cepheus-replay-explain-'));

async function position(page: Page): Promise<string> {
  return (await page.getByTestId('replay-position').textContent()) ?? '';
}

async function movedFrom(page: Page, before: string): Promise<void> {
  await page.waitForFunction(
    (b) => document.querySelector('[data-testid="replay-position"]')?.textContent !== b,
    before,
  );
}

describe('replay explains in the recording’s own terms', () => {
  let app: RunningApp;
  let page: Page;

  beforeAll(async () => {
    app = await launchApp();
    page = app.page;
    const doc = JSON.parse(
      readFileSync(join(repoRoot, 'samples/patterns/risk/card-testing.cep.json'), 'utf8'),
    ) as Record<string, unknown>;
    await app.api.patterns.create({ name: PATTERN, document: { ...doc, name: PATTERN, tests: [] } });
  });

  afterAll(async () => {
    await app?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('imports the recording, opens the pattern and starts a replay', async () => {
    const { shell } = app;
    const path = join(work, 'planted.csv');
    writeFileSync(path, CSV + '\n');
    await shell.runCommand('Import recording');
    await page.getByTestId('import-file-input').setInputFiles(path);
    await page.getByTestId('import-confirm').waitFor();
    expect(await page.getByTestId('import-timestamp-field').inputValue()).toBe('ts');
    await page.getByTestId('import-key-field').selectOption('cardId');
    await page.getByTestId('import-name').fill(RECORDING);
    await page.getByTestId('import-start').click();
    await page.getByTestId('import-done').waitFor();
    await page.getByTestId('import-close').click();
    await page.getByTestId('import-dialog').waitFor({ state: 'detached' });

    await shell.openPattern(PATTERN);
    await shell.selectBottomTab('replay');
    const recording = (await app.api.recordings.list()).find((r) => r.name === RECORDING);
    await page.getByTestId('replay-recording-select').selectOption(String(recording?.id));
    await page.getByTestId('replay-start').click();
    await page.getByTestId('replay-panel').waitFor();
    expect(await position(page)).toBe('Before the first event');
  });

  async function whyNot(n: number, stage: string): Promise<string> {
    await page.getByTestId('replay-tab-why-not').click();
    await page.getByTestId('why-not-seq').fill(String(n));
    await page.getByTestId('why-not-stage').selectOption(stage);
    await page.getByTestId('why-not-ask').click();
    const verdict = page.getByTestId('why-not-verdict');
    await verdict.locator('.verdict-text', { hasText: `#${n}` }).waitFor();
    return (await verdict.locator('.verdict-text').textContent()) ?? '';
  }

  it('"why not?" on a late cashout speaks in ISO times and durations, and links the event that moved the watermark', async () => {
    const text = await whyNot(7, 'cashout');
    expect(await page.getByTestId('why-not-verdict').getAttribute('data-reason')).toBe('late');
    expect(text).toContain(
      'Event #7 at 2026-03-02T09:15:00Z is late: the watermark was already at 2026-03-02T09:19:54.999Z, 4 min 54.999 s past its time, 5 s out of order allowed; event #6 at 2026-03-02T09:20:30Z had moved it past 2026-03-02T09:15:00Z.',
    );
    // No raw epoch milliseconds anywhere in the verdict.
    expect(await page.getByTestId('why-not-verdict').textContent()).not.toMatch(/\d{12,}/);
    await app.shell.screenshot('replay-why-not-late');

    const link = page.getByTestId('why-not-related');
    expect(await link.textContent()).toBe('Show event #6 (it moved the watermark)');
    const before = await position(page);
    await link.click();
    await movedFrom(page, before);
    expect(await page.getByTestId('replay-current-event').getAttribute('data-seq')).toBe('5');
    expect(await page.getByTestId('replay-current-event').textContent()).toContain('#6');
  });

  it('"why not?" on a cashout after the window says how long after the probe it came, and the window', async () => {
    const text = await whyNot(3, 'cashout');
    expect(await page.getByTestId('why-not-verdict').getAttribute('data-reason')).toBe('window');
    expect(text).toContain('within(10 min)');
    expect(text).toContain('complete by 2026-03-02T09:10:00Z');
    expect(text).toContain(
      'event #3 at 2026-03-02T09:11:02Z came 11 min 2 s after probe, and the window is 10 min',
    );
    // The watermark held #3 back (5 s out of order allowed): the event that moved time past the deadline is linked.
    expect(text).toContain('event #4 at 2026-03-02T09:12:00Z had moved time past the deadline');
    expect(await page.getByTestId('why-not-related').textContent()).toBe(
      'Show event #4 (it moved time past the window)',
    );
    expect(text).not.toMatch(/\d{12,}/);
  });

  it('near misses: a cashout after the window is named, and one closed by the end of input says so', async () => {
    await page.getByTestId('replay-position').click();
    const before = await position(page);
    await page.keyboard.press('End');
    await page.getByTestId('replay-position').filter({ hasText: 'End of input' }).waitFor();
    expect(before).not.toContain('End of input');
    // Counts in words that agree with the number.
    const totals = (await page.getByTestId('replay-totals').textContent()) ?? '';
    expect(totals).toContain('1 match');
    expect(totals).not.toContain('1 matches');
    await page.getByTestId('timeline-caption').filter({ hasNotText: 'Analysing' }).waitFor();
    await page.getByTestId('replay-tab-near-misses').click();
    const items = page.getByTestId('near-miss');
    await items.first().waitFor();
    const texts = await items.allTextContents();
    await app.shell.screenshot('replay-near-misses');

    const tooLate = texts.find((t) => t.includes('card-a'));
    expect(tooLate).toContain('— too late');
    expect(tooLate).toContain('#3 came 11 min 2 s after the start, window is 10 min');
    const open = texts.find((t) => t.includes('card-e'));
    expect(open).not.toContain('too late');
    expect(open).toContain('still open at the end of the recording');
    for (const t of texts) {
      expect(t).not.toContain('died at —');
      expect(t).not.toMatch(/\d{12,}/);
    }

    // Clicking the late one shows the event that came too late.
    const here = await position(page);
    await items.filter({ hasText: 'card-a' }).click();
    await movedFrom(page, here);
    expect(await page.getByTestId('replay-current-event').getAttribute('data-seq')).toBe('2');
  });

  /** From the start, steps (→) until the trace shows event #n (processed once the watermark passes it). */
  async function stepUntilTraced(n: number): Promise<void> {
    const trace = page.getByTestId('replay-trace');
    await page.getByTestId('replay-position').click();
    if ((await position(page)) !== 'Before the first event') {
      const before = await position(page);
      await page.keyboard.press('Home');
      await movedFrom(page, before);
    }
    for (let i = 0; i < n + 5 && !((await trace.textContent()) ?? '').includes(`Event #${n}`); i++) {
      const before = await position(page);
      await page.keyboard.press('ArrowRight');
      await movedFrom(page, before);
    }
  }

  it('the trace shows the values that decided a condition, not its literals echoed back', async () => {
    await stepUntilTraced(1);
    const trace = page.getByTestId('replay-trace');
    const values = await trace.locator('.cond-value').allTextContents();
    expect(values).toContain('type = transfer');
    expect(values).toContain('amount = 0.5');
    for (const v of values) expect(v).not.toMatch(/^(\d+(\.\d+)?|'[^']*'|"[^"]*") = /);

    // #2 (a purchase on card-a) is skipped by the partial match waiting in "cashout": the ignore edge
    // applies because the stage's condition is false, and says so the right way round.
    await stepUntilTraced(2);
    const waiting = trace.locator('.trace-event', { hasText: 'Event #2' }).getByTestId('trace-run').filter({
      hasText: 'Partial match in “cashout”',
    });
    const ignore = (await waiting.locator('.edge-ignore').textContent()) ?? '';
    expect(ignore).toContain('ignore cashout → cashout applies');
    expect(ignore).toContain("true !(type == 'transfer' && amount > 10000)");
    const take = (await waiting.locator('.edge-take').textContent()) ?? '';
    expect(take).toContain('take cashout → match complete does not apply');
    expect(take).toContain("false type == 'transfer' && amount > 10000");
    expect(await trace.textContent()).not.toContain('$endState$');
    await app.shell.screenshot('replay-trace-values');
  });

  it('exports results with ISO times beside epoch, named after the recording', async () => {
    await app.shell.selectBottomTab('results');
    await expect.poll(() => page.getByTestId('result-row-match').count()).toBe(1);
    const download = page.waitForEvent('download');
    await page.getByTestId('results-export-csv').click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('Planted-card-transfers--Card-testing-explain-test-results.csv');
    const saved = join(work, 'results.csv');
    await file.saveAs(saved);
    const lines = readFileSync(saved, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('result,kind,key,timestamp,time,stage,event,event_timestamp,event_time,fields');
    const matchRows = lines.slice(1).filter((l) => l.includes(',match,'));
    expect(matchRows).toHaveLength(2);
    const probe = Date.UTC(2026, 2, 2, 9, 26);
    expect(matchRows[0]).toContain(`,probe,9,${probe},2026-03-02T09:26:00Z,`);
    expect(matchRows[1]).toMatch(/,cashout,10,\d+,2026-03-02T09:30:00Z,/);
    expect(await app.shell.problems()).toEqual([]);
  });
});
