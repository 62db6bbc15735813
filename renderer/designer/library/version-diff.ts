/** What a stored version changed in meaning, compared with the version before it (layout ignored). */
import type { CepApi } from '../../../electron/contract';
import { diffDocuments, type SemanticChange } from '../../../engine/format/diff';
import { loadDocument } from '../../../engine/format/load';
import type { PatternDocument } from '../../../engine/format/schema';

export async function fetchVersionDocument(
  api: CepApi,
  id: string,
  version: number,
): Promise<PatternDocument> {
  const stored = await api.patterns.getVersion({ id, version });
  const loaded = loadDocument(stored.document);
  if (!loaded.ok)
    throw new Error(
      `Version ${version} cannot be read: ${loaded.diagnostics[0]?.message ?? 'invalid document'}`,
    );
  return loaded.document;
}

export interface VersionChanges {
  version: number;
  document: PatternDocument;
  /** Against the previous version; null for version 1 (it created the pattern). */
  changes: SemanticChange[] | null;
}

export async function versionChanges(api: CepApi, id: string, version: number): Promise<VersionChanges> {
  const document = await fetchVersionDocument(api, id, version);
  if (version <= 1) return { version, document, changes: null };
  const previous = await fetchVersionDocument(api, id, version - 1);
  return { version, document, changes: diffDocuments(previous, document) };
}
