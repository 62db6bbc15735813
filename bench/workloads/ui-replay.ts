/**
 * ui-replay-1m: what the user waits for in the replay debugger, in Chromium through the web host (the
 * same renderer bundle and back end as the desktop window), on the 1M risk recording with the
 * card-testing sample. Every figure runs from the input event (its own timeStamp) to the first frame
 * painted after the screen shows the new position: a MutationObserver sees the position label change,
 * then a requestAnimationFrame callback plus a posted message lands just after that frame's paint.
 *   stepPaintP50Ms / stepPaintP95Ms  → and ← pressed on the replay panel (one step each, waited for)
 *   seekPaintP95Ms                   Enter in the Go box with a random event number
 *   openToInteractiveMs              click on "Start replay" → the position label is painted (keys step)
 *   openToTimelineMs                 the same click → the timeline's analysis is complete and painted
 *   hold*                            → sent at 100 per second for 3 s (a held key or a fast scrub):
 *                                    frame intervals while it runs (p95, longest, frames dropped at 60 Hz),
 *                                    steps the position moved and how long it took to settle after
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { openDatabase } from '../../electron/services/db/open-database';
import { DATABASE_FILE } from '../../electron/services/backend';
import { runImport } from '../../electron/services/recordings/import/run-import';
import { startWebHost } from '../../electron/web';
import { launchChromium } from '../../test/e2e/support/browser';
import { ensureRendererBuilt } from '../../test/e2e/support/build-renderer';
import { rendererOutDir } from '../../test/e2e/support/paths';
import { percentile } from '../harness';
import { armPaint, frameStats, paintDone, startFrames, stopFrames } from '../paint-probe';
import type { Workload } from '../workload';
import { riskCsv } from './recordings';

const STEPS = 200;
const SEEKS = 20;
/** Steps sent 10 ms apart (100 steps per second). */
const HOLD_STEPS = 300;
const HOLD_INTERVAL_MS = 10;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The event number the position label shows (0 before the first event). */
async function shownEvent(page: Page): Promise<number> {
  const text = (await page.getByTestId('replay-position').textContent()) ?? '';
  const m = /Event ([\d,]+)/.exec(text);
  return m ? Number(m[1].replace(/,/g, '')) : 0;
}

/** Holds → at 100 steps per second; frame times meanwhile, and how far and how soon the position follows. */
async function holdStep(page: Page): Promise<Record<string, number>> {
  const from = await shownEvent(page);
  await startFrames(page);
  const t0 = performance.now();
  for (let i = 0; i < HOLD_STEPS; i++) {
    const wait = t0 + i * HOLD_INTERVAL_MS - performance.now();
    if (wait > 0) await sleep(wait);
    await page.keyboard.press('ArrowRight');
  }
  const sentMs = performance.now() - t0;
  // Settled: the position unchanged for 300 ms.
  let last = await shownEvent(page);
  let stableSince = performance.now();
  while (performance.now() - stableSince < 300) {
    await sleep(20);
    const now = await shownEvent(page);
    if (now !== last) {
      last = now;
      stableSince = performance.now();
    }
  }
  const settleMs = stableSince - t0 - sentMs;
  const stats = frameStats(await stopFrames(page));
  return {
    holdStepsPerSec: Math.round(HOLD_STEPS / (sentMs / 1000)),
    holdFrameP95Ms: round1(stats.p95Ms),
    holdFrameMaxMs: round1(stats.maxMs),
    holdDroppedFrames: stats.dropped,
    holdFrames: stats.frames,
    holdStepsShown: last - from,
    holdSettleMs: Math.max(0, Math.round(settleMs)),
  };
}
const RECORDING = 'risk-1m';

/** Notes the click's timeStamp on the element (the start of an open measure). */
async function noteClick(page: Page, testId: string): Promise<void> {
  await page.evaluate((id) => {
    document
      .querySelector(`[data-testid="${id}"]`)
      ?.addEventListener('click', (e) => ((window as unknown as { __t0: number }).__t0 = e.timeStamp), {
        capture: true,
        once: true,
      });
  }, testId);
}

/** ms from the noted click to the frame where the predicate (polled every frame) first held. */
const sinceClick = (page: Page): Promise<number> =>
  page.evaluate(() => {
    const w = window as unknown as { __t0: number; __t1: number };
    return w.__t1 - w.__t0;
  });

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const round1 = (x: number) => Math.round(x * 10) / 10;

export const uiReplay1m: Workload = {
  slug: 'ui-replay-1m',
  title: 'replay in Chromium through the web host over the 1M risk recording: step, seek and open paints',
  fullSize: 1_000_000,
  prepare() {
    throw new Error('ui-replay-1m measures itself');
  },
  async custom(rows, quick) {
    await ensureRendererBuilt({ onlyIfMissing: false });
    const dataDir = mkdtempSync(join(tmpdir(), 'cepheus-bench-ui-replay-'));
    const hostOptions = { port: 0, dataDir, rendererDir: rendererOutDir, build: 'never' as const };
    // A first start seeds the samples (and makes the SQLite file); the recording is imported with the
    // host stopped, as the import worker's own connection would, then the host serves the page.
    // Seeding runs in the background; app.info answers once it is done (closing earlier would cut it).
    const first = await startWebHost({ ...hostOptions, seedSamples: true });
    await first.backend.app.info();
    await first.close();
    const csv = await riskCsv(rows, dataDir);
    const db = openDatabase(join(dataDir, DATABASE_FILE));
    try {
      await runImport(db, {
        path: csv,
        name: RECORDING,
        timestampField: 'ts',
        timestampFormat: 'iso8601',
        keyField: 'cardId',
        onMalformed: 'reject',
      });
      db.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      db.close();
    }
    const host = await startWebHost({ ...hostOptions, seedSamples: false });
    const browser = await launchChromium();
    try {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      const page = await context.newPage();
      // Waits are not what is measured; a loaded machine must not fail the run.
      page.setDefaultTimeout(300_000);
      await page.goto(host.url);
      await page.locator('.library-item', { hasText: 'Card testing' }).click();
      await page.getByTestId('inspector-pattern-name').filter({ hasText: 'Card testing' }).waitFor();
      await page.getByTestId('tab-replay').click();
      const select = page.getByTestId('replay-recording-select');
      const option = select.locator('option', { hasText: RECORDING });
      await select.selectOption((await option.getAttribute('value')) ?? '');

      await noteClick(page, 'replay-start');
      await page.getByTestId('replay-start').click();
      await page.waitForFunction(
        () => {
          const ok = /^(Before the first event|Event )/.test(
            document.querySelector('[data-testid="replay-position"]')?.textContent ?? '',
          );
          if (ok) (window as unknown as { __t1: number }).__t1 = performance.now();
          return ok;
        },
        undefined,
        { polling: 'raf', timeout: 120_000 },
      );
      const openToInteractiveMs = await sinceClick(page);
      await page.waitForFunction(
        () => {
          const c = document.querySelector('[data-testid="timeline-caption"] .timeline-count')?.textContent;
          const ok = c?.startsWith('showing') ?? false;
          if (ok) (window as unknown as { __t1: number }).__t1 = performance.now();
          return ok;
        },
        undefined,
        { polling: 'raf', timeout: 600_000 },
      );
      const openToTimelineMs = await sinceClick(page);

      const position = '[data-testid="replay-position"]';
      const steps: number[] = [];
      for (let i = 0; i < STEPS; i++) {
        await armPaint(page, position);
        await page.keyboard.press(i % 4 === 3 ? 'ArrowLeft' : 'ArrowRight');
        steps.push(await paintDone(page));
      }

      const seeks: number[] = [];
      let seed = 42;
      const input = page.getByTestId('replay-seek-input');
      for (let i = 0; i < SEEKS; i++) {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        const target = 1 + (seed % rows);
        await input.fill(String(target));
        await input.focus();
        await armPaint(page, position);
        await page.keyboard.press('Enter');
        seeks.push(await paintDone(page));
      }
      const hold = await holdStep(page);
      const stepSorted = sorted(steps);
      return {
        workload: 'ui-replay-1m',
        engine: 'Chromium via the web host',
        date: new Date().toISOString(),
        quick,
        events: rows,
        stepPaintP50Ms: round1(percentile(stepSorted, 50)),
        stepPaintP95Ms: round1(percentile(stepSorted, 95)),
        seekPaintP95Ms: round1(percentile(sorted(seeks), 95)),
        openToInteractiveMs: Math.round(openToInteractiveMs),
        openToTimelineMs: Math.round(openToTimelineMs),
        ...hold,
        info: { pattern: 'card-testing (risk sample)', steps: STEPS, seeks: SEEKS, holdSteps: HOLD_STEPS },
        mismatches: [],
      };
    } finally {
      await browser.close();
      await host.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};
