/**
 * Play honours breakpoints, in real Chromium against the real back end: on the seeded card-testing
 * sample and its recording, Run-to-next-breakpoint (F5) from an event finds where a partial match
 * first enters "cashout"; Play at the top speed from the same event must stop on that same event and
 * say why, as F5 does. Then the keyboard: Space resumes and pauses, arrows step, Home/End jump.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchApp, type RunningApp } from './support/launch';

const START = 500;

async function position(page: Page): Promise<string> {
  return (await page.getByTestId('replay-position').textContent()) ?? '';
}

/** Waits until the position label is `label` (each move is a round trip to the engine). */
async function positionIs(page: Page, label: string): Promise<void> {
  await page
    .getByTestId('replay-position')
    .filter({ hasText: new RegExp(`^${label}$`) })
    .waitFor();
}

async function positionChangesFrom(page: Page, before: string): Promise<string> {
  await page.waitForFunction(
    (b) => document.querySelector('[data-testid="replay-position"]')?.textContent !== b,
    before,
  );
  return position(page);
}

const eventNumber = (label: string): number =>
  Number(/^Event ([\d,]+) of/.exec(label)?.[1]?.replaceAll(',', '') ?? NaN);

describe('replay: Play stops at breakpoints like F5', () => {
  let app: RunningApp;
  let events = '';

  beforeAll(async () => {
    app = await launchApp({ seedSamples: true });
  });

  afterAll(async () => {
    await app?.close();
  });

  async function seekTo(index: number): Promise<void> {
    const { page } = app;
    await page.getByTestId('replay-seek-input').fill(String(index));
    await page.getByTestId('replay-seek-go').click();
    await positionIs(page, `Event ${index.toLocaleString('en-US')} of ${events}`);
  }

  it('opens the sample with its recording and a breakpoint on entering "cashout"', async () => {
    const { shell, page } = app;
    await shell.patternTitle.filter({ hasText: 'Card testing' }).waitFor();
    await shell.selectBottomTab('replay');
    await page.getByTestId('replay-start').click();
    await page.getByTestId('replay-panel').waitFor();
    await positionIs(page, 'Before the first event');
    const info = await app.api.app.info();
    const recording = (await app.api.recordings.list()).find((r) => r.id === info.welcome?.recordingId);
    if (!recording) throw new Error('the welcome sample has no recording');
    events = (recording.rowCount - recording.malformedCount).toLocaleString('en-US');

    await page.getByTestId('replay-tab-breakpoints').click();
    await page.getByTestId('breakpoint-kind').selectOption('enter-stage');
    await page.getByTestId('breakpoint-stage').selectOption('cashout');
    await page.getByTestId('breakpoint-add').click();
    await page.getByTestId('breakpoint-item').waitFor();
  });

  it('stops on the event F5 stops on, with the same reason shown', async () => {
    const { page } = app;
    await seekTo(START);
    await page.getByTestId('replay-run-breakpoint').click();
    const hit = page.getByTestId('breakpoint-hit');
    await hit.waitFor();
    const f5Reason = (await hit.textContent()) ?? '';
    expect(f5Reason).toContain('entered "cashout"');
    const f5Stop = await positionChangesFrom(page, `Event ${START} of ${events}`);
    expect(eventNumber(f5Stop)).toBeGreaterThan(START);

    await seekTo(START);
    await hit.waitFor({ state: 'detached' });
    await page.getByLabel('Play speed (steps per second)').selectOption('100');
    await page.getByTestId('replay-play').click();
    await hit.waitFor();
    await page
      .getByTestId('replay-play')
      .and(page.getByLabel('Play', { exact: true }))
      .waitFor();
    expect(await position(page)).toBe(f5Stop);
    expect(await hit.textContent()).toBe(f5Reason);
    // The canvas agrees: a partial match now waits in "cashout".
    const badge = app.shell.canvas.getByTestId('replay-node-badge-cashout');
    expect(Number(await badge.getAttribute('data-active'))).toBeGreaterThan(0);
  });

  it('keeps the keyboard: Space resumes and pauses, arrows step, Home and End jump', async () => {
    const { page, shell } = app;
    const stop = await position(page);
    // With the breakpoint off, whether Play stops again cannot depend on how fast the test pauses it.
    await page.getByTestId('breakpoint-item').locator('input[type="checkbox"]').uncheck();
    // Space resumes from the breakpoint at a slow speed, and pauses.
    await page.getByLabel('Play speed (steps per second)').selectOption('5');
    await page.getByTestId('replay-position').click();
    await page.keyboard.press('Space');
    await page
      .getByTestId('replay-play')
      .and(page.getByLabel('Pause', { exact: true }))
      .waitFor();
    const moved = await positionChangesFrom(page, stop);
    await page.keyboard.press('Space');
    await page
      .getByTestId('replay-play')
      .and(page.getByLabel('Play', { exact: true }))
      .waitFor();
    expect(eventNumber(moved)).toBeGreaterThan(eventNumber(stop));
    expect(await page.getByTestId('breakpoint-hit').count()).toBe(0);

    const paused = await position(page);
    await page.keyboard.press('ArrowRight');
    const next = await positionChangesFrom(page, paused);
    expect(eventNumber(next)).toBe(eventNumber(paused) + 1);
    await page.keyboard.press('ArrowLeft');
    expect(await positionChangesFrom(page, next)).toBe(paused);
    await page.keyboard.press('Home');
    await positionIs(page, 'Before the first event');
    await page.keyboard.press('End');
    await positionIs(page, 'End of input \\(all windows closed\\)');
    expect(await shell.problems()).toEqual([]);
  });
});
