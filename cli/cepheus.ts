/**
 * The entry of the built `cepheus` command (cli/dist/cepheus.js); bin/cepheus.mjs runs main.ts from
 * source. The CLI itself is one CommonJS bundle beside this file (dist/cli.cjs, engine and zod inside),
 * loaded with a V8 code cache: see compile-cache.ts.
 */
import { fileURLToPath } from 'node:url';
import { requireWithCodeCache } from './compile-cache';
import { asksForMainHelp, MAIN_HELP } from './main-help';

type Cli = { main: (argv: readonly string[]) => Promise<number> };

const argv = process.argv.slice(2);
if (asksForMainHelp(argv)) {
  console.log(MAIN_HELP);
} else {
  const bundle = fileURLToPath(new URL('./cli.cjs', import.meta.url));
  const { main } = requireWithCodeCache(bundle, argv[0]) as Cli;
  process.exitCode = await main(argv);
}
