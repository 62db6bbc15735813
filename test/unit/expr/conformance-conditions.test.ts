import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileCondition } from '../../../engine/expr';

interface StageLike {
  name: string;
  where?: string;
  or?: string[];
  until?: string;
  group?: { stages: StageLike[] };
}

const file = fileURLToPath(new URL('../../../../shared/conformance/flink-vectors.json', import.meta.url));
const vectors = JSON.parse(readFileSync(file, 'utf8')) as { id: string; pattern: { stages: StageLike[] } }[];

function collect(stages: StageLike[], names: string[], out: string[]): void {
  for (const s of stages) {
    names.push(s.name);
    for (const c of [s.where, s.until, ...(s.or ?? [])]) if (c !== undefined) out.push(c);
    if (s.group) collect(s.group.stages, names, out);
  }
}

describe('conformance vector conditions', () => {
  it('has vectors to check', () => {
    expect(vectors.length).toBeGreaterThan(100);
  });

  it.each(vectors.map((v) => [v.id, v] as const))('%s: every where/or/until compiles', (_id, vector) => {
    const names: string[] = [];
    const conditions: string[] = [];
    collect(vector.pattern.stages, names, conditions);
    for (const source of conditions) {
      const result = compileCondition(source, { stages: names });
      expect(
        result.diagnostics.filter((d) => d.severity === 'error'),
        source,
      ).toEqual([]);
      expect(result.ok, source).toBe(true);
    }
  });
});
