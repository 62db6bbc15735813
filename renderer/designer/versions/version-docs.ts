/** Stored versions as documents, fetched once per panel and kept (versions never change). */
import type { CepApi } from '../../../electron/contract';
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

/** A version, or the canvas' working copy (`version` null), as one side of a comparison. */
export interface CompareSide {
  version: number | null;
  /** "v4 “first cut”" or "Canvas". */
  label: string;
  document: PatternDocument;
}

export type VersionKey = number | 'canvas';

export function sideLabel(version: number | null, message: string | null | undefined): string {
  if (version === null) return 'Canvas (working copy)';
  return message ? `v${version} “${message}”` : `v${version}`;
}
