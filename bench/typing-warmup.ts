/**
 * Is the first pass's extra cost (ui-typing: first pass above the second) met by a user, and where
 * in the pass is it? ui-typing's keys typed at its pace right after the stage is selected, or after
 * `--idle <ms>` of doing nothing (a user reading the stage before typing), then a second pass; per
 * key, the main thread's CPU on the key's path to its frame (key-frame-cpu.ts, from a trace).
 * `--prewarm <n>`: before the first pass, the first n keys are typed into a bare Monaco editor with
 * the condition language laid over the app (typing-floor.ts), untimed: what a hidden warm-up of Monaco's
 * and our language's code could take off the app's first pass.
 * A diagnosis tool, not a benchmark:
 *   node_modules/node/bin/node --import tsx bench/typing-warmup.ts [--idle 3000] [--prewarm 10] [--runs 2]
 */
import type { Browser, Page } from 'playwright-core';
import { ensureRendererBuilt } from '../test/e2e/support/build-renderer';
import { launchApp } from '../test/e2e/support/launch';
import { keyPathWork } from './key-frame-cpu';
import { KEY_GAP_MS } from './key-paint';
import { openFloorMonaco } from './typing-floor';
import { openTypingStage, TYPED } from './workloads/ui-typing';

const EDITOR = '[data-testid="condition-where"]';
const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};

async function pathCpu(browser: Browser, page: Page, text: string): Promise<number[]> {
  await browser.startTracing(page, { categories: ['toplevel', 'devtools.timeline'] });
  for (const ch of text) {
    const started = Date.now();
    await page.keyboard.type(ch);
    const rest = KEY_GAP_MS - (Date.now() - started);
    if (rest > 0) await page.waitForTimeout(rest);
  }
  return keyPathWork(await browser.stopTracing()).map((w) => w.cpuMs);
}

const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);
const mean = (xs: number[]): number => Math.round((sum(xs) / Math.max(1, xs.length)) * 10) / 10;
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round((s[Math.floor(s.length / 2)] ?? NaN) * 10) / 10;
};

async function main(): Promise<void> {
  const idle = arg('idle', 0);
  const runs = arg('runs', 1);
  const prewarm = arg('prewarm', 0);
  await ensureRendererBuilt({ onlyIfMissing: true });
  for (let run = 0; run < runs; run++) {
    const app = await launchApp({ viewport: { width: 1440, height: 900 } });
    try {
      const { document } = await openTypingStage(app);
      const before = (document.nodes.find((n) => n.name === 'newDevice') as { where?: string }).where ?? '';
      if (prewarm > 0) {
        const close = await openFloorMonaco(app.page, before, EDITOR);
        await app.page.keyboard.type(TYPED.slice(0, prewarm), { delay: 30 });
        await app.page.keyboard.press('Escape');
        await close();
        await app.page.locator(`${EDITOR} .view-lines`).click();
        await app.page.keyboard.press('Control+End');
      }
      if (idle > 0) await app.page.waitForTimeout(idle);
      const first = await pathCpu(app.browser, app.page, TYPED);
      await app.page.keyboard.press('Escape');
      await app.page.locator(`${EDITOR} .view-lines`).click();
      await app.page.keyboard.press('Control+A');
      await app.page.keyboard.insertText(before);
      await app.page.keyboard.press('Control+End');
      await app.page.waitForTimeout(1000);
      const second = await pathCpu(app.browser, app.page, TYPED);
      await app.page.keyboard.press('Escape');
      const part = (xs: number[]) => ({
        keys1to5: mean(xs.slice(0, 5)),
        keys6to15: mean(xs.slice(5, 15)),
        rest: mean(xs.slice(15)),
        median: median(xs),
        mean: mean(xs),
      });
      console.log(
        JSON.stringify({
          idleMs: idle,
          prewarm,
          first: part(first),
          second: part(second),
          firstKeys: first.slice(0, 15).map((x) => Math.round(x * 10) / 10),
          secondKeys: second.slice(0, 15).map((x) => Math.round(x * 10) / 10),
        }),
      );
    } finally {
      await app.close();
    }
  }
}

void main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
