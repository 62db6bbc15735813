import { describe, expect, it } from 'vitest';
import { compilePattern } from '../../../engine/nfa/index';
import type { Diagnostic } from '../../../engine/pattern/diagnostic';
import type { PatternSpec } from '../../../engine/pattern/spec';
import { pattern, stage } from './helpers';

function errors(spec: PatternSpec): Diagnostic[] {
  const r = compilePattern(spec);
  return r.ok ? [] : r.diagnostics.filter((d) => d.severity === 'error');
}

function codes(spec: PatternSpec): string[] {
  return errors(spec).map((d) => d.code);
}

const a = stage('a', 'begin', "name == 'a'");

describe('compilePattern: Flink rules', () => {
  it('accepts a valid pattern', () => {
    const r = compilePattern(pattern([a, stage('b', 'followedBy', "name == 'b'")]));
    expect(r.ok).toBe(true);
  });

  it('rejects duplicate names, also inside groups and the reserved end state name', () => {
    expect(codes(pattern([a, stage('a', 'next')]))).toContain('pattern.duplicate-name');
    const group = stage(
      'GroupPattern',
      'next',
      undefined,
      {},
      { group: { stages: [stage('a', 'begin'), stage('c', 'next')] } },
    );
    expect(codes(pattern([a, group]))).toContain('pattern.duplicate-name');
    expect(codes(pattern([a, stage('$endState$', 'next')]))).toContain('pattern.duplicate-name');
  });

  it('rejects quantified, greedy and optional NOT stages with Flink exceptions', () => {
    const [q] = errors(pattern([a, stage('n', 'notNext', undefined, { kind: 'oneOrMore', from: 1 })]));
    expect(q?.flinkError).toBe('MalformedPatternException');
    expect(q?.flinkMessage).toBe('Option not applicable to NOT pattern');
    expect(
      codes(pattern([a, stage('n', 'notFollowedBy', undefined, { optional: true }), stage('c', 'next')])),
    ).toContain('pattern.not-stage-optional');
    expect(
      codes(pattern([stage('a', 'begin', undefined, { optional: true }), stage('n', 'notNext')])),
    ).toContain('pattern.not-after-optional');
  });

  it('requires a window for a trailing notFollowedBy, pointing at its edge', () => {
    const spec = pattern([
      a,
      { ...stage('n', 'notFollowedBy', "name == 'n'"), nodeId: 'node-n', edgeId: 'edge-n' },
    ]);
    const [d] = errors(spec);
    expect(d?.code).toBe('pattern.not-followed-by-last-without-window');
    expect(d?.message).toMatch(/cannot end a pattern unless the pattern has a time window/);
    expect(d?.target).toMatchObject({ kind: 'edge', stage: 'n', edgeId: 'edge-n', nodeId: 'node-n' });
    expect(compilePattern({ ...spec, within: { ms: 10, type: 'FIRST_AND_LAST' } }).ok).toBe(true);
  });

  it('rejects until on non-looping stages and greedy on singletons', () => {
    expect(
      codes(pattern([stage('a', 'begin', undefined, { kind: 'times', from: 2, to: 2 }, { until: 'true' })])),
    ).toContain('pattern.until-not-looping');
    expect(codes(pattern([stage('a', 'begin', undefined, { greedy: true })]))).toContain(
      'pattern.greedy-singleton',
    );
    expect(
      codes(
        pattern([
          stage('a', 'begin', undefined, { kind: 'oneOrMore', greedy: true, inner: 'allowCombinations' }),
        ]),
      ),
    ).toContain('pattern.greedy-combinations');
  });

  it('checks times bounds with Flink messages', () => {
    expect(
      errors(pattern([stage('a', 'begin', undefined, { kind: 'times', from: 0, to: 0 })]))[0]?.flinkMessage,
    ).toBe('You should give a positive number greater than 0.');
    expect(
      errors(pattern([stage('a', 'begin', undefined, { kind: 'times', from: 3, to: 2 })]))[0]?.flinkMessage,
    ).toBe('The to should be a number greater than or equal to from: 3.');
    expect(codes(pattern([stage('a', 'begin', undefined, { kind: 'timesOrMore', from: 0 })]))).toContain(
      'pattern.times-or-more-not-positive',
    );
  });

  it('rejects optional after greedy, and consecutive on singletons', () => {
    const greedy = stage('a', 'begin', undefined, { kind: 'oneOrMore', greedy: true });
    expect(
      codes(pattern([greedy, stage('b', 'next', undefined, { optional: true }), stage('c', 'next')])),
    ).toContain('pattern.optional-after-greedy');
    expect(codes(pattern([stage('a', 'begin', undefined, { inner: 'consecutive' })]))).toContain(
      'pattern.consecutive-on-singleton',
    );
  });

  it('rejects a PREVIOUS_AND_CURRENT window larger than the pattern window', () => {
    const spec = pattern(
      [
        a,
        stage('b', 'followedBy', undefined, {}, { withinPreviousAndCurrent: 50 }),
        stage('c', 'followedBy'),
      ],
      { kind: 'NO_SKIP' },
      { within: { ms: 10, type: 'FIRST_AND_LAST' } },
    );
    expect(codes(spec)).toEqual(['pattern.window-conflict']);
  });

  it('rejects skip targets that are not top-level stages', () => {
    const [d] = errors(pattern([a, stage('b', 'next')], { kind: 'SKIP_TO_FIRST', stage: 'zzz' }));
    expect(d?.code).toBe('pattern.skip-target-missing');
    expect(d?.target?.kind).toBe('pattern');
  });

  it('reports condition errors with the stage, field and range', () => {
    const r = compilePattern(pattern([stage('a', 'begin', 'name ==')]));
    expect(r.ok).toBe(false);
    const d = r.diagnostics.find((x) => x.target?.field === 'where');
    expect(d?.target?.stage).toBe('a');
    expect(d?.range).toBeDefined();
  });

  it('collects several problems at once instead of stopping at the first', () => {
    const spec = pattern([
      stage('a', 'begin', undefined, { greedy: true }),
      stage('a', 'next', undefined, { kind: 'times', from: -1, to: 2 }),
    ]);
    expect(codes(spec).length).toBeGreaterThanOrEqual(3);
  });
});
