/**
 * The import as a user meets it with files it cannot read or should not trust: a workbook named
 * .csv and one JSON object are refused at inspection with what they are; no field is proposed as
 * ISO time when none reads as one, and a numeric column chosen as ISO text blocks the import at
 * the field; one "n/a" among numbers is a malformed cell with its line, and the column's type can
 * be changed to keep it; out-of-order events are listed in the summary. A large import goes on in
 * the background after its dialog closes, with progress and Cancel in the status bar, and a
 * cancelled import stores nothing.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath } from './support/artifacts';
import { launchApp, type RunningApp } from './support/launch';

const work = mkdtempSync(join(tmpdir(), 'cepheus-import-checks-'));
const file = (name: string, content: string | Buffer): string => {
  const path = join(work, name);
  writeFileSync(path, content);
  return path;
};

describe('import checks', () => {
  let app: RunningApp;

  beforeAll(async () => {
    app = await launchApp();
  });

  afterAll(async () => {
    await app?.close();
    rmSync(work, { recursive: true, force: true });
  });

  async function openImport(path: string): Promise<void> {
    const { shell, page } = app;
    if (!(await page.getByTestId('import-dialog').isVisible())) await shell.runCommand('Import recording');
    await page.getByTestId('import-file-input').setInputFiles(path);
  }

  async function closeImport(): Promise<void> {
    await app.page.getByTestId('import-close').click();
    await app.page.getByTestId('import-dialog').waitFor({ state: 'detached' });
  }

  it('refuses a workbook named .csv and one JSON object before importing, saying what they are', async () => {
    const { page, api } = app;
    const before = (await api.recordings.list()).length;
    await openImport(
      file('events.csv', Buffer.from('PK\u0003\u0004\u0014\u0000\u0006\u0000binary\u0000xl/workbook')),
    );
    const failed = page.getByTestId('import-failed');
    await failed.waitFor();
    expect(await failed.textContent()).toContain(
      'This file is a ZIP archive (an Excel .xlsx workbook is one)',
    );
    await page.screenshot({ path: artifactPath('import-binary-csv.png') });
    await page.getByRole('button', { name: 'Back' }).click();

    const events = Array.from({ length: 4 }, (_, i) => ({ ts: 1_700_000_000_000 + i, user: 'u1' }));
    await openImport(file('export.json', JSON.stringify({ exportedAt: 'today', events }, null, 2)));
    await failed.waitFor();
    expect(await failed.textContent()).toContain(
      'This file is one JSON object, not a list of events. Cepheus reads a JSON array of event objects',
    );
    expect(await failed.textContent()).toContain('Its "events" property holds an array of 4 objects');
    await closeImport();
    expect((await api.recordings.list()).length).toBe(before);
  });

  it('proposes no ISO time for numbers, and blocks a numeric column read as ISO at the field', async () => {
    const { page } = app;
    const rows = Array.from({ length: 20 }, (_, i) => `${i + 1},u${i % 3},${(i + 1) * 5}`);
    await openImport(file('counts.csv', ['seq,user,amount', ...rows].join('\n') + '\n'));
    await page.getByTestId('import-confirm').waitFor();
    const check = page.getByTestId('import-timestamp-check');
    expect(await page.getByTestId('import-timestamp-field').inputValue()).toBe('');
    expect(await check.textContent()).toContain('No field looks like an event time');
    expect(await page.getByTestId('import-start').isDisabled()).toBe(true);

    // Choosing a numeric field picks the format its values read as, never ISO.
    await page.getByTestId('import-timestamp-field').selectOption('seq');
    expect(await page.getByTestId('import-timestamp-format').inputValue()).toBe('epochMillis');
    await check.waitFor({ state: 'detached' });
    expect(await page.getByTestId('import-start').isEnabled()).toBe(true);

    await page.getByTestId('import-timestamp-format').selectOption('iso8601');
    expect(await check.textContent()).toBe(
      "None of the first 20 values of 'seq' reads as ISO-8601 text. They read as epoch milliseconds.",
    );
    expect(await page.getByTestId('import-start').isDisabled()).toBe(true);
    await page.screenshot({ path: artifactPath('import-numeric-as-iso.png') });
    await closeImport();
  });

  it('reports "n/a" in a number column as a malformed cell, and imports it once the type is changed', async () => {
    const { page, api } = app;
    const rows = Array.from(
      { length: 40 },
      (_, i) => `2026-03-02T09:${String(i).padStart(2, '0')}:00Z,acc-${i % 4},${i === 12 ? 'n/a' : i * 10}`,
    );
    await openImport(file('payments.csv', ['time,account,amount', ...rows].join('\n') + '\n'));
    await page.getByTestId('import-confirm').waitFor();
    expect(await page.getByTestId('schema-type-amount').inputValue()).toBe('number');
    const sample = (await page.getByTestId('import-malformed-sample').textContent()) ?? '';
    expect(sample).toContain(`line 14: 'amount' is "n/a", not a number`);
    await page.getByTestId('import-name').fill('Payments n/a');
    await page.getByTestId('import-start').click();
    const failed = page.getByTestId('import-failed');
    await failed.waitFor();
    expect(await failed.textContent()).toContain(`line 14: 'amount' is "n/a", not a number`);

    await page.getByRole('button', { name: 'Back' }).click();
    await page.getByTestId('schema-type-amount').selectOption('any');
    // The cell is no longer malformed once the column takes any value.
    await page.getByTestId('import-malformed-sample').waitFor({ state: 'detached' });
    await page.screenshot({ path: artifactPath('import-column-type.png') });
    await page.getByTestId('import-start').click();
    await page.getByTestId('import-done').waitFor();
    await closeImport();
    const stored = (await api.recordings.list()).find((r) => r.name === 'Payments n/a');
    expect(stored?.rowCount).toBe(40);
    const na = await api.recordings.readEvents({ id: stored?.id ?? 0, offset: 12, limit: 1 });
    expect(na.events[0].payload.amount).toBe('n/a');
  });

  it('names an unclosed quote in plain words, once, and stores nothing', async () => {
    const { page, api } = app;
    const before = (await api.recordings.list()).length;
    const rows = Array.from({ length: 8 }, (_, i) => `2026-03-02T09:0${i}:00Z,acc-${i % 3},${i * 10}`);
    rows[4] = '2026-03-02T09:04:00Z,"acc-1,40';
    await openImport(file('quote.csv', ['time,account,amount', ...rows].join('\n') + '\n'));
    await page.getByTestId('import-confirm').waitFor();
    await page.getByTestId('import-start').click();
    const failed = page.getByTestId('import-failed');
    await failed.waitFor();
    const text = (await failed.textContent()) ?? '';
    expect(text).toContain(
      '1 malformed row, line 6: a quoted value starts here and is never closed (a " is missing). Nothing was imported.',
    );
    // Said once: no list below repeating the same line.
    expect(text.split('line 6').length).toBe(2);
    expect(text).not.toMatch(/CSV_|Quote Not Closed|row\(s\)/);
    await closeImport();
    expect((await api.recordings.list()).length).toBe(before);
  });

  it('lists the out-of-order events in the import summary', async () => {
    const { page } = app;
    const times = [0, 60, 120, 30, 180, 240, 170, 300];
    const rows = times.map(
      (s, i) => `${new Date(Date.UTC(2026, 2, 2, 9, 0, s)).toISOString()},k${i % 2},${i}`,
    );
    await openImport(file('late.csv', ['time,key,v', ...rows].join('\n') + '\n'));
    await page.getByTestId('import-confirm').waitFor();
    await page.getByTestId('import-start').click();
    const late = page.getByTestId('import-late');
    await late.waitFor();
    const text = (await late.textContent()) ?? '';
    expect(text).toContain('2 events arrive after a later one (out of order, up to 1 min 30 s behind)');
    expect(text).toContain('late');
    // Events are numbered from 1: the 4th row (line 5) is #4.
    expect(text).toContain('#4 (line 5) 2026-03-02T09:00:30Z, 1 min 30 s behind');
    expect(text).toContain('#7 (line 8) 2026-03-02T09:02:50Z, 1 min 10 s behind');
    await page.screenshot({ path: artifactPath('import-late-summary.png') });
    await closeImport();
  });

  it('goes on in the background after the dialog closes; Cancel in the status bar stores nothing', async () => {
    const { page, api } = app;
    const lines: string[] = [];
    for (let i = 0; i < 400_000; i++)
      lines.push(
        `{"ts":${1_700_000_000_000 + i},"user":"u${i % 97}","amount":${i % 1000},"note":"row ${i}"}`,
      );
    const big = file('big.jsonl', lines.join('\n') + '\n');
    const before = (await api.recordings.list()).length;

    await openImport(big);
    await page.getByTestId('import-confirm').waitFor({ timeout: 120_000 });
    await page.getByTestId('import-name').fill('Big background');
    await page.getByTestId('import-start').click();
    await page.getByTestId('import-progress').waitFor();
    await page.getByRole('button', { name: 'Continue in background' }).click();
    await page.getByTestId('import-dialog').waitFor({ state: 'detached' });

    const status = page.getByTestId('status-import');
    await status.filter({ hasText: 'Importing “Big background”' }).waitFor();
    await page.screenshot({ path: artifactPath('import-background-status.png') });
    await page.getByTestId('status-import-cancel').click();
    await status.filter({ hasText: 'Import of “Big background” cancelled; nothing was stored.' }).waitFor({
      timeout: 60_000,
    });
    expect((await api.recordings.list()).length).toBe(before);

    // Run to completion in the background this time: the status bar says so and opens it.
    await page.getByTestId('status-import-dismiss').click();
    await openImport(big);
    await page.getByTestId('import-confirm').waitFor({ timeout: 120_000 });
    await page.getByTestId('import-name').fill('Big background');
    await page.getByTestId('import-start').click();
    await page.getByRole('button', { name: 'Continue in background' }).click();
    await status
      .filter({ hasText: 'Imported “Big background”: 400,000 events' })
      .waitFor({ timeout: 240_000 });
    await page.getByTestId('status-import-open').click();
    await page.getByTestId('recording-title').filter({ hasText: 'Big background' }).waitFor();
    expect((await api.recordings.list()).length).toBe(before + 1);
  });
});
