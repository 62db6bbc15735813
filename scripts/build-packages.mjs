#!/usr/bin/env node
// Builds the installable packages from the TypeScript sources (run by their `prepack`):
//   engine/dist   @cepheus/engine: one ESM bundle (zod external) + .d.ts per source file
//   cli/dist      cepheus: a launcher and the CLI as one CommonJS bundle (engine, zod, csv-parse inside)
//                 loaded with a code cache; dist/engine (the engine package's build) is `cepheus/engine`
// Usage: node scripts/build-packages.mjs [engine|cli]   (no argument: both)
//        node scripts/build-packages.mjs cli-bundle <folder>   (the CLI's launcher and bundle only)
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { build } from 'esbuild';

const root = resolve(import.meta.dirname, '..');
const engineDir = join(root, 'engine');
const cliDir = join(root, 'cli');
// Node 20 is still common on servers; the bundles keep to what it runs.
const target = 'node20';

function tsc(args) {
  const r = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), ...args], {
    cwd: root,
    stdio: 'inherit',
  });
  if (r.status !== 0) throw new Error(`tsc ${args.join(' ')} failed`);
}

function* files(dir, suffix) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path, suffix);
    else if (entry.name.endsWith(suffix)) yield path;
  }
}

/**
 * The sources import relative paths without extensions (bundler resolution); a consumer type-checking
 * with "moduleResolution": "nodenext" needs them spelled out, so the emitted declarations get them.
 */
function spellOutSpecifiers(typesDir) {
  for (const file of files(typesDir, '.d.ts')) {
    const text = readFileSync(file, 'utf8').replace(
      /((?:from |import\()\s*['"])(\.{1,2}\/[^'"]*)(['"])/g,
      (whole, before, spec, after) => {
        if (/\.js$/.test(spec)) return whole;
        const base = resolve(dirname(file), spec);
        if (existsSync(`${base}.d.ts`)) return `${before}${spec}.js${after}`;
        if (existsSync(join(base, 'index.d.ts'))) return `${before}${spec}/index.js${after}`;
        throw new Error(`${relative(root, file)}: cannot resolve ${spec}`);
      },
    );
    writeFileSync(file, text);
  }
}

async function buildEngine() {
  const dist = join(engineDir, 'dist');
  rmSync(dist, { recursive: true, force: true });
  await build({
    entryPoints: [join(engineDir, 'index.ts')],
    outfile: join(dist, 'index.js'),
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    target,
    external: ['zod'],
    sourcemap: true,
    sourcesContent: false,
    legalComments: 'none',
    logLevel: 'warning',
  });
  tsc([
    '-p',
    'engine/tsconfig.json',
    '--noEmit',
    'false',
    // The engine is a composite project for tsc -b; the package needs no .tsbuildinfo.
    '--composite',
    'false',
    '--incremental',
    'false',
    '--declaration',
    '--emitDeclarationOnly',
    '--outDir',
    'engine/dist/types',
  ]);
  spellOutSpecifiers(join(dist, 'types'));
  cpSync(join(root, 'schema', 'cepheus-pattern.schema.json'), join(dist, 'cepheus-pattern.schema.json'));
  console.log(`built ${relative(root, dist)}`);
}

/** The CLI imports values from the engine's entry point only (explicit package entry points). */
const engineEntryOnly = {
  name: 'engine-entry-only',
  setup(b) {
    b.onResolve({ filter: /^\.{1,2}\// }, (args) => {
      const path = resolve(args.resolveDir, args.path);
      if (path !== engineDir && !path.startsWith(engineDir + '/')) return undefined;
      if (path === engineDir || path === join(engineDir, 'index') || path === join(engineDir, 'index.ts'))
        return undefined;
      if (args.importer.startsWith(engineDir + '/')) return undefined;
      return {
        errors: [
          {
            text: `${relative(root, path)}: the CLI and node/ import values from the engine's entry point (engine/index.ts) only`,
          },
        ],
      };
    });
  },
};

/**
 * cli/dist: cepheus.js (a small ESM launcher) loads cli.cjs, the whole CLI with the engine, zod and
 * csv-parse in one CommonJS file, through a V8 code cache (cli/compile-cache.ts): one file to read and a
 * cache V8 can take whole; ES modules cannot be given a code cache on Node 20. dist/engine is the engine
 * package's build, exported as `cepheus/engine`.
 */
async function buildCli() {
  const dist = join(cliDir, 'dist');
  rmSync(dist, { recursive: true, force: true });
  mkdirSync(dist, { recursive: true });
  cpSync(join(engineDir, 'dist'), join(dist, 'engine'), { recursive: true });
  await buildCliBundle(dist);
  console.log(`built ${relative(root, dist)}`);
}

/** The launcher and the bundle alone, into `dist` (the cli-start bench builds its own copy so). */
async function buildCliBundle(dist) {
  const common = {
    bundle: true,
    platform: 'node',
    target,
    sourcemap: true,
    sourcesContent: false,
    legalComments: 'none',
    logLevel: 'warning',
  };
  await build({
    ...common,
    entryPoints: [join(cliDir, 'main.ts')],
    outfile: join(dist, 'cli.cjs'),
    format: 'cjs',
    plugins: [engineEntryOnly],
    // Less to read and hash; names are kept so an internal error's stack still says where.
    minifyWhitespace: true,
    minifySyntax: true,
    define: { 'import.meta.url': '__cliFileUrl' },
    banner: { js: 'var __cliFileUrl = require("node:url").pathToFileURL(__filename).href;' },
  });
  await build({
    ...common,
    entryPoints: [join(cliDir, 'cepheus.ts')],
    outfile: join(dist, 'cepheus.js'),
    format: 'esm',
    packages: 'external',
    banner: { js: '#!/usr/bin/env node' },
  });
}

const [only, out] = process.argv.slice(2);
if (only === 'cli-bundle' && out) {
  await buildCliBundle(resolve(out));
} else if (only && only !== 'engine' && only !== 'cli') {
  console.error('usage: node scripts/build-packages.mjs [engine|cli|cli-bundle <folder>]');
  process.exit(2);
} else {
  // The CLI carries the engine: building it builds the engine first.
  await buildEngine();
  if (!only || only === 'cli') await buildCli();
}
