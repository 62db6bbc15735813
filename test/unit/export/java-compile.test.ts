/**
 * Every Java export compiles with javac (when a JDK is installed) against stand-ins for the Flink API
 * (flink-api-stubs.ts) and an Event bean generated from the pattern's event schema. Each pattern gets
 * its own package so one javac run checks them all.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exportPattern } from '../../../engine/export';
import type { PatternDocument } from '../../../engine/format';
import { allPatterns } from './all-patterns';
import { FLINK_STUBS } from './flink-api-stubs';

const hasJavac = spawnSync('javac', ['-version'], { encoding: 'utf8' }).status === 0;
const JAVA_TYPE: Record<string, string> = {
  // Boxed, as the export's header asks: a missing field is null.
  number: 'Double',
  string: 'String',
  boolean: 'Boolean',
  timestamp: 'Long',
  object: 'java.util.Map<String, Object>',
  array: 'java.util.List<Object>',
  any: 'Object',
};

/** An Event bean with a typed getter for every getter the generated code calls. */
function eventClass(pkg: string, doc: PatternDocument, java: string): string {
  const getters = new Set(
    [...java.matchAll(/\.(get|is)([A-Z][A-Za-z0-9_]*)\(\)/g)].map((m) => `${m[1]} ${m[2]}`),
  );
  const methods = [...getters].map((getter) => {
    const [prefix, g] = getter.split(' ');
    const field = g.charAt(0).toLowerCase() + g.slice(1);
    const declared = doc.eventSchema?.fields.find((f) => f.name === field)?.type ?? 'number';
    // An ISO-8601 time field is read as text and parsed by Instant.parse.
    const type = java.includes(`Instant.parse(event.get${g}())`) ? 'String' : JAVA_TYPE[declared];
    return `  public ${type} ${prefix}${g}() { throw new UnsupportedOperationException(); }`;
  });
  return `package ${pkg};\npublic class Event {\n${methods.join('\n')}\n}\n`;
}

function balanced(text: string): boolean {
  let depth = 0;
  for (const ch of text.replace(/"(?:[^"\\]|\\.)*"/g, '""')) {
    if (ch === '{' || ch === '(') depth++;
    if (ch === '}' || ch === ')') depth--;
    if (depth < 0) return false;
  }
  return depth === 0;
}

describe('exported Java', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cepheus-javac-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const exported = allPatterns().flatMap(([id, doc]) => {
    const pkg = `golden.${id.replace(/[^A-Za-z0-9]/g, '_').toLowerCase()}`;
    const r = exportPattern(doc, 'flink-java', { javaPackage: pkg });
    return r.ok ? [{ id, doc, pkg, fileName: r.fileName, text: r.text }] : [];
  });

  it('exports most patterns to Java', () => {
    expect(exported.length).toBeGreaterThanOrEqual(25);
  });

  for (const e of exported)
    it(`${e.id} has balanced braces and parentheses`, () => expect(balanced(e.text)).toBe(true));

  it.skipIf(!hasJavac)(
    'all compile with javac against the Flink API stand-ins',
    () => {
      const write = (rel: string, text: string): string => {
        const file = join(dir, rel);
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, text);
        return file;
      };
      const files = Object.entries(FLINK_STUBS).map(([rel, text]) => write(join('src', rel), text));
      for (const e of exported) {
        const pkgDir = join('src', ...e.pkg.split('.'));
        files.push(
          write(join(pkgDir, e.fileName), e.text),
          write(join(pkgDir, 'Event.java'), eventClass(e.pkg, e.doc, e.text)),
        );
      }
      const run = spawnSync('javac', ['-d', join(dir, 'out'), '-Xlint:none', ...files], { encoding: 'utf8' });
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      // javac is a JVM start plus a compile: tens of seconds on a loaded machine.
    },
    180_000,
  );

  it.skipIf(!hasJavac)(
    'javac does reject a broken export (the check can fail)',
    () => {
      const e = exported[0];
      const pkgDir = join(dir, 'broken', ...e.pkg.split('.'));
      mkdirSync(pkgDir, { recursive: true });
      writeFileSync(join(pkgDir, e.fileName), e.text.replace('.where(', '.wher('));
      writeFileSync(join(pkgDir, 'Event.java'), eventClass(e.pkg, e.doc, e.text));
      const stubs = Object.entries(FLINK_STUBS).map(([rel, text]) => {
        const file = join(dir, 'broken-stubs', rel);
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, text);
        return file;
      });
      const run = spawnSync(
        'javac',
        ['-d', join(dir, 'broken-out'), ...stubs, join(pkgDir, e.fileName), join(pkgDir, 'Event.java')],
        { encoding: 'utf8' },
      );
      expect(run.status).not.toBe(0);
    },
    180_000,
  );
});
