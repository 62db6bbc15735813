/**
 * Checks the e2e harness itself: the diagnostics it relies on to fail tests really do catch a CSP
 * violation (eval), an uncaught page error and a console error. Without this, "no problems" in the
 * other tests could mean "nothing was listening".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, type RunningApp } from './support/launch';

describe('e2e harness', () => {
  let app: RunningApp;

  beforeAll(async () => {
    app = await launchApp();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('starts clean', async () => {
    expect(await app.shell.problems()).toEqual([]);
  });

  it('reports eval blocked by the CSP, uncaught errors and console errors', async () => {
    const { page, shell } = app;
    // page.evaluate runs in DevTools' context, which the CSP does not restrict, so the eval must
    // come from a real page script: serve one from the app's own origin and load it.
    await page.route('**/__csp-probe.js', (route) =>
      route.fulfill({
        contentType: 'text/javascript',
        body: `try { new Function('return 1')(); } catch { /* blocked, as it must be */ }
               console.error('deliberate console error');
               setTimeout(() => { throw new Error('deliberate uncaught error'); }, 0);`,
      }),
    );
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.src = './__csp-probe.js';
      document.head.append(script);
    });
    await page.waitForFunction(() => (window.__cepCspViolations?.length ?? 0) > 0);
    await expect.poll(() => shell.diagnostics.pageErrors.length).toBeGreaterThan(0);
    const problems = await shell.problems();
    expect(problems.some((p) => p.startsWith('CSP ') && p.includes('eval'))).toBe(true);
    expect(problems.some((p) => p.includes('deliberate console error'))).toBe(true);
    expect(problems.some((p) => p.includes('deliberate uncaught error'))).toBe(true);
  });
});
