/** A JSON array of event objects, read element by element. */
import { JsonArrayScanner, type ScannedElement } from './json-array-scanner';
import { isPlainObject, kindOf, type SourceRow } from './source-row';

function toRow({ line, text }: ScannedElement): SourceRow {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { line, problem: `invalid JSON: ${(error as Error).message}` };
  }
  if (!isPlainObject(value)) return { line, problem: `expected a JSON object, found ${kindOf(value)}` };
  // Pretty-printed elements are stored compactly; one-line elements are kept as written.
  return text.includes('\n') ? { line, record: value } : { line, record: value, json: text };
}

export async function* readJsonArray(chunks: AsyncIterable<string>, options: { partial?: boolean } = {}): AsyncGenerator<SourceRow[]> {
  const scanner = new JsonArrayScanner();
  for await (const chunk of chunks) {
    const elements: ScannedElement[] = [];
    scanner.push(chunk, elements);
    if (elements.length > 0) yield elements.map(toRow);
  }
  if (!options.partial) scanner.end();
}
