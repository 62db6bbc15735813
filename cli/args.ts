/** A small, strict argv parser: positionals plus `--flag value` / `--flag=value` / boolean flags. */
import { CliError } from './errors';

export interface ParsedArgs {
  positionals: string[];
  flags: Map<string, string | true>;
}

export interface ArgSpec {
  /** Flags that take a value. */
  values: readonly string[];
  /** Flags that are on/off. */
  booleans?: readonly string[];
}

export function parseArgs(argv: readonly string[], spec: ArgSpec, command: string): ParsedArgs {
  const positionals: string[] = [];
  const flags = new Map<string, string | true>();
  const booleans = new Set(['help', ...(spec.booleans ?? [])]);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '-h') {
      flags.set('help', true);
      continue;
    }
    if (!arg.startsWith('--') || arg === '--') {
      if (arg !== '--') positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
    if (booleans.has(name)) {
      flags.set(name, true);
      continue;
    }
    if (!spec.values.includes(name))
      throw new CliError(`Unknown option --${name} for "${command}". Run "cepheus ${command} --help".`, 2);
    const value = eq === -1 ? argv[++i] : arg.slice(eq + 1);
    if (value === undefined || value === '') throw new CliError(`Option --${name} needs a value.`, 2);
    flags.set(name, value);
  }
  return { positionals, flags };
}

export function flag(args: ParsedArgs, name: string): string | undefined {
  const v = args.flags.get(name);
  return typeof v === 'string' ? v : undefined;
}
