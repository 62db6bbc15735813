/** A JSON array of event objects, read element by element. */
import { JsonArrayScanner, type ScannedElement } from './json-array-scanner';
import { parseJsonRecord } from './json-record';
import type { SourceRow } from './source-row';

function toRow({ line, text }: ScannedElement): SourceRow {
  const parsed = parseJsonRecord(text, line);
  if ('problem' in parsed) return { line, problem: parsed.problem };
  // Pretty-printed elements are stored compactly; one-line elements are kept as written.
  return text.includes('\n') ? { line, record: parsed.record } : { line, record: parsed.record, json: text };
}

export async function* readJsonArray(
  chunks: AsyncIterable<string>,
  options: { partial?: boolean } = {},
): AsyncGenerator<SourceRow[]> {
  const scanner = new JsonArrayScanner();
  for await (const chunk of chunks) {
    const elements: ScannedElement[] = [];
    scanner.push(chunk, elements);
    if (elements.length > 0) yield elements.map(toRow);
  }
  if (!options.partial) scanner.end();
}
