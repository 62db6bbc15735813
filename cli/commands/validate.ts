/** cepheus validate <pattern> — loads, lowers and compiles a pattern; lists every problem. */
import { compilePattern, documentToSpec, expressibility, EXPORT_TARGETS, lintDocument } from '../../engine';
import { parseArgs } from '../args';
import { CliError } from '../errors';
import { formatDiagnostics, loadPatternFile } from '../io';

export const VALIDATE_HELP = `Usage: cepheus validate <pattern.cep.json>

Checks that the file is a valid Cepheus pattern: the JSON, the document schema, the graph (one chain),
Flink's pattern rules and every condition. Prints the problems with where they are, warnings about
patterns that can exhaust memory (with a proposed fix), and which export formats can express the pattern.

Exit codes: 0 valid; 1 invalid; 2 unreadable file or bad usage.`;

export function validateCommand(argv: readonly string[]): number {
  const args = parseArgs(argv, { values: [] }, 'validate');
  if (args.flags.has('help')) {
    console.log(VALIDATE_HELP);
    return 0;
  }
  const [file, ...extra] = args.positionals;
  if (!file || extra.length > 0)
    throw new CliError(`validate needs exactly one pattern file.\n\n${VALIDATE_HELP}`, 2);
  const { document, warnings } = loadPatternFile(file);
  const lowered = documentToSpec(document);
  if (!lowered.ok)
    throw new CliError(`${file} is not a valid pattern:\n${formatDiagnostics(lowered.diagnostics)}`);
  const compiled = compilePattern(lowered.spec, document.eventSchema ? { schema: document.eventSchema } : {});
  const all = [...warnings, ...compiled.diagnostics, ...lintDocument(document, lowered.spec)];
  if (!compiled.ok) throw new CliError(`${file} is not a valid pattern:\n${formatDiagnostics(all)}`);
  if (all.length > 0) console.error(formatDiagnostics(all));
  const report = expressibility(document);
  const exports = EXPORT_TARGETS.map((t) => `${t} ${report[t].ok ? 'yes' : 'no'}`).join(', ');
  const stages = lowered.spec.stages.length;
  const warned = all.filter((d) => d.severity === 'warning').length;
  const counts = `${stages} ${stages === 1 ? 'stage' : 'stages'}${warned > 0 ? `, ${warned} ${warned === 1 ? 'warning' : 'warnings'}` : ''}`;
  console.log(`${file}: valid (${counts}). Exportable: ${exports}.`);
  return 0;
}
