/**
 * Checks a pattern document before it is stored and computes its semantic hash.
 *
 * engine/format (another part of the codebase) will provide `loadDocument(input)` and
 * `semanticHash(doc)`; until they exist this module is the single place that stands in for
 * them: it accepts any JSON object and hashes it without its `layout` and `$schema` blocks,
 * which the format defines as carrying no semantics. Switch both functions over here.
 */
import { createHash } from 'node:crypto';
import { CepError } from '../../contract';

export interface CheckedDocument {
  /** The document as stored (JSON text). */
  json: string;
  semanticHash: string;
  /** The document's own format version, when it declares one. */
  formatVersion: number | null;
}

/** Keys of the top-level document that never affect matching. */
const NON_SEMANTIC_KEYS = new Set(['layout', '$schema']);

/** JSON with object keys sorted, so equal content always yields equal text. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function semanticHashOf(document: Record<string, unknown>): string {
  const semantic = Object.fromEntries(Object.entries(document).filter(([key]) => !NON_SEMANTIC_KEYS.has(key)));
  return createHash('sha256').update(canonicalJson(semantic)).digest('hex');
}

export function checkDocument(document: unknown): CheckedDocument {
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    throw new CepError('invalid-document', 'The pattern document must be a JSON object', [
      { path: ['document'], message: 'must be a JSON object' },
    ]);
  }
  const record = document as Record<string, unknown>;
  const json = JSON.stringify(record);
  const version = record.version;
  return {
    json,
    semanticHash: semanticHashOf(record),
    formatVersion: typeof version === 'number' && Number.isInteger(version) ? version : null,
  };
}
