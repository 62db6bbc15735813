// Runs Electronegativity's scanner (its JS API: the bundled CLI breaks with the hoisted
// commander 11) over the given folders in ONE scan, so its global checks (navigation limits,
// CSP) see main and renderer together. The folders are copied side by side into <outDir>/src
// because the scanner takes a single input folder. Writes <outDir>/report.json.
// The scanner's own report writer is not used: it writes the CSV header and the rows with two
// unawaited fs.writeFile calls, and when the rows land first the header write truncates them.
// Usage: node electronegativity-scan.mjs <outDir> <folder>...
import { cpSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const run = require('@doyensec/electronegativity/dist/runner.js');
const [outDir, ...folders] = process.argv.slice(2);
const input = path.join(outDir, 'src');

for (const folder of folders) {
  cpSync(path.resolve(folder), path.join(input, path.basename(folder)), {
    recursive: true,
    filter: (source) => !source.includes(`${path.sep}node_modules`),
  });
}

const result = await run(
  {
    input,
    output: undefined,
    isSarif: false,
    customScan: [],
    excludeFromScan: [],
    isRelative: true,
    isVerbose: false,
    // The installed Electron; without it the scanner asks the network for release data.
    electronVersionOverride: '45.5.0',
    parserPlugins: [],
  },
  false,
);

const findings = (result?.issues ?? []).map((i) => ({
  issue: String(i.id),
  severity: String(i.severity?.name ?? ''),
  file: String(i.file ?? ''),
  location: `${i.location?.line ?? ''}:${i.location?.column ?? ''}`,
  description: String(i.description ?? ''),
}));
writeFileSync(
  path.join(outDir, 'report.json'),
  JSON.stringify({ errors: (result?.errors ?? []).length, findings }, null, 2),
);
