/**
 * Issue 14, point 3 (with point 2's groups): a pattern built and connected with the keyboard alone.
 * A new pattern (Alt+N), a skip link into the canvas, Shift+A adds a stage already joined after the
 * selected one, Shift+G a group, Tab walks the stages (and selects them), Shift+C connects the
 * selected stage to one chosen in a list with a contiguity, Delete leaves focus on a neighbour, F6
 * moves between regions. No mouse event is sent after the app opens.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentToSpec } from '../../engine/format/to-spec';
import type { GroupNode, PatternDocument } from '../../engine/format/schema';
import { waitSaved } from './support/designer-page';
import { launchApp, type RunningApp } from './support/launch';

/** Focus moves after React Flow has drawn; a loaded machine can take a while. */
const WAIT = { timeout: 8000 };

/** The name of the stage (or group) whose card has keyboard focus on the canvas. */
const focusedNode = (page: Page): Promise<string | null> =>
  page.evaluate(() => {
    const el = document.activeElement;
    if (!el?.matches('.react-flow__node')) return null;
    const card = el.querySelector('[data-testid^="stage-node-"], [data-testid^="group-node-"]');
    return card?.getAttribute('data-testid')?.replace(/^(stage|group)-node-/, '') ?? null;
  });

const selectedNames = (page: Page): Promise<string[]> =>
  page
    .locator(
      '.react-flow__node.selected [data-testid^="stage-node-"], .react-flow__node.selected [data-testid^="group-node-"]',
    )
    .evaluateAll((els) =>
      els.map((e) => e.getAttribute('data-testid')?.replace(/^(stage|group)-node-/, '') ?? ''),
    );

describe('designer: keyboard-only authoring', () => {
  let app: RunningApp;
  let page: Page;

  beforeAll(async () => {
    app = await launchApp();
    page = app.page;
  });

  afterAll(async () => {
    await app?.close();
  });

  const stored = async (): Promise<PatternDocument> => {
    const [summary] = await app.api.patterns.list();
    if (!summary) throw new Error('nothing stored');
    return (await app.api.patterns.get({ id: summary.id })).document as PatternDocument;
  };

  /** The canvas's zoom, from React Flow's viewport transform. */
  const viewportZoom = (): Promise<string> =>
    page
      .locator('.designer-canvas .react-flow__viewport')
      .evaluate((el) => /scale\(([^)]+)\)/.exec((el as HTMLElement).style.transform)?.[1] ?? '');

  it('creates a pattern and reaches its first stage through a skip link', async () => {
    await page.keyboard.press('Alt+N');
    await page.getByTestId('stage-node-start').waitFor();
    // Tab from the top of the page: the first stop is the (otherwise hidden) skip link to the canvas.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'skip-canvas',
    );
    expect(await page.getByTestId('skip-canvas').isVisible()).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedNode(page), WAIT).toBe('start');
    await expect.poll(() => selectedNames(page), WAIT).toEqual(['start']);
    await page.getByTestId('stage-inspector').waitFor();
  });

  it('adds stages joined after the selected one, and a group with a stage inside', async () => {
    await page.keyboard.press('Shift+A');
    await expect.poll(() => focusedNode(page), WAIT).toBe('stage1');
    await page.keyboard.press('Shift+G');
    await expect.poll(() => focusedNode(page), WAIT).toBe('group1');
    // Tab walks into the group: its first stage, which gets a stage joined after it, inside the group.
    await page.keyboard.press('Tab');
    await expect.poll(() => focusedNode(page), WAIT).toBe('stage2');
    await expect.poll(() => selectedNames(page), WAIT).toEqual(['stage2']);
    const zoom = await viewportZoom();
    await page.keyboard.press('Shift+A');
    await expect.poll(() => focusedNode(page), WAIT).toBe('stage3');
    // The view pans to a new stage when needed, never zooms.
    expect(await viewportZoom()).toBe(zoom);
    await app.shell.screenshot('designer-keyboard-built');
  });

  it('connects the selected stage to a stage chosen in a list, with the contiguity typed', async () => {
    // Back to stage1: Shift+Tab walks the stages backwards (stage3 → stage2 → group1 → stage1).
    for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+Tab');
    await expect.poll(() => focusedNode(page), WAIT).toBe('stage1');
    const zoom = await viewportZoom();
    await page.keyboard.press('Shift+C');
    const dialog = page.getByTestId('connect-dialog');
    await dialog.waitFor();
    const target = page.getByTestId('connect-target');
    // Only the group can follow stage1 (start already leads to it); the list says so.
    expect(await target.evaluate((s: HTMLSelectElement) => s.value)).toBe(
      await page.locator('.react-flow__node:has([data-testid="group-node-group1"])').getAttribute('data-id'),
    );
    expect(await target.locator('option').allTextContents()).toEqual([
      'start (not possible)',
      'group1 (group)',
    ]);
    await page.keyboard.press('Tab');
    await page.keyboard.type('next');
    expect(await page.getByTestId('connect-contiguity').inputValue()).toBe('next');
    await app.shell.screenshot('designer-keyboard-connect');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => focusedNode(page), WAIT).toBe('group1');
    // Connecting keeps the zoom the user had.
    expect(await viewportZoom()).toBe(zoom);
    await waitSaved(page);
    const doc = await stored();
    const lowered = documentToSpec(doc);
    expect(lowered.ok).toBe(true);
    const group = doc.nodes.find((n): n is GroupNode => n.kind === 'group');
    expect(doc.nodes.map((n) => n.name)).toEqual(['start', 'stage1', 'group1']);
    expect(doc.edges.map((e) => e.contiguity)).toEqual(['followedBy', 'next']);
    expect(group?.nodes.map((n) => n.name)).toEqual(['stage2', 'stage3']);
    expect(group?.edges).toHaveLength(1);
  });

  it('keeps focus on a neighbour after Delete, and undo brings the stage back', async () => {
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect.poll(() => focusedNode(page), WAIT).toBe('stage3');
    await page.keyboard.press('Delete');
    await page.getByTestId('stage-node-stage3').waitFor({ state: 'detached' });
    await expect.poll(() => focusedNode(page), WAIT).toBe('stage2');
    await page.keyboard.press('Control+Z');
    await page.getByTestId('stage-node-stage3').waitFor();
  });

  it('moves between regions with F6', async () => {
    await page.keyboard.press('F6');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.closest('.workbench-inspector') !== null), WAIT)
      .toBe(true);
    await page.keyboard.press('Shift+F6');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.closest('.workbench-canvas') !== null), WAIT)
      .toBe(true);
  });

  it('produced no console errors, page errors or CSP violations', async () => {
    expect(await app.shell.problems()).toEqual([]);
  });
});
