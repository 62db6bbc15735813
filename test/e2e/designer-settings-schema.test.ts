/**
 * Issue 14, point 6: the pattern settings are checked against the event schema. A partition key or
 * timestamp field the events do not have is a problem, at the field in the inspector and in
 * Problems, with "did you mean" one click away; switching to event time proposes the schema's
 * timestamp field.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Pattern } from '../../engine/format/builder';
import { launchApp, type RunningApp } from './support/launch';
import { clearSelection, openStored, storedDocument, waitSaved } from './support/designer-page';

const NAME = 'Big purchase per user';

const section = (page: Page) => page.getByTestId('section-time');
const messages = (page: Page) => section(page).locator('.insp-message');

async function problemMessages(page: Page): Promise<string[]> {
  return page.getByTestId('problem-row').locator('.problem-message').allTextContents();
}

/** Replaces an input's text by typing, as a user does. */
async function retype(page: Page, testId: string, text: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.keyboard.press('Control+a');
  await page.keyboard.type(text, { delay: 20 });
}

describe('designer: settings checked against the event schema', () => {
  let app: RunningApp;
  let page: Page;
  let id = '';

  beforeAll(async () => {
    app = await launchApp();
    page = app.page;
    const document = Pattern.begin('login')
      .where('amount > 0')
      .followedBy('purchase')
      .where('amount > 500')
      .within(600_000)
      .toDocument({
        name: NAME,
        eventSchema: {
          fields: [
            { name: 'userId', type: 'string' },
            { name: 'amount', type: 'number' },
            { name: 'occurredAt', type: 'timestamp' },
          ],
        },
      });
    id = await openStored(app.api, page, NAME, document, 'login');
    await app.shell.selectBottomTab('problems');
    await clearSelection(page);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('flags a partition key the events do not have, at the field and in Problems, and fixes it in one click', async () => {
    await retype(page, 'partition-key', 'userid');
    const message = messages(page).filter({ hasText: "The partition key 'userid' is not a field" });
    await message.waitFor();
    expect(await message.textContent()).toMatch(/— did you mean 'userId'\?/);
    expect(await page.getByTestId('partition-key').getAttribute('aria-invalid')).toBe('true');
    await page
      .getByTestId('inspector-status')
      .filter({ hasText: /^1 error$/ })
      .waitFor();
    expect(await problemMessages(page)).toEqual([await message.locator('span').first().textContent()]);
    await app.shell.screenshot('designer-settings-unknown-key');
    await page.setViewportSize({ width: 1024, height: 700 });
    await section(page).scrollIntoViewIfNeeded();
    await app.shell.screenshot('designer-settings-unknown-key-1024');
    // At this size too the message is readable in Problems (not squeezed to a word per line).
    const row = await page.getByTestId('problem-row').locator('.problem-message').boundingBox();
    expect(row?.width ?? 0).toBeGreaterThan(200);
    await page.setViewportSize({ width: 1440, height: 900 });

    await section(page).getByTestId('field-fix').filter({ hasText: "Change to 'userId'" }).click();
    expect(await page.getByTestId('partition-key').inputValue()).toBe('userId');
    await page
      .getByTestId('inspector-status')
      .filter({ hasText: /^Valid$/ })
      .waitFor();
    expect(await messages(page).count()).toBe(0);
    expect(await problemMessages(page)).toEqual([]);
    await waitSaved(page);
    expect((await storedDocument(app.api, id)).settings.partitionKey).toBe('userId');
  });

  it('proposes the schema’s timestamp field for event time, and flags a misspelt one', async () => {
    await section(page).getByRole('radio', { name: 'Event time' }).click();
    // Not "timestamp": the schema's own timestamp field, so the pattern stays valid.
    expect(await page.getByTestId('time-field').inputValue()).toBe('occurredAt');
    expect(await section(page).textContent()).toContain("The event schema's timestamp field.");
    await page
      .getByTestId('inspector-status')
      .filter({ hasText: /^Valid$/ })
      .waitFor();

    await retype(page, 'time-field', 'occuredAt');
    const message = messages(page).filter({ hasText: "The timestamp field 'occuredAt' is not a field" });
    await message.waitFor();
    expect(await message.textContent()).toMatch(/— did you mean 'occurredAt'\?/);
    expect(await problemMessages(page)).toEqual([await message.locator('span').first().textContent()]);
    // The Problems entry leads back to the settings.
    await app.shell.screenshot('designer-settings-unknown-time-field');
    await section(page).getByTestId('field-fix').click();
    expect(await page.getByTestId('time-field').inputValue()).toBe('occurredAt');
    await page
      .getByTestId('inspector-status')
      .filter({ hasText: /^Valid$/ })
      .waitFor();
    await waitSaved(page);
    expect((await storedDocument(app.api, id)).settings.time).toMatchObject({
      mode: 'event',
      field: 'occurredAt',
    });
    expect(await app.shell.problems()).toEqual([]);
  });

  it('says in words when two event fields share a name, and stops once one is renamed', async () => {
    const schema = page.getByTestId('section-schema');
    await schema.scrollIntoViewIfNeeded();
    await page.getByTestId('schema-add-field').click();
    const added = page.getByRole('textbox', { name: 'Field 4 name' });
    await added.click();
    await page.keyboard.type('amount', { delay: 20 });
    const message = schema
      .locator('.insp-message')
      .filter({ hasText: 'Each field needs its own name: “amount” is used more than once.' });
    await message.waitFor();
    await app.shell.screenshot('designer-schema-duplicate-field');
    await added.click();
    await page.keyboard.press('End');
    await page.keyboard.type('Usd', { delay: 20 });
    await message.waitFor({ state: 'detached' });
    await waitSaved(page);
    expect((await storedDocument(app.api, id)).eventSchema?.fields.map((f) => f.name)).toEqual([
      'userId',
      'amount',
      'occurredAt',
      'amountUsd',
    ]);
  });
});
