/**
 * Input-to-paint timing in the page, shared by the Chromium workloads. `armPaint(page, selector)` arms a
 * measure for the next input event (keydown or click): it runs from that event's own timeStamp to the
 * first frame painted after the selector's text changed (a MutationObserver sees the change, then a
 * requestAnimationFrame callback plus a posted message lands just after that frame's paint).
 * `paintDone(page)` waits for it and returns the milliseconds.
 */
import type { Page } from 'playwright-core';

declare global {
  interface Window {
    /** Set by armPaint: resolves with ms from the next input event to the paint that shows the change. */
    __paintDone?: Promise<number>;
  }
}

/** Plain text, not a function: tsx would wrap named functions in a helper the page does not have. */
const ARM_PAINT = `(sel) => {
  window.__paintDone = new Promise((resolve) => {
    let t0 = NaN;
    const onInput = (e) => { if (Number.isNaN(t0)) t0 = e.timeStamp; };
    window.addEventListener('keydown', onInput, { capture: true, once: true });
    window.addEventListener('click', onInput, { capture: true, once: true });
    const before = document.querySelector(sel)?.textContent ?? null;
    const obs = new MutationObserver(() => {
      const text = document.querySelector(sel)?.textContent ?? null;
      if (text === null || text === before || Number.isNaN(t0)) return;
      obs.disconnect();
      requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => resolve(performance.now() - t0);
        ch.port2.postMessage(0);
      });
    });
    obs.observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}`;

export async function armPaint(page: Page, selector: string): Promise<void> {
  await page.evaluate(`(${ARM_PAINT})(${JSON.stringify(selector)})`);
}

export const paintDone = (page: Page): Promise<number> => page.evaluate(() => window.__paintDone ?? NaN);

/** Starts noting every frame's time (requestAnimationFrame) until stopFrames. */
export async function startFrames(page: Page): Promise<void> {
  await page.evaluate(`(() => {
    const w = window;
    w.__frames = [];
    w.__framesOn = true;
    const tick = (t) => { if (!w.__framesOn) return; w.__frames.push(t); requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  })()`);
}

/** The frame times noted since startFrames (ms, page clock). */
export const stopFrames = (page: Page): Promise<number[]> =>
  page.evaluate(`(() => { window.__framesOn = false; return window.__frames; })()`);

/** Frame intervals: p95, longest, and frames dropped (each interval over one 60 Hz frame counts its missed frames). */
export function frameStats(times: readonly number[]): {
  frames: number;
  p95Ms: number;
  maxMs: number;
  dropped: number;
} {
  const gaps = times.slice(1).map((t, i) => t - times[i]);
  const sortedGaps = [...gaps].sort((a, b) => a - b);
  const frame = 1000 / 60;
  return {
    frames: times.length,
    p95Ms: sortedGaps.length
      ? sortedGaps[Math.min(sortedGaps.length - 1, Math.floor(sortedGaps.length * 0.95))]
      : 0,
    maxMs: sortedGaps.length ? sortedGaps[sortedGaps.length - 1] : 0,
    dropped: gaps.reduce((n, g) => n + Math.max(0, Math.round(g / frame) - 1), 0),
  };
}
