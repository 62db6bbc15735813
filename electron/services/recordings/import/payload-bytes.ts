/**
 * A batch's payloads as UTF-8 bytes in one buffer with their ends, instead of one string each:
 * the CSV byte path (csv-line-encoder.ts) writes a row's JSON straight into it, so the parse
 * worker makes no string per payload, and the buffer is transferred to the importer, not cloned.
 * The importer turns it back into strings (`payloadStrings`): one decode of the whole buffer
 * when every byte is ASCII (then byte ends are string ends), cut into slices that share it.
 */
import { Buffer } from 'node:buffer';

export interface PackedPayloads {
  /** UTF-8 bytes; payload i is data[ends[i - 1] ?? 0, ends[i]). May be longer than the last end. */
  data: Uint8Array<ArrayBuffer>;
  ends: Uint32Array<ArrayBuffer>;
  /** Every byte below 0x80. */
  ascii: boolean;
}

export class PayloadBytes {
  data: Uint8Array<ArrayBuffer>;
  length = 0;
  ascii = true;
  private ends: Uint32Array<ArrayBuffer>;
  private count = 0;

  constructor(bytes = 64 * 1024, rows = 256) {
    this.data = new Uint8Array(bytes);
    this.ends = new Uint32Array(rows);
  }

  get rows(): number {
    return this.count;
  }

  /** Room for `n` more bytes (the byte path writes data[length++] directly after this). */
  reserve(n: number): void {
    const need = this.length + n;
    if (need <= this.data.length) return;
    const grown = new Uint8Array(Math.max(need, this.data.length * 2));
    grown.set(this.data.subarray(0, this.length));
    this.data = grown;
  }

  /** Ends the payload written since the last end. */
  end(): void {
    if (this.count === this.ends.length) {
      const grown = new Uint32Array(this.ends.length * 2);
      grown.set(this.ends);
      this.ends = grown;
    }
    this.ends[this.count++] = this.length;
  }

  /** Appends a whole payload given as text. */
  addString(text: string): void {
    this.reserve(text.length * 3);
    const written = Buffer.from(this.data.buffer, this.data.byteOffset, this.data.length).write(
      text,
      this.length,
      'utf8',
    );
    if (written !== text.length) this.ascii = false;
    this.length += written;
    this.end();
  }

  packed(): PackedPayloads {
    return { data: this.data, ends: this.ends.slice(0, this.count), ascii: this.ascii };
  }
}

/** The payloads as strings (what the importer binds). */
export function payloadStrings(packed: PackedPayloads): string[] {
  const { data, ends, ascii } = packed;
  const n = ends.length;
  const out = new Array<string>(n);
  if (n === 0) return out;
  const bytes = Buffer.from(data.buffer, data.byteOffset, ends[n - 1]);
  let start = 0;
  if (ascii) {
    const text = bytes.toString('latin1');
    for (let i = 0; i < n; i++) out[i] = text.slice(start, (start = ends[i]));
  } else for (let i = 0; i < n; i++) out[i] = bytes.toString('utf8', start, (start = ends[i]));
  return out;
}
