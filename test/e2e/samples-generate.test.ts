/**
 * The README's `npm run samples:generate -- --large` (issue 15, point 4): npm must hand `--large` to
 * the generator. Run as a user would (with a smaller size and a temp folder so the test stays quick),
 * then import the written file through the import dialog and see every row arrive.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, type RunningApp } from './support/launch';
import { repoRoot } from './support/paths';

const ROWS = 2500;
const work = mkdtempSync(join(tmpdir(), 'cepheus-gen-e2e-'));

describe('npm run samples:generate -- --large', () => {
  let app: RunningApp;

  beforeAll(async () => {
    app = await launchApp();
  });

  afterAll(async () => {
    await app?.close();
    rmSync(work, { recursive: true, force: true });
  });

  // Two npm + tsx starts before the import: slow on a loaded machine.
  it('writes the large risk recording, which imports through the dialog', { timeout: 240_000 }, async () => {
    const run = spawnSync(
      'npm',
      ['run', '-s', 'samples:generate', '--', '--large', '--rows', String(ROWS), '--out', work],
      { cwd: repoRoot, encoding: 'utf8' },
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const file = join(work, `risk-transactions-${ROWS}.csv`);
    expect(run.stdout).toContain(`wrote ${ROWS} rows to ${file}`);
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(ROWS + 1);
    expect(lines[0]).toBe('id,ts,userId,cardId,type,amount,status,merchant,device,knownDevice,country');

    // A wrong option is refused with the usage, not silently ignored.
    const wrong = spawnSync('npm', ['run', '-s', 'samples:generate', '--', '--larg'], {
      cwd: repoRoot,
      encoding: 'utf8',
    });
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain('unknown option "--larg"');

    const { shell, page } = app;
    await shell.runCommand('Import recording');
    await page.getByTestId('import-file-input').setInputFiles(file);
    await page.getByTestId('import-confirm').waitFor();
    await page.getByTestId('import-key-field').selectOption('cardId');
    await page.getByTestId('import-start').click();
    await page.getByTestId('import-done').waitFor();
    expect(await page.getByTestId('import-done').textContent()).toContain(
      `${ROWS.toLocaleString('en-US')} events`,
    );
  });
});
