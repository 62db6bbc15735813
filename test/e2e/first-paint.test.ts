/**
 * What the first paint loads, and what it leaves for later. The page's entry chunk and the chunks
 * index.html preloads with it stay under 1 MB, without Monaco or the regex engine (issue 18); a
 * pattern whose matches() regex RE2 refuses still gets its error once the engine has loaded, also
 * when the pattern is open as the page starts (the reload below reopens it).
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Pattern } from '../../engine/format/builder';
import { launchApp, type RunningApp } from './support/launch';
import { openStored, stageNode } from './support/designer-page';
import { rendererOutDir } from './support/paths';

function firstPaintScripts(): string[] {
  const html = readFileSync(join(rendererOutDir, 'index.html'), 'utf8');
  return [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
}

describe('first paint', () => {
  let app: RunningApp;

  beforeAll(async () => {
    app = await launchApp();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('needs at most 1 MB of JavaScript, without Monaco or re2js', () => {
    const scripts = firstPaintScripts();
    expect(scripts.some((s) => /renderer-/.test(s))).toBe(true);
    const bytes = scripts.reduce((sum, s) => sum + statSync(join(rendererOutDir, s)).size, 0);
    expect(bytes).toBeLessThanOrEqual(1_000_000);
    for (const script of scripts) {
      // Monaco's modules are grouped into monaco-* chunks (vite.renderer.config.ts); the bundler may
      // also put its small module-preload helper in one of them.
      if (/\/monaco-/.test(script))
        expect(statSync(join(rendererOutDir, script)).size, script).toBeLessThan(10_000);
      expect(readFileSync(join(rendererOutDir, script), 'utf8'), script).not.toContain(
        'RE2JSSyntaxException',
      );
    }
  });

  it('reports a regex RE2 refuses, also when it was checked before the regex engine loaded', async () => {
    const document = Pattern.begin('probe')
      .where("matches(name, '(?=a)b')")
      .followedBy('hit')
      .where("matches(name, 'a+b')")
      .toDocument({ name: 'Lookahead' });
    await openStored(app.api, app.page, 'Lookahead', document, 'probe');
    const problem =
      /invalid regular expression: .*lookahead, lookbehind and backreferences are not supported/;
    await app.shell.selectBottomTab('problems');
    await app.page.getByTestId('bottom-panel').getByText(problem).waitFor();
    await app.page.reload();
    await stageNode(app.page, 'probe').waitFor();
    await app.shell.selectBottomTab('problems');
    await app.page.getByTestId('bottom-panel').getByText(problem).waitFor();
    expect(await app.page.getByTestId('bottom-panel').getByText(problem).count()).toBe(1);
    expect(await app.shell.problems()).toEqual([]);
  });
});
