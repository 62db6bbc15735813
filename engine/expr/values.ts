/**
 * Runtime semantics shared by the compiled closures and the tracer:
 * missing and undefined are null; arithmetic with null (or with the wrong types) gives null;
 * comparisons involving null are false except the explicit `x == null` / `x != null` tests;
 * a value used as a condition counts as true only when it is exactly `true`.
 */
import type { EventRecord } from '../pattern/spec';

export type Getter = (record: unknown) => unknown;

/** Normalises what a field read returns: undefined and (prototype) functions are null. */
function norm(v: unknown): unknown {
  return v === undefined || typeof v === 'function' ? null : v;
}

function readKey(o: unknown, key: string): unknown {
  if (typeof o !== 'object' || o === null) return null;
  // '__proto__' would otherwise reach Object.prototype rather than an own field.
  if (key === '__proto__') return Object.hasOwn(o, key) ? norm((o as Record<string, unknown>)[key]) : null;
  return norm((o as Record<string, unknown>)[key]);
}

type FieldReader = (k: string) => Getter;
const read = (o: unknown, k: string): unknown =>
  typeof o === 'object' && o !== null ? norm((o as EventRecord)[k]) : null;

/**
 * One-field getters, one function literal per slot. V8 keeps a read site's feedback per function
 * literal, not per closure: one literal reading `o[k]` for every field goes megamorphic (a hash
 * probe of ~100 instructions per read, in every condition and guard). The first fields a process
 * reads get a literal of their own, whose read site sees one key; later ones share the last form.
 * (No code is generated: the renderer's CSP forbids eval.)
 */
const FIELD_READERS: readonly FieldReader[] = [
  (k) => (o) => (typeof o === 'object' && o !== null ? norm((o as EventRecord)[k]) : null),
  (k) => (o) => (typeof o === 'object' && o !== null ? norm((o as EventRecord)[k]) : null),
  (k) => (o) => (typeof o === 'object' && o !== null ? norm((o as EventRecord)[k]) : null),
  (k) => (o) => (typeof o === 'object' && o !== null ? norm((o as EventRecord)[k]) : null),
  (k) => (o) => (typeof o === 'object' && o !== null ? norm((o as EventRecord)[k]) : null),
  (k) => (o) => (typeof o === 'object' && o !== null ? norm((o as EventRecord)[k]) : null),
  (k) => (o) => (typeof o === 'object' && o !== null ? norm((o as EventRecord)[k]) : null),
  (k) => (o) => (typeof o === 'object' && o !== null ? norm((o as EventRecord)[k]) : null),
  (k) => (o) => (typeof o === 'object' && o !== null ? norm((o as EventRecord)[k]) : null),
  (k) => (o) => (typeof o === 'object' && o !== null ? norm((o as EventRecord)[k]) : null),
  (k) => (o) => (typeof o === 'object' && o !== null ? norm((o as EventRecord)[k]) : null),
  (k) => (o) => (typeof o === 'object' && o !== null ? norm((o as EventRecord)[k]) : null),
  (k) => (o) => (typeof o === 'object' && o !== null ? norm((o as EventRecord)[k]) : null),
  (k) => (o) => (typeof o === 'object' && o !== null ? norm((o as EventRecord)[k]) : null),
  (k) => (o) => (typeof o === 'object' && o !== null ? norm((o as EventRecord)[k]) : null),
  (k) => (o) => read(o, k),
];
const fieldSlots = new Map<string, number>();

function fieldGetter(key: string): Getter {
  // A property key is internalized: the read site's recorded name then matches by identity.
  const k = Object.keys({ [key]: 0 })[0] ?? key;
  let slot = fieldSlots.get(k);
  if (slot === undefined) {
    slot = fieldSlots.size;
    if (slot < FIELD_READERS.length - 1) fieldSlots.set(k, slot);
  }
  return FIELD_READERS[slot](k);
}

/** A getter for a constant field path, resolved once at compile time. */
export function pathGetter(keys: readonly string[]): Getter {
  if (keys.length === 0) return (o) => (o === undefined ? null : o);
  const [k0, k1, k2] = keys as [string, string?, string?];
  if (k0 === '__proto__' || k1 === '__proto__' || k2 === '__proto__' || keys.length > 3) {
    return (o) => {
      let v: unknown = o;
      for (const k of keys) v = readKey(v, k);
      return v;
    };
  }
  if (k1 === undefined) return fieldGetter(k0);
  if (k2 === undefined) {
    return (o) => readKey(typeof o === 'object' && o !== null ? (o as EventRecord)[k0] : null, k1);
  }
  return (o) => readKey(readKey(readKey(o, k0), k1), k2);
}

export function readDynamic(o: unknown, key: unknown): unknown {
  if (typeof key === 'number' && Number.isInteger(key)) return readKey(o, String(key));
  if (typeof key === 'string') return readKey(o, key);
  return null;
}

export const isNull = (v: unknown): boolean => v === null || v === undefined;

export function truthy(v: unknown): boolean {
  return v === true;
}

/** `a == b` when neither side is the literal null. */
export function equals(a: unknown, b: unknown): boolean {
  if (a === null || a === undefined || b === null || b === undefined) return false;
  return a === b;
}

export function notEquals(a: unknown, b: unknown): boolean {
  if (a === null || a === undefined || b === null || b === undefined) return false;
  return a !== b;
}

/** Orders two numbers or two strings; other pairs are incomparable (the comparison is false). */
export function relational(op: '<' | '<=' | '>' | '>=', a: unknown, b: unknown): boolean {
  if (!((typeof a === 'number' && typeof b === 'number') || (typeof a === 'string' && typeof b === 'string')))
    return false;
  switch (op) {
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    case '>=':
      return a >= b;
  }
}

export function add(a: unknown, b: unknown): unknown {
  if (typeof a === 'number' && typeof b === 'number') return a + b;
  if (typeof a === 'string' || typeof b === 'string') {
    const sa = scalarText(a);
    const sb = scalarText(b);
    return sa === null || sb === null ? null : sa + sb;
  }
  return null;
}

/** Text of a string, number or boolean for concatenation; null for anything else. */
function scalarText(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return null;
}

export function arith(op: '-' | '*' | '/' | '%', a: unknown, b: unknown): unknown {
  if (typeof a !== 'number' || typeof b !== 'number') return null;
  switch (op) {
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      return b === 0 ? null : a / b;
    case '%':
      return b === 0 ? null : a % b;
  }
}

export function inList(v: unknown, list: unknown): boolean {
  if (isNull(v) || !Array.isArray(list)) return false;
  for (const item of list) if (item === v) return true;
  return false;
}
