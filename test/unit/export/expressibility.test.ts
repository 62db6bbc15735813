/** The expressibility report and the refusals, stage by stage, in words. */
import { describe, expect, it } from 'vitest';
import { exportPattern, expressibility } from '../../../engine/export';
import { loadDocument, Pattern } from '../../../engine/format';

const eventTime = {
  time: {
    mode: 'event' as const,
    field: 'ts',
    format: 'epochMillis' as const,
    outOfOrdernessMs: 0,
    watermarkIntervalMs: 200,
  },
};

describe('expressibility', () => {
  it('says per stage which targets can write it, and why not', () => {
    const doc = Pattern.begin('start', 'SKIP_PAST_LAST_EVENT')
      .where("name == 'a'")
      .next('middle')
      .where('sum(middle.price) + price < 10')
      .oneOrMore()
      .consecutive()
      .followedByAny('end')
      .where("name == 'c'")
      .toDocument({ name: 'mixed', settings: eventTime });
    const r = expressibility(doc);
    expect(r.json).toEqual({
      ok: true,
      items: [
        expect.objectContaining({ stage: 'start', ok: true }),
        expect.objectContaining({ stage: 'middle', ok: true }),
        expect.objectContaining({ stage: 'end', ok: true }),
      ],
    });
    expect(r['flink-java'].ok).toBe(true);
    expect(r['flink-json'].ok).toBe(false);
    expect(r['flink-json'].items.find((i) => i.stage === 'middle')?.reason).toMatch(
      /^Aviator: iterative conditions .*sum\(\.\.\.\).* are not supported by Flink's AviatorCondition/,
    );
    expect(r['flink-json'].items.find((i) => i.stage === 'start')).toEqual({
      stage: 'start',
      nodeId: 'n1',
      ok: true,
    });
    expect(r['flink-sql'].items.filter((i) => !i.ok)).toEqual([
      { stage: 'end', nodeId: 'n3', ok: false, reason: 'SQL: followedByAny has no MATCH_RECOGNIZE form' },
    ]);
  });

  it('names notFollowedBy at the end for SQL', () => {
    const doc = Pattern.begin('a', 'SKIP_TO_NEXT')
      .where("name == 'a'")
      .notFollowedBy('b')
      .where("name == 'b'")
      .within(1000)
      .toDocument({ settings: eventTime });
    expect(expressibility(doc)['flink-sql'].items.find((i) => i.stage === 'b')?.reason).toBe(
      'SQL: notFollowedBy at the end has no MATCH_RECOGNIZE form',
    );
  });

  it('refuses an invalid pattern for every Flink target with the compiler message', () => {
    const doc = Pattern.begin('a')
      .where("name == 'a'")
      .notFollowedBy('b')
      .where("name == 'b'")
      .toDocument({ settings: eventTime });
    for (const target of ['flink-json', 'flink-java', 'flink-sql'] as const) {
      const r = exportPattern(doc, target);
      expect(r.ok).toBe(false);
      expect(!r.ok && r.reasons[0]?.reason).toMatch(
        /^Pattern: a notFollowedBy stage cannot end a pattern unless the pattern has a time window/,
      );
      // A mistake in the pattern, not a limit of the format: the dialog says "fix the pattern first".
      expect(!r.ok && r.reasons.every((i) => i.cause === 'pattern')).toBe(true);
    }
  });

  it('tells a pattern error, a target limitation and a bad option apart', () => {
    const schema = { fields: [{ name: 'name', type: 'string' as const }] };
    const followed = Pattern.begin('a').where("name == 'a'").followedBy('b').where("name == 'b'");
    // A limitation: SQL has no followedBy; the other Flink targets can.
    const sql = exportPattern(followed.toDocument({ eventSchema: schema }), 'flink-sql');
    expect(sql.ok).toBe(false);
    expect(!sql.ok && sql.reasons.every((i) => i.cause === undefined)).toBe(true);
    // A setting naming no field of the schema is a pattern error for every Flink target.
    const keyed = followed.toDocument({ eventSchema: schema, settings: { partitionKey: 'userId' } });
    for (const target of ['flink-json', 'flink-java', 'flink-sql'] as const) {
      const r = exportPattern(keyed, target);
      expect(!r.ok && r.reasons.map((i) => [i.cause, i.reason])).toEqual([
        ['pattern', expect.stringMatching(/^Pattern: The partition key 'userId' is not a field/)],
      ]);
    }
    // A Java package typed wrong in the options is neither.
    const java = exportPattern(followed.toDocument({ eventSchema: schema }), 'flink-java', {
      javaPackage: 'com..x',
    });
    expect(!java.ok && java.reasons.map((i) => i.cause)).toEqual(['option']);
  });

  it('JSON export refuses what the dynamic-CEP loader would silently change', () => {
    const timesWindow = Pattern.begin('a')
      .where("name == 'a'")
      .followedBy('b')
      .where("name == 'b'")
      .times(2, 3, 500)
      .toDocument({ settings: eventTime });
    expect(expressibility(timesWindow)['flink-json'].items.find((i) => !i.ok)?.reason).toMatch(
      /per-repetition window on times\(n, m\) is dropped by the dynamic-CEP loader/,
    );
    const skipThrow = Pattern.begin('a', { kind: 'SKIP_TO_LAST', stage: 'a', throwExceptionOnMiss: true })
      .where("name == 'a'")
      .next('b')
      .toDocument({ settings: eventTime });
    expect(expressibility(skipThrow)['flink-json'].items.find((i) => !i.ok)?.reason).toMatch(
      /throwExceptionOnMiss has no field/,
    );
  });

  it('SQL writes a non-greedy loop as reluctant and a greedy inner loop as greedy; the last one is always reluctant', () => {
    const doc = (greedy: boolean) => {
      let p = Pattern.begin('a', 'SKIP_PAST_LAST_EVENT')
        .where("name == 'a'")
        .next('b')
        .where("name == 'b'")
        .timesOrMore(2)
        .consecutive();
      if (greedy) p = p.greedy();
      return p.next('c').where("name == 'c'").oneOrMore().consecutive().toDocument({ settings: eventTime });
    };
    const plain = exportPattern(doc(false), 'flink-sql');
    const greedy = exportPattern(doc(true), 'flink-sql');
    expect(plain.ok && plain.text).toContain('PATTERN (a b{2,}? c+?)');
    expect(greedy.ok && greedy.text).toContain('PATTERN (a b{2,} c+?)');
  });

  it('SQL refuses a skip-to stage that may be missing unless throwExceptionOnMiss is set', () => {
    const make = (throwOnMiss: boolean) =>
      Pattern.begin('a', { kind: 'SKIP_TO_FIRST', stage: 'b', throwExceptionOnMiss: throwOnMiss })
        .where("name == 'a'")
        .next('b')
        .where("name == 'b'")
        .optional()
        .next('c')
        .where("name == 'c'")
        .toDocument({ settings: eventTime });
    expect(exportPattern(make(false), 'flink-sql')).toMatchObject({
      ok: false,
      reasons: [
        {
          reason: expect.stringMatching(
            /fails at run time when that variable is missing from a match/,
          ) as string,
        },
      ],
    });
    expect(exportPattern(make(true), 'flink-sql').ok).toBe(true);
  });

  it('our own JSON export loads back as the same document', () => {
    const doc = Pattern.begin('a')
      .where("name == 'a'")
      .followedBy('b')
      .oneOrMore()
      .greedy()
      .next('c')
      .toDocument({ name: 'x', settings: eventTime });
    const r = exportPattern(doc, 'json');
    const loaded = r.ok ? loadDocument(r.text) : null;
    expect(loaded?.ok && loaded.document).toEqual(doc);
  });
});
