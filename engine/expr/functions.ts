/**
 * The functions of the condition language: one table drives arity checks, type checks, editor
 * completion/hover docs and Monaco's token list, so they cannot drift apart.
 */

/** Static types of the checker. 'event' is a whole bound event (first(stage)); 'any' is unknown. */
export type ExprType = 'number' | 'string' | 'boolean' | 'null' | 'list' | 'event' | 'object' | 'any';

export type FunctionKind = 'string' | 'math' | 'aggregate';

export interface FunctionDoc {
  name: string;
  /** Other spellings accepted for the same function (JS habits). */
  aliases: readonly string[];
  kind: FunctionKind;
  signature: string;
  description: string;
  example: string;
  minArgs: number;
  maxArgs: number;
  /** Usable as a method on its first argument: name.startsWith('a'). */
  method: boolean;
  /** Expected argument types (the last repeats); aggregates check their argument separately. */
  params: readonly ExprType[];
  returns: ExprType;
}

const fn = (d: Omit<FunctionDoc, 'aliases'> & { aliases?: string[] }): FunctionDoc => ({ aliases: [], ...d });

export const CONDITION_FUNCTIONS: readonly FunctionDoc[] = [
  fn({
    name: 'contains',
    aliases: ['includes'],
    kind: 'string',
    signature: 'contains(text, part): boolean',
    description: 'True when `text` contains `part`. Also written `text.includes(part)`.',
    example: "name.contains('pay')",
    minArgs: 2,
    maxArgs: 2,
    method: true,
    params: ['string', 'string'],
    returns: 'boolean',
  }),
  fn({
    name: 'startsWith',
    kind: 'string',
    signature: 'startsWith(text, prefix): boolean',
    description: 'True when `text` begins with `prefix`.',
    example: "name.startsWith('acc_')",
    minArgs: 2,
    maxArgs: 2,
    method: true,
    params: ['string', 'string'],
    returns: 'boolean',
  }),
  fn({
    name: 'endsWith',
    kind: 'string',
    signature: 'endsWith(text, suffix): boolean',
    description: 'True when `text` ends with `suffix`.',
    example: "name.endsWith('.eu')",
    minArgs: 2,
    maxArgs: 2,
    method: true,
    params: ['string', 'string'],
    returns: 'boolean',
  }),
  fn({
    name: 'matches',
    kind: 'string',
    signature: "matches(text, 'regex'): boolean",
    description:
      'True when the whole of `text` matches the regular expression (like Java `String.matches`). RE2 syntax, matched in linear time: classes, alternation, repetition, (?i) and (?s) flags, named groups, \\d \\w \\s \\b \\p{…}; no lookahead, lookbehind or backreferences. The regex must be a string literal; it is checked when the condition is compiled.',
    example: "matches(name, 'acc_[0-9]+')",
    minArgs: 2,
    maxArgs: 2,
    method: true,
    params: ['string', 'string'],
    returns: 'boolean',
  }),
  fn({
    name: 'lower',
    aliases: ['toLowerCase'],
    kind: 'string',
    signature: 'lower(text): string',
    description: '`text` in lower case.',
    example: "lower(name) == 'start'",
    minArgs: 1,
    maxArgs: 1,
    method: true,
    params: ['string'],
    returns: 'string',
  }),
  fn({
    name: 'upper',
    aliases: ['toUpperCase'],
    kind: 'string',
    signature: 'upper(text): string',
    description: '`text` in upper case.',
    example: "upper(code) == 'EUR'",
    minArgs: 1,
    maxArgs: 1,
    method: true,
    params: ['string'],
    returns: 'string',
  }),
  fn({
    name: 'length',
    kind: 'string',
    signature: 'length(text): number',
    description: 'Number of characters of a string (or items of a list).',
    example: 'length(name) > 3',
    minArgs: 1,
    maxArgs: 1,
    method: true,
    params: ['any'],
    returns: 'number',
  }),
  fn({
    name: 'trim',
    kind: 'string',
    signature: 'trim(text): string',
    description: '`text` without leading and trailing white space.',
    example: "trim(name) == 'a'",
    minArgs: 1,
    maxArgs: 1,
    method: true,
    params: ['string'],
    returns: 'string',
  }),
  fn({
    name: 'substring',
    kind: 'string',
    signature: 'substring(text, start, end?): string',
    description: 'Characters from `start` (0-based) up to, not including, `end` (default: the end).',
    example: "substring(name, 0, 3) == 'acc'",
    minArgs: 2,
    maxArgs: 3,
    method: true,
    params: ['string', 'number', 'number'],
    returns: 'string',
  }),
  fn({
    name: 'abs',
    kind: 'math',
    signature: 'abs(x): number',
    description: 'Absolute value.',
    example: 'abs(delta) > 5',
    minArgs: 1,
    maxArgs: 1,
    method: false,
    params: ['number'],
    returns: 'number',
  }),
  fn({
    name: 'round',
    kind: 'math',
    signature: 'round(x): number',
    description: 'Nearest integer, halves rounded up (like Java `Math.round`).',
    example: 'round(price) == 3',
    minArgs: 1,
    maxArgs: 1,
    method: false,
    params: ['number'],
    returns: 'number',
  }),
  fn({
    name: 'floor',
    kind: 'math',
    signature: 'floor(x): number',
    description: 'Largest integer not greater than `x`.',
    example: 'floor(price) == 3',
    minArgs: 1,
    maxArgs: 1,
    method: false,
    params: ['number'],
    returns: 'number',
  }),
  fn({
    name: 'ceil',
    kind: 'math',
    signature: 'ceil(x): number',
    description: 'Smallest integer not less than `x`.',
    example: 'ceil(price) == 4',
    minArgs: 1,
    maxArgs: 1,
    method: false,
    params: ['number'],
    returns: 'number',
  }),
  fn({
    name: 'sqrt',
    kind: 'math',
    signature: 'sqrt(x): number',
    description: 'Square root; null for negative `x`.',
    example: 'sqrt(area) > 2',
    minArgs: 1,
    maxArgs: 1,
    method: false,
    params: ['number'],
    returns: 'number',
  }),
  fn({
    name: 'pow',
    kind: 'math',
    signature: 'pow(x, y): number',
    description: '`x` to the power `y`.',
    example: 'pow(price, 2) > 10',
    minArgs: 2,
    maxArgs: 2,
    method: false,
    params: ['number', 'number'],
    returns: 'number',
  }),
  fn({
    name: 'min',
    kind: 'aggregate',
    signature: 'min(a, b) | min(stage.field): number',
    description:
      'With two arguments, the smaller one. With one `stage.field` argument, the smallest value of that field over the events already bound to the stage (null when none).',
    example: 'price < min(middle.price)',
    minArgs: 1,
    maxArgs: 2,
    method: false,
    params: ['number', 'number'],
    returns: 'number',
  }),
  fn({
    name: 'max',
    kind: 'aggregate',
    signature: 'max(a, b) | max(stage.field): number',
    description:
      'With two arguments, the larger one. With one `stage.field` argument, the largest value of that field over the events already bound to the stage (null when none).',
    example: 'price > max(middle.price)',
    minArgs: 1,
    maxArgs: 2,
    method: false,
    params: ['number', 'number'],
    returns: 'number',
  }),
  fn({
    name: 'count',
    kind: 'aggregate',
    signature: 'count(stage): number',
    description:
      'How many events are already bound to `stage` in this partial match (the candidate event is not counted). `count(stage.field)` counts the non-null values.',
    example: 'count(middle) < 3',
    minArgs: 1,
    maxArgs: 1,
    method: false,
    params: ['any'],
    returns: 'number',
  }),
  fn({
    name: 'sum',
    kind: 'aggregate',
    signature: 'sum(stage.field): number',
    description: 'Sum of `field` over the events already bound to `stage`; 0 when there are none.',
    example: 'sum(middle.price) + price < 5.0',
    minArgs: 1,
    maxArgs: 1,
    method: false,
    params: ['any'],
    returns: 'number',
  }),
  fn({
    name: 'avg',
    kind: 'aggregate',
    signature: 'avg(stage.field): number',
    description: 'Average of `field` over the events already bound to `stage`; null when there are none.',
    example: 'price > avg(middle.price)',
    minArgs: 1,
    maxArgs: 1,
    method: false,
    params: ['any'],
    returns: 'number',
  }),
  fn({
    name: 'first',
    kind: 'aggregate',
    signature: 'first(stage).field',
    description: 'The earliest event already bound to `stage` (null when none); read a field with `.field`.',
    example: 'price > first(start).price',
    minArgs: 1,
    maxArgs: 1,
    method: false,
    params: ['any'],
    returns: 'event',
  }),
  fn({
    name: 'last',
    kind: 'aggregate',
    signature: 'last(stage).field',
    description: 'The latest event already bound to `stage` (null when none); read a field with `.field`.',
    example: 'price > last(middle).price',
    minArgs: 1,
    maxArgs: 1,
    method: false,
    params: ['any'],
    returns: 'event',
  }),
];

const BY_NAME = new Map<string, FunctionDoc>();
for (const f of CONDITION_FUNCTIONS) {
  BY_NAME.set(f.name, f);
  for (const a of f.aliases) BY_NAME.set(a, f);
}

export function findFunction(name: string): FunctionDoc | undefined {
  return BY_NAME.get(name);
}

export const FUNCTION_NAMES: readonly string[] = [...BY_NAME.keys()];

/** Aggregate functions over the events bound to a stage. */
export type AggregateName = 'count' | 'sum' | 'avg' | 'min' | 'max' | 'first' | 'last';
