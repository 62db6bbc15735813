/**
 * The JSON view's rules, as pure functions: the text of a document, and what an edited text means —
 * a new document (it parses and loads), no change (same document), or errors that leave the canvas
 * alone.
 */
import { parseJsonText } from '../../../engine/format/json-text';
import { loadDocument } from '../../../engine/format/load';
import type { PatternDocument } from '../../../engine/format/schema';
import { serializeDocument } from '../../../engine/format/serialize';
import type { Diagnostic } from '../../../engine/pattern/diagnostic';
import { inWords } from '../../../engine/problems';

export const JSON_MODEL_URI = 'cepheus://pattern/document.cep.json';

export function documentText(doc: PatternDocument): string {
  return serializeDocument(doc);
}

export type JsonEdit =
  | { kind: 'unchanged' }
  | { kind: 'replace'; document: PatternDocument; warnings: Diagnostic[] }
  | { kind: 'invalid'; diagnostics: Diagnostic[] };

export function interpretJson(text: string, current: PatternDocument | null): JsonEdit {
  const loaded = loadDocument(text);
  if (!loaded.ok) {
    // The same loader as a stored pattern, in the same words as the designer's problems ("the upper
    // count (to) of stage "probe"" rather than "nodes[0].quantifier.to"); the path stays for the markers.
    const parsed = parseJsonText(text);
    const root = parsed.ok ? parsed.value : undefined;
    return { kind: 'invalid', diagnostics: loaded.diagnostics.map((d) => inWords(d, root)) };
  }
  if (current && serializeDocument(loaded.document) === serializeDocument(current))
    return { kind: 'unchanged' };
  return { kind: 'replace', document: loaded.document, warnings: loaded.diagnostics };
}
