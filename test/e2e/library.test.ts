/**
 * The pattern library in the shell: it lists what the back end stores, follows changes pushed by
 * the host (here made by another client: the test itself), and opening a pattern shows it in the
 * top bar and the inspector, whose Monaco view must load its workers under the strict CSP.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleDocument } from '../support/sample-documents';
import { launchApp, type RunningApp } from './support/launch';

describe('pattern library', () => {
  let app: RunningApp;

  beforeAll(async () => {
    app = await launchApp({ colorScheme: 'dark' });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('shows a pattern created by another client without a reload', async () => {
    const { shell, api } = app;
    expect(await shell.page.getByTestId('library-empty').isVisible()).toBe(true);
    await api.patterns.create({ name: 'Large order then refund', document: sampleDocument() });
    await shell.libraryItem('Large order then refund').waitFor();
    expect(await shell.library.locator('.library-item-meta').first().textContent()).toMatch(/^v1 · /);
  });

  it('opens a pattern into the top bar and the inspector with a JSON view of its document', async () => {
    const { shell, page } = app;
    await shell.openPattern('Large order then refund');
    expect(await shell.patternTitle.textContent()).toBe('Large order then refund');
    // The designer's inspector shows the document as JSON on its JSON tab.
    await page.getByTestId('inspector-tab-json').click();
    const editor = page.getByTestId('json-view').locator('.monaco-editor');
    await editor.waitFor();
    // Monaco rendered the document (its first lines are in view; later ones are virtualised).
    await page.getByTestId('json-view').locator('.view-lines', { hasText: '"cepheus.pattern"' }).waitFor();
    // The dark OS scheme reached Monaco through the app theme.
    expect(await editor.getAttribute('class')).toContain('vs-dark');
    // The canvas shows the stored stages and the edge between them, labelled with its contiguity.
    await shell.canvas.locator('.react-flow__node', { hasText: 'refund' }).waitFor();
    expect(await shell.canvas.locator('.cep-stage-name').allTextContents()).toEqual(['order', 'refund']);
    // The label's accessible name is the full contiguity (its text shrinks to "FB" on a short edge).
    expect(
      await shell.canvas
        .locator('[data-testid^="edge-label-"]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label'))),
    ).toEqual(['followedBy']);
    expect(await shell.canvasEmptyHint.count()).toBe(0);
    await shell.screenshot('library-open-pattern-dark');
  });

  it('follows a rename and a delete from elsewhere', async () => {
    const { shell, api } = app;
    const [pattern] = await api.patterns.list();
    if (!pattern) throw new Error('expected the pattern from the first test');
    await api.patterns.rename({ id: pattern.id, name: 'Refund after big order' });
    await shell.libraryItem('Refund after big order').waitFor();
    await shell.patternTitle.filter({ hasText: 'Refund after big order' }).waitFor();
    await api.patterns.delete({ id: pattern.id });
    await shell.page.getByTestId('library-empty').waitFor();
    // The open pattern disappeared, so the shell closed it rather than showing stale data.
    await shell.page.getByTestId('inspector-empty').waitFor();
  });

  it('creates a starter pattern from the command palette and opens it', async () => {
    const { shell, api } = app;
    await shell.runCommand('new pattern');
    await shell.patternTitle.filter({ hasText: 'Untitled pattern' }).waitFor();
    await shell.canvas.locator('.react-flow__node', { hasText: 'start' }).waitFor();
    const stored = await api.patterns.list();
    expect(stored.map((p) => p.name)).toEqual(['Untitled pattern']);
    expect(await shell.statusBar.textContent()).toContain('Created “Untitled pattern”');
  });

  it('produced no console errors, page errors, CSP violations or failed requests', async () => {
    expect(await app.shell.problems()).toEqual([]);
  });
});
