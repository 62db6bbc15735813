/** Reading pattern files and writing outputs, with messages that say what is wrong and where. */
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  writeFileSync,
  type WriteStream,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { loadDocument, type PatternDocument } from '../engine';
import type { Diagnostic } from '../engine/pattern/diagnostic';
import { CliError } from './errors';

export function readText(file: string, what: string): string {
  if (!existsSync(file)) throw new CliError(`Cannot find the ${what} file "${file}".`, 2);
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw new CliError(
      `Cannot read the ${what} file "${file}": ${e instanceof Error ? e.message : String(e)}`,
      2,
    );
  }
}

/** One diagnostic as one line: where, then what. */
export function formatDiagnostic(d: Diagnostic): string {
  const t = d.target;
  const where = [
    // Only a stage's name: a node id ("n3") means nothing to the reader, and the messages of graph
    // problems name their stage or group themselves.
    t?.stage ? `stage "${t.stage}"` : '',
    t?.field ?? '',
    t?.path && t.path.length > 0 ? `at ${t.path.join('.')}` : '',
    d.range && !d.message.includes(`line ${d.range.line}`)
      ? `(line ${d.range.line}, column ${d.range.column})`
      : '',
  ]
    .filter(Boolean)
    .join(' ');
  const fix = d.fix ? `\n    fix: ${d.fix}` : '';
  return `  ${d.severity}: ${where ? `${where}: ` : ''}${d.message}${fix}`;
}

export function formatDiagnostics(list: readonly Diagnostic[]): string {
  return list.map(formatDiagnostic).join('\n');
}

export function loadPatternFile(file: string): { document: PatternDocument; warnings: Diagnostic[] } {
  const loaded = loadDocument(readText(file, 'pattern'));
  if (!loaded.ok)
    throw new CliError(`${file} is not a valid Cepheus pattern:\n${formatDiagnostics(loaded.diagnostics)}`);
  return { document: loaded.document, warnings: loaded.diagnostics.filter((d) => d.severity === 'warning') };
}

/** "Cannot write FILE: why" in plain words for the usual causes (a folder, a missing folder, no right). */
export function cannotWrite(out: string, e: unknown): CliError {
  const code = (e as { code?: unknown } | null)?.code;
  const why =
    code === 'EISDIR'
      ? 'it is a folder; give a file name, e.g. --out matches.jsonl'
      : code === 'ENOENT'
        ? `the folder "${dirname(out)}" does not exist`
        : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
          ? 'permission denied'
          : e instanceof Error
            ? e.message
            : String(e);
  return new CliError(`Cannot write "${out}": ${why}.`, 2);
}

/** Writes to a file, or to stdout when no file is given. */
export function writeOutput(text: string, out: string | undefined): void {
  if (out === undefined) {
    process.stdout.write(text);
    return;
  }
  try {
    writeFileSync(out, text);
  } catch (e) {
    throw cannotWrite(out, e);
  }
}

/**
 * A stream onto `out`, opened now, so a folder or an unwritable path fails before any work with a
 * one-line message (a stream opened lazily reported it as an unhandled 'error' event and a stack).
 */
export function openOutputStream(out: string): WriteStream {
  let fd: number;
  try {
    fd = openSync(out, 'w');
  } catch (e) {
    throw cannotWrite(out, e);
  }
  return createWriteStream('', { fd });
}

/** Writes a project's files under `dir` (created if missing); existing files of the same name are replaced. */
export function writeProject(dir: string, files: readonly { path: string; text: string }[]): void {
  try {
    for (const f of files) {
      const target = join(dir, ...f.path.split('/'));
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, f.text);
    }
  } catch (e) {
    throw new CliError(`Cannot write into "${dir}": ${e instanceof Error ? e.message : String(e)}`, 2);
  }
}
