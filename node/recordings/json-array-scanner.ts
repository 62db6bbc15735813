/**
 * Incremental scanner for a top-level JSON array: it is fed text chunks of any size and cuts out
 * the source text of each element, with the line it starts on. Only structure is tracked here
 * (strings, brackets, commas); each element is then parsed on its own, so a 1 GB array never
 * has to be held in memory and one bad element does not hide the others.
 */
import { SourceFormatError } from './source-row';

export interface ScannedElement {
  line: number;
  text: string;
}

type State = 'start' | 'first' | 'afterComma' | 'element' | 'afterElement' | 'done';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const NEWLINE = 0x0a;

function isSpace(c: number): boolean {
  return c === 0x20 || c === NEWLINE || c === 0x0d || c === 0x09;
}

export class JsonArrayScanner {
  private state: State = 'start';
  private line = 1;
  /** Open brackets of the current element ('{' or '['), innermost last. */
  private stack: number[] = [];
  private inString = false;
  private escaped = false;
  private parts: string[] = [];
  private elementLine = 0;

  /** Scans one chunk; completed elements are appended to `out`. */
  push(chunk: string, out: ScannedElement[]): void {
    const n = chunk.length;
    let start = this.state === 'element' ? 0 : -1;
    let i = 0;
    while (i < n) {
      if (this.state === 'element') {
        i = this.scanElement(chunk, i, start, out);
        if (this.state !== 'element') start = -1;
        continue;
      }
      const c = chunk.charCodeAt(i);
      if (isSpace(c)) {
        if (c === NEWLINE) this.line += 1;
        i += 1;
        continue;
      }
      if (this.state === 'start') {
        if (c !== 0x5b)
          throw new SourceFormatError(this.line, `a JSON array must start with '[', found '${chunk[i]}'`);
        this.state = 'first';
        i += 1;
      } else if (this.state === 'done') {
        throw new SourceFormatError(this.line, `unexpected '${chunk[i]}' after the closing ']' of the array`);
      } else if (this.state === 'afterElement') {
        if (c === 0x2c) this.state = 'afterComma';
        else if (c === 0x5d) this.state = 'done';
        else
          throw new SourceFormatError(
            this.line,
            `expected ',' or ']' between array elements, found '${chunk[i]}'`,
          );
        i += 1;
      } else if (c === 0x5d && this.state === 'first') {
        this.state = 'done';
        i += 1;
      } else if (c === 0x5d || c === 0x2c) {
        throw new SourceFormatError(this.line, `expected an array element, found '${chunk[i]}'`);
      } else {
        this.state = 'element';
        this.elementLine = this.line;
        start = i;
      }
    }
    if (this.state === 'element' && start >= 0) this.parts.push(chunk.slice(start));
  }

  /** Call after the last chunk: the array must have been closed. */
  end(): void {
    if (this.state === 'start')
      throw new SourceFormatError(this.line, 'the file is empty; expected a JSON array');
    if (this.state !== 'done')
      throw new SourceFormatError(
        this.line,
        "the JSON array is not closed: ']' is missing at the end of the file",
      );
  }

  /** Advances through an element from `i`; returns where scanning continues. */
  private scanElement(chunk: string, i: number, start: number, out: ScannedElement[]): number {
    const n = chunk.length;
    for (; i < n; i++) {
      const c = chunk.charCodeAt(i);
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === BACKSLASH) this.escaped = true;
        else if (c === QUOTE) this.inString = false;
        continue;
      }
      if (c === QUOTE) {
        this.inString = true;
      } else if (c === 0x7b || c === 0x5b) {
        this.stack.push(c);
      } else if (c === 0x7d || c === 0x5d) {
        if (this.stack.length === 0) {
          // ']' right after a scalar element closes the array.
          this.finish(chunk, start, i, out);
          return i;
        }
        const open = this.stack.pop();
        if ((c === 0x7d) !== (open === 0x7b)) {
          throw new SourceFormatError(
            this.line,
            `'${chunk[i]}' does not match the '${String.fromCharCode(open!)}' it closes`,
          );
        }
        if (this.stack.length === 0) {
          this.finish(chunk, start, i + 1, out);
          return i + 1;
        }
      } else if (this.stack.length === 0 && (c === 0x2c || isSpace(c))) {
        // End of a scalar element (number, true, ...); the separator is handled by the caller.
        this.finish(chunk, start, i, out);
        return i;
      } else if (c === NEWLINE) {
        this.line += 1;
      }
    }
    return i;
  }

  private finish(chunk: string, start: number, endExclusive: number, out: ScannedElement[]): void {
    this.parts.push(chunk.slice(Math.max(start, 0), endExclusive));
    out.push({ line: this.elementLine, text: this.parts.length === 1 ? this.parts[0] : this.parts.join('') });
    this.parts = [];
    this.state = 'afterElement';
  }
}
