/**
 * The packages as a user gets them: `npm pack` of the CLI package (cli/) and of the engine package
 * (engine/), each installed with `npm install <tarball>` into an empty folder. There `npx cepheus`
 * validates, runs, exports, imports and tests a sample, and a small TypeScript file that imports the engine
 * type-checks under nodenext resolution and runs.
 */
import { execFile } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../export/golden-files';

const exec = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'cepheus-pack-'));
const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
const PATTERN = 'card-testing.cep.json';

afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(
  cmd: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ stdout: string; stderr: string }> {
  try {
    return await exec(cmd, args, { cwd, env, encoding: 'utf8', maxBuffer: 32 * 1024 * 1024 });
  } catch (e) {
    const { stdout, stderr } = e as { stdout?: string; stderr?: string };
    throw new Error(`${cmd} ${args.join(' ')} failed in ${cwd}:\n${stdout ?? ''}\n${stderr ?? ''}`, {
      cause: e,
    });
  }
}

/** An empty project folder with one tarball installed from disk. */
async function installInEmptyFolder(name: string, tarball: string): Promise<string> {
  const folder = join(dir, name);
  mkdirSync(folder);
  writeFileSync(join(folder, 'package.json'), JSON.stringify({ name, private: true, type: 'module' }));
  await run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', tarball], folder);
  return folder;
}

/** The ```ts block after the "run as written" note of a README. */
function readmeExample(readme: string): { code: string; prints: string } {
  const text = readFileSync(join(ROOT, readme), 'utf8');
  const at = text.indexOf('is run as written by test/unit/packaging/pack-install.test.ts');
  const block = /```ts\n([\s\S]*?)```/.exec(text.slice(at));
  if (at < 0 || !block) throw new Error(`${readme} has no tested example`);
  const prints = /\/\/ prints: (.*)/.exec(block[1]);
  return { code: block[1], prints: prints ? prints[1] : '' };
}

/** A TypeScript file checked the strict way a Node project checks it (nodenext), then run. */
async function typecheckAndRun(folder: string, code: string, args: string[] = []): Promise<string> {
  writeFileSync(
    join(folder, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2023',
        module: 'nodenext',
        moduleResolution: 'nodenext',
        strict: true,
        // No @types/node: the engine needs none (zod's types want DOM's URL); process is declared below.
        types: [],
        lib: ['ES2023', 'DOM'],
        skipLibCheck: false,
        outDir: 'out',
      },
      files: ['check.ts', 'globals.d.ts'],
    }),
  );
  writeFileSync(join(folder, 'globals.d.ts'), 'declare const process: { argv: string[] };\n');
  writeFileSync(join(folder, 'check.ts'), code);
  await run(process.execPath, [TSC, '-p', 'tsconfig.json'], folder);
  return (await run(process.execPath, ['out/check.js', ...args], folder)).stdout;
}

/** A second program: the types are real (a wrong use fails to compile), results come back. */
const TYPED_USE = (
  specifier: string,
): string => `import { documentToSpec, loadDocument, exportPattern, type ExportTarget } from '${specifier}';

const loaded = loadDocument(JSON.parse(process.argv[2]) as unknown);
if (!loaded.ok) throw new Error('not a document');
// @ts-expect-error a document's name is text
const wrong: number = loaded.document.name;
const target: ExportTarget = 'flink-sql';
const sql = exportPattern(loaded.document, target);
console.log(JSON.stringify({ name: loaded.document.name, lowered: documentToSpec(loaded.document).ok, wrong: typeof wrong, sqlOk: typeof sql === 'object' }));
`;

let cliTarball = '';
let engineTarball = '';

beforeAll(async () => {
  // What each package's prepack runs, done once for both (the CLI build builds the engine too).
  await run(process.execPath, [join(ROOT, 'scripts', 'build-packages.mjs')], ROOT);
  const packed = await run(
    'npm',
    ['pack', '--ignore-scripts', '--json', '--pack-destination', dir, '-w', 'engine', '-w', 'cli'],
    ROOT,
  );
  const files = (JSON.parse(packed.stdout.slice(packed.stdout.indexOf('['))) as { filename: string }[]).map(
    (p) => join(dir, p.filename),
  );
  engineTarball = files.find((f) => /cepheus-engine-/.test(f)) ?? '';
  cliTarball = files.find((f) => /[\\/]cepheus-\d/.test(f)) ?? '';
}, 600_000);

describe('the cepheus CLI package installed from its tarball', () => {
  let folder = '';
  beforeAll(async () => {
    folder = await installInEmptyFolder('cli-user', cliTarball);
    cpSync(join(ROOT, 'samples', 'patterns', 'risk', PATTERN), join(folder, PATTERN));
  }, 600_000);

  it('brings no app dependencies (Electron, React, Monaco, SQLite) and no TypeScript sources', () => {
    const installed = readdirSync(join(folder, 'node_modules')).filter((n) => !n.startsWith('.'));
    // csv-parse is inside the CLI's bundle; zod stays a dependency for cepheus/engine.
    expect(installed.sort()).toEqual(['cepheus', 'zod']);
    const files = readdirSync(join(folder, 'node_modules', 'cepheus', 'dist'), {
      recursive: true,
    }) as string[];
    expect(files.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))).toEqual([]);
  });

  it('npx cepheus validate | run | export | import | test work there', async () => {
    const help = await run('npx', ['cepheus', '--help'], folder);
    expect(help.stdout).toMatch(/Usage: cepheus <command>/);
    const valid = await run('npx', ['cepheus', 'validate', PATTERN], folder);
    expect(valid.stdout).toMatch(/valid \(2 stages\)/);

    const events = [
      { ts: '2026-01-01T00:00:00Z', cardId: 'c1', type: 'transfer', amount: 0.5 },
      { ts: '2026-01-01T00:00:01Z', cardId: 'c1', type: 'transfer', amount: 20_000 },
    ];
    writeFileSync(join(folder, 'events.jsonl'), events.map((e) => JSON.stringify(e)).join('\n') + '\n');
    const matches = await run('npx', ['cepheus', 'run', PATTERN, 'events.jsonl'], folder);
    expect(matches.stdout).toMatch(/"kind":"match"/);

    const java = await run('npx', ['cepheus', 'export', PATTERN, '--to', 'flink-java'], folder);
    expect(java.stdout).toMatch(/Pattern\.</);
    await run('npx', ['cepheus', 'export', PATTERN, '--to', 'flink-json', '--out', 'rule.json'], folder);
    await run('npx', ['cepheus', 'import', 'rule.json', '--out', 'back.cep.json'], folder);
    const back = await run('npx', ['cepheus', 'validate', 'back.cep.json'], folder);
    expect(back.stdout).toMatch(/valid \(2 stages\)/);

    // The tests saved in a sample pattern, over the recording they name (a path relative to it).
    const sample = join('samples', 'patterns', 'risk', PATTERN);
    cpSync(join(ROOT, sample), join(folder, sample));
    const recording = join('samples', 'recordings', 'risk-transactions.csv');
    cpSync(join(ROOT, recording), join(folder, recording));
    const tested = await run('npx', ['cepheus', 'test', sample], folder);
    expect(tested.stdout).toMatch(/[1-9]\d* passed, 0 failed/);
  }, 120_000);

  it('keeps a code cache per command in a private folder, and ignores a folder others can write', async () => {
    const cache = join(folder, 'code-cache');
    const env = { ...process.env, CEPHEUS_COMPILE_CACHE: cache };
    const first = await run('npx', ['cepheus', 'validate', PATTERN], folder, env);
    expect(readdirSync(cache).filter((f) => f.endsWith('-validate.v8cache'))).toHaveLength(1);
    expect(statSync(cache).mode & 0o077).toBe(0);
    // The second start reads the cache and prints the same.
    const second = await run('npx', ['cepheus', 'validate', PATTERN], folder, env);
    expect(second.stdout).toBe(first.stdout);

    const shared = join(folder, 'shared-cache');
    mkdirSync(shared);
    chmodSync(shared, 0o777);
    const open = await run('npx', ['cepheus', 'validate', PATTERN], folder, {
      ...process.env,
      CEPHEUS_COMPILE_CACHE: shared,
    });
    expect(open.stdout).toBe(first.stdout);
    expect(readdirSync(shared)).toEqual([]);
  }, 120_000);

  it('a TypeScript file imports cepheus/engine with its types, type-checks and runs', async () => {
    const doc = readFileSync(join(folder, PATTERN), 'utf8');
    const out = JSON.parse(await typecheckAndRun(folder, TYPED_USE('cepheus/engine'), [doc])) as {
      name: string;
      lowered: boolean;
      sqlOk: boolean;
    };
    expect(out).toMatchObject({
      name: (JSON.parse(doc) as { name: string }).name,
      lowered: true,
      sqlOk: true,
    });
  }, 120_000);
});

describe('the @cepheus/engine package installed from its tarball', () => {
  it('installs with zod only; the README examples type-check under nodenext and print what they say', async () => {
    const folder = await installInEmptyFolder('engine-user', engineTarball);
    const installed = readdirSync(join(folder, 'node_modules')).filter((n) => !n.startsWith('.'));
    expect(installed.sort()).toEqual(['@cepheus', 'zod']);
    for (const readme of ['engine/README.md', 'README.md']) {
      const example = readmeExample(readme);
      expect(example.prints).not.toBe('');
      expect((await typecheckAndRun(folder, example.code)).trim()).toBe(example.prints);
    }
  }, 600_000);
});
