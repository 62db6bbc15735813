/**
 * `npm run samples:generate`: one command, so npm hands `-- <options>` to it (a script of two
 * commands joined by && passes them to the second only).
 *
 *   npm run samples:generate                       small recordings (committed) and the sample patterns
 *   npm run samples:generate -- --large            a 1,000,000-event risk recording in samples/recordings/generated
 *   npm run samples:generate -- --large --rows N --out DIR   another size, another folder
 *
 * Deterministic: the same options always write the same bytes.
 */
import { resolve } from 'node:path';
import { writeLarge, writeSmall, LARGE_DIR } from './generate';
import { writePatterns } from './patterns';

export const SAMPLES_USAGE = `Usage: npm run samples:generate [-- --large [--rows N] [--out DIR]]`;

export interface SamplesArgs {
  large: boolean;
  rows: number;
  out: string;
}

export function parseSamplesArgs(args: readonly string[]): SamplesArgs | { error: string } {
  const out: SamplesArgs = { large: false, rows: 1_000_000, out: LARGE_DIR };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--large') out.large = true;
    else if (a === '--rows') {
      const n = Number(args[++i]);
      if (!Number.isInteger(n) || n < 1)
        return { error: `--rows needs a whole number ≥ 1, got "${args[i]}"` };
      out.rows = n;
    } else if (a === '--out') {
      const dir = args[++i];
      if (!dir) return { error: '--out needs a folder' };
      out.out = resolve(dir);
    } else return { error: `unknown option "${a}"` };
  }
  if (!out.large && (out.rows !== 1_000_000 || out.out !== LARGE_DIR))
    return { error: '--rows and --out apply to --large only' };
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  const parsed = parseSamplesArgs(process.argv.slice(2));
  if ('error' in parsed) {
    console.error(`samples:generate: ${parsed.error}\n${SAMPLES_USAGE}`);
    process.exit(2);
  }
  if (parsed.large) await writeLarge(parsed.rows, parsed.out);
  else {
    writeSmall();
    writePatterns();
  }
}
