/**
 * Issue 14, point 13: a long pattern is laid out in rows that read at 100% zoom (not a thin strip
 * fitted to the window), stage names are shown whole (wrapped, or shortened with the full name on
 * hover and as the accessible name), and a pattern that arrives without positions (imported, or
 * pasted into the JSON tab) is laid out at once.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Pattern } from '../../engine/format/builder';
import type { PatternDocument } from '../../engine/format/schema';
import { serializeDocument } from '../../engine/format/serialize';
import { openStored, stageNode, storedDocument, waitSaved } from './support/designer-page';
import { launchApp, type RunningApp } from './support/launch';

const NAMES = [
  'loginFailedAttempt',
  'captchaShown',
  'passwordResetRequested',
  'emailChanged',
  'newDeviceRegistered',
  'geoVelocityAlert',
  'smallTransfer',
  'payeeAdded',
  'largeTransfer',
  'accountLockout',
  'supportCall',
  'limitIncrease',
  'cashOutThroughAnOverseasMerchantAccount',
];

/** A 13-stage chain with no positions at all, as an importer or a server hands it over. */
function thirteen(name: string, names = NAMES): PatternDocument {
  let p = Pattern.begin(names[0]).where(`type == '${names[0]}'`);
  names.slice(1).forEach((n, i) => {
    p = i % 3 === 2 ? p.next(n).where(`type == '${n}'`) : p.followedBy(n).where(`type == '${n}'`);
  });
  return { ...p.toDocument({ name }), layout: { nodes: {} } };
}

/** Puts text on the system clipboard and pastes it with Ctrl+V where the focus is. */
async function pasteText(app: RunningApp, text: string): Promise<void> {
  await app.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: new URL(app.host.url).origin,
  });
  await app.page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await app.shell.chord('V');
}

type Box = { x: number; y: number; width: number; height: number };

async function stageBoxes(page: Page, names: string[]): Promise<Box[]> {
  const out: Box[] = [];
  for (const n of names) {
    const box = await stageNode(page, n).boundingBox();
    if (!box) throw new Error(`${n} has no box`);
    out.push(box);
  }
  return out;
}

const zoomOf = (page: Page): Promise<number> =>
  page
    .locator('.designer-canvas .react-flow__viewport')
    .evaluate((el) => new DOMMatrixReadOnly(getComputedStyle(el).transform).a);

/** Rows read at a readable zoom, each row across the canvas, in pattern order, the start in view. */
async function expectReadableRows(page: Page, names: string[]): Promise<void> {
  expect(await zoomOf(page)).toBeGreaterThanOrEqual(0.74);
  const canvas = await page.locator('.designer-canvas').boundingBox();
  if (!canvas) throw new Error('no canvas');
  const boxes = await stageBoxes(page, names);
  const rows = [...new Set(boxes.map((b) => Math.round(b.y)))];
  expect(rows.length).toBeGreaterThanOrEqual(3);
  for (const b of boxes) {
    expect(b.x).toBeGreaterThanOrEqual(canvas.x);
    expect(b.x + b.width).toBeLessThanOrEqual(canvas.x + canvas.width);
  }
  // Reading order: left to right within a row, rows top to bottom.
  for (let i = 1; i < boxes.length; i++) {
    const [a, b] = [boxes[i - 1], boxes[i]];
    expect(b.y > a.y + 1 || (Math.abs(b.y - a.y) <= 1 && b.x > a.x)).toBe(true);
  }
  // The beginning is on screen, under the palette, not behind it.
  const palette = await page.getByTestId('designer-palette').boundingBox();
  expect(boxes[0].y).toBeGreaterThanOrEqual((palette?.y ?? 0) + (palette?.height ?? 0));
  expect(boxes[0].y + boxes[0].height).toBeLessThanOrEqual(canvas.y + canvas.height);
}

/** Each stage's name is there in full: to the eye (not clipped), on hover and to a screen reader. */
async function expectFullNames(page: Page, names: string[]): Promise<void> {
  for (const n of names) {
    const label = stageNode(page, n).locator('.cep-stage-name');
    expect(await label.getAttribute('title')).toBe(n);
    const clipped = await label.evaluate(
      (el) => el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1,
    );
    expect(clipped, `${n} is cut off`).toBe(false);
    await expect
      .poll(() =>
        page.locator(`.react-flow__node:has([data-testid="stage-node-${n}"])`).getAttribute('aria-label'),
      )
      .toBe(`Stage ${n}`);
  }
}

/** Retries a check until it passes (the layout runs in ELK's worker: slower on a loaded machine). */
async function eventually(check: () => Promise<void>, timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > until) throw error;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

for (const viewport of [
  { width: 1440, height: 900 },
  { width: 1024, height: 700 },
]) {
  describe(`designer: a 13-stage pattern at ${viewport.width}×${viewport.height}`, () => {
    let app: RunningApp;
    let page: Page;
    let id = '';

    beforeAll(async () => {
      app = await launchApp({ viewport });
      page = app.page;
      id = await openStored(app.api, page, 'Thirteen', thirteen('Thirteen'), NAMES[0]);
    });

    afterAll(async () => {
      await app?.close();
    });

    it('lays a pattern stored without positions out at once, in rows readable at 100% zoom', async () => {
      await eventually(() => expectReadableRows(page, NAMES));
      await expectFullNames(page, NAMES);
      await app.shell.screenshot(`designer-layout-13-${viewport.width}`);
      // The layout made on opening is kept.
      await waitSaved(page);
      expect(Object.keys((await storedDocument(app.api, id)).layout.nodes)).toHaveLength(13);
    });

    it('Auto-layout after hand moves brings the rows back', async () => {
      const box = await stageBoxes(page, [NAMES[1]]);
      await page.mouse.move(box[0].x + 20, box[0].y + 10);
      await page.mouse.down();
      await page.mouse.move(box[0].x + 20, box[0].y + 260, { steps: 8 });
      await page.mouse.up();
      await page.getByRole('button', { name: 'Auto-layout' }).click();
      await eventually(() => expectReadableRows(page, NAMES));
    });

    it('produced no console errors, page errors or CSP violations', async () => {
      expect(await app.shell.problems()).toEqual([]);
    });
  });
}

describe('designer: JSON without positions pasted into the JSON tab', () => {
  let app: RunningApp;
  let page: Page;

  beforeAll(async () => {
    app = await launchApp();
    page = app.page;
    const small = Pattern.begin('a').followedBy('b').toDocument({ name: 'Pasted' });
    await openStored(app.api, page, 'Pasted', small, 'a');
  });

  afterAll(async () => {
    await app?.close();
  });

  it('lays the pasted stages out at once, and one undo takes the paste back', async () => {
    await page.getByTestId('inspector-tab-json').click();
    const json = page.getByTestId('json-view');
    await json.locator('.view-lines', { hasText: '"cepheus.pattern"' }).waitFor();
    await json.locator('.view-lines').click();
    await app.shell.chord('A');
    const names = NAMES.slice(0, 8);
    await pasteText(app, serializeDocument(thirteen('Pasted', names)));
    await stageNode(page, names[7]).waitFor();
    await eventually(async () => {
      const boxes = await stageBoxes(page, names);
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++) {
          const [a, b] = [boxes[i], boxes[j]];
          const apart =
            a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
          expect(apart, `${names[i]} and ${names[j]} overlap`).toBe(true);
        }
      await expectReadableRows(page, names);
    });
    await app.shell.screenshot('designer-layout-json-paste');
    // Undo from the canvas: the two-stage pattern is back in one step.
    await page.locator('.react-flow__pane').click({ position: { x: 30, y: 200 } });
    await app.shell.chord('Z');
    await stageNode(page, 'a').waitFor();
    expect(await page.locator('.designer-canvas .react-flow__node').count()).toBe(2);
  });

  it('produced no console errors, page errors or CSP violations', async () => {
    expect(await app.shell.problems()).toEqual([]);
  });
});
