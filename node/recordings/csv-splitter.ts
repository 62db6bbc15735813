/**
 * Cuts CSV text into records, fed chunk by chunk. The common case — a line without any quote —
 * is split with String.split, which is many times faster than a general parser. A record with a
 * quote (escaped quotes, delimiters or line breaks inside a cell, broken quoting) is cut out by a
 * small quote-aware scan and handed to csv-parse, which knows every corner of the format and
 * words the errors. Blank lines are skipped but counted, so every record keeps its start line.
 */
import { parse } from 'csv-parse/sync';
import type { CsvDelimiter } from './formats';
import { SourceFormatError } from './source-row';

export type CsvRecord = { line: number; cells: string[] } | { line: number; problem: string };

/**
 * Where records go, in file order. `quoteFree`, when given, is offered every line without a quote
 * before it is split: text[start, end) (line break and CR excluded); true means it took the line.
 */
export interface CsvSink {
  record(record: CsvRecord): void;
  quoteFree?(text: string, start: number, end: number, line: number): boolean;
}

/** A quoted cell longer than this is almost surely a quote that is never closed. */
const MAX_RECORD_CHARS = 64 * 1024 * 1024;

const QUOTE = 0x22;
const NEWLINE = 0x0a;
const RETURN = 0x0d;

function countNewlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) n += 1;
  return n;
}

export class CsvSplitter {
  private carry = '';
  private line = 1;

  constructor(private readonly delimiter: CsvDelimiter) {}

  /** Splits every complete record of `chunk` (plus what was carried over) into `out`. */
  push(chunk: string, out: CsvRecord[]): void {
    this.pushTo(chunk, { record: (record) => out.push(record) });
  }

  /** The same, each record handed to `sink` as it is cut (quote-free lines offered first). */
  pushTo(chunk: string, sink: CsvSink): void {
    const text = this.carry === '' ? chunk : this.carry + chunk;
    let pos = 0;
    // Where the next quote is; searched again only once passed, so quote-free text is scanned once.
    let quote = text.indexOf('"');
    for (;;) {
      const nl = text.indexOf('\n', pos);
      if (nl === -1) break;
      if (quote !== -1 && quote < pos) quote = text.indexOf('"', pos);
      if (quote !== -1 && quote < nl) {
        const end = this.quotedRecordEnd(text, pos);
        if (end === -1) break;
        this.addQuoted(text.slice(pos, end), sink);
        pos = end + 1;
        continue;
      }
      const lineEnd = nl > pos && text.charCodeAt(nl - 1) === RETURN ? nl - 1 : nl;
      if (lineEnd > pos && !sink.quoteFree?.(text, pos, lineEnd, this.line))
        sink.record({ line: this.line, cells: text.slice(pos, lineEnd).split(this.delimiter) });
      this.line += 1;
      pos = nl + 1;
    }
    this.carry = pos === 0 ? text : text.slice(pos);
    if (this.carry.length > MAX_RECORD_CHARS) {
      throw new SourceFormatError(this.line, 'a record is longer than 64 MiB; is a quote never closed?');
    }
  }

  /** Call after the last chunk: the text after the last line break is a record too. */
  end(out: CsvRecord[]): void {
    this.endTo({ record: (record) => out.push(record) });
  }

  endTo(sink: CsvSink): void {
    const rest = this.carry.endsWith('\r') ? this.carry.slice(0, -1) : this.carry;
    this.carry = '';
    if (rest === '') return;
    if (rest.includes('"')) this.addQuoted(rest, sink);
    else if (!sink.quoteFree?.(rest, 0, rest.length, this.line))
      sink.record({ line: this.line, cells: rest.split(this.delimiter) });
  }

  /**
   * Index of the line break that ends the record starting at `start`, honouring quoted cells
   * (a quote opens a cell only at its start; "" inside is an escaped quote), or -1 when the
   * record continues past the text seen so far.
   */
  private quotedRecordEnd(text: string, start: number): number {
    const delimiter = this.delimiter.charCodeAt(0);
    let inQuotes = false;
    let justClosed = false;
    let cellStart = true;
    for (let i = start; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (inQuotes) {
        if (c === QUOTE) {
          inQuotes = false;
          justClosed = true;
        }
        continue;
      }
      if (c === QUOTE && (cellStart || justClosed)) {
        // Opens a quoted cell, or is the second quote of an escaped "" inside one.
        inQuotes = true;
        justClosed = false;
        continue;
      }
      if (c === NEWLINE) return i;
      justClosed = false;
      cellStart = c === delimiter;
    }
    return -1;
  }

  private addQuoted(record: string, sink: CsvSink): void {
    const line = this.line;
    this.line += countNewlines(record, 0, record.length) + 1;
    const body = record.endsWith('\r') ? record.slice(0, -1) : record;
    try {
      const rows: string[][] = parse(body, { delimiter: this.delimiter, relax_column_count: true });
      sink.record({ line, cells: rows[0] ?? [''] });
    } catch (error) {
      sink.record({ line, problem: quotingProblem(error, line) });
    }
  }
}

/** csv-parse's error in words a user can act on (the line is reported beside it). */
function quotingProblem(error: unknown, line: number): string {
  switch ((error as { code?: unknown }).code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'a quoted value starts here and is never closed (a " is missing)';
    case 'INVALID_OPENING_QUOTE':
      return 'a " inside a value that is not quoted (quote the whole value and write the " as "")';
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return 'text after the closing " of a quoted value (inside quotes, write a " as "")';
    default:
      return `CSV: ${relativeLines((error as Error).message, line)}`;
  }
}

/** csv-parse counts lines from the start of the record it was given; say the file's line instead. */
function relativeLines(message: string, firstLine: number): string {
  return message.replace(/\bat line (\d+)/g, (_m, n: string) => `at line ${Number(n) + firstLine - 1}`);
}
