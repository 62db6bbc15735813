/**
 * Builds main and preload exactly as `electron-forge start/package` would (Forge's own Vite
 * config generator fed with our forge.config.ts), then checks the bundles: the preload is one
 * CommonJS file requiring only 'electron' (the sandbox allows nothing else), and it exposes
 * every contract verb and nothing more; main keeps better-sqlite3 external.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';
import { build, mergeConfig, type InlineConfig } from 'vite';
import { cepMethodNames, eventChannel, ipcChannel, splitMethod } from '../../../electron/contract';
import forgeConfig, { keepInPackage } from '../../../forge.config';

const root = path.resolve(import.meta.dirname, '../../..');
const outDir = mkdtempSync(path.join(tmpdir(), 'cepheus-forge-build-'));

interface ConfigGenerator {
  getBuildConfigs(): Promise<InlineConfig[]>;
}

beforeAll(async () => {
  const plugin = forgeConfig.plugins?.find((p) => (p as { name?: string }).name === 'vite') as unknown as {
    config: unknown;
  };
  const generatorUrl = pathToFileURL(
    path.join(root, 'node_modules/@electron-forge/plugin-vite/dist/ViteConfig.js'),
  ).href;
  const { default: Generator } = (await import(generatorUrl)) as {
    default: new (config: unknown, dir: string, prod: boolean) => ConfigGenerator;
  };
  const configs = await new Generator(plugin.config, root, true).getBuildConfigs();
  for (const config of configs) {
    await build(
      mergeConfig(config, { configFile: false, logLevel: 'warn', build: { outDir, minify: false } }),
    );
  }
}, 120_000);

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

function requiredModules(code: string): string[] {
  return [...code.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1] ?? '');
}

describe('Forge Vite build of main and preload', () => {
  it('emits main.cjs with better-sqlite3 kept external', () => {
    const main = readFileSync(path.join(outDir, 'main.cjs'), 'utf8');
    const required = new Set(requiredModules(main));
    expect(required.has('electron')).toBe(true);
    expect(required.has('better-sqlite3')).toBe(true);
    expect(main).not.toMatch(/^import\s/m);
  });

  it('emits preload.cjs as CommonJS that requires only electron', () => {
    const preload = readFileSync(path.join(outDir, 'preload.cjs'), 'utf8');
    expect(preload).not.toMatch(/^\s*import\s/m);
    expect(preload).not.toMatch(/\bimport\(/);
    expect(new Set(requiredModules(preload))).toEqual(new Set(['electron']));
  });

  it('exposes exactly the contract verbs as window.cep, wired to their IPC channels', async () => {
    const exposed = new Map<string, unknown>();
    const invoked: unknown[][] = [];
    const rendererListeners = new Map<string, (...args: unknown[]) => void>();
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value) },
      ipcRenderer: {
        invoke: (channel: string, ...args: unknown[]) => {
          invoked.push([channel, ...args]);
          if (channel === ipcChannel('patterns.get'))
            return Promise.resolve({ ok: false, error: { code: 'not-found', message: 'No pattern' } });
          return Promise.resolve({ ok: true, value: `result of ${channel}` });
        },
        on: (channel: string, fn: (...args: unknown[]) => void) => rendererListeners.set(channel, fn),
      },
    };
    const module = { exports: {} };
    const sandbox = {
      module,
      exports: module.exports,
      require: (name: string) => {
        if (name !== 'electron') throw new Error(`preload required ${name}`);
        return electron;
      },
      console,
    };
    vm.runInNewContext(readFileSync(path.join(outDir, 'preload.cjs'), 'utf8'), sandbox);

    // Only the contract: no path helper (files reach the back end only through its dialogs).
    expect([...exposed.keys()]).toEqual(['cep']);
    const api = exposed.get('cep') as Record<
      string,
      Record<string, (...a: unknown[]) => Promise<unknown>>
    > & {
      on: (event: string, cb: (p: unknown) => void) => () => void;
    };
    const groups = [...new Set(cepMethodNames.map((m) => splitMethod(m)[0]))];
    expect(Object.keys(api).sort()).toEqual([...groups, 'on'].sort());
    for (const method of cepMethodNames) {
      const [group, verb] = splitMethod(method);
      const fn = api[group]?.[verb];
      expect(typeof fn, method).toBe('function');
      if (method === 'patterns.get') {
        await expect(fn?.({ id: 'x' })).rejects.toEqual({ code: 'not-found', message: 'No pattern' });
      } else {
        await expect(fn?.({ probe: method })).resolves.toBe(`result of ${ipcChannel(method)}`);
      }
    }
    expect(invoked.map((call) => call[0])).toEqual(cepMethodNames.map(ipcChannel));

    const seen: unknown[] = [];
    const off = api.on('patterns.changed', (payload) => seen.push(payload));
    rendererListeners.get(eventChannel)?.({}, 'patterns.changed', { id: 'a' });
    off();
    rendererListeners.get(eventChannel)?.({}, 'patterns.changed', { id: 'b' });
    expect(seen).toEqual([{ id: 'a' }]);
    expect(() => api.on('no.such.event', () => undefined)).toThrow(/Unknown Cepheus event/);
  });
});

describe('packaged file selection', () => {
  it('keeps the build output and better-sqlite3 runtime files, drops everything else', () => {
    for (const file of [
      '',
      '/package.json',
      '/.vite',
      '/.vite/build/main.cjs',
      '/node_modules',
      '/node_modules/better-sqlite3',
      '/node_modules/better-sqlite3/lib/index.js',
      '/node_modules/better-sqlite3/prebuilds/linux-x64.node',
    ]) {
      expect(keepInPackage(file), file).toBe(true);
    }
    for (const file of [
      '/electron/main/main.ts',
      '/node_modules/react',
      '/node_modules/better-sqlite3/deps/sqlite3/sqlite3.c',
      '/node_modules/better-sqlite3/src/better_sqlite3.cpp',
      '/renderer',
      '/test',
    ]) {
      expect(keepInPackage(file), file).toBe(false);
    }
  });
});
