/**
 * loadDocument: text or parsed JSON → a valid, current-version PatternDocument, or diagnostics.
 * Never throws: any input (including hostile or absurdly nested JSON) ends in a result.
 */
import type { Diagnostic } from '../pattern/diagnostic';
import { checkIntegrity } from './integrity';
import { issuesToDiagnostics } from './issues';
import { parseJsonText } from './json-text';
import { MIGRATIONS } from './migrations';
import { CURRENT_VERSION, FORMAT_ID, PatternDocumentSchema, type PatternDocument } from './schema';
import { sizeProblem } from './size-limit';

export type LoadResult =
  | { ok: true; document: PatternDocument; migratedFrom?: number; diagnostics: Diagnostic[] }
  | { ok: false; diagnostics: Diagnostic[] };

function fail(code: string, message: string, path: (string | number)[] = []): LoadResult {
  return {
    ok: false,
    diagnostics: [{ code, severity: 'error', message, target: { kind: 'document', path } }],
  };
}

export function loadDocument(input: unknown): LoadResult {
  try {
    return loadUnsafe(input);
  } catch (e) {
    const reason = e instanceof RangeError ? 'it is nested too deeply' : 'of an internal error';
    return fail('format.unreadable', `The document could not be read because ${reason}.`);
  }
}

function loadUnsafe(input: unknown): LoadResult {
  let raw = input;
  if (typeof input === 'string') {
    const parsed = parseJsonText(input);
    if (!parsed.ok) return { ok: false, diagnostics: [parsed.diagnostic] };
    raw = parsed.value;
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    return fail('format.not-object', 'A Cepheus pattern document must be a JSON object ({ … }).');
  const obj = raw as Record<string, unknown>;
  if (obj.format !== FORMAT_ID)
    return fail(
      'format.not-cepheus',
      obj.format === undefined
        ? `This is not a Cepheus pattern document: "format" is missing (expected "${FORMAT_ID}").`
        : `This is not a Cepheus pattern document: format is ${JSON.stringify(obj.format)}, expected "${FORMAT_ID}".`,
      ['format'],
    );
  const version = obj.version;
  if (version === undefined)
    return fail('format.no-version', 'version is missing: it must be the format version number, such as 1.', [
      'version',
    ]);
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0)
    return fail('format.bad-version', `version must be a whole number ≥ 0, not ${JSON.stringify(version)}.`, [
      'version',
    ]);
  if (version > CURRENT_VERSION)
    return fail(
      'format.newer-version',
      `This file was written by a newer Cepheus (format version ${version}); this version reads up to ${CURRENT_VERSION}.`,
      ['version'],
    );

  const tooBig = sizeProblem(obj);
  if (tooBig !== null) return fail('format.too-large', tooBig, ['nodes']);

  let current: unknown = raw;
  for (let v = version; v < CURRENT_VERSION; v++) {
    const step = MIGRATIONS[v];
    const checked = step.schema.safeParse(current);
    if (!checked.success)
      return {
        ok: false,
        diagnostics: issuesToDiagnostics(checked.error.issues, current, ` (format version ${v})`),
      };
    current = step.migrate(checked.data);
  }

  const result = PatternDocumentSchema.safeParse(current);
  if (!result.success) {
    const note = version < CURRENT_VERSION ? ` (after upgrading from format version ${version})` : '';
    return { ok: false, diagnostics: issuesToDiagnostics(result.error.issues, current, note) };
  }
  const diagnostics = checkIntegrity(result.data);
  if (diagnostics.some((d) => d.severity === 'error')) return { ok: false, diagnostics };
  return version < CURRENT_VERSION
    ? { ok: true, document: result.data, migratedFrom: version, diagnostics }
    : { ok: true, document: result.data, diagnostics };
}
