/** JSON Lines: one JSON object per line; blank lines are ignored. */
import { parseJsonRecord } from './json-record';
import { SourceFormatError, type SourceRow } from './source-row';

/** A longer line is almost surely not JSON Lines (or a runaway file); stop before memory runs out. */
const MAX_LINE_CHARS = 64 * 1024 * 1024;

function parseLine(text: string, line: number): SourceRow {
  const parsed = parseJsonRecord(text, line);
  return 'problem' in parsed
    ? { line, problem: parsed.problem }
    : { line, record: parsed.record, json: text };
}

function toRow(raw: string, line: number): SourceRow | null {
  const text = raw.trim();
  return text === '' ? null : parseLine(text, line);
}

export async function* readJsonLines(chunks: AsyncIterable<string>): AsyncGenerator<SourceRow[]> {
  let carry = '';
  let line = 1;
  for await (const chunk of chunks) {
    const batch: SourceRow[] = [];
    const text = carry + chunk;
    let start = 0;
    for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
      const row = toRow(text.slice(start, nl), line);
      if (row) batch.push(row);
      line += 1;
      start = nl + 1;
    }
    carry = text.slice(start);
    if (carry.length > MAX_LINE_CHARS)
      throw new SourceFormatError(line, 'line is longer than 64 MiB; is this really JSON Lines?');
    if (batch.length > 0) yield batch;
  }
  const last = toRow(carry, line);
  if (last) yield [last];
}
