/** Golden-file comparison: byte-for-byte, regenerated only on purpose with UPDATE_GOLDEN=1. */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const GOLDEN_DIR = join(ROOT, 'test', 'golden');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

const checked = new Set<string>();

export function expectGolden(relativePath: string, actual: string): void {
  checked.add(relativePath);
  const file = join(GOLDEN_DIR, relativePath);
  if (UPDATE) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  if (!existsSync(file))
    throw new Error(
      `Missing golden file test/golden/${relativePath}: run UPDATE_GOLDEN=1 npx vitest run test/unit/export and review the new file.`,
    );
  expect(
    actual,
    `test/golden/${relativePath} (regenerate with UPDATE_GOLDEN=1 if the change is intended)`,
  ).toBe(readFileSync(file, 'utf8'));
}

/** Every samples/**\/*.cep.json, as [id, path]; the id is the path below samples/ with / → "__". */
export function samplePatternFiles(): [string, string][] {
  const out: [string, string][] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.cep.json'))
        out.push([
          relative(join(ROOT, 'samples'), path)
            .replace(/\.cep\.json$/, '')
            .split(/[\\/]/)
            .join('__'),
          path,
        ]);
    }
  };
  const samples = join(ROOT, 'samples');
  if (existsSync(samples)) walk(samples);
  return out;
}

/** Golden files under `folders` that no test produced (e.g. a refusal that became an export). */
export function orphanGoldenFiles(folders: readonly string[]): string[] {
  const orphans: string[] = [];
  for (const folder of folders) {
    const dir = join(GOLDEN_DIR, folder);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)) {
      const rel = `${folder}/${name}`;
      if (checked.has(rel)) continue;
      if (UPDATE) rmSync(join(dir, name));
      else orphans.push(rel);
    }
  }
  return orphans;
}
