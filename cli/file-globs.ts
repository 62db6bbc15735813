/**
 * Expands file arguments the shell left alone: `cepheus test 'samples/patterns/**\/*.cep.json'`
 * works quoted, and under shells without globstar. `**` matches any number of folders, `*` and `?`
 * stay inside one name. Arguments without wildcards are kept as given (missing files are reported
 * by the command).
 */
import { readdirSync } from 'node:fs';
import { join, sep } from 'node:path';

function segmentRegex(segment: string): RegExp {
  const body = segment
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '[^/]*')
    .replace(/\?/g, '[^/]');
  return new RegExp(`^${body}$`);
}

function walk(dir: string, parts: readonly string[], out: string[]): void {
  if (parts.length === 0) return;
  const [head, ...rest] = parts;
  let entries: { name: string; dir: boolean }[];
  try {
    entries = readdirSync(dir === '' ? '.' : dir, { withFileTypes: true }).map((e) => ({
      name: e.name,
      dir: e.isDirectory(),
    }));
  } catch {
    return;
  }
  if (head === '**') {
    walk(dir, rest, out);
    for (const e of entries) if (e.dir && !e.name.startsWith('.')) walk(join(dir, e.name), parts, out);
    return;
  }
  const re = segmentRegex(head);
  for (const e of entries) {
    if (!re.test(e.name)) continue;
    const path = dir === '' ? e.name : join(dir, e.name);
    if (rest.length === 0) {
      if (!e.dir) out.push(path);
    } else if (e.dir) walk(path, rest, out);
  }
}

export function expandFileArgs(args: readonly string[]): string[] {
  const out: string[] = [];
  for (const arg of args) {
    if (!/[*?]/.test(arg)) {
      out.push(arg);
      continue;
    }
    const parts = arg.split(/[\\/]/);
    const absolute = arg.startsWith('/') ? sep : '';
    const found: string[] = [];
    walk(absolute, absolute ? parts.slice(1) : parts, found);
    out.push(...(found.length > 0 ? found.sort() : [arg]));
  }
  return [...new Set(out)];
}
