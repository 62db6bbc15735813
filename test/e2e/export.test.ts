/**
 * The export dialog as a user meets it: opened from the command palette on a real stored pattern,
 * it exports Flink JSON and Java, refuses Flink SQL for a followedBy pattern with the reason in
 * words (and no text), exports SQL for a single-stage pattern, and saves with the right file name;
 * Flink JSON is saved with its job-settings sidecar, and refused for a nested field.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readJobSettings } from '../../engine/export/job-settings';
import { loadDocument, Pattern } from '../../engine/format';
import type { PatternDocument } from '../../engine/format/schema';
import { launchApp, type RunningApp } from './support/launch';
import { repoRoot } from './support/paths';
import { readStoredZip } from '../support/stored-zip';

function sample(path: string): PatternDocument {
  const loaded = loadDocument(JSON.parse(readFileSync(join(repoRoot, path), 'utf8')));
  if (!loaded.ok) throw new Error(`${path} does not load: ${JSON.stringify(loaded.diagnostics)}`);
  return loaded.document;
}

const dialog = (page: Page) => page.getByTestId('export-dialog');
const preview = (page: Page) => page.getByTestId('export-preview');

async function chooseTarget(page: Page, target: string): Promise<void> {
  await page.getByTestId(`export-tab-${target}`).click();
  await page.locator(`[data-testid="export-panel"][data-target="${target}"]`).waitFor();
}

/** Waits until Monaco shows a line containing `text` (lines render lazily, so only early lines). */
async function previewShows(page: Page, text: string): Promise<void> {
  await preview(page).locator('.view-lines', { hasText: text }).waitFor();
}

describe('export dialog', () => {
  let app: RunningApp;

  beforeAll(async () => {
    app = await launchApp();
    await app.api.patterns.create({
      name: 'Card testing',
      document: sample('samples/patterns/risk/card-testing.cep.json'),
    });
    await app.api.patterns.create({
      name: 'CPU saturated host',
      document: sample('samples/patterns/monitoring/cpu-sustained.cep.json'),
    });
    await app.api.patterns.create({
      name: 'Nested user',
      document: Pattern.begin('vip')
        .where("user.tier == 'gold'")
        .followedBy('buy')
        .where("kind == 'buy'")
        .toDocument({ name: 'Nested user' }),
    });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('exports Flink JSON and Java for card-testing and refuses SQL with the reason', async () => {
    const { shell, page } = app;
    await shell.libraryItem('Card testing').click();
    await page.getByTestId('stage-node-cashout').waitFor();
    await shell.runCommand('export flink');
    await dialog(page).waitFor();

    await chooseTarget(page, 'flink-json');
    expect(await page.getByTestId('export-file-name').textContent()).toBe('Card-testing.flink.json');
    expect(await preview(page).getAttribute('data-language')).toBe('json');
    await previewShows(page, '"nodes"');

    await chooseTarget(page, 'flink-java');
    expect(await page.getByTestId('export-file-name').textContent()).toBe('CardTestingPattern.java');
    expect(await preview(page).getAttribute('data-language')).toBe('java');
    await previewShows(page, 'import org.apache.flink');
    // Options flow into the generated code: the package line appears at the top.
    await page.getByTestId('export-option-javaPackage').fill('com.example.fraud');
    await previewShows(page, 'package com.example.fraud;');
    // The key field starts at the pattern's partition key.
    expect(await page.getByTestId('export-option-partitionKey').inputValue()).toBe('cardId');
    await previewShows(page, 'CardTestingPattern');
    await shell.screenshot('export-dialog');

    await chooseTarget(page, 'flink-sql');
    expect(await page.getByTestId('export-tab-flink-sql').getAttribute('data-ok')).toBe('false');
    const refusal = page.getByTestId('export-refusal');
    await refusal.waitFor();
    expect(await refusal.textContent()).toMatch(/cashout: followedBy .* has no MATCH_RECOGNIZE form/);
    // Refused means no text at all, and nothing to copy or save.
    expect(await preview(page).count()).toBe(0);
    expect(await page.getByTestId('export-save').isDisabled()).toBe(true);
    const verdicts = page.getByTestId('export-report-item');
    expect(
      await verdicts.evaluateAll((items) =>
        items.map((i) => `${i.getAttribute('data-stage')}:${i.getAttribute('data-ok')}`),
      ),
    ).toEqual(['probe:true', 'cashout:false']);
    await shell.screenshot('export-dialog-sql-refused');
    await page.keyboard.press('Escape');
    await dialog(page).waitFor({ state: 'detached' });
    expect(await shell.problems()).toEqual([]);
  });

  it('exports SQL for cpu-sustained and saves it with the pattern name', async () => {
    const { shell, page } = app;
    await shell.libraryItem('CPU saturated host').click();
    await page.getByTestId('stage-node-hot').waitFor();
    await shell.chord('E');
    await dialog(page).waitFor();
    await chooseTarget(page, 'flink-sql');
    expect(await page.getByTestId('export-tab-flink-sql').getAttribute('data-ok')).toBe('true');
    expect(await preview(page).getAttribute('data-language')).toBe('sql');
    await previewShows(page, 'MATCH_RECOGNIZE');
    await page.getByTestId('export-option-table').fill('host_metrics');
    await previewShows(page, 'host_metrics');

    await app.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: new URL(app.host.url).origin,
    });
    await page.getByTestId('export-copy').click();
    await page.getByTestId('export-notice').filter({ hasText: 'Copied to the clipboard' }).waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain('MATCH_RECOGNIZE');
    expect(copied).toContain('host_metrics');

    const download = page.waitForEvent('download');
    await page.getByTestId('export-save').click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('CPU-saturated-host.sql');
    const saved = readFileSync(await file.path(), 'utf8');
    expect(saved).toContain('MATCH_RECOGNIZE');
    expect(saved).toContain('host_metrics');

    await chooseTarget(page, 'json');
    const json = page.waitForEvent('download');
    await page.getByTestId('export-save').click();
    expect((await json).suggestedFilename()).toBe('CPU-saturated-host.cep.json');
    // Saving keeps the dialog open (to save another target); Escape closes it.
    await page.keyboard.press('Escape');
    await dialog(page).waitFor({ state: 'detached' });
    expect(await shell.problems()).toEqual([]);
  });

  it('offers the job targets: a Maven project saved as a zip, and a SQL client script', async () => {
    const { shell, page } = app;
    await shell.libraryItem('Card testing').click();
    await page.getByTestId('stage-node-cashout').waitFor();
    await shell.runCommand('export flink');
    await dialog(page).waitFor();
    await chooseTarget(page, 'flink-job');
    expect(await page.getByTestId('export-tab-flink-job').getAttribute('data-ok')).toBe('true');
    expect(await page.getByTestId('export-file-name').textContent()).toBe('card-testing-flink-job.zip');
    expect(await page.getByTestId('export-project-files').textContent()).toMatch(
      /^5 files: pom\.xml, README\.md, Event\.java, CardTestingPattern\.java, CardTestingJob\.java\./,
    );
    await previewShows(page, 'runs the pattern class CardTestingPattern');
    await page.getByTestId('export-option-javaPackage').fill('com.example.fraud');
    await previewShows(page, 'package com.example.fraud;');
    await shell.screenshot('export-dialog-flink-job');
    const download = page.waitForEvent('download');
    await page.getByTestId('export-save').click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('card-testing-flink-job.zip');
    const files = readStoredZip(readFileSync(await file.path()));
    expect([...files.keys()]).toContain('card-testing-flink-job/pom.xml');
    expect(files.get('card-testing-flink-job/src/main/java/com/example/fraud/CardTestingJob.java')).toContain(
      'CardTestingPattern.pattern()',
    );

    // followedBy has no MATCH_RECOGNIZE form: the SQL job is refused with the same reason as SQL.
    await chooseTarget(page, 'flink-sql-job');
    await page.getByTestId('export-refusal').waitFor();
    expect(await page.getByTestId('export-refusal').textContent()).toMatch(/followedBy/);
    await page.keyboard.press('Escape');
    await dialog(page).waitFor({ state: 'detached' });

    await shell.libraryItem('CPU saturated host').click();
    await page.getByTestId('stage-node-hot').waitFor();
    await shell.chord('E');
    await dialog(page).waitFor();
    await chooseTarget(page, 'flink-sql-job');
    // The table name typed in the SQL target earlier is remembered for this pattern.
    await previewShows(page, 'CREATE TABLE host_metrics (');
    const script = page.waitForEvent('download');
    await page.getByTestId('export-save').click();
    const saved = await script;
    expect(saved.suggestedFilename()).toBe('CPU-saturated-host.job.sql');
    const text = readFileSync(await saved.path(), 'utf8');
    expect(text).toContain('WATERMARK FOR rowtime');
    expect(text).toContain('INSERT INTO host_metrics_matches');
    expect(await shell.problems()).toEqual([]);
  });

  it('saves the Flink JSON rule with its job settings beside it, and refuses a nested field', async () => {
    const { shell, page } = app;
    // The test before leaves its dialog open.
    if (await dialog(page).isVisible()) await page.keyboard.press('Escape');
    await dialog(page).waitFor({ state: 'detached' });
    await shell.libraryItem('Card testing').click();
    await page.getByTestId('stage-node-cashout').waitFor();
    await shell.runCommand('export flink');
    await dialog(page).waitFor();
    await chooseTarget(page, 'flink-json');
    // The report says what the rule leaves out and where Save puts it.
    await page
      .getByTestId('export-report-item')
      .filter({ hasText: 'Save in the export dialog and cepheus export --out write them beside the rule' })
      .filter({ hasText: 'Card-testing.flink.settings.json' })
      .waitFor();
    const downloads: Download[] = [];
    const collect = (d: Download) => void downloads.push(d);
    page.on('download', collect);
    await page.getByTestId('export-save').click();
    await page
      .getByTestId('export-notice')
      .filter({
        hasText: 'Saved Card-testing.flink.json and its job settings Card-testing.flink.settings.json',
      })
      .waitFor();
    await expect.poll(() => downloads.length).toBe(2);
    await shell.screenshot('export-dialog-flink-json-saved');
    page.off('download', collect);
    const byName = new Map(downloads.map((d) => [d.suggestedFilename(), d]));
    expect([...byName.keys()].sort()).toEqual([
      'Card-testing.flink.json',
      'Card-testing.flink.settings.json',
    ]);
    const rule: unknown = JSON.parse(
      readFileSync(await byName.get('Card-testing.flink.json')!.path(), 'utf8'),
    );
    expect(rule).toMatchObject({ type: 'COMPOSITE', nodes: [{ name: 'probe' }, { name: 'cashout' }] });
    const settings = readJobSettings(
      readFileSync(await byName.get('Card-testing.flink.settings.json')!.path(), 'utf8'),
    );
    const doc = sample('samples/patterns/risk/card-testing.cep.json');
    expect(settings).toEqual({
      ok: true,
      settings: {
        format: 'cepheus-job-settings',
        version: 1,
        pattern: 'Card testing',
        partitionKey: doc.settings.partitionKey,
        time: doc.settings.time,
        eventSchema: doc.eventSchema,
      },
    });
    await page.keyboard.press('Escape');
    await dialog(page).waitFor({ state: 'detached' });

    // A nested field: Flink JSON is refused with the reason (the loader's AviatorCondition), Java is not.
    await shell.libraryItem('Nested user').click();
    await page.getByTestId('stage-node-vip').waitFor();
    await shell.runCommand('export flink');
    await dialog(page).waitFor();
    await chooseTarget(page, 'flink-json');
    expect(await page.getByTestId('export-tab-flink-json').getAttribute('data-ok')).toBe('false');
    const reason = page.getByTestId('export-refusal-reason');
    await reason.first().waitFor();
    expect(await reason.allTextContents()).toEqual([
      expect.stringMatching(
        /^vip: Aviator: the where condition reads the nested field "user\.tier", which Flink JSON cannot carry safely: .*getDeclaredField\("user"\).*export Flink Java$/,
      ),
    ]);
    expect(await page.getByTestId('export-save').isDisabled()).toBe(true);
    await shell.screenshot('export-dialog-flink-json-nested');
    await chooseTarget(page, 'flink-java');
    expect(await page.getByTestId('export-tab-flink-java').getAttribute('data-ok')).toBe('true');
    await page.keyboard.press('Escape');
    await dialog(page).waitFor({ state: 'detached' });
  });
});
