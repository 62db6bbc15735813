/**
 * What each key typed into a condition does to the page, beside a bare Monaco editor in the same page
 * (typing-floor.ts): ui-typing's keys at the same pace, and per key
 *   - the DOM mutations outside the editor being typed in, by element (which views still render per key),
 *   - the frames (style recalculations, layouts, paints) from the key to the next one, with their
 *     thread time, the elements restyled, the objects laid out and the rectangles painted.
 * A tool for finding work to cut, not a benchmark:
 *   npx tsx bench/typing-diagnose.ts [--keys N] [--json out.json]
 */
import { writeFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { ensureRendererBuilt } from '../test/e2e/support/build-renderer';
import { launchApp } from '../test/e2e/support/launch';
import type { TraceEvent as BaseEvent } from './key-frame-cpu';
import { KEY_GAP_MS } from './key-paint';
import { openFloorMonaco } from './typing-floor';
import { openTypingStage, TARGET, TYPED } from './workloads/ui-typing';

declare global {
  interface Window {
    __mutations?: string[];
    __mutationObserver?: MutationObserver;
  }
}

/**
 * Records every mutation outside `editorSel`'s Monaco editor and its widgets' layer as "<element> <kind>", the element named
 * by its nearest ancestor with a test id, an id or a class. Plain text, not a function (see key-paint.ts).
 */
const WATCH = `(editorSel) => {
  window.__mutationObserver?.disconnect();
  window.__mutations = [];
  const name = (n) => {
    let el = n instanceof Element ? n : n.parentElement;
    const parts = [];
    for (let depth = 0; el && depth < 3; depth++, el = el.parentElement) {
      const id = el.getAttribute('data-testid') || el.id;
      const cls = typeof el.className === 'string' ? el.className.split(/\\s+/).filter(Boolean).slice(0, 2).join('.') : '';
      parts.push(el.tagName.toLowerCase() + (id ? '#' + id : '') + (cls ? '.' + cls : ''));
      if (id) break;
    }
    return parts.reverse().join(' > ');
  };
  const obs = new MutationObserver((records) => {
    const editor = document.querySelector(editorSel);
    for (const r of records) {
      if (editor && editor.contains(r.target)) continue;
      // The editor's widgets (the suggest list) are drawn in a layer of their own (overflow-layer.ts).
      const el = r.target instanceof Element ? r.target : r.target.parentElement;
      if (el && el.closest('[data-testid="monaco-overflow-layer"]')) continue;
      const kind = r.type === 'attributes' ? '@' + r.attributeName : r.type;
      window.__mutations.push(name(r.target) + ' ' + kind);
    }
  });
  obs.observe(document.documentElement, { subtree: true, childList: true, characterData: true, attributes: true });
  window.__mutationObserver = obs;
}`;

/** A trace event with the arguments the frame phases carry. */
type TraceEvent = Omit<BaseEvent, 'args'> & {
  args?: Record<string, unknown> & {
    data?: { type?: string; clip?: number[]; nodeId?: number; layerId?: number };
    beginData?: { dirtyObjects?: number; totalObjects?: number; partialLayout?: boolean };
    endData?: { layoutRoots?: { nodeId?: number; depth?: number }[]; rootNode?: number };
    elementCount?: number;
  };
};

interface KeyReport {
  key: string;
  mutations: Record<string, number>;
  frames: number;
  paints: number;
  layouts: number;
  styles: number;
  styleElements: number;
  layoutObjects: string[];
  paintRects: string[];
  ms: Record<string, number>;
}

async function typeWatched(
  browser: Browser,
  page: Page,
  editorSel: string,
  text: string,
): Promise<{ keys: KeyReport[]; settle: Record<string, number> }> {
  await page.evaluate(`(${WATCH})(${JSON.stringify(editorSel)})`);
  await browser.startTracing(page, {
    categories: [
      'toplevel',
      'devtools.timeline',
      'disabled-by-default-devtools.timeline',
      'disabled-by-default-devtools.timeline.frame',
      'blink',
    ],
  });
  const mutationsPerKey: string[][] = [];
  for (const ch of text) {
    const started = Date.now();
    await page.evaluate(() => window.__mutations?.splice(0));
    await page.keyboard.type(ch);
    const rest = KEY_GAP_MS - (Date.now() - started);
    if (rest > 0) await page.waitForTimeout(rest);
    mutationsPerKey.push((await page.evaluate(() => window.__mutations?.splice(0))) ?? []);
  }
  await page.waitForTimeout(1500);
  const settleList = (await page.evaluate(() => window.__mutations?.splice(0))) ?? [];
  await page.evaluate(() => window.__mutationObserver?.disconnect());
  const events = (JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] })
    .traceEvents;
  const keydowns = events
    .filter((e) => e.ph === 'X' && e.name === 'EventDispatch' && e.args?.data?.type === 'keydown')
    .sort((a, b) => a.ts - b.ts);
  const main = keydowns[0];
  const mine = events
    .filter((e) => main && e.pid === main.pid && e.tid === main.tid)
    .sort((a, b) => a.ts - b.ts);
  const count = (list: string[]): Record<string, number> => {
    const out: Record<string, number> = {};
    for (const m of list) out[m] = (out[m] ?? 0) + 1;
    return out;
  };
  const keys: KeyReport[] = [];
  for (let i = 0; i < keydowns.length; i++) {
    const from = keydowns[i].ts;
    const to = keydowns[i + 1]?.ts ?? from + 1_000_000;
    const inKey = mine.filter((e) => e.ts >= from && e.ts < to);
    const ms: Record<string, number> = {};
    for (const e of inKey)
      if (e.ph === 'X' && e.tdur !== undefined) ms[e.name] = (ms[e.name] ?? 0) + e.tdur / 1000;
    for (const k of Object.keys(ms)) ms[k] = Math.round(ms[k] * 100) / 100;
    const named = (n: string) => inKey.filter((e) => e.name === n && (e.ph === 'X' || e.ph === 'B'));
    const layouts = named('Layout');
    const styles = named('UpdateLayoutTree');
    const paints = named('Paint');
    keys.push({
      key: text[i] ?? '?',
      mutations: count(mutationsPerKey[i] ?? []),
      frames: inKey.filter((e) => e.name === 'BeginMainThreadFrame' || e.name === 'BeginFrame').length,
      paints: paints.length,
      layouts: layouts.length,
      styles: styles.length,
      styleElements: styles.reduce((s, e) => s + (Number(e.args?.elementCount) || 0), 0),
      layoutObjects: layouts.map((e) => {
        const b = e.args?.beginData;
        const roots = e.args?.endData?.layoutRoots?.length;
        return `${b?.dirtyObjects ?? '?'}/${b?.totalObjects ?? '?'}${b?.partialLayout ? ' partial' : ''}${roots ? ` roots ${roots}` : ''}`;
      }),
      paintRects: paints.map((e) => {
        const c = e.args?.data?.clip;
        if (!c || c.length < 8) return `layer ${e.args?.data?.layerId ?? '?'}`;
        const xs = [c[0], c[2], c[4], c[6]];
        const ys = [c[1], c[3], c[5], c[7]];
        return `${Math.round(Math.max(...xs) - Math.min(...xs))}x${Math.round(Math.max(...ys) - Math.min(...ys))}@${Math.round(Math.min(...xs))},${Math.round(Math.min(...ys))}`;
      }),
      ms,
    });
  }
  return { keys, settle: count(settleList) };
}

function summarise(name: string, r: { keys: KeyReport[]; settle: Record<string, number> }): void {
  const n = r.keys.length;
  const mut: Record<string, number> = {};
  const ms: Record<string, number> = {};
  let paints = 0;
  let layouts = 0;
  let styles = 0;
  let styleElements = 0;
  let frames = 0;
  const rects: Record<string, number> = {};
  const layoutObjects: Record<string, number> = {};
  for (const k of r.keys) {
    for (const [m, c] of Object.entries(k.mutations)) mut[m] = (mut[m] ?? 0) + c;
    for (const [m, c] of Object.entries(k.ms)) ms[m] = (ms[m] ?? 0) + c;
    paints += k.paints;
    layouts += k.layouts;
    styles += k.styles;
    styleElements += k.styleElements;
    frames += k.frames;
    for (const p of k.paintRects) rects[p] = (rects[p] ?? 0) + 1;
    for (const l of k.layoutObjects) layoutObjects[l] = (layoutObjects[l] ?? 0) + 1;
  }
  const per = (x: number) => (x / n).toFixed(2);
  const top = (m: Record<string, number>, k: number, scale = 1) =>
    Object.entries(m)
      .sort((a, b) => b[1] - a[1])
      .slice(0, k)
      .map(([a, b]) => `  ${(b / scale).toFixed(2).padStart(8)}  ${a}`)
      .join('\n');
  console.log(`\n== ${name}: ${n} keys`);
  console.log(
    `frames/key ${per(frames)}  style recalcs/key ${per(styles)} (elements/key ${per(styleElements)})  layouts/key ${per(layouts)}  paints/key ${per(paints)}`,
  );
  console.log('-- mutations outside the editor, per key');
  console.log(top(mut, 30, n) || '  none');
  console.log('-- mutations after the last key (the pause)');
  console.log(top(r.settle, 30) || '  none');
  console.log('-- thread ms per key by trace event (nested names overlap)');
  console.log(top(ms, 25, n));
  console.log('-- layouts (dirty/total objects), count over all keys');
  console.log(top(layoutObjects, 15));
  console.log('-- paint rects (w x h @ x,y), count over all keys');
  console.log(top(rects, 20));
}

async function main(): Promise<void> {
  const keysAt = process.argv.indexOf('--keys');
  const text = keysAt > 0 ? TYPED.slice(0, Number(process.argv[keysAt + 1])) : TYPED;
  const jsonAt = process.argv.indexOf('--json');
  await ensureRendererBuilt({ onlyIfMissing: false });
  const app = await launchApp({ viewport: { width: 1440, height: 900 } });
  const { page } = app;
  page.setDefaultTimeout(300_000);
  try {
    const { document } = await openTypingStage(app);
    const before = (document.nodes.find((n) => n.name === TARGET) as { where?: string }).where ?? '';
    const out: Record<string, { keys: KeyReport[]; settle: Record<string, number> }> = {};
    out.app = await typeWatched(app.browser, page, '[data-testid="condition-where"] .monaco-editor', text);
    await page.keyboard.press('Escape');
    await page.waitForTimeout(1000);
    const close = await openFloorMonaco(page, before);
    out.monaco = await typeWatched(app.browser, page, '#bench-typing-floor .monaco-editor', text);
    await close();
    if (jsonAt > 0) writeFileSync(process.argv[jsonAt + 1], JSON.stringify(out, null, 1));
    for (const [name, r] of Object.entries(out)) summarise(name, r);
  } finally {
    await app.close();
  }
}

void main();
