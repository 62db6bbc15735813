/**
 * `.cep.json` files in and out of the designer: reading a picked file's text into a pattern document
 * (engine/format's loader, so a file is judged exactly like a stored pattern) and naming a download.
 */
import { loadDocument } from '../../../engine/format/load';
import { parseJsonText } from '../../../engine/format/json-text';
import type { PatternDocument } from '../../../engine/format/schema';
import type { Diagnostic } from '../../../engine/pattern/diagnostic';

export type DocumentFileResult =
  { ok: true; document: PatternDocument; name: string } | { ok: false; problems: string[] };

/** Largest file we try to read: a pattern document is a few kilobytes; more means the wrong file. */
export const MAX_DOCUMENT_FILE_BYTES = 5 * 1024 * 1024;

function where(d: Diagnostic): string {
  const path = d.target?.path;
  // JSON syntax messages already say the line and column; loader messages get their JSON path.
  return path && path.length > 0 ? `${path.join('.')}: ` : '';
}

export function describeDiagnostic(d: Diagnostic): string {
  return `${where(d)}${d.message}`;
}

/** Strips the known extensions; a file name is a better pattern name than nothing. */
export function nameFromFileName(fileName: string): string {
  return fileName
    .replace(/\.cep\.json$/i, '')
    .replace(/\.json$/i, '')
    .trim();
}

export function parseDocumentFile(text: string, fileName: string): DocumentFileResult {
  const parsed = parseJsonText(text);
  if (!parsed.ok) return { ok: false, problems: [describeDiagnostic(parsed.diagnostic)] };
  const loaded = loadDocument(parsed.value);
  if (!loaded.ok) {
    const problems = loaded.diagnostics.filter((d) => d.severity === 'error').map(describeDiagnostic);
    return {
      ok: false,
      problems: problems.length > 0 ? problems : ['The file is not a Cepheus pattern document.'],
    };
  }
  const name = loaded.document.name.trim() || nameFromFileName(fileName) || 'Imported pattern';
  return { ok: true, document: loaded.document, name };
}

/** A file name from the pattern name: letters, digits, dashes; never empty. */
export function documentFileName(patternName: string): string {
  const slug = patternName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return `${slug || 'pattern'}.cep.json`;
}
