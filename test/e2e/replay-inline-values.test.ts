/**
 * Inline condition values in Monaco while a replay is open, in real Chromium against the real back
 * end: the card-testing sample in processing time (so each step evaluates the current event), the
 * "probe" stage selected; at each step the condition editor shows the fields the engine read and the
 * condition's result for the event shown in the replay panel, and nothing once the replay closes.
 */
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchApp, type RunningApp } from './support/launch';
import { repoRoot } from './support/paths';

const PATTERN = join(repoRoot, 'samples/patterns/risk/card-testing.cep.json');
const NAME = 'Card testing (processing time)';

/**
 * The inline values drawn in the probe's `where` editor, as one line of text (a value the editor
 * wraps is drawn in several spans; each value starts with a space).
 */
function inlineText(page: Page): Promise<string> {
  return page.evaluate(() =>
    [...document.querySelectorAll('[data-testid="condition-where"] .cx-inline-value')]
      .map((e) => e.textContent ?? '')
      .join('')
      .replace(/\s+/g, ' ')
      .trim(),
  );
}

/** A field of the current event as the replay panel shows it. */
async function eventField(page: Page, name: string): Promise<string> {
  const row = page
    .getByTestId('replay-current-event')
    .locator('.kv-row')
    .filter({ has: page.locator('dt', { hasText: new RegExp(`^${name}$`) }) });
  return ((await row.locator('dd').textContent()) ?? '').trim();
}

async function currentSeq(page: Page): Promise<string> {
  return (
    (await page.getByTestId('replay-current-event').locator('.current-event-head strong').textContent()) ?? ''
  ).trim();
}

/** What the editor must show for the current event: the engine's reading of `type == 'transfer' && amount < 1`. */
async function expectedFor(page: Page): Promise<{ fields: string; result: boolean }> {
  const type = await eventField(page, 'type');
  const amount = await eventField(page, 'amount');
  // && stops at a false left side: amount is only read (and shown) for transfers.
  if (type !== 'transfer') return { fields: `type = "${type}"`, result: false };
  return { fields: `type = "transfer", amount = ${amount}`, result: Number(amount) < 1 };
}

/** Waits until the editor shows the values of the event now in the panel, and checks them. */
async function expectInlineValuesOfCurrentEvent(page: Page): Promise<string> {
  const { fields, result } = await expectedFor(page);
  await page.waitForFunction(
    (want) =>
      [...document.querySelectorAll('[data-testid="condition-where"] .cx-inline-value')]
        .map((e) => e.textContent ?? '')
        .join('')
        .replace(/\s+/g, ' ')
        .includes(want),
    fields,
  );
  const text = await inlineText(page);
  expect(text).toContain(fields);
  expect(text.endsWith(`${fields} → ${result}`)).toBe(true);
  const resultClass = await page
    .getByTestId('condition-where')
    .locator('.cx-inline-value')
    .last()
    .getAttribute('class');
  expect(resultClass).toContain(result ? 'cx-inline-is-true' : 'cx-inline-is-false');
  return text;
}

describe('replay: condition values inline in the editor', () => {
  let app: RunningApp;

  beforeAll(async () => {
    app = await launchApp({ seedSamples: true });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('shows the engine’s values for the current event and follows every step', async () => {
    const { shell, page, api } = app;
    const doc = JSON.parse(readFileSync(PATTERN, 'utf8')) as { name: string; settings: { time: unknown } };
    doc.name = NAME;
    doc.settings.time = { mode: 'processing' };
    await api.patterns.create({ name: NAME, document: doc });
    await shell.openPattern(NAME);
    await shell.canvas.getByTestId('stage-node-probe').click();
    await page
      .getByTestId('condition-where')
      .locator('.view-lines')
      .filter({ hasText: 'transfer' })
      .waitFor();

    const info = await api.app.info();
    await shell.selectBottomTab('replay');
    await page.getByTestId('replay-recording-select').selectOption(String(info.welcome?.recordingId));
    await page.getByTestId('replay-start').click();
    await page.getByTestId('replay-panel').waitFor();
    // Before the first event nothing was tested yet, and the editor says so.
    await page.getByTestId('condition-where').locator('.cx-inline-is-note').first().waitFor();
    expect(await inlineText(page)).toBe('not tested in this step');

    // The first-start hints take room from the panels in the screenshot.
    if (await page.getByTestId('welcome-hint-skip').isVisible())
      await page.getByTestId('welcome-hint-skip').click();
    if (await page.getByTestId('welcome-hint-next').isVisible())
      await page.getByTestId('welcome-hint-next').click();
    await page.locator('[data-testid^="welcome-hint-"][role="note"]').waitFor({ state: 'detached' });

    await page.getByTestId('replay-seek-input').fill('600');
    await page.getByTestId('replay-seek-go').click();
    await page
      .getByTestId('replay-current-event')
      .locator('strong', { hasText: /^#600$/ })
      .waitFor();
    let before = await expectInlineValuesOfCurrentEvent(page);

    // Step with → until the probe condition holds (a transfer under 1), checking every step on the way.
    await page.getByTestId('replay-position').click();
    let steps = 0;
    for (;;) {
      const seq = await currentSeq(page);
      await page.keyboard.press('ArrowRight');
      await page
        .getByTestId('replay-current-event')
        .locator('strong')
        .filter({ hasNotText: new RegExp(`^${seq}$`) })
        .waitFor();
      const now = await expectInlineValuesOfCurrentEvent(page);
      if (now.endsWith('→ true')) break;
      before = now;
      if (++steps > 60) throw new Error('no probe event within 60 steps of #600');
    }
    expect(before.endsWith('→ false')).toBe(true);
    // The && clause on the left shows its own value after it.
    expect(await inlineText(page)).toMatch(/^true type = "transfer"/);
    const shot = await page
      .getByTestId('condition-where')
      .locator('xpath=ancestor::*[contains(@class,"insp-field")]')
      .first()
      .screenshot();
    expect(shot.byteLength).toBeGreaterThan(0);
    const path = await shell.screenshot('replay-inline-values');
    const docsShot = join(repoRoot, 'docs/screenshots/replay-inline-values.png');
    if (process.env.CEP_UPDATE_DOC_SCREENSHOTS === '1') {
      mkdirSync(dirname(docsShot), { recursive: true });
      copyFileSync(path, docsShot);
    }
  });

  it('clears the values when the replay closes, without CSP or console problems', async () => {
    const { shell, page } = app;
    await page.getByTestId('replay-close').click();
    await page.getByTestId('replay-panel').waitFor({ state: 'detached' });
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="condition-where"] .cx-inline-value').length === 0,
    );
    expect(await shell.problems()).toEqual([]);
  });
});
