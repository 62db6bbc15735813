/**
 * cepheus — the headless command line: validate, run, export, import, conformance, bench.
 * Expected failures are CliErrors (message + exit code); anything else is reported as an internal
 * error with exit code 70, never as a raw stack trace.
 */
import { CliError } from './errors';
import { asksForMainHelp, MAIN_HELP } from './main-help';
import { BENCH_HELP, CONFORMANCE_HELP, runScript } from './commands/delegate';

interface Command {
  help: string;
  run(args: string[]): number | Promise<number>;
}

/** Each command's module loads when it runs: `cepheus --help` starts without the engine and zod. */
const COMMANDS: Record<string, () => Promise<Command>> = {
  validate: async () => {
    const m = await import('./commands/validate');
    return { help: m.VALIDATE_HELP, run: m.validateCommand };
  },
  run: async () => {
    const m = await import('./commands/run');
    return { help: m.RUN_HELP, run: m.runCommand };
  },
  test: async () => {
    const m = await import('./commands/test');
    return { help: m.TEST_HELP, run: m.testCommand };
  },
  diff: async () => {
    const m = await import('./commands/diff');
    return { help: m.DIFF_HELP, run: m.diffCommand };
  },
  export: async () => {
    const m = await import('./commands/export');
    return { help: m.EXPORT_HELP, run: m.exportCommand };
  },
  import: async () => {
    const m = await import('./commands/import');
    return { help: m.IMPORT_HELP, run: m.importCommand };
  },
};

async function helpOf(topic: string | undefined): Promise<string> {
  if (topic === 'conformance') return CONFORMANCE_HELP;
  if (topic === 'bench') return BENCH_HELP;
  const load = topic !== undefined && Object.hasOwn(COMMANDS, topic) ? COMMANDS[topic] : undefined;
  return load ? (await load()).help : MAIN_HELP;
}

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
  if (asksForMainHelp(argv)) {
    console.log(MAIN_HELP);
    return 0;
  }
  if (command === 'help') {
    console.log(await helpOf(rest[0]));
    return 0;
  }
  try {
    if (Object.hasOwn(COMMANDS, command)) return await (await COMMANDS[command]()).run(rest);
    switch (command) {
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
