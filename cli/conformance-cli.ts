/**
 * npm run conformance -- <vectors.json…>
 * Runs every vector of every file, prints each failure with a short diff, and ends with
 * "N passed, M failed". Exit 1 when something failed, 2 when a file cannot be read or is malformed.
 */
import { readFileSync } from 'node:fs';
import { parseVectors, runVectors, type ConformanceVector } from '../engine';

function load(file: string): ConformanceVector[] | string {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    return `cannot read ${file}: ${e instanceof Error ? e.message : String(e)}`;
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return `${file} is not valid JSON: ${e instanceof Error ? e.message : String(e)}`;
  }
  const parsed = parseVectors(data);
  if (!parsed.ok) return `${file} is not a valid vectors file:\n  ${parsed.errors.join('\n  ')}`;
  return parsed.vectors;
}

function main(files: string[]): number {
  if (files.length === 0) {
    console.error('usage: npm run conformance -- <vectors.json> [more.json…]');
    return 2;
  }
  const loaded: { file: string; vectors: ConformanceVector[] }[] = [];
  for (const file of files) {
    const r = load(file);
    if (typeof r === 'string') {
      console.error(r);
      return 2;
    }
    loaded.push({ file, vectors: r });
  }
  let passed = 0;
  let failed = 0;
  for (const { file, vectors } of loaded) {
    for (const outcome of runVectors(vectors)) {
      if (outcome.passed) passed++;
      else {
        failed++;
        console.log(`FAIL ${outcome.id}  (${file})`);
        for (const line of outcome.problems) console.log(`  ${line}`);
      }
    }
  }
  console.log(`${passed} passed, ${failed} failed`);
  return failed > 0 ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
