/**
 * app-start: how long a user waits for the app, in Chromium through the web host (the same renderer
 * bundle and back end as the desktop window). Fresh: a new data folder (samples seeded, as at a first
 * start) and a browser with an empty cache. Warm: the same folder and browser, the page loaded again.
 * firstPaintMs: first contentful paint. canvasInteractiveMs: from navigation until the first sample,
 * clicked in the library as soon as the list shows, has its stages on the canvas (React Flow nodes).
 * firstChunkBytes: the JavaScript the first paint needs (the entry chunk and its static imports).
 * On a loaded machine the wall times mostly measure waiting for a core, so each load also reports
 * the CPU it cost until canvas interactive, which the load barely changes: mainThreadCpuMs (the
 * page's main thread), rendererCpuMs (the page's renderer process, all its threads), both from
 * Chromium's performance metrics in thread time, and hostCpuMs (the web host, in this process).
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { startWebHost } from '../../electron/web';
import { launchChromium } from '../../test/e2e/support/browser';
import { ensureRendererBuilt } from '../../test/e2e/support/build-renderer';
import { rendererOutDir } from '../../test/e2e/support/paths';
import { percentile } from '../harness';
import type { Workload } from '../workload';

const WARM_LOADS = 5;

/** Bytes of the entry script and the chunks index.html preloads with it. */
function firstChunkBytes(): number {
  const html = readFileSync(join(rendererOutDir, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
  return files.reduce((sum, f) => sum + statSync(join(rendererOutDir, f)).size, 0);
}

interface Load {
  paint: number;
  canvas: number;
  mainThreadCpu: number;
  rendererCpu: number;
  hostCpu: number;
}

async function load(context: BrowserContext, url: string): Promise<Load> {
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    const cpuBefore = process.cpuUsage();
    await page.goto(url);
    await page.locator('.library-item').first().click();
    await page.locator('.react-flow__node').first().waitFor();
    const cpu = process.cpuUsage(cpuBefore);
    const { metrics } = await cdp.send('Performance.getMetrics');
    const metric = (name: string) => (metrics.find((m) => m.name === name)?.value ?? NaN) * 1000;
    const times = await page.evaluate(() => ({
      paint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
      canvas: performance.now(),
    }));
    return {
      ...times,
      mainThreadCpu: metric('ThreadTime'),
      rendererCpu: metric('ProcessTime'),
      hostCpu: (cpu.user + cpu.system) / 1000,
    };
  } finally {
    await page.close();
  }
}

export const appStart: Workload = {
  slug: 'app-start',
  title: 'App start in Chromium via the web host: first paint, canvas interactive (fresh and warm)',
  fullSize: WARM_LOADS,
  prepare() {
    throw new Error('app-start measures itself');
  },
  async custom(_size, quick) {
    await ensureRendererBuilt({ onlyIfMissing: false });
    const dataDir = mkdtempSync(join(tmpdir(), 'cepheus-bench-start-'));
    const host = await startWebHost({
      port: 0,
      dataDir,
      rendererDir: rendererOutDir,
      build: 'never',
      seedSamples: true,
    });
    const browser = await launchChromium();
    try {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      const fresh = await load(context, host.url);
      const warm: Load[] = [];
      // --quick (and the suite's smoke test) loads the warm page once.
      const loads = quick ? 1 : WARM_LOADS;
      for (let i = 0; i < loads; i++) warm.push(await load(context, host.url));
      const median = (xs: number[]) =>
        Math.round(
          percentile(
            [...xs].sort((a, b) => a - b),
            50,
          ),
        );
      return {
        workload: 'app-start',
        // The top-level times are the warm ones (what a returning user waits for).
        firstPaintMs: median(warm.map((w) => w.paint)),
        canvasInteractiveMs: median(warm.map((w) => w.canvas)),
        firstChunkBytes: firstChunkBytes(),
        fresh: {
          firstPaintMs: Math.round(fresh.paint),
          canvasInteractiveMs: Math.round(fresh.canvas),
          mainThreadCpuMs: Math.round(fresh.mainThreadCpu),
          rendererCpuMs: Math.round(fresh.rendererCpu),
          hostCpuMs: Math.round(fresh.hostCpu),
        },
        warm: {
          firstPaintMs: median(warm.map((w) => w.paint)),
          canvasInteractiveMs: median(warm.map((w) => w.canvas)),
          mainThreadCpuMs: median(warm.map((w) => w.mainThreadCpu)),
          rendererCpuMs: median(warm.map((w) => w.rendererCpu)),
          hostCpuMs: median(warm.map((w) => w.hostCpu)),
          loads,
        },
      };
    } finally {
      await browser.close();
      await host.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};
