/**
 * The replay's keyboard under a user's hands (issue 15, points 1 and 10), in Chromium against the web
 * host with the samples seeded: a selected stage moves with the arrow keys only while no replay is
 * open, and that move is one undo step and is saved; while a replay is open the step keys step,
 * whatever is selected, and keep stepping after a click on a side tab or a seek with the Go box.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PatternDocument } from '../../engine/format/schema';
import { launchApp, type RunningApp } from './support/launch';

async function position(page: Page): Promise<string> {
  return (await page.getByTestId('replay-position').textContent()) ?? '';
}

async function movedFrom(page: Page, before: string): Promise<string> {
  await page.waitForFunction(
    (b) => document.querySelector('[data-testid="replay-position"]')?.textContent !== b,
    before,
  );
  return position(page);
}

/** The node's place on the canvas, from React Flow's transform (flow coordinates at zoom 1 scale). */
async function placeOf(wrapper: Locator): Promise<{ x: number; y: number }> {
  const t = (await wrapper.evaluate((el) => (el as HTMLElement).style.transform)) ?? '';
  const m = /translate\((-?[\d.]+)px, ?(-?[\d.]+)px\)/.exec(t);
  if (!m) throw new Error(`no translate in "${t}"`);
  return { x: Number(m[1]), y: Number(m[2]) };
}

describe('replay keyboard', () => {
  let app: RunningApp;
  let page: Page;
  let cashout: Locator;
  let cashoutId = '';

  const stored = async (): Promise<PatternDocument> => {
    const info = await app.api.app.info();
    const detail = await app.api.patterns.get({ id: info.welcome?.patternId ?? '' });
    return detail.document as PatternDocument;
  };
  const saved = () => page.locator('[data-testid="save-status"][data-state="saved"]').waitFor();

  beforeAll(async () => {
    app = await launchApp({ seedSamples: true });
    page = app.page;
    cashout = page.locator('.react-flow__node', { has: page.getByTestId('stage-node-cashout') });
    await cashout.waitFor({ timeout: 90_000 });
    cashoutId = (await cashout.getAttribute('data-id')) ?? '';
  });

  afterAll(async () => {
    await app?.close();
  });

  it('moves a selected stage with the arrow keys when no replay is open: one undo step, saved', async () => {
    const before = await placeOf(cashout);
    const storedBefore = (await stored()).layout.nodes[cashoutId];
    await cashout.getByTestId('stage-node-cashout').click();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => placeOf(cashout)).toEqual({ x: before.x + 30, y: before.y + 10 });
    await saved();
    await expect
      .poll(async () => (await stored()).layout.nodes[cashoutId])
      .toMatchObject({ x: (storedBefore?.x ?? 0) + 30, y: (storedBefore?.y ?? 0) + 10 });

    // The burst of key presses is one undo step; undo puts the stage back and that is saved too.
    await app.shell.chord('Z');
    await expect.poll(() => placeOf(cashout)).toEqual(before);
    await saved();
    await expect
      .poll(async () => (await stored()).layout.nodes[cashoutId])
      .toMatchObject({ x: storedBefore?.x, y: storedBefore?.y });
    await app.shell.chord('Z', { shift: true });
    await expect.poll(() => placeOf(cashout)).toEqual({ x: before.x + 30, y: before.y + 10 });
  });

  it('steps with the arrow keys while a replay is open, even with a stage selected', async () => {
    await app.shell.selectBottomTab('replay');
    await page.getByTestId('replay-start').click();
    await page.getByTestId('replay-panel').waitFor();
    const at = await placeOf(cashout);
    // Selecting a stage is how a user gets its condition's values inline: the keys still step.
    await cashout.getByTestId('stage-node-cashout').click();
    await page.locator(`[data-testid="stage-inspector"][data-node-id="${cashoutId}"]`).waitFor();
    let label = await position(page);
    await page.keyboard.press('ArrowRight');
    label = await movedFrom(page, label);
    expect(label).toMatch(/^Event 1 of 2,014$/);
    await page.keyboard.press('ArrowRight');
    label = await movedFrom(page, label);
    await page.keyboard.press('ArrowLeft');
    label = await movedFrom(page, label);
    expect(label).toMatch(/^Event 1 of 2,014$/);
    expect(await placeOf(cashout)).toEqual(at);
    const doc = await stored();
    expect(doc.layout.nodes[cashoutId]).toMatchObject({ x: expect.any(Number) as number });
    expect(await app.shell.problems()).toEqual([]);
  });

  it('counts every press of a held step key: presses sent during a move are added up, not dropped', async () => {
    await page.getByTestId('replay-panel').waitFor();
    const label = await position(page);
    const from = Number(/^Event ([\d,]+)/.exec(label)?.[1]?.replace(/,/g, '') ?? Number.NaN);
    // Faster than a move comes back (a key held down repeats like this, only slower).
    for (let i = 0; i < 12; i++) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowLeft');
    await page
      .getByTestId('replay-position')
      .filter({ hasText: `Event ${from + 11} of 2,014` })
      .waitFor();
    // And it stays there: nothing was left queued.
    await page.waitForTimeout(500);
    expect(await position(page)).toBe(`Event ${from + 11} of 2,014`);
  });
});
