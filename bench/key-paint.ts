/**
 * Key-to-paint measurement while typing in Chromium, shared by ui-typing and its floor
 * (typing-floor.ts): each key from its keydown (own timeStamp) to the end of the first frame painted
 * with the new text, the main thread's CPU on each key's path to that frame (key-frame-cpu.ts, from
 * a trace), and the page's main-thread CPU per key, deferred work included (Chromium's thread time).
 */
import type { Browser, CDPSession, Page } from 'playwright-core';
import { percentile } from './harness';
import { keyPathWork } from './key-frame-cpu';

/** A typist's pace: about eight keys a second. */
export const KEY_GAP_MS = 120;

declare global {
  interface Window {
    /** Set by ARM_KEY: ms from the next keydown to the paint that shows the text it typed; -1 if none. */
    __keyDone?: Promise<number>;
  }
}

/**
 * Arms the measure for the next key: from its keydown (own timeStamp) to the end of the first frame
 * painted with the new text. Monaco draws its text in an animation-frame callback, so the frame that
 * shows a key is the one whose callbacks changed the text: a message posted then arrives just after
 * that frame's paint. (Asking for another frame there would count one frame too many, with all the
 * work done between the two.) A loop of frame callbacks, started before the key so it runs first in
 * each frame, tells the frame's callbacks apart from ordinary tasks; a change made in a task (a
 * textarea's input) paints in the next frame. A key that changes nothing (a closing quote typed over
 * the one the editor closed itself) resolves with -1 shortly after its keyup and is left out. Plain
 * text, not a function: tsx would wrap named functions in a helper the page does not have.
 */
const ARM_KEY = `(sel) => {
  window.__keyDone = new Promise((resolve) => {
    let t0 = NaN;
    let done = false;
    let inFrame = false;
    let looping = true;
    const afterPaint = (f) => {
      const ch = new MessageChannel();
      ch.port1.onmessage = f;
      ch.port2.postMessage(0);
    };
    const loop = () => {
      if (!looping) return;
      inFrame = true;
      afterPaint(() => { inFrame = false; });
      requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
    const finish = (ms) => { looping = false; resolve(ms); };
    const field = document.querySelector(sel);
    const isField = field instanceof HTMLTextAreaElement || field instanceof HTMLInputElement;
    const read = () => (isField ? field.value : (document.querySelector(sel)?.textContent ?? null));
    const before = read();
    const stop = () => {
      obs.disconnect();
      if (isField) field.removeEventListener('input', changed);
    };
    const changed = () => {
      const text = read();
      if (done || text === null || text === before || Number.isNaN(t0)) return;
      done = true;
      stop();
      const end = () => afterPaint(() => finish(performance.now() - t0));
      if (inFrame) end();
      else requestAnimationFrame(end);
    };
    const obs = new MutationObserver(changed);
    if (isField) field.addEventListener('input', changed);
    else obs.observe(document.body, { subtree: true, childList: true, characterData: true });
    window.addEventListener('keydown', (e) => { t0 = e.timeStamp; }, { capture: true, once: true });
    window.addEventListener('keyup', () => setTimeout(() => {
      if (done) return;
      done = true;
      stop();
      finish(-1);
    }, 500), { capture: true, once: true });
  });
}`;

async function typeMeasured(page: Page, selector: string, text: string): Promise<number[]> {
  const out: number[] = [];
  for (const ch of text) {
    const started = Date.now();
    await page.evaluate(`(${ARM_KEY})(${JSON.stringify(selector)})`);
    await page.keyboard.type(ch);
    const ms = await page.evaluate(() => window.__keyDone ?? Promise.resolve(-1));
    if (ms >= 0) out.push(ms);
    const rest = KEY_GAP_MS - (Date.now() - started);
    // The pace is the workload, not a wait for a condition.
    if (rest > 0) await page.waitForTimeout(rest);
  }
  return out;
}

async function threadTimeMs(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return (metrics.find((m) => m.name === 'ThreadTime')?.value ?? NaN) * 1000;
}

export interface TypingFigures {
  /** Keys that changed the text (a closing quote typed over an auto-closed one changes nothing). */
  keys: number;
  keyPaintP50Ms: number;
  keyPaintP95Ms: number;
  keyPaintMaxMs: number;
  mainThreadCpuPerKeyMs: number;
  /** The main thread's CPU on each key's path to its frame (key-frame-cpu.ts). */
  keyFrameCpuP50Ms: number;
  keyFrameCpuP95Ms: number;
  /**
   * Key→paint with the frame clock uncapped: the main thread's busy wall time from the key's task
   * to the end of its frame, the wait for the next frame left out (key-frame-cpu.ts).
   */
  keyPaintUncappedP50Ms: number;
  keyPaintUncappedP95Ms: number;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * Types `text` into whatever has the focus, one key at a time, measuring each key against the text of
 * `selector` (an element whose textContent shows the text, or a textarea / input).
 */
export async function measureTyping(
  browser: Browser,
  page: Page,
  selector: string,
  text: string,
): Promise<TypingFigures> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    await browser.startTracing(page, { categories: ['toplevel', 'devtools.timeline'] });
    const cpuBefore = await threadTimeMs(cdp);
    const keys = await typeMeasured(page, selector, text);
    const cpu = (await threadTimeMs(cdp)) - cpuBefore;
    const work = keyPathWork(await browser.stopTracing());
    const onPath = work.map((w) => w.cpuMs).sort((a, b) => a - b);
    const busy = work.map((w) => w.busyMs).sort((a, b) => a - b);
    const sorted = [...keys].sort((a, b) => a - b);
    return {
      keys: keys.length,
      keyPaintP50Ms: round1(percentile(sorted, 50)),
      keyPaintP95Ms: round1(percentile(sorted, 95)),
      keyPaintMaxMs: round1(sorted[sorted.length - 1] ?? NaN),
      mainThreadCpuPerKeyMs: round1(cpu / keys.length),
      keyFrameCpuP50Ms: round1(percentile(onPath, 50)),
      keyFrameCpuP95Ms: round1(percentile(onPath, 95)),
      keyPaintUncappedP50Ms: round1(percentile(busy, 50)),
      keyPaintUncappedP95Ms: round1(percentile(busy, 95)),
    };
  } finally {
    await cdp.detach();
  }
}
