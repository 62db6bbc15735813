/**
 * A dynamic-CEP condition JSON → a Cepheus condition source, or a kept external condition.
 * Aviator expressions and Flink's own And/Or/Not combinators translate; Java classes (and anything
 * whose translation fails) are kept verbatim behind an `unsupported(…)` marker, never dropped.
 */
import { RICH_AND, RICH_NOT, RICH_OR } from '../export/graph-spec';
import { aviatorToCondition } from './aviator';

export type ImportedCondition =
  { kind: 'none' } | { kind: 'source'; source: string } | { kind: 'external'; json: unknown; reason: string };

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Flink dispatches on the class-name suffix, so shaded or relocated packages are accepted too. */
function richKind(className: string): 'and' | 'or' | 'not' | null {
  if (className.endsWith(RICH_AND.slice('org.apache.'.length))) return 'and';
  if (className.endsWith(RICH_OR.slice('org.apache.'.length))) return 'or';
  if (className.endsWith(RICH_NOT.slice('org.apache.'.length))) return 'not';
  return null;
}

/** Source text, or a reason it could not be translated. */
function translate(json: unknown): { ok: true; source: string } | { ok: false; reason: string } {
  if (!isObj(json)) return { ok: false, reason: 'a condition must be a JSON object' };
  if (json.type === 'AVIATOR') {
    if (typeof json.expression !== 'string')
      return { ok: false, reason: 'an AVIATOR condition needs an "expression" string' };
    const r = aviatorToCondition(json.expression);
    return r.ok
      ? r
      : {
          ok: false,
          reason: `the Aviator expression "${json.expression}" cannot be translated: ${r.reason}`,
        };
  }
  if (json.type === 'CLASS' && typeof json.className === 'string') {
    const rich = richKind(json.className);
    const nested = Array.isArray(json.nestedConditions) ? json.nestedConditions : [];
    if (rich === 'not' && nested.length >= 1) {
      const inner = translate(nested[0]);
      return inner.ok ? { ok: true, source: `!(${inner.source})` } : inner;
    }
    if ((rich === 'and' || rich === 'or') && nested.length >= 2) {
      // Flink's Rich And/Or read exactly the first two children.
      const a = translate(nested[0]);
      if (!a.ok) return a;
      const b = translate(nested[1]);
      if (!b.ok) return b;
      return { ok: true, source: `(${a.source}) ${rich === 'and' ? '&&' : '||'} (${b.source})` };
    }
    return { ok: false, reason: `the Java condition class ${json.className} runs only inside Flink` };
  }
  return {
    ok: false,
    reason: `conditions of type ${JSON.stringify(json.type)} are not supported by Cepheus`,
  };
}

export function importCondition(json: unknown): ImportedCondition {
  if (json === null || json === undefined) return { kind: 'none' };
  const r = translate(json);
  return r.ok ? { kind: 'source', source: r.source } : { kind: 'external', json, reason: r.reason };
}
