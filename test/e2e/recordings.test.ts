/**
 * Recordings in the UI, in real Chromium against the real back end: a file with broken rows is
 * refused with line numbers under "reject" and imported with the rows listed under "skip"; the
 * browser shows the facts and pages through the events with a filter; rename and delete (with
 * confirmation) reach the back end.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, type RunningApp } from './support/launch';

const work = mkdtempSync(join(tmpdir(), 'cepheus-rec-e2e-'));
const BROKEN = join(work, 'payments.jsonl');
const ROWS = 3000;

function writeBrokenFile(): void {
  const lines: string[] = [];
  for (let i = 0; i < ROWS; i++) {
    lines.push(
      JSON.stringify({
        id: i,
        at: 1_772_441_600_000 + i * 1000,
        account: `acc-${i % 7}`,
        amount: i % 50,
        kind: i % 3 === 0 ? 'refund' : 'payment',
      }),
    );
  }
  // Line 4 is not JSON; line 9 has no timestamp.
  lines[3] = '{"id": 3, "at": oops';
  lines[8] = JSON.stringify({ id: 8, account: 'acc-1', amount: 1, kind: 'payment' });
  writeFileSync(BROKEN, lines.join('\n') + '\n');
}

describe('recordings', () => {
  let app: RunningApp;

  beforeAll(async () => {
    writeBrokenFile();
    app = await launchApp();
  });

  afterAll(async () => {
    await app?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('refuses a file with malformed rows under "reject", naming the lines', async () => {
    const { shell, page, api } = app;
    const before = (await api.recordings.list()).length;
    await shell.runCommand('Import recording');
    await page.getByTestId('import-file-input').setInputFiles(BROKEN);
    await page.getByTestId('import-confirm').waitFor();
    expect(await page.getByTestId('import-timestamp-field').inputValue()).toBe('at');
    expect(await page.getByTestId('import-timestamp-format').inputValue()).toBe('epochMillis');
    await page.getByTestId('import-start').click();
    const failed = page.getByTestId('import-failed');
    await failed.waitFor();
    const text = (await failed.textContent()) ?? '';
    expect(text).toContain('2 malformed rows; the first is line 4');
    // Both rows are listed under the message.
    expect(text).toContain('line 9');
    expect((await api.recordings.list()).length).toBe(before);
  });

  it('imports it under "skip", listing the skipped rows with their lines', async () => {
    const { page, api } = app;
    await page.getByRole('button', { name: 'Back' }).click();
    await page.getByTestId('import-skip-malformed').check();
    await page.getByTestId('import-key-field').selectOption('account');
    await page.getByTestId('import-name').fill('Payments');
    await page.getByTestId('import-start').click();
    await page.getByTestId('import-done').waitFor();
    const skipped = (await page.getByTestId('import-skipped').textContent()) ?? '';
    expect(skipped).toContain('Skipped 2 malformed rows');
    expect(skipped).toContain('line 4');
    expect(skipped).toContain('line 9');
    await page.getByTestId('import-close').click();
    const stored = (await api.recordings.list()).find((r) => r.name === 'Payments');
    expect(stored?.rowCount).toBe(ROWS - 2);
    expect(stored?.keyField).toBe('account');
  });

  it('browses the events of a recording, filtered, in a virtualized table', async () => {
    const { shell, page, api } = app;
    const stored = (await api.recordings.list()).find((r) => r.name === 'Payments');
    if (!stored) throw new Error('Payments was not imported');
    await shell.runCommand('Browse recordings');
    await page.getByTestId('recordings-browser').waitFor();
    await page.getByTestId(`recording-item-${stored.id}`).click();
    await page.getByTestId('recording-title').filter({ hasText: 'Payments' }).waitFor();
    expect(await page.getByTestId('recording-facts').textContent()).toContain(
      (ROWS - 2).toLocaleString('en-US'),
    );
    await page
      .getByTestId('event-table-total')
      .filter({ hasText: `${(ROWS - 2).toLocaleString('en-US')} events` })
      .waitFor();
    // Only the visible rows are in the DOM.
    const rendered = await page.locator('[data-testid^="event-row-"]').count();
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(200);
    // Scrolling to the end fetches the last page on demand.
    await page.locator('.event-table-body').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    // Stored events are numbered from 0 without the skipped rows, so the last is #ROWS - 3.
    await page.getByTestId(`event-row-${ROWS - 3}`).waitFor();

    // A field filter answers with the back end's count for the whole recording.
    const expected = await api.recordings.readEvents({
      id: stored.id,
      offset: 0,
      limit: 1,
      filter: {
        equals: [
          { field: 'account', value: 'acc-3' },
          { field: 'kind', value: 'refund' },
        ],
      },
    });
    await page.getByTestId('event-filter').fill('account=acc-3 kind=refund');
    await page
      .getByTestId('event-table-total')
      .filter({ hasText: `${expected.total.toLocaleString('en-US')} events` })
      .waitFor();
    expect(expected.total).toBeGreaterThan(0);
    expect(expected.total).toBeLessThan(ROWS / 7);
  });

  it('renames and deletes (after confirming) a recording', async () => {
    const { page, api } = app;
    await page.getByTestId('recording-rename').click();
    await page.getByTestId('recording-rename-input').fill('Payments (March)');
    await page.keyboard.press('Enter');
    await page.getByTestId('recording-title').filter({ hasText: 'Payments (March)' }).waitFor();
    expect((await api.recordings.list()).some((r) => r.name === 'Payments (March)')).toBe(true);

    const count = (await api.recordings.list()).length;
    await page.getByTestId('recording-delete').click();
    await page.getByTestId('recording-delete-confirm').waitFor();
    // Nothing is deleted until the user confirms.
    expect((await api.recordings.list()).length).toBe(count);
    await page.getByTestId('recording-delete-yes').click();
    await page
      .getByTestId('recording-title')
      .filter({ hasText: 'Payments (March)' })
      .waitFor({ state: 'detached' });
    expect((await api.recordings.list()).some((r) => r.name === 'Payments (March)')).toBe(false);
    // The refused import (first test) answers 422 by design; Chromium logs every non-2xx response.
    const problems = (await app.shell.problems()).filter(
      (p) => !/status of 422 .*recordings\.import/.test(p),
    );
    expect(problems, problems.join('\n')).toEqual([]);
  });
});
