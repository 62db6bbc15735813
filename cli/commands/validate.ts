/** cepheus validate <pattern> — lists every problem of a pattern, as the designer's Problems tab does. */
import { expressibility, EXPORT_TARGETS, loadDocument, parseJsonText, validatePattern } from '../../engine';
import type { PatternDocument } from '../../engine/format/schema';
import type { Diagnostic } from '../../engine/pattern/diagnostic';
import { parseArgs } from '../args';
import { CliError } from '../errors';
import { formatDiagnostics, readText } from '../io';

export const VALIDATE_HELP = `Usage: cepheus validate <pattern.cep.json>

Checks that the file is a valid Cepheus pattern: the JSON, the document schema, the graph (one chain),
Flink's pattern rules, every condition and the lint rules, each on its own, so one problem never hides
another. Prints every problem with where it is, warnings about patterns that can exhaust memory (with a
proposed fix), and which export formats can express the pattern.

Exit codes: 0 valid (warnings allowed); 1 invalid; 2 unreadable file or bad usage.`;

/** A document that failed the schema may still have the shape the checks walk (nodes, edges, settings). */
function walkable(value: unknown): value is PatternDocument {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    Array.isArray(v.nodes) &&
    Array.isArray(v.edges) &&
    typeof v.settings === 'object' &&
    v.settings !== null &&
    typeof v.layout === 'object' &&
    v.layout !== null
  );
}

function problemsOf(text: string): { problems: Diagnostic[]; document: PatternDocument | null } {
  const loaded = loadDocument(text);
  if (loaded.ok) return { problems: validatePattern(loaded.document), document: loaded.document };
  // Not a valid document: still list what the other checks find, when the JSON has a document's shape.
  const parsed = parseJsonText(text);
  if (
    !parsed.ok ||
    !walkable(parsed.value) ||
    loaded.diagnostics.some((d) => d.code.startsWith('format.not'))
  )
    return { problems: loaded.diagnostics, document: null };
  const checked = validatePattern(parsed.value);
  const seen = new Set(loaded.diagnostics.map((d) => d.message));
  return {
    problems: [...loaded.diagnostics, ...checked.filter((d) => !seen.has(d.message))],
    document: null,
  };
}

export function validateCommand(argv: readonly string[]): number {
  const args = parseArgs(argv, { values: [] }, 'validate');
  if (args.flags.has('help')) {
    console.log(VALIDATE_HELP);
    return 0;
  }
  const [file, ...extra] = args.positionals;
  if (!file || extra.length > 0)
    throw new CliError(`validate needs exactly one pattern file.\n\n${VALIDATE_HELP}`, 2);
  const { problems, document } = problemsOf(readText(file, 'pattern'));
  const errors = problems.filter((d) => d.severity === 'error');
  if (errors.length > 0 || !document) {
    const count = `${errors.length} ${errors.length === 1 ? 'error' : 'errors'}`;
    throw new CliError(`${file} is not a valid pattern (${count}):\n${formatDiagnostics(problems)}`);
  }
  if (problems.length > 0) console.error(formatDiagnostics(problems));
  const report = expressibility(document);
  const exports = EXPORT_TARGETS.map((t) => `${t} ${report[t].ok ? 'yes' : 'no'}`).join(', ');
  const stages = document.nodes.length;
  const warned = problems.filter((d) => d.severity === 'warning').length;
  const counts = `${stages} ${stages === 1 ? 'stage' : 'stages'}${warned > 0 ? `, ${warned} ${warned === 1 ? 'warning' : 'warnings'}` : ''}`;
  console.log(`${file}: valid (${counts}). Exportable: ${exports}.`);
  return 0;
}
