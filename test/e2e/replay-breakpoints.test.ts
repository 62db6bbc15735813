/**
 * Breakpoints under a user's hands (issue 15, points 2 and 5), in Chromium against the web host with
 * the samples seeded: a condition that is broken (`amount >`) or names a field the events lack
 * (`amout > 5`) is refused with one message at the field and not added, however often it is tried;
 * and when a breakpoint stops on an event the watermark released later, "Current event" and "Partial
 * matches" show that event (with the newest event read shown apart).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, type RunningApp } from './support/launch';

async function addEventBreakpoint(page: Page, expression: string): Promise<void> {
  await page.getByTestId('breakpoint-kind').selectOption('event');
  await page.getByTestId('breakpoint-expression').fill(expression);
  await page.getByTestId('breakpoint-add').click();
}

describe('replay breakpoints', () => {
  let app: RunningApp;
  let page: Page;

  beforeAll(async () => {
    app = await launchApp({ seedSamples: true });
    page = app.page;
    // Seeding the samples and opening the welcome one can take long on a loaded machine.
    await page.getByTestId('stage-node-cashout').waitFor({ timeout: 90_000 });
    await app.shell.selectBottomTab('replay');
    await page.getByTestId('replay-start').click();
    await page.getByTestId('replay-panel').waitFor();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('refuses a broken condition with one message at the field, and adds nothing', async () => {
    const error = page.getByTestId('breakpoint-form-error');
    await addEventBreakpoint(page, 'amount >');
    await error.waitFor();
    expect(await error.textContent()).toMatch(
      /^The condition ends too early: a value is missing \(column 9\)$/,
    );
    expect(await page.getByTestId('breakpoint-expression').getAttribute('aria-invalid')).toBe('true');
    // Trying again does not pile messages up.
    await page.getByTestId('breakpoint-add').click();
    await page.getByTestId('breakpoint-add').click();
    expect(await page.getByRole('alert').filter({ hasText: 'ends too early' }).count()).toBe(1);
    expect(await page.getByTestId('breakpoint-item').count()).toBe(0);

    // A misspelt field is named, with the one it probably means.
    await addEventBreakpoint(page, 'amout > 5');
    await error.filter({ hasText: "unknown field 'amout' — did you mean 'amount'?" }).waitFor();
    expect(await page.getByRole('alert').count()).toBe(1);
    expect(await page.getByTestId('breakpoint-item').count()).toBe(0);

    // Typing clears the message; a good condition is added.
    await page.getByTestId('breakpoint-expression').fill('amount > 10000');
    await error.waitFor({ state: 'detached' });
    await page.getByTestId('breakpoint-add').click();
    await page.getByTestId('breakpoint-item').filter({ hasText: 'amount > 10000' }).waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
    await app.shell.screenshot('replay-breakpoint-refused');
    // Remove it again for the next test.
    await page.getByTestId('breakpoint-item').getByRole('button', { name: 'Remove breakpoint' }).click();
    await page.getByTestId('breakpoint-item').waitFor({ state: 'detached' });
  });

  it('shows the event a breakpoint fired on, and the newest event read apart', async () => {
    // Entering "cashout" happens when the watermark releases the probe's successor: later reads are buffered.
    await page.getByTestId('breakpoint-kind').selectOption('enter-stage');
    await page.getByTestId('breakpoint-stage').selectOption('cashout');
    await page.getByTestId('breakpoint-add').click();
    await page.getByTestId('breakpoint-item').waitFor();
    await page.getByTestId('replay-run-breakpoint').click();
    const hit = page.getByTestId('breakpoint-hit');
    await hit.waitFor();
    const fired = Number(
      /with event #([\d,]+)/.exec((await hit.textContent()) ?? '')?.[1]?.replace(/,/g, ''),
    );
    expect(fired).toBeGreaterThan(0);

    const current = page.getByTestId('replay-current-event');
    // The event the breakpoint fired on is the current event, marked as such …
    expect(Number(await current.getAttribute('data-seq')) + 1).toBe(fired);
    expect(await current.locator('.current-event-head strong').textContent()).toBe(
      `#${fired.toLocaleString('en-US')}`,
    );
    expect(await current.textContent()).toContain('the breakpoint fired on it');
    // … the newest event read (still buffered by the watermark) is shown apart …
    const newest = page.getByTestId('replay-newest-event');
    await newest.waitFor();
    const newestNumber = Number(/#([\d,]+)/.exec((await newest.textContent()) ?? '')?.[1]?.replace(/,/g, ''));
    expect(newestNumber).toBeGreaterThan(fired);
    const position = (await page.getByTestId('replay-position').textContent()) ?? '';
    expect(position).toBe(`Event ${newestNumber.toLocaleString('en-US')} of 2,014`);
    // … and the partial matches are that event's key's: one waits in "cashout".
    const key = (await current.locator('.pill', { hasText: /^key / }).textContent())?.replace(/^key /, '');
    expect(await page.getByRole('heading', { name: `Partial matches · key ${key}` }).count()).toBe(1);
    const partial = page.getByTestId('partial-match').first();
    expect(await partial.getAttribute('data-stage')).toBe('cashout');
    expect(
      await partial.locator('.bound', { hasText: 'probe:' }).getByRole('button').allTextContents(),
    ).toEqual([`#${fired.toLocaleString('en-US')}`]);
    await app.shell.screenshot('replay-breakpoint-focus');
    expect(await app.shell.problems()).toEqual([]);
  });
});
