/** Spawns the real `cepheus` command (bin/cepheus.mjs) and collects its output. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../export/golden-files';

export const BIN = join(ROOT, 'bin', 'cepheus.mjs');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function cepheus(
  args: readonly string[],
  options: { cwd?: string; stdin?: string } = {},
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: options.cwd ?? ROOT,
      env: { ...process.env, FORCE_COLOR: '0' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.stdin ?? '');
  });
}

/** Parses JSON Lines output. */
export function jsonLines(text: string): unknown[] {
  return text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as unknown);
}
