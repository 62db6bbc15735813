/** Runtime implementations of the string and math functions; wrong argument types give null. */

export type Impl = (a: unknown, b: unknown, c: unknown) => unknown;

const num = (v: unknown): v is number => typeof v === 'number';
const str = (v: unknown): v is string => typeof v === 'string';

export const BUILTINS: Readonly<Record<string, Impl>> = {
  contains: (a, b) => (str(a) && str(b) ? a.includes(b) : null),
  startsWith: (a, b) => (str(a) && str(b) ? a.startsWith(b) : null),
  endsWith: (a, b) => (str(a) && str(b) ? a.endsWith(b) : null),
  lower: (a) => (str(a) ? a.toLowerCase() : null),
  upper: (a) => (str(a) ? a.toUpperCase() : null),
  length: (a) => (str(a) || Array.isArray(a) ? a.length : null),
  trim: (a) => (str(a) ? a.trim() : null),
  substring: (a, b, c) => {
    if (!str(a) || !num(b) || !(c === undefined || num(c))) return null;
    return a.substring(Math.trunc(b), c === undefined ? a.length : Math.trunc(c));
  },
  abs: (a) => (num(a) ? Math.abs(a) : null),
  round: (a) => (num(a) ? Math.floor(a + 0.5) : null),
  floor: (a) => (num(a) ? Math.floor(a) : null),
  ceil: (a) => (num(a) ? Math.ceil(a) : null),
  sqrt: (a) => (num(a) && a >= 0 ? Math.sqrt(a) : null),
  pow: (a, b) => (num(a) && num(b) ? Math.pow(a, b) : null),
  min: (a, b) => (num(a) && num(b) ? Math.min(a, b) : null),
  max: (a, b) => (num(a) && num(b) ? Math.max(a, b) : null),
};
