/**
 * The designer as a user drives it, for e2e tests: locators for stages and edges, and the moves a
 * hand makes (drag handle to handle, drag a node, type into a condition, wait for the save).
 */
import type { Locator, Page } from 'playwright-core';
import type { CepApi } from '../../../electron/contract';
import type { PatternDocument } from '../../../engine/format/schema';

export const stageNode = (page: Page, name: string): Locator => page.getByTestId(`stage-node-${name}`);
export const groupNode = (page: Page, name: string): Locator => page.getByTestId(`group-node-${name}`);
export const handleOf = (page: Page, name: string, kind: 'source' | 'target'): Locator =>
  page.locator(`.react-flow__node:has([data-testid="stage-node-${name}"]) .react-flow__handle.${kind}`);
export const edgeLabels = (page: Page): Locator => page.locator('[data-testid^="edge-label-"]');

export async function centre(loc: Locator): Promise<{ x: number; y: number }> {
  const box = await loc.boundingBox();
  if (!box) throw new Error('element is not visible');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Presses on one element, moves in steps (as a hand would) and releases on the other. */
export async function dragBetween(page: Page, from: Locator, to: Locator): Promise<void> {
  const a = await centre(from);
  const b = await centre(to);
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2 + 20, { steps: 8 });
  await page.mouse.move(b.x, b.y, { steps: 8 });
  await page.mouse.up();
}

/** Drags a stage by its header so that its header lands at `to` (page coordinates). */
export async function dragNodeTo(page: Page, node: Locator, to: { x: number; y: number }): Promise<void> {
  const head = node.locator('.cep-stage-head, .cep-group-head').first();
  const box = await head.boundingBox();
  if (!box) throw new Error('node not visible');
  const x = box.x + 20;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move((x + to.x) / 2, (y + to.y) / 2, { steps: 8 });
  await page.mouse.move(to.x, to.y, { steps: 8 });
  await page.mouse.up();
}

export async function waitSaved(page: Page): Promise<void> {
  await page.locator('[data-testid="save-status"][data-state="saved"]').waitFor();
}

/** Clicks at the end of a condition editor's text and types, as a user would. */
export async function typeInCondition(page: Page, testId: string, text: string): Promise<void> {
  const editor = page.getByTestId(testId).locator('.monaco-editor');
  await editor.waitFor();
  await editor.locator('.view-lines').click();
  await page.keyboard.press('End');
  await page.keyboard.type(text, { delay: 15 });
  await page.keyboard.press('Escape');
}

/** Selects a stage and empties its name, as a user starting to retype it; returns the name field. */
export async function emptyStageName(page: Page, name: string): Promise<Locator> {
  await stageNode(page, name).click();
  const field = page.getByTestId('stage-name');
  await field.click();
  await field.press('Control+A');
  await field.press('Backspace');
  await page.getByTestId('save-status').filter({ hasText: 'Not saved' }).waitFor();
  return field;
}

/** A click on empty canvas clears the selection: the inspector shows the pattern. */
export async function clearSelection(page: Page): Promise<void> {
  const pane = await page.locator('.react-flow__pane').boundingBox();
  if (!pane) throw new Error('no canvas');
  await page.mouse.click(pane.x + pane.width - 40, pane.y + 120);
  await page.getByTestId('pattern-inspector').waitFor();
}

/** The stored document of a pattern, as the back end has it. */
export async function storedDocument(api: CepApi, id: string): Promise<PatternDocument> {
  return (await api.patterns.get({ id })).document as PatternDocument;
}

/** Opens a pattern the test stored through the API, and waits for its stages. */
export async function openStored(
  api: CepApi,
  page: Page,
  name: string,
  document: PatternDocument,
  first: string,
): Promise<string> {
  const created = await api.patterns.create({ name, document });
  await page.locator('.library-item', { hasText: name }).first().waitFor();
  await page.locator('.library-item', { hasText: name }).first().click();
  await stageNode(page, first).waitFor();
  return created.id;
}
