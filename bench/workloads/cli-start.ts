/**
 * cli-start: the CPU the built `cepheus` command costs to start, as a user runs it (the launcher and
 * bundle of cli/dist, built as `npm pack` builds them): `--help`, and `validate` on a sample with the code cache warm and switched off,
 * beside a bare `node -e 0` on the same Node. Measured on this Node and on the machine's own `node` when
 * that is another version (npm run uses the pinned Node 22; a user's shell may have Node 20).
 * CPU, not wall time: on a shared machine wall time is mostly waiting for a core.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import type { Workload } from '../workload';
import { ROOT } from '../../cli/commands/delegate';

const SAMPLE = join(ROOT, 'samples', 'patterns', 'login-brute-force.cep.json');

/** User + system CPU of one run, from bash's `times` (children's line), in ms. */
function cpuMs(node: string, args: readonly string[], env: NodeJS.ProcessEnv): number {
  const quoted = [node, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const r = spawnSync('bash', ['-c', `${quoted} >/dev/null 2>&1; times`], { env, encoding: 'utf8' });
  const children = r.stdout.trim().split('\n').at(-1) ?? '';
  const parts = [...children.matchAll(/(\d+)m([\d.]+)s/g)].map((m) => Number(m[1]) * 60 + Number(m[2]));
  if (parts.length !== 2) throw new Error(`cli-start: cannot read the CPU time from "${r.stdout}"`);
  return Math.round((parts[0] + parts[1]) * 1000);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)];
}

/** The `node` a shell finds outside node_modules (the machine's own), when it is another binary. */
function machineNode(): string | null {
  const dirs = (process.env.PATH ?? '').split(delimiter).filter((d) => d && !d.includes('node_modules'));
  const r = spawnSync('bash', ['-c', 'command -v node'], {
    env: { ...process.env, PATH: dirs.join(delimiter) },
    encoding: 'utf8',
  });
  const found = r.status === 0 ? r.stdout.trim() : '';
  if (!found) return null;
  const version = execFileSync(found, ['-v'], { encoding: 'utf8' }).trim();
  return version === process.version ? null : found;
}

function measure(node: string, cli: string, runs: number, cacheDir: string): Record<string, unknown> {
  const warm = { ...process.env, CEPHEUS_COMPILE_CACHE: cacheDir };
  const off = { ...process.env, CEPHEUS_COMPILE_CACHE: '0' };
  cpuMs(node, [cli, 'validate', SAMPLE], warm); // makes the cache
  const bare: number[] = [];
  const help: number[] = [];
  const cached: number[] = [];
  const uncached: number[] = [];
  // Interleaved, so a change of load hits every column alike.
  for (let i = 0; i < runs; i++) {
    bare.push(cpuMs(node, ['-e', '0'], warm));
    help.push(cpuMs(node, [cli, '--help'], warm));
    cached.push(cpuMs(node, [cli, 'validate', SAMPLE], warm));
    uncached.push(cpuMs(node, [cli, 'validate', SAMPLE], off));
  }
  return {
    node: execFileSync(node, ['-v'], { encoding: 'utf8' }).trim(),
    bareNodeCpuMs: median(bare),
    helpCpuMs: median(help),
    validateCpuMs: median(cached),
    validateNoCacheCpuMs: median(uncached),
  };
}

export const cliStart: Workload = {
  slug: 'cli-start',
  title: 'cepheus --help and validate: CPU per start (built CLI, code cache warm and off)',
  fullSize: 15,
  prepare() {
    throw new Error('cli-start measures itself');
  },
  custom(size, quick) {
    const runs = quick ? 3 : size;
    const cacheDir = mkdtempSync(join(tmpdir(), 'cepheus-bench-cli-'));
    try {
      // Its own build (as `npm pack` builds it), so it never races a build of cli/dist.
      const cli = join(cacheDir, 'dist', 'cepheus.js');
      const build = join(ROOT, 'scripts', 'build-packages.mjs');
      execFileSync(process.execPath, [build, 'cli-bundle', join(cacheDir, 'dist')], { stdio: 'ignore' });
      const other = machineNode();
      const nodes = other ? [process.execPath, other] : [process.execPath];
      const results = nodes.map((n) => measure(n, cli, runs, join(cacheDir, 'cache')));
      return Promise.resolve({ workload: 'cli-start', runs, nodes: results, ...results[results.length - 1] });
    } finally {
      rmSync(cacheDir, { recursive: true, force: true });
    }
  },
};
