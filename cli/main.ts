/**
 * cepheus — the headless command line: validate, run, export, import, conformance, bench.
 * Expected failures are CliErrors (message + exit code); anything else is reported as an internal
 * error with exit code 70, never as a raw stack trace.
 */
import { CliError } from './errors';
import { EXPORT_HELP, exportCommand } from './commands/export';
import { IMPORT_HELP, importCommand } from './commands/import';
import { RUN_HELP, runCommand } from './commands/run';
import { TEST_HELP, testCommand } from './commands/test';
import { DIFF_HELP, diffCommand } from './commands/diff';
import { VALIDATE_HELP, validateCommand } from './commands/validate';
import { BENCH_HELP, CONFORMANCE_HELP, runScript } from './commands/delegate';

export const MAIN_HELP = `Usage: cepheus <command> [options]

Commands:
  validate <pattern>              check a pattern and list its problems
  run <pattern> <events>          run a pattern over events; matches as JSON Lines
  test <pattern…>                 run the tests saved in patterns; "N passed, M failed"
  diff <old> <new> <events>       what a change catches: gained/lost/changed matches as JSON Lines
  export <pattern> --to FORMAT    write json | flink-json | flink-java | flink-sql
  import <flink-json>             turn a Flink dynamic-CEP rule into a Cepheus pattern
  conformance <vectors.json…>     run Flink conformance vectors
  bench                           run the benchmarks

Run "cepheus <command> --help" for the options of a command.`;

const HELP: Record<string, string> = {
  validate: VALIDATE_HELP,
  run: RUN_HELP,
  test: TEST_HELP,
  diff: DIFF_HELP,
  export: EXPORT_HELP,
  import: IMPORT_HELP,
  conformance: CONFORMANCE_HELP,
  bench: BENCH_HELP,
};

/** `cepheus run … | head` closes stdout early: that is a normal end, not an error. */
function quietOnClosedPipe(): void {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
}

export async function main(argv: readonly string[]): Promise<number> {
  quietOnClosedPipe();
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    const topic = command === 'help' ? rest[0] : undefined;
    console.log(topic && HELP[topic] ? HELP[topic] : MAIN_HELP);
    return 0;
  }
  try {
    switch (command) {
      case 'validate':
        return validateCommand(rest);
      case 'run':
        return await runCommand(rest);
      case 'test':
        return await testCommand(rest);
      case 'diff':
        return await diffCommand(rest);
      case 'export':
        return exportCommand(rest);
      case 'import':
        return importCommand(rest);
      case 'conformance':
        if (rest.includes('--help') || rest.includes('-h')) return (console.log(CONFORMANCE_HELP), 0);
        if (rest.length === 0)
          throw new CliError(`conformance needs at least one vectors file.\n\n${CONFORMANCE_HELP}`, 2);
        return await runScript(
          'cli/conformance-cli.ts',
          rest,
          'cepheus: the conformance runner (cli/conformance-cli.ts) is not available.',
        );
      case 'bench':
        if (rest.includes('--help') || rest.includes('-h')) return (console.log(BENCH_HELP), 0);
        return await runScript(
          'bench/run.ts',
          rest,
          'cepheus: benchmarks not available (bench/run.ts is missing).',
        );
      default:
        throw new CliError(`Unknown command "${command}".\n\n${MAIN_HELP}`, 2);
    }
  } catch (e) {
    if (e instanceof CliError) {
      console.error(`cepheus ${command}: ${e.message}`);
      return e.exitCode;
    }
    console.error(`cepheus ${command}: internal error: ${e instanceof Error ? e.message : String(e)}`);
    return 70;
  }
}

// Run when executed directly (tsx cli/main.ts, or bin/cepheus.mjs), not when imported by tests.
const entry = process.argv[1] ?? '';
if (/cli[\\/]main\.ts$/.test(entry) || process.env.CEPHEUS_CLI_MAIN === '1') {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      console.error(`cepheus: internal error: ${String(e)}`);
      process.exitCode = 70;
    },
  );
}
