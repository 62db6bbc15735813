import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Pattern, serializeDocument } from '../../../engine/format';
import { lintPattern } from '../../../engine/lint';
import { neverTrue } from '../../../engine/lint/never-true';
import { applyFix, validatePattern } from '../../../engine/problems';
import { cepheus } from '../cli/cli-harness';

describe('lint: a condition that can never be true', () => {
  it('finds empty ranges, two different equalities, and == against != or a bound', () => {
    expect(neverTrue('amount > 5 && amount < 3')).toBe('no amount is both > 5 and < 3');
    expect(neverTrue('amount >= 5 && amount < 5')).toBe('no amount is both >= 5 and < 5');
    expect(neverTrue("3 > amount && type == 'x' && amount > 10")).toBe('no amount is both > 10 and < 3');
    expect(neverTrue("type == 'login' && type == 'logout'")).toBe(
      "type cannot equal both 'login' and 'logout'",
    );
    expect(neverTrue('user.age == 2 && user.age != 2')).toBe('user.age cannot be == 2 and != 2');
    expect(neverTrue('x == 10 && x < 5')).toBe('x == 10 is not < 5');
    expect(neverTrue("x == 'a' && x > 1")).toBe("x == 'a' is not a number, so it is never > 1");
    expect(neverTrue('x > -1 && x < -3')).toBe('no x is both > -1 and < -3');
  });

  it('stays quiet when some value passes, or across ||', () => {
    for (const ok of [
      'amount > 3 && amount < 5',
      'amount >= 5 && amount <= 5',
      'amount > 5 || amount < 3',
      "type == 'a' || type == 'b'",
      'x != 1 && x != 2',
      'a > 5 && b < 3',
      '(x > 5 && x < 3) || y',
      'x >',
    ])
      expect(neverTrue(ok), ok).toBeNull();
  });

  it('is a warning on the stage in Problems (validatePattern) and in cepheus validate', async () => {
    const doc = Pattern.begin('big')
      .where('amount > 5000 && amount < 500')
      .followedBy('next')
      .where("type == 'x'")
      .toDocument({ name: 'Never' });
    const problems = validatePattern(doc).filter((d) => d.code === 'lint.condition-never-true');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      severity: 'warning',
      target: { stage: 'big', field: 'where' },
      message:
        'The condition of "big" can never be true: no amount is both > 5000 and < 500; "big" never takes an event, so the pattern never matches past it',
    });
    expect(problems[0]?.fix).toMatch(/did you mean \|\|/);
    // The one-click fix for two comparisons: && becomes ||, and the warning goes.
    expect(problems[0]?.quickFix?.title).toBe('Change && to ||');
    const fixed = applyFix(doc, problems[0].quickFix!, problems[0]?.target);
    const big = fixed.nodes.find((n) => n.name === 'big');
    expect(big && 'where' in big ? big.where : '').toBe('amount > 5000 || amount < 500');
    expect(validatePattern(fixed).map((d) => d.code)).not.toContain('lint.condition-never-true');
    // In a longer chain which && was meant is unknown: words only.
    const chain = Pattern.begin('c')
      .where("amount > 5 && type == 'x' && amount < 3")
      .toDocument({ name: 'C' });
    const words = validatePattern(chain).find((d) => d.code === 'lint.condition-never-true');
    expect(words?.fix).toMatch(/did you mean/);
    expect(words?.quickFix).toBeUndefined();
    expect(lintPattern({ spec: Pattern.begin('a').where('x > 1').toSpec() })).toEqual([]);

    const dir = mkdtempSync(join(tmpdir(), 'cepheus-never-'));
    try {
      const file = join(dir, 'never.cep.json');
      writeFileSync(file, serializeDocument(doc));
      const run = await cepheus(['validate', file]);
      expect(run.stdout + run.stderr).toContain('can never be true: no amount is both > 5000 and < 500');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
