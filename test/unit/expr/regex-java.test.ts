/**
 * matches() regexes: RE2 (linear time) in the engine, and for the exports a Java regex that matches
 * exactly the same strings. Checked against the real java.util.regex (when a JDK is installed): the
 * whole-text form (Java's String.matches) and the anchored search form (Flink SQL's REGEXP, Aviator
 * =~), on hand-picked differences between the two engines and on generated regexes (fixed seed).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileCondition } from '../../../engine/expr';
import { compileRegex } from '../../../engine/expr/regex';
import { toJavaRegex } from '../../../engine/expr/regex-java';

const hasJava = spawnSync('java', ['-version'], { encoding: 'utf8' }).status === 0;

const JAVA = `
import java.util.*;
import java.util.regex.*;
public class RegexCheck {
  public static void main(String[] a) throws Exception {
    Scanner in = new Scanner(System.in, "UTF-8");
    Base64.Decoder d = Base64.getDecoder();
    StringBuilder out = new StringBuilder();
    while (in.hasNextLine()) {
      String[] p = in.nextLine().split("\\t", -1);
      String whole = new String(d.decode(p[0]), "UTF-8"), anchored = new String(d.decode(p[1]), "UTF-8");
      String text = new String(d.decode(p[2]), "UTF-8");
      try {
        boolean m = text.matches(whole), f = Pattern.compile(anchored).matcher(text).find();
        out.append(m ? '1' : '0').append(f ? '1' : '0').append('\\n');
      } catch (PatternSyntaxException e) { out.append("EE\\n"); }
    }
    System.out.print(out);
  }
}`;

/** Java's verdicts (whole-text, anchored search) per case; "EE" when Java refuses the regex. */
function javaVerdicts(cases: { whole: string; anchored: string; text: string }[]): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'cepheus-regex-'));
  try {
    writeFileSync(join(dir, 'RegexCheck.java'), JAVA);
    const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64');
    const input = cases.map((c) => `${b64(c.whole)}\t${b64(c.anchored)}\t${b64(c.text)}`).join('\n') + '\n';
    const r = spawnSync('java', [join(dir, 'RegexCheck.java')], {
      input,
      encoding: 'utf8',
      timeout: 120_000,
    });
    if (r.status !== 0) throw new Error(r.stderr);
    return r.stdout.trim().split('\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Where RE2 and Java read the same text differently, and ordinary regexes. */
const REGEXES = [
  'z[0-9]+',
  'a.c',
  '.*',
  '(?s)a.c',
  '\\s+',
  '[\\s,]+',
  'a\\vb',
  '\\bfoo\\b.*',
  '.*\\Bo.*',
  '[[:alpha:]]+',
  '[[:^digit:]]+',
  '[[:word:]]+',
  '[a&&b]',
  '[[]',
  '[]a]+',
  'a{,3}',
  'a{2}',
  'x{',
  'a{1,2}b',
  '(?i)straße',
  '(?i)é',
  '(?P<n>a)b',
  '\\p{Greek}+',
  '\\pL+',
  '\\PL',
  'a$',
  '^a',
  'a\\z',
  '\\Qa.b\\E',
  '\\x{41}',
  '[^\\n]+',
  '\\d\\w+',
  '(a|ab)(c|bcd)',
  'a*?b',
  '(?i:A)b',
  '[^a-c]',
  'x|',
  '\\.',
  'a\\$',
  '[$^]+',
];
const TEXTS = [
  '',
  'a',
  'abc',
  'a\nc',
  'a\rc',
  'a\u2028c',
  'a\u0085c',
  'foo bar',
  ' \t',
  '\u000b',
  'a\u000bb',
  'É',
  'é',
  'STRASSE',
  'straße',
  'STRAßE',
  'αβγ',
  'a{,3}',
  '{,3}',
  'aa',
  'x{',
  '&',
  'a&',
  '[',
  ']a',
  'ab',
  'a\n',
  'a.b',
  'A',
  'Ab',
  '12x',
  'abcd',
  '$',
  'a$',
  '^$',
  'foo',
  'foo.',
  'xoo',
  'z12',
];

describe('matches() regexes', () => {
  it('are linear: a catastrophic pattern on a long value answers at once', () => {
    const compiled = compileCondition("matches(name, '(a|a)*b')", { stages: [] });
    expect(compiled.ok).toBe(true);
    if (!compiled.ok) return;
    const name = 'a'.repeat(100_000);
    expect(compiled.condition({ name }, { eventsOf: () => [], fold: (_s, _i, init) => init })).toBe(false);
  });

  it('refuse lookaround and backreferences with a message that says why', () => {
    for (const source of ['(?=a)b', '(a)\\1', '(?<!x)y']) {
      const r = compileCondition(`matches(name, '${source.replace(/\\/g, '\\\\')}')`, { stages: [] });
      expect(r.ok).toBe(false);
      expect(r.diagnostics[0].message).toMatch(/RE2 syntax: lookahead, lookbehind and backreferences/);
    }
    expect(compileRegex('a'.repeat(5000)).ok).toBe(false);
  });

  it('refuse an export where Java has no faithful form, with the reason', () => {
    expect(toJavaRegex('(?m)^a$')).toEqual({
      ok: false,
      reason: expect.stringMatching(/multi-line/) as unknown,
    });
    expect(toJavaRegex('(?U)a+')).toEqual({
      ok: false,
      reason: expect.stringMatching(/ungreedy/) as unknown,
    });
    expect(toJavaRegex('[\\S]')).toMatchObject({ ok: false });
  });

  it.skipIf(!hasJava)(
    'mean the same to java.util.regex (hand-picked and generated, fixed seed)',
    () => {
      const generated = fc.sample(
        fc.tuple(
          fc.stringMatching(/^(?:[ab.]|\\s|\\b|\[a-c\]|\[\[:alpha:\]\]|[*+?]|\{1,2\}|\(|\)|\||\$){1,8}$/),
          fc.stringMatching(/^[ab\n\r .é{}]{0,6}$/),
        ),
        { seed: 16, numRuns: 600 },
      );
      const pairs: [string, string][] = [
        ...REGEXES.flatMap((re) => TEXTS.map((t): [string, string] => [re, t])),
        ...generated,
      ];
      const cases: { re: string; text: string; whole: string; anchored: string; re2: boolean }[] = [];
      for (const [re, text] of pairs) {
        const re2 = compileRegex(re);
        const whole = toJavaRegex(re);
        const anchored = toJavaRegex(re, true);
        if (!re2.ok || !whole.ok || !anchored.ok) continue;
        cases.push({ re, text, whole: whole.text, anchored: anchored.text, re2: re2.regex.test(text) });
      }
      expect(cases.length).toBeGreaterThan(1500);
      const verdicts = javaVerdicts(cases);
      const wrong = cases
        .map((c, i) => ({ ...c, java: verdicts[i] }))
        .filter((c) => c.java !== (c.re2 ? '11' : '00'))
        .map(
          (c) =>
            `${JSON.stringify(c.re)} on ${JSON.stringify(c.text)}: RE2 ${c.re2}, Java ${c.java} (${c.whole})`,
        );
      expect(wrong).toEqual([]);
    },
    180_000,
  );
});
