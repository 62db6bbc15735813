import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { dataDirFromArgv, resolveDataDir } from '../../../electron/services';
import { ensureRendererBuilt, rendererIsStale } from '../../../electron/web/renderer-build';

let work: string;
beforeEach(() => (work = mkdtempSync(path.join(tmpdir(), 'cepheus-dirs-'))));
afterEach(() => rmSync(work, { recursive: true, force: true }));

describe('data folder resolution', () => {
  it('prefers --data-dir, then CEPHEUS_DATA_DIR, then the host default, and creates it', () => {
    const flag = path.join(work, 'flag');
    const env = path.join(work, 'env');
    const fallback = path.join(work, 'fallback');
    expect(resolveDataDir({ argv: ['--data-dir', flag], env: { CEPHEUS_DATA_DIR: env }, fallback })).toBe(
      flag,
    );
    expect(resolveDataDir({ argv: [`--data-dir=${flag}2`], env: { CEPHEUS_DATA_DIR: env }, fallback })).toBe(
      `${flag}2`,
    );
    expect(resolveDataDir({ argv: [], env: { CEPHEUS_DATA_DIR: env }, fallback })).toBe(env);
    expect(resolveDataDir({ argv: [], env: { CEPHEUS_DATA_DIR: '  ' }, fallback })).toBe(fallback);
    for (const dir of [flag, `${flag}2`, env, fallback]) expect(existsSync(dir), dir).toBe(true);
  });

  it('makes relative folders absolute and rejects a flag without a folder', () => {
    expect(
      path.isAbsolute(
        resolveDataDir({
          argv: ['--data-dir', path.relative(process.cwd(), path.join(work, 'rel'))],
          env: {},
          fallback: work,
        }),
      ),
    ).toBe(true);
    expect(() => dataDirFromArgv(['--data-dir'])).toThrow(/needs a folder/);
    expect(() => dataDirFromArgv(['--data-dir', '--port'])).toThrow(/needs a folder/);
    expect(() => dataDirFromArgv(['--data-dir='])).toThrow(/needs a folder/);
  });
});

describe('renderer build freshness', () => {
  function touch(file: string, seconds: number): void {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, 'x');
    utimesSync(file, seconds, seconds);
  }

  it('is stale when the build is missing or older than any renderer, engine or contract source', () => {
    const out = path.join(work, '.vite', 'renderer', 'main_window');
    expect(rendererIsStale(work, out)).toBe(true);
    touch(path.join(work, 'renderer', 'main.tsx'), 1000);
    touch(path.join(work, 'engine', 'nfa', 'runtime.ts'), 1000);
    touch(path.join(out, 'index.html'), 2000);
    // Folders get "now" as mtime when files are created in them; pin them too.
    for (const dir of ['renderer', 'engine', 'engine/nfa']) utimesSync(path.join(work, dir), 1000, 1000);
    expect(rendererIsStale(work, out)).toBe(false);
    touch(path.join(work, 'engine', 'nfa', 'runtime.ts'), 3000);
    expect(rendererIsStale(work, out)).toBe(true);
  });

  it("never builds in 'never' mode", async () => {
    expect(await ensureRendererBuilt(work, path.join(work, 'out'), 'never')).toBe(false);
    expect(existsSync(path.join(work, 'out'))).toBe(false);
  });
});
