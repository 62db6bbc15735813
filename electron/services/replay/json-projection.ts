/**
 * Decodes only some top-level fields of a stored payload: the analysis of a recording reads the few
 * fields its pattern reads (card-testing: 4 of 11), and JSON.parse of every event's whole object,
 * then collecting those objects, was most of its time.
 *
 * Payloads are JSON texts the import wrote, so valid JSON. A flat object (no nested object or array,
 * no backslash escape: what every CSV import stores) is read in place: every quote then delimits a
 * string, and a wanted field is its name in quotes followed by a colon, the last one winning as in
 * JSON.parse. Any other text goes to JSON.parse and is projected from its result. Either way a kept
 * field has the value JSON.parse gives it. The fast path checks the object's braces and the values
 * it keeps, not the members it skips: a stored text damaged inside those reads without an error.
 */

const QUOTE = 34;
const COLON = 58;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const MINUS = 45;
const PLUS = 43;
const DOT = 46;
const ZERO = 48;
const NINE = 57;

/**
 * A name the in-place search can find: no character that may follow a closing quote comes first, so
 * the quote before it opens a string. (A name that needs escapes is never found in a text without
 * backslashes, and a text with one is parsed whole.)
 */
const FINDABLE_NAME = /^[^\s,:}\]]/u;

export class JsonProjection {
  private readonly wanted: ReadonlySet<string>;
  /** Each wanted name in quotes, as the fast path looks for it. */
  private readonly quoted: readonly { name: string; text: string }[];
  /** Every wanted name is findable in place (else every text goes to JSON.parse). */
  private readonly inPlace: boolean;

  constructor(readonly fields: readonly string[]) {
    this.wanted = new Set(fields);
    this.quoted = [...this.wanted].map((name) => ({ name, text: `"${name}"` }));
    this.inPlace = [...this.wanted].every((f) => FINDABLE_NAME.test(f));
  }

  /**
   * The wanted fields of a JSON object text (those present), valued as JSON.parse values them;
   * any other JSON value whole. Throws what JSON.parse throws on a text it cannot read.
   */
  decode(text: string): unknown {
    return (this.inPlace ? this.flat(text) : undefined) ?? this.whole(text);
  }

  /** JSON.parse's answer, projected the same way (or its error). */
  private whole(text: string): unknown {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value))
      if (this.wanted.has(k)) setField(out, k, (value as Record<string, unknown>)[k]);
    return out;
  }

  /** The projection of a flat object text without escapes, read in place; undefined for any other text. */
  private flat(text: string): Record<string, unknown> | undefined {
    const open = skipWs(text, 0);
    if (text.charCodeAt(open) !== OPEN_BRACE || text.charCodeAt(lastNonWs(text)) !== CLOSE_BRACE)
      return undefined;
    const first = text.charCodeAt(skipWs(text, open + 1));
    if (first !== QUOTE && first !== CLOSE_BRACE) return undefined;
    if (text.indexOf('\\') !== -1 || text.indexOf('{', open + 1) !== -1 || text.indexOf('[') !== -1)
      return undefined;
    const out: Record<string, unknown> = {};
    for (const q of this.quoted) {
      // The last occurrence followed by a colon is the member JSON.parse keeps; others are values.
      let at = text.lastIndexOf(q.text);
      let colon = -1;
      while (at > open) {
        colon = skipWs(text, at + q.text.length);
        if (text.charCodeAt(colon) === COLON) break;
        at = text.lastIndexOf(q.text, at - 1);
      }
      if (at <= open) continue;
      const start = skipWs(text, colon + 1);
      const value = scalarAt(text, start);
      if (value === NOT_SCALAR) return undefined;
      setField(out, q.name, value);
    }
    return out;
  }
}

const NOT_SCALAR = Symbol('not a scalar');

/** V8 copies shorter slices (SlicedString::kMinLength is 13). */
const SHARED_SLICE = 12;

/** The string, number, true, false or null starting at i (no escapes in the text), as JSON.parse reads it. */
function scalarAt(text: string, i: number): unknown {
  const c = text.charCodeAt(i);
  if (c === QUOTE) {
    const end = text.indexOf('"', i + 1);
    if (end === -1) return NOT_SCALAR;
    // A slice of 13 characters or more shares the payload text and keeps all of it alive as long
    // as the event (checkpoints hold events for the whole session): parsed, it is a string of its own.
    return end - i > SHARED_SLICE ? (JSON.parse(text.slice(i, end + 1)) as string) : text.slice(i + 1, end);
  }
  if (c === MINUS || (c >= ZERO && c <= NINE)) {
    const end = numberEnd(text, i);
    // A number in JSON's grammar: Number() reads it as JSON.parse does.
    return end === -1 ? NOT_SCALAR : Number(text.slice(i, end));
  }
  if (text.startsWith('true', i)) return true;
  if (text.startsWith('false', i)) return false;
  if (text.startsWith('null', i)) return null;
  return NOT_SCALAR;
}

/** JSON whitespace: space, tab, line feed, carriage return. */
function skipWs(text: string, i: number): number {
  for (;;) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 10 && c !== 13 && c !== 9) return i;
    i++;
  }
}

function lastNonWs(text: string): number {
  let i = text.length - 1;
  while (i >= 0) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 10 && c !== 13 && c !== 9) return i;
    i--;
  }
  return i;
}

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

/** As JSON.parse sets it: `__proto__` becomes an own field, not the object's prototype. */
function setField(out: Record<string, unknown>, name: string, value: unknown): void {
  if (name === '__proto__')
    Object.defineProperty(out, name, { value, writable: true, enumerable: true, configurable: true });
  else out[name] = value;
}
