/**
 * Where the CPU of typing a condition goes: ui-typing's keys typed at the same pace into the app's
 * condition editor and then into a bare Monaco editor (typing-floor.ts), each under Chromium's
 * sampling profiler. Samples are mapped through the bundle's source maps to source files and put in
 * buckets (Monaco's suggest widget, React, our stores, ...), self time and time on the stack, in ms per
 * key. A tool for finding work to cut, not a benchmark (the profiler slows everything ~1.5×):
 *   npx tsx bench/typing-profile.ts [--warm] [--json out.json]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { SourceMapConsumer } from 'source-map-js';
import { ensureRendererBuilt } from '../test/e2e/support/build-renderer';
import { launchApp } from '../test/e2e/support/launch';
import { rendererOutDir } from '../test/e2e/support/paths';
import { KEY_GAP_MS } from './key-paint';
import { openFloorMonaco } from './typing-floor';
import { openTypingStage, TARGET, TYPED } from './workloads/ui-typing';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const maps = new Map<string, SourceMapConsumer | null>();
function mapFor(url: string): SourceMapConsumer | null {
  if (maps.has(url)) return maps.get(url) ?? null;
  let consumer: SourceMapConsumer | null = null;
  const m = /\/assets\/([^/?#]+\.js)/.exec(url);
  if (m) {
    try {
      const raw = readFileSync(join(rendererOutDir, 'assets', `${m[1]}.map`), 'utf8');
      consumer = new SourceMapConsumer(raw);
    } catch {
      consumer = null;
    }
  }
  maps.set(url, consumer);
  return consumer;
}

/** A source path → the bucket it is reported in. */
function bucket(source: string, fn: string): string {
  if (!source) return fn.startsWith('(') ? fn : `(native) ${fn}`;
  const s = source.replace(/^.*node_modules\//, 'nm/');
  const rules: [RegExp, string][] = [
    [/monaco-editor\/.*contrib\/suggest\//, 'monaco: suggest'],
    [
      /monaco-editor\/.*contrib\/(inlineCompletions|hover|codeAction|parameterHints)/,
      'monaco: other contribs',
    ],
    [/monaco-editor\/.*contrib\//, 'monaco: contrib ' + (/contrib\/([^/]+)/.exec(s)?.[1] ?? '')],
    [/monaco-editor\/.*\/(browser\/view|viewParts|viewLayout|viewModel)/, 'monaco: view'],
    [/monaco-editor\/.*\/(tokenization|languages|modes)/, 'monaco: tokenization'],
    [/monaco-editor\/.*\/common\/model/, 'monaco: model'],
    [/monaco-editor\/.*\/base\//, 'monaco: base'],
    [/monaco-editor\//, 'monaco: other'],
    [/react-dom|scheduler/, 'react-dom'],
    [/@xyflow/, 'react flow'],
    [/zustand/, 'zustand'],
    [/zod/, 'zod'],
  ];
  for (const [re, name] of rules) if (re.test(s)) return name;
  if (s.startsWith('nm/')) return s.split('/').slice(0, 2).join('/');
  return s.replace(/^(\.\.\/)+/, '');
}

interface Located {
  source: string;
  name: string;
}
function locate(cf: CallFrame): Located {
  const map = cf.url ? mapFor(cf.url) : null;
  if (!map) return { source: '', name: cf.functionName || '(anonymous)' };
  const pos = map.originalPositionFor({ line: cf.lineNumber + 1, column: cf.columnNumber });
  return { source: pos.source ?? '', name: pos.name ?? cf.functionName };
}

interface Breakdown {
  keys: number;
  totalMs: number;
  self: [string, number][];
  onStack: [string, number][];
  topFunctions: [string, number][];
}

function analyse(profile: Profile, keys: number): Breakdown {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const loc = new Map<number, Located>();
  for (const n of profile.nodes) loc.set(n.id, locate(n.callFrame));
  const self = new Map<string, number>();
  const stack = new Map<string, number>();
  const fns = new Map<string, number>();
  let total = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = (profile.timeDeltas[i + 1] ?? profile.timeDeltas[i] ?? 0) / 1000;
    const id = profile.samples[i];
    const node = byId.get(id)!;
    const l = loc.get(id)!;
    const b = bucket(l.source, node.callFrame.functionName);
    if (b === '(idle)' || b === '(program)') {
      self.set(b, (self.get(b) ?? 0) + dt);
      continue;
    }
    total += dt;
    self.set(b, (self.get(b) ?? 0) + dt);
    const fnKey = `${l.name || '(anon)'} ${l.source.replace(/^.*node_modules\//, '')}`;
    fns.set(fnKey, (fns.get(fnKey) ?? 0) + dt);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const la = loc.get(at)!;
      const src = la.source.replace(/^(\.\.\/)+/, '');
      const keysOnStack = [bucket(la.source, byId.get(at)!.callFrame.functionName)];
      if (src.startsWith('renderer/')) keysOnStack.push(`${src} ${la.name ?? ''}`);
      if (src) keysOnStack.push(`file ${src.replace(/^.*node_modules\/monaco-editor\/esm\/vs\//, 'vs/')}`);
      for (const k of keysOnStack) {
        if (seen.has(k)) continue;
        seen.add(k);
        stack.set(k, (stack.get(k) ?? 0) + dt);
      }
    }
  }
  const perKey = (m: Map<string, number>, n: number): [string, number][] =>
    [...m]
      .map(([k, v]) => [k, Math.round((v / keys) * 100) / 100] as [string, number])
      .sort((a, b) => b[1] - a[1])
      .slice(0, n);
  return {
    keys,
    totalMs: Math.round((total / keys) * 100) / 100,
    self: perKey(self, 30),
    onStack: perKey(stack, 400),
    topFunctions: perKey(fns, 40),
  };
}

async function typeAtPace(page: Page, text: string): Promise<void> {
  for (const ch of text) {
    const started = Date.now();
    await page.keyboard.type(ch);
    const rest = KEY_GAP_MS - (Date.now() - started);
    if (rest > 0) await page.waitForTimeout(rest);
  }
  // The work a key leaves behind (deferred writes, autosave) ends within this.
  await page.waitForTimeout(1500);
}

async function profiled(page: Page, text: string): Promise<Profile> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await typeAtPace(page, text);
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
  await cdp.detach();
  return profile;
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  tdur?: number;
  args?: { data?: { type?: string } };
}

/** Thread time per key of each trace event name on the page's main thread (nested names overlap). */
async function traced(browser: Browser, page: Page, text: string): Promise<[string, number][]> {
  await browser.startTracing(page, { categories: ['toplevel', 'devtools.timeline'] });
  await typeAtPace(page, text);
  const events = (JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] })
    .traceEvents;
  const key = events.find((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'keydown');
  if (!key) return [];
  const sums = new Map<string, number>();
  for (const e of events)
    if (e.pid === key.pid && e.tid === key.tid && e.ph === 'X' && e.tdur !== undefined)
      sums.set(e.name, (sums.get(e.name) ?? 0) + e.tdur / 1000);
  return [...sums]
    .map(([k, v]) => [k, Math.round((v / text.length) * 100) / 100] as [string, number])
    .sort((a, b) => b[1] - a[1])
    .slice(0, 25);
}

async function main(): Promise<void> {
  const warm = process.argv.includes('--warm');
  const trace = process.argv.includes('--trace');
  const measure = async (page: Page, text: string): Promise<Breakdown> =>
    trace
      ? {
          keys: text.length,
          totalMs: 0,
          self: await traced(app.browser, page, text),
          onStack: [],
          topFunctions: [],
        }
      : analyse(await profiled(page, text), text.length);
  const jsonAt = process.argv.indexOf('--json');
  await ensureRendererBuilt({ onlyIfMissing: false });
  const app = await launchApp({ viewport: { width: 1440, height: 900 } });
  const { page } = app;
  try {
    const { document } = await openTypingStage(app);
    const before = (document.nodes.find((n) => n.name === TARGET) as { where?: string }).where ?? '';
    const out: Record<string, Breakdown> = {};
    out.app = await measure(page, TYPED);
    await page.keyboard.press('Escape');
    if (warm) {
      await page.keyboard.press('Control+A');
      await page.keyboard.insertText(before);
      await page.keyboard.press('Escape');
      await page.waitForTimeout(1000);
      out.appWarm = await measure(page, TYPED);
      await page.keyboard.press('Escape');
    }
    await page.waitForTimeout(1000);
    const close = await openFloorMonaco(page, before);
    out.monaco = await measure(page, TYPED);
    await close();
    await page.waitForTimeout(1000);
    const closeLanguage = await openFloorMonaco(page, before, '[data-testid="condition-where"]');
    out.language = await measure(page, TYPED);
    await closeLanguage();
    if (jsonAt > 0) writeFileSync(process.argv[jsonAt + 1], JSON.stringify(out, null, 1));
    for (const [name, b] of Object.entries(out)) {
      console.log(`\n== ${name}: ${b.totalMs} ms/key busy (profiled)`);
      console.log('-- self');
      for (const [k, v] of b.self) console.log(`${v.toFixed(2).padStart(7)}  ${k}`);
      console.log('-- on stack');
      for (const [k, v] of b.onStack) console.log(`${v.toFixed(2).padStart(7)}  ${k}`);
      console.log('-- top functions (self)');
      for (const [k, v] of b.topFunctions) console.log(`${v.toFixed(2).padStart(7)}  ${k}`);
    }
  } finally {
    await app.close();
  }
}

void main();
