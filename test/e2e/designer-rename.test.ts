/**
 * Issue 14, point 5: renaming a stage renames its references in every condition, as an IDE's rename
 * would, and one undo takes the whole rename back.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Pattern } from '../../engine/format/builder';
import type { StageNode } from '../../engine/format/schema';
import { clearSelection, openStored, stageNode, storedDocument, waitSaved } from './support/designer-page';
import { launchApp, type RunningApp } from './support/launch';

const NAME = 'Rename e2e';

describe('designer: rename a stage', () => {
  let app: RunningApp;
  let page: Page;
  let id = '';
  const conditionOfB = async (): Promise<string> => {
    const doc = await storedDocument(app.api, id);
    return (doc.nodes.find((n) => n.name === 'b') as StageNode).where;
  };

  beforeAll(async () => {
    app = await launchApp();
    page = app.page;
    const document = Pattern.begin('a')
      .where("status == 'failed'")
      .followedBy('b')
      .where('amount > last(a).amount && count(a) >= 1')
      .toDocument({ name: NAME });
    id = await openStored(app.api, page, NAME, document, 'a');
  });

  afterAll(async () => {
    await app?.close();
  });

  it('typing a new name renames last(a) and count(a) in the other condition', async () => {
    await stageNode(page, 'a').click();
    const name = page.getByTestId('stage-name');
    await name.click();
    await name.press('Control+A');
    await name.pressSequentially('failed_login', { delay: 20 });
    await stageNode(page, 'failed_login').waitFor();
    await waitSaved(page);
    expect(await conditionOfB()).toBe('amount > last(failed_login).amount && count(failed_login) >= 1');
    // The condition editor of b shows it too, and nothing is reported unknown.
    await stageNode(page, 'b').click();
    await page.getByTestId('condition-where').filter({ hasText: 'last(failed_login).amount' }).waitFor();
    await app.shell.selectBottomTab('problems');
    expect(await page.getByTestId('problem-row').filter({ hasText: 'unknown stage' }).count()).toBe(0);
  });

  it('one undo takes back the name and the references together', async () => {
    await clearSelection(page);
    await app.shell.chord('Z');
    await stageNode(page, 'a').waitFor();
    await waitSaved(page);
    expect(await conditionOfB()).toBe('amount > last(a).amount && count(a) >= 1');
  });

  it('produced no console errors, page errors or CSP violations', async () => {
    expect(await app.shell.problems()).toEqual([]);
  });
});
