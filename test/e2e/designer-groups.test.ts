/**
 * Issue 14, point 2: groups are real containers. Stages drag into a group and back out, the palette
 * drops into one, stages inside connect to each other, and the group inspector says what the group
 * matches. Flink's begin(a).next(GroupPattern.begin(b).next(c)).times(3) is drawn without JSON.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Pattern } from '../../engine/format/builder';
import { specToDocument } from '../../engine/format/from-spec';
import type { GroupNode, PatternDocument } from '../../engine/format/schema';
import { documentToSpec } from '../../engine/format/to-spec';
import { addGroup } from '../../renderer/canvas/doc-edits';
import {
  centre,
  dragBetween,
  dragNodeTo,
  groupNode,
  handleOf,
  openStored,
  stageNode,
  storedDocument,
  waitSaved,
} from './support/designer-page';
import { launchApp, type RunningApp } from './support/launch';

const NAME = 'Groups e2e';

const groupOf = (doc: PatternDocument): GroupNode => {
  const g = doc.nodes.find((n): n is GroupNode => n.kind === 'group');
  if (!g) throw new Error('no group');
  return g;
};

/** A point inside the group's frame, `fx`/`fy` of the way across and down. */
async function inside(group: Locator, fx: number, fy: number): Promise<{ x: number; y: number }> {
  const box = await group.boundingBox();
  if (!box) throw new Error('group not visible');
  return { x: box.x + box.width * fx, y: box.y + box.height * fy };
}

describe('designer: groups as containers', () => {
  let app: RunningApp;
  let page: Page;
  let id = '';
  const stored = () => storedDocument(app.api, id);

  beforeAll(async () => {
    app = await launchApp();
    page = app.page;
    const chain = specToDocument(
      Pattern.begin('a').where("kind == 'a'").next('b').where("kind == 'b'").next('c').toSpec(),
      { name: NAME },
    );
    // The group sits below the chain, with its one starter stage inside.
    const { doc } = addGroup(chain, { x: 0, y: 260 });
    id = await openStored(
      app.api,
      page,
      NAME,
      { ...doc, layout: { ...doc.layout, viewport: undefined } },
      'a',
    );
    await page
      .getByTestId('canvas-fit')
      .click()
      .catch(() => undefined);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('drags stages into a group; the chain they left stays joined', async () => {
    // The group's starter stage is not wanted here.
    await stageNode(page, 'stage1').click();
    await page.keyboard.press('Delete');
    await stageNode(page, 'stage1').waitFor({ state: 'detached' });
    await page.getByTestId('group-contents').filter({ hasText: 'Empty' }).waitFor();
    const group = groupNode(page, 'group1');
    await dragNodeTo(page, stageNode(page, 'b'), await inside(group, 0.06, 0.45));
    await waitSaved(page);
    let doc = await stored();
    expect(groupOf(doc).nodes.map((n) => n.name)).toEqual(['b']);
    expect(doc.edges.map((e) => [e.contiguity])).toEqual([['next']]);
    await dragNodeTo(page, stageNode(page, 'c'), await inside(group, 0.55, 0.45));
    await waitSaved(page);
    doc = await stored();
    expect(groupOf(doc).nodes.map((n) => n.name)).toEqual(['b', 'c']);
    expect(doc.nodes.map((n) => n.name)).toEqual(['a', 'group1']);
    // The frame grew to hold them.
    const frame = doc.layout.nodes[groupOf(doc).id];
    for (const n of groupOf(doc).nodes) {
      const l = doc.layout.nodes[n.id];
      expect(l.x + (l.width ?? 0)).toBeLessThanOrEqual(frame.width ?? 0);
    }
  });

  it('connects stages inside the group and the group into the chain: GroupPattern b → c, 3 times', async () => {
    await page.getByTestId('palette-connect-as').selectOption('next');
    await dragBetween(page, handleOf(page, 'b', 'source'), handleOf(page, 'c', 'target'));
    const groupTarget = page.locator(
      '.react-flow__node:has([data-testid="group-node-group1"]) .react-flow__handle.target',
    );
    await dragBetween(page, handleOf(page, 'a', 'source'), groupTarget);
    await groupNode(page, 'group1').locator('.cep-group-head').click();
    await page.getByTestId('group-inspector').waitFor();
    await page.getByTestId('quantifier-kind-times').click();
    await page.getByTestId('quantifier-from').fill('3');
    await page.getByTestId('quantifier-to').fill('3');
    await page.getByTestId('group-contents').filter({ hasText: 'Matches b → c 3 times' }).waitFor();
    await waitSaved(page);
    const doc = await stored();
    const lowered = documentToSpec(doc);
    if (!lowered.ok) throw new Error(JSON.stringify(lowered.diagnostics));
    const [first, second] = lowered.spec.stages;
    expect(first).toMatchObject({ name: 'a', contiguity: 'begin' });
    expect(second).toMatchObject({ contiguity: 'next', quantifier: { kind: 'times', from: 3, to: 3 } });
    expect(JSON.stringify(second)).toMatch(/"name":"b".*"name":"c"/);
    await app.shell.screenshot('designer-groups-built');
  });

  it('drops a palette stage into the group, and drags it back out', async () => {
    const group = groupNode(page, 'group1');
    const box = await group.boundingBox();
    if (!box) throw new Error('no group');
    // Dropped right onto c, the new stage must not cover it (nor b): it goes beside them.
    await page.getByTestId('palette-add-stage').dragTo(stageNode(page, 'c'));
    await stageNode(page, 'stage1').waitFor();
    await waitSaved(page);
    const added = await stageNode(page, 'stage1').boundingBox();
    if (!added) throw new Error('no stage1');
    for (const other of ['b', 'c']) {
      const o = await stageNode(page, other).boundingBox();
      if (!o) throw new Error(`no ${other}`);
      const covers =
        added.x < o.x + o.width &&
        o.x < added.x + added.width &&
        added.y < o.y + o.height &&
        o.y < added.y + added.height;
      expect(covers, `stage1 covers ${other}`).toBe(false);
    }
    // It is selected, and its inspector says it is loose, not that it starts the group.
    await page.getByTestId('section-incoming').filter({ hasText: 'Not connected yet.' }).waitFor();
    await app.shell.screenshot('designer-groups-drop-beside');
    expect(groupOf(await stored()).nodes.map((n) => n.name)).toEqual(['b', 'c', 'stage1']);
    await groupNode(page, 'group1').locator('.cep-group-head').click();
    await page.getByTestId('group-loose').filter({ hasText: 'stage1' }).waitFor();
    // Out again: dropped on empty canvas above the chain, it is a top-level stage.
    const a = await centre(stageNode(page, 'a'));
    await dragNodeTo(page, stageNode(page, 'stage1'), { x: a.x + 260, y: a.y - 10 });
    await waitSaved(page);
    const doc = await stored();
    expect(groupOf(doc).nodes.map((n) => n.name)).toEqual(['b', 'c']);
    expect(doc.nodes.map((n) => n.name)).toEqual(['a', 'group1', 'stage1']);
  });

  it('undo puts a stage back where it came from in one step', async () => {
    await app.shell.chord('Z');
    await page.locator('.react-flow__node:has([data-testid="stage-node-stage1"])').waitFor();
    await waitSaved(page);
    expect(groupOf(await stored()).nodes.map((n) => n.name)).toEqual(['b', 'c', 'stage1']);
  });

  it('moves a stage inside the group with the arrow keys, its position staying relative to the group', async () => {
    const wrapper = page.locator('.react-flow__node', { has: stageNode(page, 'c') });
    const drawn = async (): Promise<{ x: number; y: number }> => {
      const t = await wrapper.evaluate((el) => (el as HTMLElement).style.transform);
      const m = /translate\((-?[\d.]+)px, ?(-?[\d.]+)px\)/.exec(t);
      if (!m) throw new Error(`no translate in "${t}"`);
      return { x: Number(m[1]), y: Number(m[2]) };
    };
    // Where the document puts c on the canvas: the group's corner plus c's own (relative) place.
    const storedPlace = async (): Promise<{ x: number; y: number }> => {
      const doc = await stored();
      const g = doc.layout.nodes[groupOf(doc).id];
      const c = doc.layout.nodes[groupOf(doc).nodes.find((n) => n.name === 'c')?.id ?? ''];
      return { x: (g?.x ?? 0) + (c?.x ?? 0), y: (g?.y ?? 0) + (c?.y ?? 0) };
    };
    const before = await drawn();
    await stageNode(page, 'c').click();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowDown');
    await expect.poll(async () => (await drawn()).x).toBeGreaterThan(before.x);
    await waitSaved(page);
    const after = await drawn();
    expect(after.y).toBeGreaterThan(before.y);
    await expect.poll(storedPlace).toEqual(after);
    expect(groupOf(await stored()).nodes.map((n) => n.name)).toEqual(['b', 'c', 'stage1']);
  });

  it('produced no console errors, page errors or CSP violations', async () => {
    expect(await app.shell.problems()).toEqual([]);
  });
});
