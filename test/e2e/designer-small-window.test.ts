/**
 * Issue 14, point 4: at 1024×700 nothing on the canvas overlaps: palette and toolbar, minimap and
 * legend, legend and inspector; Fit keeps every stage clear of the floating panels; the bottom panel
 * collapses and the panels keep their size across a reload.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Pattern } from '../../engine/format/builder';
import { emptyStageName, openStored, waitSaved } from './support/designer-page';
import { launchApp, type RunningApp } from './support/launch';

type Box = { x: number; y: number; width: number; height: number };

const overlaps = (a: Box, b: Box): boolean =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

async function boxes(loc: Locator): Promise<Box[]> {
  const all = await loc.all();
  const out: Box[] = [];
  for (const l of all) {
    const b = (await l.isVisible()) ? await l.boundingBox() : null;
    if (b && b.width > 0) out.push(b);
  }
  return out;
}

/** Every pair of the canvas' floating panels, and every stage against every panel, kept apart. */
async function expectNothingOverlaps(page: Page): Promise<void> {
  const panels = {
    palette: await boxes(page.getByTestId('designer-palette')),
    toolbar: await boxes(page.locator('.designer-toolbar')),
    legend: await boxes(page.locator('.edge-legend')),
    minimap: await boxes(page.locator('.designer-canvas .react-flow__minimap')),
    controls: await boxes(page.locator('.designer-canvas .react-flow__controls')),
  };
  const names = Object.keys(panels) as (keyof typeof panels)[];
  for (const a of names)
    for (const b of names)
      if (a < b)
        for (const x of panels[a])
          for (const y of panels[b]) expect(overlaps(x, y), `${a} overlaps ${b}`).toBe(false);
  const canvas = await page.locator('.designer-canvas').boundingBox();
  if (!canvas) throw new Error('no canvas');
  for (const name of names)
    for (const p of panels[name]) {
      expect(p.x + p.width, `${name} runs out of the canvas`).toBeLessThanOrEqual(
        canvas.x + canvas.width + 1,
      );
      expect(p.y + p.height).toBeLessThanOrEqual(canvas.y + canvas.height + 1);
    }
  const stages = await boxes(page.locator('.designer-canvas .react-flow__node'));
  expect(stages.length).toBeGreaterThan(0);
  for (const s of stages) {
    expect(
      s.x >= canvas.x && s.x + s.width <= canvas.x + canvas.width + 1,
      'a stage runs off the canvas',
    ).toBe(true);
    expect(
      s.y >= canvas.y && s.y + s.height <= canvas.y + canvas.height + 1,
      'a stage runs off the canvas',
    ).toBe(true);
  }
  for (const s of stages)
    for (const name of names)
      for (const p of panels[name]) expect(overlaps(s, p), `a stage is under the ${name}`).toBe(false);
  // Edge labels sit between or beside the stages, never over one (a clipped "ollowedB").
  const labels = await boxes(page.locator('[data-testid^="edge-label-"]'));
  expect(labels.length).toBe(stages.length - 1);
  for (const l of labels)
    for (const s of stages) expect(overlaps(l, s), 'an edge label covers a stage').toBe(false);
}

describe('designer: a small window (1024×700)', () => {
  let app: RunningApp;
  let page: Page;

  beforeAll(async () => {
    app = await launchApp({ viewport: { width: 1024, height: 700 } });
    page = app.page;
    let p = Pattern.begin('failed_login').where("status == 'failed'").times(3).consecutive();
    for (const n of ['other_device', 'reset', 'transfer']) p = p.followedBy(n).where("kind == 'x'");
    await openStored(app.api, page, 'Small window', p.toDocument({ name: 'Small window' }), 'failed_login');
  });

  afterAll(async () => {
    await app?.close();
  });

  it('keeps the floating panels and the fitted stages apart', async () => {
    await page.getByTestId('canvas-fit').click();
    await page.waitForTimeout(400);
    await expectNothingOverlaps(page);
    await app.shell.screenshot('designer-small-window');
  });

  it('with the library and bottom panel collapsed the canvas grows, the minimap returns, and still nothing overlaps', async () => {
    await app.shell.chord('J');
    await page.locator('.workbench-bottom').waitFor({ state: 'detached' });
    await app.shell.chord('B');
    await page.locator('.workbench-sidebar').waitFor({ state: 'detached' });
    await page.locator('.designer-canvas .react-flow__minimap').waitFor();
    await page.getByTestId('canvas-fit').click();
    await page.waitForTimeout(400);
    await expectNothingOverlaps(page);
    await app.shell.screenshot('designer-small-window-collapsed');
    await app.shell.chord('J');
    await page.locator('.workbench-bottom').waitFor();
    await app.shell.chord('B');
    await page.locator('.workbench-sidebar').waitFor();
  });

  it('reopening the panels shrinks the canvas; the pattern that was in view stays clear of the floating panels, without Fit', async () => {
    // The previous test fitted the pattern in the big canvas, then reopened the library and the bottom panel.
    await expect
      .poll(async () => {
        try {
          await expectNothingOverlaps(page);
          return 'clear';
        } catch (error) {
          return String(error);
        }
      })
      .toBe('clear');
    await app.shell.screenshot('designer-small-window-reopened');
  });

  it('a draft that cannot be saved says why in the toolbar, which stays clear of the palette and inside the canvas', async () => {
    /** The toolbar (with the reason) against the palette and the canvas' edges. */
    const toolbarFits = async (): Promise<string> => {
      const [palette] = await boxes(page.getByTestId('designer-palette'));
      const [toolbar] = await boxes(page.locator('.designer-toolbar'));
      const canvas = await page.locator('.designer-canvas').boundingBox();
      if (!palette || !toolbar || !canvas) return 'not shown';
      if (overlaps(palette, toolbar)) return 'toolbar over the palette';
      if (toolbar.x < canvas.x - 1 || toolbar.x + toolbar.width > canvas.x + canvas.width + 1)
        return 'toolbar out of the canvas';
      return 'fits';
    };
    await page.setViewportSize({ width: 1440, height: 900 });
    const name = await emptyStageName(page, 'failed_login');
    const status = page.getByTestId('save-status');
    expect(await page.getByTestId('save-reason').isVisible()).toBe(true);
    // The whole reason stays one hover away when the toolbar has to shorten it.
    expect(await status.getAttribute('title')).toContain('must not be empty');
    await expect.poll(toolbarFits, { timeout: 15_000 }).toBe('fits');
    await app.shell.screenshot('designer-draft-reason-wide');
    await page.setViewportSize({ width: 1024, height: 700 });
    await expect.poll(toolbarFits, { timeout: 15_000 }).toBe('fits');
    await app.shell.screenshot('designer-draft-reason-small');
    await name.fill('failed_login');
    await waitSaved(page);
  });

  it('remembers a panel size across a reload', async () => {
    const handle = page.getByRole('separator', { name: 'Resize inspector' });
    const box = await handle.boundingBox();
    if (!box) throw new Error('no resize handle');
    const before = (await page.locator('.workbench-inspector').boundingBox())?.width ?? 0;
    await page.mouse.move(box.x + box.width / 2, box.y + 200);
    await page.mouse.down();
    await page.mouse.move(box.x + 60, box.y + 200, { steps: 6 });
    await page.mouse.up();
    const after = (await page.locator('.workbench-inspector').boundingBox())?.width ?? 0;
    expect(after).toBeLessThan(before - 40);
    await page.reload();
    await app.shell.waitUntilReady();
    expect(
      Math.abs(((await page.locator('.workbench-inspector').boundingBox())?.width ?? 0) - after),
    ).toBeLessThan(2);
  });

  it('produced no console errors, page errors or CSP violations', async () => {
    expect(await app.shell.problems()).toEqual([]);
  });
});
