/**
 * Checks a pattern document before it is stored and computes its semantic hash, using
 * engine/format: `loadDocument` validates (and upgrades older format versions), `semanticHash`
 * ignores layout, names and notes so "moved a node" is not a new version.
 * What is stored is the loaded document, so every stored document is in the current format.
 */
import { CepError, type CepIssue } from '../../contract';
import { loadDocument, semanticHash } from '../../../engine/format';
import type { Diagnostic } from '../../../engine/pattern/diagnostic';

export interface CheckedDocument {
  /** The document as stored (JSON text). */
  json: string;
  semanticHash: string;
  /** Format version of the stored document. */
  formatVersion: number;
}

function toIssue(d: Diagnostic): CepIssue {
  return { path: ['document', ...(d.target?.path ?? [])], message: d.message, code: d.code };
}

export function checkDocument(document: unknown): CheckedDocument {
  const loaded = loadDocument(document);
  if (!loaded.ok) {
    const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
    const first = errors[0]?.message ?? 'The pattern document is not valid.';
    const more =
      errors.length > 1 ? ` (and ${errors.length - 1} more problem${errors.length > 2 ? 's' : ''})` : '';
    throw new CepError('invalid-document', `${first}${more}`, errors.map(toIssue));
  }
  return {
    json: JSON.stringify(loaded.document),
    semanticHash: semanticHash(loaded.document),
    formatVersion: loaded.document.version,
  };
}
