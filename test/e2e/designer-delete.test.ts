/**
 * Issue 14, point 8: Delete never silently changes a neighbour's meaning. A plain Delete still just
 * removes the stage and its edges, but when that takes the notNext off the stage after it (or cuts the
 * chain) the user is told, and offered "Reconnect instead". "Delete and reconnect" is one command
 * (shortcut, stage context menu, command palette) that joins the chain around the stage, keeping how
 * the following stage attached, in one undo step.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Pattern } from '../../engine/format/builder';
import type { PatternDocument } from '../../engine/format/schema';
import { openStored, stageNode, storedDocument, waitSaved } from './support/designer-page';
import { launchApp, type RunningApp } from './support/launch';

/** The stored chain as "a -next-> b" lines, sorted. */
function chain(doc: PatternDocument): string[] {
  const name = (id: string) => doc.nodes.find((n) => n.id === id)?.name;
  return doc.edges.map((e) => `${name(e.from)} -${e.contiguity}-> ${name(e.to)}`).sort();
}

const ORIGINAL = ['a -next-> b', 'b -notNext-> c', 'c -followedBy-> d'];

describe('designer: deleting a stage and its neighbours', () => {
  let app: RunningApp;
  let page: Page;
  let id = '';

  const storedChain = async (): Promise<string[]> => {
    await waitSaved(page);
    return chain(await storedDocument(app.api, id));
  };
  const select = async (name: string): Promise<void> => {
    await stageNode(page, name).locator('.cep-stage-head').click();
    await page.getByTestId('stage-name').waitFor();
    expect(await page.getByTestId('stage-name').inputValue()).toBe(name);
  };
  const isNotStage = (name: string): Promise<boolean> =>
    stageNode(page, name).evaluate((el) => el.classList.contains('cep-stage-not'));

  beforeAll(async () => {
    app = await launchApp();
    page = app.page;
    const doc = Pattern.begin('a').next('b').notNext('c').followedBy('d').toDocument({ name: 'Deletes' });
    id = await openStored(app.api, page, 'Deletes', doc, 'a');
  });

  afterAll(async () => {
    await app?.close();
  });

  it('a plain Delete that takes the notNext off "c" says so, and "Reconnect instead" keeps c a NOT stage', async () => {
    expect(await isNotStage('c')).toBe(true);
    await select('b');
    await page.keyboard.press('Delete');
    await stageNode(page, 'b').waitFor({ state: 'detached' });
    const notice = page.getByTestId('delete-notice');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('“c” was a NOT stage (notNext after “b”)');
    expect(await notice.textContent()).not.toMatch(/\b[ne]\d+\b/);
    expect(await isNotStage('c')).toBe(false);
    await app.shell.screenshot('designer-delete-notice');
    await page.getByTestId('delete-notice-reconnect').click();
    await notice.waitFor({ state: 'detached' });
    expect(await isNotStage('c')).toBe(true);
    expect(await storedChain()).toEqual(['a -notNext-> c', 'c -followedBy-> d']);
    // One undo step brings b back with its edges.
    await page.locator('.react-flow__pane').click({ position: { x: 30, y: 300 } });
    await app.shell.chord('Z');
    await stageNode(page, 'b').waitFor();
    expect(await storedChain()).toEqual(ORIGINAL);
  });

  it('"Keep" leaves the plain delete, and the notice closes with the next edit', async () => {
    await select('b');
    await page.keyboard.press('Delete');
    await page.getByTestId('delete-notice').waitFor();
    await page.getByTestId('delete-notice-keep').click();
    await page.getByTestId('delete-notice').waitFor({ state: 'detached' });
    expect(await storedChain()).toEqual(['c -followedBy-> d']);
    await page.locator('.react-flow__pane').click({ position: { x: 30, y: 300 } });
    await app.shell.chord('Z');
    await stageNode(page, 'b').waitFor();
    // Deleting the last stage changes no neighbour: nothing to tell.
    await select('d');
    await page.keyboard.press('Delete');
    await stageNode(page, 'd').waitFor({ state: 'detached' });
    await page.waitForTimeout(200);
    expect(await page.getByTestId('delete-notice').count()).toBe(0);
    await page.locator('.react-flow__pane').click({ position: { x: 30, y: 300 } });
    await app.shell.chord('Z');
    await stageNode(page, 'd').waitFor();
    expect(await storedChain()).toEqual(ORIGINAL);
  });

  it('Shift+Delete deletes and reconnects at once, one undo step', async () => {
    await select('c');
    await page.keyboard.press('Shift+Delete');
    await stageNode(page, 'c').waitFor({ state: 'detached' });
    expect(await page.getByTestId('delete-notice').count()).toBe(0);
    expect(await storedChain()).toEqual(['a -next-> b', 'b -followedBy-> d']);
    // Focus went to a neighbour, so the undo key acts on the canvas.
    await app.shell.chord('Z');
    await stageNode(page, 'c').waitFor();
    expect(await storedChain()).toEqual(ORIGINAL);
  });

  it('the stage context menu (right-click, or Shift+F10 on a focused stage) offers it with its shortcut', async () => {
    await stageNode(page, 'b').locator('.cep-stage-head').click({ button: 'right' });
    const menu = page.getByTestId('stage-context-menu');
    await menu.waitFor();
    const item = menu.locator('[data-action-id="edit.deleteReconnect"]');
    expect(await item.textContent()).toContain('Delete and reconnect');
    expect(await item.textContent()).toContain('Shift+Del');
    await app.shell.screenshot('designer-delete-context-menu');
    await item.click();
    await menu.waitFor({ state: 'detached' });
    expect(await storedChain()).toEqual(['a -notNext-> c', 'c -followedBy-> d']);
    expect(await isNotStage('c')).toBe(true);
    await page.locator('.react-flow__pane').click({ position: { x: 30, y: 300 } });
    await app.shell.chord('Z');
    await stageNode(page, 'b').waitFor();

    // From the keyboard: the focused stage's menu, arrows, Escape back to the stage.
    await select('c');
    await page.locator('.react-flow__node:has([data-testid="stage-node-c"])').focus();
    await page.keyboard.press('Shift+F10');
    await menu.waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'detached' });
    expect(
      await page.evaluate(
        () => document.activeElement?.querySelector('[data-testid="stage-node-c"]') !== null,
      ),
    ).toBe(true);
    expect(await storedChain()).toEqual(ORIGINAL);
  });

  it('the command palette runs the same command', async () => {
    await select('b');
    await app.shell.runCommand('delete and reconnect');
    await stageNode(page, 'b').waitFor({ state: 'detached' });
    expect(await storedChain()).toEqual(['a -notNext-> c', 'c -followedBy-> d']);
  });

  it('produced no console errors, page errors or CSP violations', async () => {
    expect(await app.shell.problems()).toEqual([]);
  });
});
