/** Tells CSV, JSON Lines and a JSON array apart by content, not by file name. */
import type { CsvDelimiter, SourceFormat } from './formats';
import { detectDelimiter } from './delimiter';

export interface SniffResult {
  format: SourceFormat;
  delimiter?: CsvDelimiter;
}

export function sniffFormat(sample: string): SniffResult {
  const first = /\S/.exec(sample)?.[0];
  if (first === '[') return { format: 'json-array' };
  if (first === '{') return { format: 'jsonl' };
  return { format: 'csv', delimiter: detectDelimiter(sample) };
}

/**
 * Reads chunks until at least `minChars` are buffered, so the format can be sniffed, and
 * returns them with an iterable that replays them before the rest of the stream.
 */
export async function peekText(
  chunks: AsyncIterable<string>,
  minChars: number,
): Promise<{ head: string; ended: boolean; all: AsyncIterable<string> }> {
  const iterator = chunks[Symbol.asyncIterator]();
  const buffered: string[] = [];
  let size = 0;
  let ended = false;
  while (size < minChars) {
    const next = await iterator.next();
    if (next.done) {
      ended = true;
      break;
    }
    buffered.push(next.value);
    size += next.value.length;
  }
  async function* all(): AsyncGenerator<string> {
    yield* buffered;
    if (ended) return;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  return { head: buffered.join(''), ended, all: all() };
}
