/**
 * Completion in the JSON view from the document's JSON Schema (generated from the format's zod schemas):
 * at a property name, the properties the object may still have; at a value, the values the schema
 * allows (enums, constants, booleans, null). Pure: text and offset in, suggestions out; the Monaco
 * provider (monaco/json-schema-completion.ts) turns them into completion items.
 */
import { findNodeAtLocation, getLocation, getNodeValue, parseTree, type JSONPath } from 'jsonc-parser';

type Schema = Record<string, unknown>;

export interface SchemaSuggestion {
  label: string;
  kind: 'property' | 'value';
  /** Monaco snippet syntax ($1 is where the cursor lands). */
  insertText: string;
  detail?: string;
  documentation?: string;
  /** The text this suggestion replaces: [start, end) offsets in the document. */
  replace: { start: number; end: number };
}

function isSchema(v: unknown): v is Schema {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function deref(root: Schema, s: Schema): Schema {
  let current = s;
  for (let hops = 0; typeof current.$ref === 'string' && hops < 32; hops++) {
    const name = /^#\/\$defs\/(.+)$/.exec(current.$ref)?.[1];
    const defs = root.$defs as Record<string, unknown> | undefined;
    const next = name && defs ? defs[name] : undefined;
    if (!isSchema(next)) return current;
    current = next;
  }
  return current;
}

/** The plain alternatives a schema stands for (its anyOf / oneOf / allOf branches, flattened). */
function alternatives(root: Schema, s: Schema): Schema[] {
  const r = deref(root, s);
  const branches = [r.anyOf, r.oneOf, r.allOf].find(Array.isArray) as unknown[] | undefined;
  if (!branches) return [r];
  return branches.filter(isSchema).flatMap((b) => alternatives(root, b));
}

function childSchemas(root: Schema, parents: Schema[], segment: string | number): Schema[] {
  const out: Schema[] = [];
  for (const p of parents.flatMap((s) => alternatives(root, s))) {
    if (typeof segment === 'number') {
      if (isSchema(p.items)) out.push(p.items);
    } else {
      const props = p.properties as Record<string, unknown> | undefined;
      const named = props?.[segment];
      if (isSchema(named)) out.push(named);
      else if (isSchema(p.additionalProperties)) out.push(p.additionalProperties);
    }
  }
  return out;
}

function schemasAt(root: Schema, path: JSONPath): Schema[] {
  let current: Schema[] = [root];
  for (const segment of path) current = childSchemas(root, current, segment);
  return current;
}

/** Of an object's alternatives, those its existing constant-valued properties (e.g. `kind`) agree with. */
function matchingObjects(root: Schema, schemas: Schema[], existing: Record<string, unknown>): Schema[] {
  const objects = schemas.flatMap((s) => alternatives(root, s)).filter((s) => isSchema(s.properties));
  return objects.filter((o) =>
    Object.entries(o.properties as Record<string, unknown>).every(([key, prop]) => {
      if (!(key in existing) || !isSchema(prop)) return true;
      const p = deref(root, prop);
      if ('const' in p) return p.const === existing[key];
      return !Array.isArray(p.enum) || p.enum.includes(existing[key]);
    }),
  );
}

function typeName(root: Schema, s: Schema): string {
  const types = alternatives(root, s).map((a) =>
    'const' in a
      ? JSON.stringify(a.const)
      : Array.isArray(a.enum)
        ? 'enum'
        : Array.isArray(a.type)
          ? a.type.join(' | ')
          : typeof a.type === 'string'
            ? a.type
            : 'value',
  );
  return [...new Set(types)].join(' | ');
}

/** What to type after `"key": ` for a value of this schema, as a snippet. */
function valueSnippet(root: Schema, s: Schema): string {
  const alts = alternatives(root, s).filter((a) => a.type !== 'null');
  const first = alts[0];
  if (!first || alts.length > 1) return '$1';
  if ('const' in first) return JSON.stringify(first.const);
  if (Array.isArray(first.enum)) return `\${1|${first.enum.map((v) => JSON.stringify(v)).join(',')}|}`;
  switch (first.type) {
    case 'string':
      return '"$1"';
    case 'integer':
    case 'number':
      return '${1:0}';
    case 'boolean':
      return '${1|false,true|}';
    case 'array':
      return '[$1]';
    case 'object':
      return '{$1}';
    default:
      return '$1';
  }
}

function allowedValues(root: Schema, schemas: Schema[]): unknown[] {
  const values: unknown[] = [];
  for (const a of schemas.flatMap((s) => alternatives(root, s))) {
    if ('const' in a) values.push(a.const);
    else if (Array.isArray(a.enum)) values.push(...(a.enum as unknown[]));
    else if (a.type === 'boolean') values.push(false, true);
    else if (a.type === 'null') values.push(null);
  }
  return [...new Map(values.map((v) => [JSON.stringify(v), v])).values()];
}

/** The token being typed at `offset` (a word, or a quoted string being typed), as offsets. */
function tokenAround(text: string, offset: number): { start: number; end: number } {
  let start = offset;
  while (start > 0 && /[\w$.-]/.test(text[start - 1])) start--;
  if (start > 0 && text[start - 1] === '"') start--;
  let end = offset;
  while (end < text.length && /[\w$.-]/.test(text[end])) end++;
  if (text[start] === '"' && text[end] === '"') end++;
  return { start, end };
}

export function schemaSuggestions(schema: Schema, text: string, offset: number): SchemaSuggestion[] {
  const location = getLocation(text, offset);
  const replace = tokenAround(text, offset);
  const tree = parseTree(text);
  if (location.isAtPropertyKey) {
    const objectPath = location.path.slice(0, -1);
    const objectNode = tree ? findNodeAtLocation(tree, objectPath) : undefined;
    const existing = (objectNode ? getNodeValue(objectNode) : {}) as Record<string, unknown>;
    const typing = location.path[location.path.length - 1];
    const objects = matchingObjects(schema, schemasAt(schema, objectPath), existing ?? {});
    const seen = new Set<string>();
    const out: SchemaSuggestion[] = [];
    for (const o of objects) {
      const required = new Set(Array.isArray(o.required) ? (o.required as string[]) : []);
      for (const [key, prop] of Object.entries(o.properties as Record<string, unknown>)) {
        if (seen.has(key) || !isSchema(prop) || (key in (existing ?? {}) && key !== typing)) continue;
        seen.add(key);
        const p = deref(schema, prop);
        out.push({
          label: key,
          kind: 'property',
          insertText: `"${key}": ${valueSnippet(schema, prop)}`,
          detail: `${typeName(schema, prop)}${required.has(key) ? ' (required)' : ''}`,
          documentation: typeof p.description === 'string' ? p.description : undefined,
          replace,
        });
      }
    }
    return out;
  }
  // A value: what the schema allows at this path (an array's items when the cursor is between them).
  const node = tree ? findNodeAtLocation(tree, location.path) : undefined;
  const inArray = node?.type === 'array';
  const schemas = schemasAt(schema, inArray ? [...location.path, 0] : location.path);
  return allowedValues(schema, schemas).map((v) => ({
    label: JSON.stringify(v),
    kind: 'value' as const,
    insertText: JSON.stringify(v).replace(/\$/g, '\\$'),
    replace,
  }));
}
