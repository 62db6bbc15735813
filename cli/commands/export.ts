/** cepheus export <pattern> --to … — writes the pattern in another format, or explains why it cannot. */
import {
  exportPattern,
  EXPORT_TARGETS,
  jobSettingsPath,
  type ExportOptions,
  type ExportTarget,
} from '../../engine';
import { flag, parseArgs } from '../args';
import { CliError } from '../errors';
import { loadPatternFile, writeOutput, writeProject } from '../io';

export const EXPORT_HELP = `Usage: cepheus export <pattern.cep.json> --to <format> [options]

Formats:
  json         the Cepheus document itself (canonical form)
  flink-json   Flink dynamic-CEP rule JSON (GraphSpec, Aviator conditions)
  flink-java   Java class using Flink's Pattern API (1.19+ / 2.x)
  flink-sql    Flink SQL MATCH_RECOGNIZE query
  flink-job    a buildable Maven project running the pattern on Flink (needs --out DIR)
  flink-sql-job  a Flink SQL client script: Kafka/JSON source and sink tables + INSERT … MATCH_RECOGNIZE
An export that cannot mean exactly the same as the pattern is refused, with the reasons per stage.

Options:
  --out FILE          write to FILE instead of stdout (flink-job: the project folder DIR; flink-json:
                      also FILE.settings.json with the key, time settings and event schema)
  --class NAME        flink-java: event class (default Event)
  --java-class NAME   flink-java: name of the generated class
  --package NAME      flink-java, flink-job: package of the generated classes
  --artifact-id NAME  flink-job: Maven artifactId (default from the pattern name)
  --topic NAME        flink-sql-job: Kafka topic of the events (default: the table name)
  --output-topic NAME flink-sql-job: Kafka topic of the matches
  --table NAME        flink-sql: table to read (default events)
  --key FIELD         partition key (overrides the pattern's settings)
  --time-field FIELD  time attribute / timestamp field (overrides the pattern's settings)
  --help              show this help

Exit codes: 0 written; 1 refused or invalid pattern; 2 unreadable file or bad usage.`;

export function exportCommand(argv: readonly string[]): number {
  const args = parseArgs(
    argv,
    {
      values: [
        'to',
        'out',
        'class',
        'java-class',
        'package',
        'table',
        'key',
        'time-field',
        'artifact-id',
        'topic',
        'output-topic',
      ],
    },
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
  set('artifactId', flag(args, 'artifact-id'));
  set('topic', flag(args, 'topic'));
  set('outputTopic', flag(args, 'output-topic'));
  const out = flag(args, 'out');
  if (to === 'flink-job' && out === undefined)
    throw new CliError('export --to flink-job writes a project folder: give it with --out DIR.', 2);
  const result = exportPattern(document, to as ExportTarget, options);
  if (!result.ok) {
    const lines = result.reasons.map((r) => `  ✗ ${r.stage ? `stage "${r.stage}": ` : ''}${r.reason ?? ''}`);
    throw new CliError(`${file} cannot be exported to ${to}:\n${lines.join('\n')}`);
  }
  for (const w of result.warnings) process.stderr.write(`warning: ${w}\n`);
  if (result.files) {
    writeProject(out as string, result.files);
    console.error(`Wrote ${result.files.length} files to ${out}: build with "mvn -f ${out} package".`);
  } else writeOutput(result.text, out);
  for (const n of result.notes ?? []) process.stderr.write(`note: ${n}\n`);
  if (result.sidecar) {
    // What the rule cannot carry (flink-json: key, time, schema) goes beside it, where import finds it.
    if (out === undefined)
      process.stderr.write('note: give --out FILE to write the job settings beside the rule\n');
    else {
      writeOutput(result.sidecar.text, jobSettingsPath(out));
      console.error(`Wrote the job settings to ${jobSettingsPath(out)}.`);
    }
  }
  return 0;
}
