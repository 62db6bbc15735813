/**
 * The replay's side panels under a user's hands (issue 15, points 3, 8 (late pill), 10, 11 and 13), in
 * Chromium against the web host with the samples seeded: the event browser opens beside the replay
 * (which stays in view), a click on a row seeks there, its filter takes the condition language; a
 * result's "Events" lists its events there; the arrow keys keep stepping after a click on a side tab
 * or on Go; the timeline's markers have tooltips; the "late" pill lists the late events in Results.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, type RunningApp } from './support/launch';

const position = async (page: Page): Promise<string> =>
  (await page.getByTestId('replay-position').textContent()) ?? '';

async function movedFrom(page: Page, before: string): Promise<string> {
  await page.waitForFunction(
    (b) => document.querySelector('[data-testid="replay-position"]')?.textContent !== b,
    before,
  );
  return position(page);
}

/**
 * The first two field values of each listed event that the browser cuts (not wholly inside their row),
 * with their row's text: [] when every one is shown whole.
 */
const firstValuesCut = (page: Page): Promise<string[]> =>
  page.evaluate(() => {
    const lines = [
      ...document.querySelectorAll('[data-testid="replay-events"] [data-testid="event-fields"]'),
    ];
    if (lines.length === 0) return ['no event listed with its fields'];
    return lines.flatMap((line) => {
      const box = line.getBoundingClientRect();
      return [...line.querySelectorAll('.event-field')]
        .slice(0, 2)
        .filter((f) => f.getBoundingClientRect().right > box.right + 0.5)
        .map((f) => `${f.textContent} in ${line.textContent}`);
    });
  });

const currentSeq = async (page: Page): Promise<number> =>
  Number(await page.getByTestId('replay-current-event').getAttribute('data-seq'));

describe('replay side panels', () => {
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

  async function firstValuesWholeAt1024And1440(screenshot: string): Promise<void> {
    for (const size of [
      { width: 1024, height: 700 },
      { width: 1440, height: 900 },
    ]) {
      await page.setViewportSize(size);
      await expect.poll(() => firstValuesCut(page)).toEqual([]);
      // The step's columns keep room (the panel scrolls to them) instead of being squeezed to nothing.
      expect((await page.locator('.replay-grid').boundingBox())?.height).toBeGreaterThanOrEqual(150);
      if (size.width === 1024) await app.shell.screenshot(screenshot);
    }
  }

  it('keeps stepping with the arrow keys after a click on a side tab and on Go', async () => {
    await page.getByTestId('replay-tab-why-not').click();
    let label = await position(page);
    await page.keyboard.press('ArrowRight');
    label = await movedFrom(page, label);
    expect(label).toBe('Event 1 of 2,014');

    await page.getByTestId('replay-seek-input').fill('100');
    await page.getByTestId('replay-seek-go').click();
    label = await movedFrom(page, label);
    expect(label).toBe('Event 100 of 2,014');
    await page.keyboard.press('ArrowRight');
    expect(await movedFrom(page, label)).toBe('Event 101 of 2,014');
  });

  it('opens the event browser beside the replay; a row click seeks there; the filter takes conditions', async () => {
    await page.getByTestId('replay-events-toggle').click();
    const browser = page.getByTestId('replay-events');
    await browser.waitFor();
    // Beside, not over: the replay's controls and position stay visible and usable.
    expect(await page.getByTestId('replay-position').isVisible()).toBe(true);
    expect(await page.getByRole('dialog').count()).toBe(0);

    // The browser follows the current event; click another row in view.
    const current = await currentSeq(page);
    const inView = browser.locator('[data-testid^="event-row-"]:not(.is-current)');
    await inView.first().waitFor();
    const row = inView.first();
    const seq = Number(((await row.getAttribute('data-testid')) ?? '').replace('event-row-', ''));
    expect(seq).not.toBe(current);
    const label = await position(page);
    await row.click();
    await movedFrom(page, label);
    await expect.poll(() => currentSeq(page)).toBe(seq);
    const clicked = browser.getByTestId(`event-row-${seq}`);
    expect(await clicked.getAttribute('class')).toContain('is-current');
    // The keys still step after the click, from there.
    const here = await position(page);
    await page.keyboard.press('ArrowRight');
    await movedFrom(page, here);

    // Unfiltered, the first two fields are whole too (the time field, shown in the Time column, comes last).
    await firstValuesWholeAt1024And1440('replay-events-beside-1024');

    // The filter speaks the condition language.
    const total = browser.getByTestId('event-table-total');
    const before = (await total.textContent()) ?? '';
    await browser.getByTestId('replay-events-filter').fill("type == 'transfer' && amount > 10000");
    await expect.poll(async () => (await total.textContent()) ?? '').not.toBe(before);
    const rows = browser.locator('[data-testid^="event-row-"]');
    await rows.first().waitFor();
    // The narrow list leads with the fields the filter names, so each row shows why it is listed.
    expect(await browser.getByTestId('event-table-fields-head').textContent()).toBe(
      'type · amount · other fields',
    );
    for (const text of await rows.allTextContents()) expect(text).toMatch(/transfer · \d{5,}/);
    // The key column names its field: the recording's key (userId), not the pattern's partition key (cardId).
    expect(await browser.getByRole('columnheader').nth(2).textContent()).toBe('userId');
    await app.shell.screenshot('replay-events-beside');
    // Both named values are shown whole, at 1440 px and at 1024 px: the fields take the row's second line.
    await firstValuesWholeAt1024And1440('replay-events-filtered-1024');
    const amount = browser.locator('.event-field.is-lead').nth(1);
    expect(await amount.getAttribute('title')).toBe(`amount=${await amount.textContent()}`);
  });

  it("lists a result's events in the browser, and the timeline's markers have tooltips", async () => {
    await page.getByTestId('replay-run-end').click();
    await page.getByTestId('timeline-caption').filter({ hasNotText: 'Analysing' }).waitFor();
    await app.shell.selectBottomTab('results');
    const match = page.getByTestId('result-row-match').first();
    await match.waitFor();
    // The row's actions are in view without scrolling the results sideways.
    const wrap = await page.locator('.results-table-wrap').boundingBox();
    const button = await match.getByTestId('result-events').boundingBox();
    expect(button && wrap && button.x + button.width <= wrap.x + wrap.width).toBe(true);
    await match.getByTestId('result-events').click();
    const result = page.getByTestId('replay-events-result');
    await result.waitFor();
    const listed = page.getByTestId('replay-events').locator('[data-testid^="event-row-"]');
    await listed.first().waitFor();
    expect(await listed.count()).toBe(2);

    await app.shell.selectBottomTab('replay');
    const svg = page.getByRole('slider', { name: 'Replay position (drag to scrub)' });
    const box = await svg.boundingBox();
    const d = (await page.getByTestId('timeline-matches').getAttribute('d')) ?? '';
    const x = Number(/M\s*([\d.]+)/.exec(d)?.[1]);
    const viewWidth = Number(((await svg.getAttribute('viewBox')) ?? '').split(' ')[2]);
    expect(box).not.toBeNull();
    if (!box) return;
    await page.mouse.move(box.x + (x / viewWidth) * box.width, box.y + box.height / 2);
    const tip = page.getByTestId('timeline-tooltip');
    await tip.waitFor();
    expect(await tip.textContent()).toMatch(/match/i);
  });

  it('the "late" pill lists the late events in Results', async () => {
    const pill = page.getByTestId('replay-late-pill');
    const late = Number(((await pill.textContent()) ?? '').replace(/[^\d]/g, ''));
    await pill.click();
    await page.locator('[data-testid="tab-results"][aria-selected="true"]').waitFor();
    const rows = page.locator('[data-testid^="result-row-"]');
    if (late === 0) expect(await page.getByTestId('result-row-late').count()).toBe(0);
    else {
      await page.getByTestId('result-row-late').first().waitFor();
      expect(await rows.count()).toBe(await page.getByTestId('result-row-late').count());
    }
    expect(await app.shell.problems()).toEqual([]);
  });
});
