/**
 * The designer canvas with real mouse gestures in Chromium: palette, handle-to-handle connections,
 * an engine-refused connection with its reason, multi-select + delete, copy/paste, undo/redo,
 * auto-layout, a move that saves layout without a new semantic version, version history with the
 * semantic diff, and a reload that finds everything saved.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { specToDocument } from '../../engine/format/from-spec';
import type { PatternDocument } from '../../engine/format/schema';
import {
  dragBetween,
  edgeLabels,
  handleOf as handle,
  stageNode as node,
  waitSaved,
} from './support/designer-page';
import { launchApp, type RunningApp } from './support/launch';

const NAME = 'Canvas e2e';
const one = { kind: 'one', optional: false, greedy: false, inner: 'relaxed' } as const;

async function dragBy(page: Page, loc: Locator, dx: number, dy: number): Promise<void> {
  const box = await loc.locator('.cep-stage-head').boundingBox();
  if (!box) throw new Error('node not visible');
  const x = box.x + 20;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + dx / 2, y + dy / 2, { steps: 6 });
  await page.mouse.move(x + dx, y + dy, { steps: 6 });
  await page.mouse.up();
}

async function storedDocument(
  app: RunningApp,
): Promise<{ doc: PatternDocument; hash: string; version: number }> {
  const [summary] = (await app.api.patterns.list()).filter((p) => p.name === NAME);
  if (!summary) throw new Error('pattern not stored');
  const detail = await app.api.patterns.get({ id: summary.id });
  return {
    doc: detail.document as PatternDocument,
    hash: detail.semanticHash,
    version: detail.latestVersion,
  };
}

describe('designer canvas', () => {
  let app: RunningApp;
  let page: Page;
  let problemsBeforeReload = 0;

  beforeAll(async () => {
    app = await launchApp();
    page = app.page;
    const document = specToDocument(
      {
        stages: [{ name: 'start', contiguity: 'begin', where: 'type == "login"', quantifier: one }],
        skip: { kind: 'NO_SKIP' },
      },
      { name: NAME },
    );
    await app.api.patterns.create({ name: NAME, document });
    await app.shell.libraryItem(NAME).click();
    await node(page, 'start').waitFor();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('adds stages from the palette by click and by drag', async () => {
    await page.getByTestId('palette-add-stage').click();
    await node(page, 'stage1').waitFor();
    const pane = await page.locator('.react-flow__pane').boundingBox();
    if (!pane) throw new Error('no pane');
    await page.getByTestId('palette-add-stage').dragTo(page.locator('.react-flow__pane'), {
      targetPosition: { x: pane.width * 0.5, y: pane.height * 0.75 },
    });
    await node(page, 'stage2').waitFor();
    expect(await page.locator('.react-flow__node').count()).toBe(3);
    await waitSaved(page);
  });

  it('connects stages by dragging handle to handle, with the chosen contiguity', async () => {
    await dragBetween(page, handle(page, 'start', 'source'), handle(page, 'stage1', 'target'));
    await edgeLabels(page).first().waitFor();
    expect(await edgeLabels(page).evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')))).toEqual(
      ['followedBy'],
    );
    await page.getByTestId('palette-connect-as').selectOption('next');
    await dragBetween(page, handle(page, 'stage1', 'source'), handle(page, 'stage2', 'target'));
    await edgeLabels(page).nth(1).waitFor();
    expect(
      await edgeLabels(page).evaluateAll((els) => els.map((e) => e.getAttribute('data-contiguity'))),
    ).toEqual(['followedBy', 'next']);
    // Styled distinctly: followedBy dashed, next solid.
    const dashes = await page
      .locator('.react-flow__edge path.cep-edge-path')
      .evaluateAll((els) => els.map((e) => (e as SVGPathElement).style.strokeDasharray));
    expect(dashes[0]).not.toBe('');
    expect(dashes[1]).toBe('');
    await waitSaved(page);
    await app.shell.screenshot('designer-canvas-connected');
  });

  it('refuses a connection the engine would reject and says why', async () => {
    await dragBetween(page, handle(page, 'stage2', 'source'), handle(page, 'start', 'target'));
    const refusal = page.getByTestId('connection-refused');
    await refusal.waitFor();
    expect(await refusal.textContent()).toMatch(/cycle|loop/i);
    expect(await edgeLabels(page).count()).toBe(2);
    await app.shell.screenshot('designer-canvas-refused');
    await dragBetween(page, handle(page, 'start', 'source'), handle(page, 'stage2', 'target'));
    await page
      .getByTestId('connection-refused')
      .filter({ hasText: /branches/ })
      .waitFor();
    expect(await edgeLabels(page).count()).toBe(2);
  });

  it('multi-selects and deletes, then undo and redo restore exactly', async () => {
    await page.getByTestId('palette-add-stage').click();
    await node(page, 'stage3').waitFor();
    await page.getByTestId('palette-add-stage').click();
    await node(page, 'stage4').waitFor();
    await node(page, 'stage3').click();
    await node(page, 'stage4').click({ modifiers: ['Control'] });
    await page.locator('.react-flow__node.selected').nth(1).waitFor();
    await page.keyboard.press('Delete');
    await node(page, 'stage3').waitFor({ state: 'detached' });
    expect(await node(page, 'stage4').count()).toBe(0);
    await app.shell.chord('Z');
    await node(page, 'stage4').waitFor();
    expect(await node(page, 'stage3').count()).toBe(1);
    await app.shell.chord('Z', { shift: true });
    await node(page, 'stage4').waitFor({ state: 'detached' });
    expect(await page.locator('.react-flow__node').count()).toBe(3);
  });

  it('copies and pastes a stage with a fresh name, undoable', async () => {
    await node(page, 'stage1').click();
    await app.shell.chord('C');
    await app.shell.chord('V');
    await node(page, 'stage1_2').waitFor();
    expect(await page.locator('.react-flow__node').count()).toBe(4);
    await page.getByTestId('canvas-undo').click();
    await node(page, 'stage1_2').waitFor({ state: 'detached' });
    await waitSaved(page);
  });

  it('auto-layout puts the chain left to right in pattern order', async () => {
    await dragBy(page, node(page, 'start'), 500, 200);
    await page.getByTestId('canvas-auto-layout').click();
    await page.waitForFunction(() => {
      const x = (n: string) =>
        document.querySelector(`[data-testid="stage-node-${n}"]`)?.getBoundingClientRect().x ?? 0;
      return x('start') < x('stage1') && x('stage1') < x('stage2');
    });
    const ys = await Promise.all(
      ['start', 'stage1', 'stage2'].map(async (n) => (await node(page, n).boundingBox())?.y),
    );
    expect(new Set(ys.map((y) => Math.round(y ?? 0))).size).toBe(1);
    await waitSaved(page);
    await app.shell.screenshot('designer-canvas-auto-layout');
  });

  it('moving a node saves the layout without a new semantic version', async () => {
    await waitSaved(page);
    const before = await storedDocument(app);
    await dragBy(page, node(page, 'stage2'), 0, 160);
    await page
      .locator(
        '[data-testid="save-status"][data-state="dirty"], [data-testid="save-status"][data-state="saving"]',
      )
      .first()
      .waitFor();
    await waitSaved(page);
    const after = await storedDocument(app);
    expect(after.hash).toBe(before.hash);
    expect(after.version).toBe(before.version);
    const id = after.doc.nodes.find((n) => n.name === 'stage2')?.id ?? '';
    expect(after.doc.layout.nodes[id]?.y).toBeGreaterThan((before.doc.layout.nodes[id]?.y ?? 0) + 100);
  });

  it('an explicit save makes a version; its summary never mentions moves', async () => {
    // Autosave kept the working copy all along; only Ctrl+S makes a version.
    expect((await storedDocument(app)).version).toBe(1);
    await app.shell.chord('S');
    await page.getByTestId('save-status').filter({ hasText: 'Saved as v2' }).waitFor();
    await page.getByTestId('canvas-history').click();
    const panel = page.getByTestId('version-history');
    await panel.getByTestId('version-2').waitFor();
    const summary = await panel.getByTestId('version-2').getByTestId('version-summary').textContent();
    expect(summary).toMatch(/stage1/);
    expect(summary).not.toMatch(/moved|position/i);
    // The canvas is where v2 is: nothing to compare.
    await panel.getByTestId('compare-to').selectOption('canvas');
    await panel.getByTestId('compare-from').selectOption('2');
    await panel.getByTestId('version-same').waitFor();
    await app.shell.screenshot('designer-canvas-history');
    await panel.getByRole('button', { name: 'Close version history' }).click();
  });

  it('a reload finds stages, edges and positions as saved', async () => {
    await waitSaved(page);
    const saved = await storedDocument(app);
    // Everything up to here ran clean; the reload itself aborts Monaco's in-flight worker fetches.
    expect(await app.shell.problems()).toEqual([]);
    problemsBeforeReload = (await app.shell.problems()).length;
    await page.reload();
    await app.shell.waitUntilReady();
    await app.shell.libraryItem(NAME).click();
    await node(page, 'stage2').waitFor();
    expect((await page.locator('.cep-stage-name').allTextContents()).sort()).toEqual([
      'stage1',
      'stage2',
      'start',
    ]);
    expect(await edgeLabels(page).evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')))).toEqual(
      ['followedBy', 'next'],
    );
    expect(await page.getByTestId('save-status').getAttribute('data-state')).toBe('saved');
    const again = await storedDocument(app);
    expect(again.hash).toBe(saved.hash);
    expect(again.version).toBe(saved.version);
  });

  it('produced no console errors, page errors or CSP violations', async () => {
    const after = (await app.shell.problems()).slice(problemsBeforeReload);
    // Only worker fetches cancelled by the navigation may appear after the reload.
    expect(after.filter((p) => !/worker-[\w-]+\.js: net::ERR_ABORTED$/.test(p))).toEqual([]);
  });
});
