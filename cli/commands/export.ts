/** cepheus export <pattern> --to … — writes the pattern in another format, or explains why it cannot. */
import { exportPattern, EXPORT_TARGETS, type ExportOptions, type ExportTarget } from '../../engine';
import { flag, parseArgs } from '../args';
import { CliError } from '../errors';
import { loadPatternFile, writeOutput } from '../io';

export const EXPORT_HELP = `Usage: cepheus export <pattern.cep.json> --to <format> [options]

Formats:
  json         the Cepheus document itself (canonical form)
  flink-json   Flink dynamic-CEP rule JSON (GraphSpec, Aviator conditions)
  flink-java   Java class using Flink's Pattern API (1.19+ / 2.x)
  flink-sql    Flink SQL MATCH_RECOGNIZE query
An export that cannot mean exactly the same as the pattern is refused, with the reasons per stage.

Options:
  --out FILE          write to FILE instead of stdout
  --class NAME        flink-java: event class (default Event)
  --java-class NAME   flink-java: name of the generated class
  --package NAME      flink-java: package of the generated class
  --table NAME        flink-sql: table to read (default events)
  --key FIELD         partition key (overrides the pattern's settings)
  --time-field FIELD  time attribute / timestamp field (overrides the pattern's settings)
  --help              show this help

Exit codes: 0 written; 1 refused or invalid pattern; 2 unreadable file or bad usage.`;

export function exportCommand(argv: readonly string[]): number {
  const args = parseArgs(
    argv,
    { values: ['to', 'out', 'class', 'java-class', 'package', 'table', 'key', 'time-field'] },
    'export',
  );
  if (args.flags.has('help')) {
    console.log(EXPORT_HELP);
    return 0;
  }
  const [file, ...extra] = args.positionals;
  if (!file || extra.length > 0)
    throw new CliError(`export needs exactly one pattern file.\n\n${EXPORT_HELP}`, 2);
  const to = flag(args, 'to');
  if (!to) throw new CliError(`export needs --to ${EXPORT_TARGETS.join('|')}.`, 2);
  if (!(EXPORT_TARGETS as readonly string[]).includes(to))
    throw new CliError(`Unknown export format "${to}": use ${EXPORT_TARGETS.join(', ')}.`, 2);
  const { document } = loadPatternFile(file);
  const options: ExportOptions = {};
  const set = <K extends keyof ExportOptions>(k: K, v: ExportOptions[K] | undefined): void => {
    if (v !== undefined) options[k] = v;
  };
  set('eventClass', flag(args, 'class'));
  set('className', flag(args, 'java-class'));
  set('javaPackage', flag(args, 'package'));
  set('table', flag(args, 'table'));
  set('partitionKey', flag(args, 'key'));
  set('timeField', flag(args, 'time-field'));
  const result = exportPattern(document, to as ExportTarget, options);
  if (!result.ok) {
    const lines = result.reasons.map((r) => `  ✗ ${r.stage ? `stage "${r.stage}": ` : ''}${r.reason ?? ''}`);
    throw new CliError(`${file} cannot be exported to ${to}:\n${lines.join('\n')}`);
  }
  for (const w of result.warnings) process.stderr.write(`warning: ${w}\n`);
  writeOutput(result.text, flag(args, 'out'));
  return 0;
}
