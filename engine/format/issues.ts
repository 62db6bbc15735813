/**
 * zod issues → Diagnostics a user can act on: "nodes[2].quantifier.from must be a whole number ≥ 0",
 * with the JSON path, and the node or edge it belongs to so the canvas can point at it.
 */
import type { z } from 'zod';
import type { Diagnostic, DiagnosticField, DiagnosticTarget } from '../pattern/diagnostic';

/** `["nodes", 2, "quantifier", "from"]` → `nodes[2].quantifier.from`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? 'the document' : out;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = root;
  for (const part of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[part];
  }
  return cur;
}

const typeWords: Record<string, string> = {
  string: 'text (a string)',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list (array)',
  null: 'null',
};

function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'string') return `the text ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)}`;
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'number') return `the number ${v}`;
  return typeof v === 'function' || typeof v === 'symbol' ? typeof v : (JSON.stringify(v) ?? typeof v);
}

function quoteAll(values: readonly unknown[]): string {
  return values.map((v) => JSON.stringify(v)).join(', ');
}

/** The phrase after the path: "must be …", "is missing", … */
function phrase(issue: z.core.$ZodIssue, value: unknown): string {
  if (issue.code === 'invalid_type' && value === undefined) return 'is missing';
  // Our own messages (schema refinements and custom errors) are written lower-case, ready to follow the path.
  if (/^[a-z≥]/.test(issue.message)) return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      return `must be ${typeWords[issue.expected] ?? issue.expected}, not ${describeValue(value)}`;
    case 'invalid_value':
      return issue.values.length === 1
        ? `must be ${quoteAll(issue.values)}`
        : `must be one of ${quoteAll(issue.values)}`;
    case 'invalid_union': {
      // Discriminated unions report the allowed tags in `options` (not in zod's public issue type).
      const options = (issue as { options?: unknown }).options;
      if (Array.isArray(options))
        return value === undefined
          ? `is missing (one of ${quoteAll(options)})`
          : `must be one of ${quoteAll(options)}`;
      return `does not have a recognised shape (${issue.message})`;
    }
    case 'too_small':
      if (issue.origin === 'string') return 'must not be empty';
      if (issue.origin === 'array' || issue.origin === 'set')
        return `must have at least ${String(issue.minimum)} item(s)`;
      return `must be ${issue.inclusive === false ? '>' : '≥'} ${String(issue.minimum)}`;
    case 'too_big':
      if (issue.origin === 'string') return `must be at most ${String(issue.maximum)} characters`;
      return `must be ${issue.inclusive === false ? '<' : '≤'} ${String(issue.maximum)}`;
    case 'unrecognized_keys':
      return `has ${issue.keys.length === 1 ? 'an unknown property' : 'unknown properties'} ${quoteAll(issue.keys)}`;
    default:
      return `is not valid: ${issue.message}`;
  }
}

const fieldOf: Record<string, DiagnosticField> = {
  where: 'where',
  or: 'or',
  until: 'until',
  quantifier: 'quantifier',
  contiguity: 'contiguity',
  name: 'name',
  withinPreviousAndCurrentMs: 'within',
};

/** Finds the innermost node or edge on the path, so the canvas can highlight it. */
function targetOf(root: unknown, path: readonly PropertyKey[]): DiagnosticTarget {
  const target: DiagnosticTarget = {
    kind: 'document',
    path: path.filter((p): p is string | number => typeof p !== 'symbol'),
  };
  for (let k = 1; k < path.length; k++) {
    const container = path[k - 1];
    if (typeof path[k] !== 'number' || (container !== 'nodes' && container !== 'edges')) continue;
    // Skip layout.nodes (keyed by id, not indexed).
    if (k >= 2 && path[k - 2] === 'layout') continue;
    const item = valueAt(root, path.slice(0, k + 1));
    const id = item !== null && typeof item === 'object' ? (item as Record<string, unknown>).id : undefined;
    const rest = path[k + 1];
    const field = typeof rest === 'string' ? fieldOf[rest] : undefined;
    if (container === 'nodes') {
      target.kind = 'node';
      delete target.edgeId;
      target.nodeId = typeof id === 'string' ? id : undefined;
    } else {
      target.kind = 'edge';
      target.edgeId = typeof id === 'string' ? id : undefined;
    }
    if (field) target.field = field;
    else delete target.field;
  }
  if (path[0] === 'settings')
    target.field = path[1] === 'within' ? 'within' : path[1] === 'skip' ? 'skip' : 'settings';
  for (const key of Object.keys(target) as (keyof DiagnosticTarget)[])
    if (target[key] === undefined) delete target[key];
  return target;
}

export function issuesToDiagnostics(
  issues: readonly z.core.$ZodIssue[],
  root: unknown,
  note = '',
): Diagnostic[] {
  return issues.map((issue) => {
    const value = valueAt(root, issue.path);
    return {
      code: 'format.invalid',
      severity: 'error' as const,
      message: `${formatPath(issue.path)} ${phrase(issue, value)}${note}.`,
      target: targetOf(root, issue.path),
    };
  });
}
