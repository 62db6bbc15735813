/**
 * The entry of the built `cepheus` command (cli/dist/cepheus.js); bin/cepheus.mjs runs main.ts from
 * source. Node's compile cache (22.1 and later) is switched on before the CLI and the engine load,
 * so later starts skip most of the parsing; the dynamic import keeps them from loading earlier.
 */
import module from 'node:module';

// Not in Node 20's types or runtime: feature-checked.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();
const { main } = await import('./main');
process.exitCode = await main(process.argv.slice(2));
