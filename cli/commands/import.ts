/** cepheus import <flink-json> — a Flink dynamic-CEP rule → a Cepheus pattern document. */
import { existsSync } from 'node:fs';
import { importFlinkJson, jobSettingsPath, serializeDocument } from '../../engine';
import { flag, parseArgs } from '../args';
import { CliError } from '../errors';
import { formatDiagnostics, readText, writeOutput } from '../io';

export const IMPORT_HELP = `Usage: cepheus import <rule.json> [--out pattern.cep.json] [--name NAME] [--settings FILE]

Reads a Flink dynamic-CEP rule (GraphSpec JSON, as stored for CEP.dynamicPatterns) and writes the
equivalent Cepheus pattern document. Aviator conditions are translated; Java class conditions are
kept verbatim and flagged (the pattern then refuses to run until they are replaced). The job settings
the rule cannot carry (partition key, time settings, event schema) are read from --settings FILE, by
default rule.settings.json beside the rule when it exists (cepheus export --to flink-json writes it).

Exit codes: 0 imported (warnings on stderr); 1 not a valid rule; 2 unreadable file or bad usage.`;

export function importCommand(argv: readonly string[]): number {
  const args = parseArgs(argv, { values: ['out', 'name', 'settings'] }, 'import');
  if (args.flags.has('help')) {
    console.log(IMPORT_HELP);
    return 0;
  }
  const [file, ...extra] = args.positionals;
  if (!file || extra.length > 0)
    throw new CliError(`import needs exactly one Flink JSON file.\n\n${IMPORT_HELP}`, 2);
  const name = flag(args, 'name');
  const settingsFile =
    flag(args, 'settings') ?? (existsSync(jobSettingsPath(file)) ? jobSettingsPath(file) : undefined);
  const result = importFlinkJson(readText(file, 'Flink JSON'), {
    ...(name ? { name } : {}),
    ...(settingsFile !== undefined ? { jobSettings: readText(settingsFile, 'job settings') } : {}),
  });
  if (!result.ok)
    throw new CliError(
      `${file} is not a valid Flink dynamic-CEP rule:\n${formatDiagnostics(result.diagnostics)}`,
    );
  if (result.diagnostics.length > 0) console.error(formatDiagnostics(result.diagnostics));
  if (settingsFile !== undefined) console.error(`Read the job settings from ${settingsFile}.`);
  writeOutput(serializeDocument(result.document), flag(args, 'out'));
  return 0;
}
