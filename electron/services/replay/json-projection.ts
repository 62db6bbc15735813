/**
 * Decodes only some top-level fields of a stored payload: the analysis of a recording reads the few
 * fields its pattern reads (card-testing: 4 of 11), and JSON.parse of every event's whole object,
 * then collecting those objects, was most of its time.
 *
 * A compact flat object text (no whitespace between tokens, no nested object or array, no
 * backslash: what every import writes) is read in one pass, in place. Without a backslash every
 * quote delimits a string, so the pass jumps from quote to quote, checks each member against JSON's
 * grammar (name, colon, value, then a comma or the closing brace that ends the text) and decodes
 * only the members it keeps, the last one of a name winning as in JSON.parse. Any other text goes to
 * JSON.parse and is projected from its result. Either way a kept field has the value JSON.parse
 * gives it, and a text JSON.parse refuses throws its error; the one damage the pass does not look
 * for is a raw control character inside a string it skips (JSON.stringify never writes one).
 */

const QUOTE = 34;
const COMMA = 44;
const COLON = 58;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const MINUS = 45;
const PLUS = 43;
const DOT = 46;
const ZERO = 48;
const NINE = 57;

/** Powers of ten a double holds exactly (10^22 is the last). */
const EXACT_POWERS = Array.from({ length: 23 }, (_, i) => 10 ** i);

export class JsonProjection {
  private readonly wanted: ReadonlySet<string>;
  /** The wanted names, and their lengths (compared first: most names differ in length). */
  readonly names: readonly string[];
  private readonly lengths: readonly number[];

  /**
   * `ownStrings`: long string values are copied out of the payload text (see scan). A reader whose
   * values are copied anyway (posted to another thread) passes false.
   */
  constructor(
    readonly fields: readonly string[],
    private readonly ownStrings = true,
  ) {
    this.wanted = new Set(fields);
    this.names = [...this.wanted];
    this.lengths = this.names.map((n) => n.length);
  }

  /**
   * The wanted fields of a JSON object text (those present), valued as JSON.parse values them;
   * any other JSON value whole. Throws what JSON.parse throws on a text it cannot read.
   */
  decode(text: string): unknown {
    const n = this.scan(text);
    if (n < 0) return this.whole(text);
    const out: Record<string, unknown> = {};
    const { found, values, names } = this;
    for (let k = 0; k < n; k++) setField(out, names[found[k]], values[k]);
    return out;
  }

  /** Per kept member of the last scan: its index into `names`, and its value. */
  readonly found: number[] = [];
  readonly values: unknown[] = [];

  /** JSON.parse's answer, projected the same way (or its error). */
  private whole(text: string): unknown {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value))
      if (this.wanted.has(k)) setField(out, k, (value as Record<string, unknown>)[k]);
    return out;
  }

  /**
   * The kept members of a compact flat object text, read in one pass, in text order (a name may
   * repeat: the last value wins, at the first one's place): their count, with `found` (index into
   * `names`) and `values` filled up to it; -1 for any other text (nested, escaped, spaced, or not
   * JSON at all: JSON.parse then answers or throws).
   */
  scan(text: string): number {
    const n = text.length;
    if (
      text.charCodeAt(0) !== OPEN_BRACE ||
      text.charCodeAt(n - 1) !== CLOSE_BRACE ||
      text.indexOf('\\') !== -1
    )
      return -1;
    const { names, lengths, found: kept, values } = this;
    let count = 0;
    let i = 1;
    if (n === 2) return 0;
    for (;;) {
      // A member: "name":value, then a comma or the closing brace.
      if (text.charCodeAt(i) !== QUOTE) return -1;
      const nameEnd = text.indexOf('"', i + 1);
      if (nameEnd === -1 || text.charCodeAt(nameEnd + 1) !== COLON) return -1;
      const length = nameEnd - i - 1;
      let found = -1;
      for (let k = 0; k < names.length; k++)
        if (lengths[k] === length && text.startsWith(names[k], i + 1)) {
          found = k;
          break;
        }
      const start = nameEnd + 2;
      const c = text.charCodeAt(start);
      let end: number;
      let value: unknown;
      if (c === QUOTE) {
        end = text.indexOf('"', start + 1) + 1;
        if (end === 0) return -1;
        // A slice of 13 characters or more shares the payload text and would keep all of it alive
        // as long as the event (checkpoints hold events for the whole session): such a string is
        // parsed into one of its own.
        if (found !== -1)
          value =
            this.ownStrings && end - start > SHARED_SLICE + 1
              ? (JSON.parse(text.slice(start, end)) as string)
              : text.slice(start + 1, end - 1);
      } else if (c === MINUS || (c >= ZERO && c <= NINE)) {
        // Not a number: end is -1, and the member's end check below refuses the text.
        end = numberEnd(text, start);
        if (found !== -1 && end !== -1) value = numberAt(text, start, end);
      } else if (c === 116 && text.startsWith('true', start)) {
        end = start + 4;
        value = true;
      } else if (c === 102 && text.startsWith('false', start)) {
        end = start + 5;
        value = false;
      } else if (c === 110 && text.startsWith('null', start)) {
        end = start + 4;
        value = null;
      } else return -1; // nested, or not JSON
      if (found !== -1) {
        kept[count] = found;
        values[count++] = value;
      }
      const next = text.charCodeAt(end);
      if (next === COMMA) i = end + 1;
      else return next === CLOSE_BRACE && end === n - 1 ? count : -1;
    }
  }
}

/** V8 copies shorter slices (SlicedString::kMinLength is 13). */
const SHARED_SLICE = 12;

function isDigit(c: number): boolean {
  return c >= ZERO && c <= NINE;
}

/** Just past -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)? starting at i, or -1. */
function numberEnd(text: string, i: number): number {
  if (text.charCodeAt(i) === MINUS) i++;
  const first = text.charCodeAt(i);
  if (first === ZERO) i++;
  else if (first > ZERO && first <= NINE) while (isDigit(text.charCodeAt(++i)));
  else return -1;
  if (text.charCodeAt(i) === DOT) {
    if (!isDigit(text.charCodeAt(++i))) return -1;
    while (isDigit(text.charCodeAt(++i)));
  }
  const e = text.charCodeAt(i);
  if (e === 101 || e === 69) {
    const s = text.charCodeAt(++i);
    if (s === PLUS || s === MINUS) i++;
    if (!isDigit(text.charCodeAt(i))) return -1;
    while (isDigit(text.charCodeAt(++i)));
  }
  return i;
}

/**
 * The number JSON.parse reads from the valid number text [start, end). Up to 15 digits and no
 * exponent: the digits as an integer (exact below 2^53) over a power of ten (exact up to 10^22),
 * one correctly rounded division, which is the correctly rounded value of the decimal, as
 * JSON.parse gives it. Anything else: Number() of the text, which reads JSON numbers as JSON.parse.
 */
function numberAt(text: string, start: number, end: number): number {
  let i = start;
  const negative = text.charCodeAt(i) === MINUS;
  if (negative) i++;
  let digits = 0;
  let mantissa = 0;
  let scale = -1;
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === DOT) scale = 0;
    else if (c >= ZERO && c <= NINE) {
      mantissa = mantissa * 10 + (c - ZERO);
      digits++;
      if (scale >= 0) scale++;
    } else return Number(text.slice(start, end)); // an exponent
  }
  if (digits > 15) return Number(text.slice(start, end));
  const value = scale > 0 ? mantissa / EXACT_POWERS[scale] : mantissa;
  return negative ? -value : value;
}

/** As JSON.parse sets it: `__proto__` becomes an own field, not the object's prototype. */
export function setField(out: Record<string, unknown>, name: string, value: unknown): void {
  if (name === '__proto__')
    Object.defineProperty(out, name, { value, writable: true, enumerable: true, configurable: true });
  else out[name] = value;
}
