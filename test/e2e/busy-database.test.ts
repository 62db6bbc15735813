/**
 * A second program writing the same library (another Cepheus, the CLI importing): the user's edit
 * waits, then says in words that the database is busy and that nothing was lost; once the other
 * writer is done, the edit is saved without the user doing anything.
 */
import type { Page } from 'playwright-core';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Pattern } from '../../engine/format/builder';
import { DATABASE_FILE } from '../../electron/services';
import { holdWriteLock, released } from '../unit/store/write-lock-holder';
import { launchApp, type RunningApp } from './support/launch';
import { openStored, stageNode, storedDocument, typeInCondition, waitSaved } from './support/designer-page';

const NAME = 'Busy library';

describe('a busy database', () => {
  let app: RunningApp;
  let page: Page;
  let id = '';

  beforeAll(async () => {
    app = await launchApp({ busyDeadlineMs: 1_500 });
    page = app.page;
    const document = Pattern.begin('big').where('amount > 100').toDocument({ name: NAME });
    id = await openStored(app.api, page, NAME, document, 'big');
  });

  afterAll(async () => {
    await app?.close();
  });

  it('says the database is busy, keeps the edit, and saves it once the other writer is done', async () => {
    const holder = await holdWriteLock(path.join(app.dataDir, DATABASE_FILE), 12_000);
    try {
      await stageNode(page, 'big').click();
      await typeInCondition(page, 'condition-where', '0');
      const failed = page.locator('[data-testid="save-status"][data-state="error"]');
      await failed.waitFor({ timeout: 11_000 });
      const reason = await page.getByTestId('save-reason').textContent();
      expect(reason).toContain('The database is busy: another program');
      expect(reason).toContain(`kept ${path.join(app.dataDir, DATABASE_FILE)} locked`);
      expect(reason).toContain('Nothing was changed');
      await app.shell.screenshot('busy-database');
    } finally {
      await released(holder);
    }
    await waitSaved(page);
    const stage = (await storedDocument(app.api, id)).nodes.find((n) => n.kind === 'stage');
    expect(stage && 'where' in stage ? stage.where : null).toBe('amount > 1000');
  });
});
