/**
 * Where a web host keeps uploaded recordings, and when they go. Each host writes into its own
 * folder `<root>/<pid>-<random>`, so hosts sharing the temp folder never delete each other's
 * files. An upload is deleted when its import succeeds; after a failed or cancelled import it is
 * kept for a while (the import dialog offers "Back" to retry with other settings) and then
 * deleted. A host's folder goes when it closes; at start, folders of hosts that died (their
 * process is gone) and loose files of older versions are removed.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** How long a failed or cancelled import's upload waits for a retry. */
export const RETRY_GRACE_MS = 30 * 60 * 1000;

/** Files directly in the root predate per-host folders; a day later nobody needs them. */
const LOOSE_FILE_AGE_MS = 24 * 60 * 60 * 1000;

const HOST_FOLDER = /^(\d+)-[0-9a-f]+$/;

export const defaultUploadRoot = (): string => path.join(tmpdir(), 'cepheus-uploads');

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes what dead hosts and older versions left in `root`; returns the names removed. */
export function removeStaleUploads(root: string, now = Date.now()): string[] {
  let entries: string[];
  try {
    entries = readdirSync(root);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of entries) {
    const full = path.join(root, name);
    try {
      const info = statSync(full);
      const host = HOST_FOLDER.exec(name);
      const stale = info.isDirectory()
        ? host !== null && !isAlive(Number(host[1]))
        : now - info.mtimeMs > LOOSE_FILE_AGE_MS;
      if (!stale) continue;
      rmSync(full, { recursive: true, force: true });
      removed.push(name);
    } catch {
      // Vanished meanwhile, or not ours to remove: leave it.
    }
  }
  return removed;
}

export class UploadFolder {
  readonly dir: string;
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(
    root = defaultUploadRoot(),
    private readonly retryGraceMs = RETRY_GRACE_MS,
  ) {
    removeStaleUploads(root);
    this.dir = path.join(root, `${process.pid}-${randomBytes(6).toString('hex')}`);
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
  }

  /** True for a file this host received (only those are ever deleted). */
  owns(file: string): boolean {
    return path.dirname(path.resolve(file)) === this.dir;
  }

  /** An import of `file` starts: a pending deletion waits. */
  importStarted(file: string): void {
    clearTimeout(this.timers.get(file));
    this.timers.delete(file);
  }

  /** An import of `file` ended: delete it now (success) or after the retry grace (failure, cancel). */
  importEnded(file: string, succeeded: boolean): void {
    if (!this.owns(file)) return;
    if (succeeded || this.retryGraceMs <= 0) {
      this.remove(file);
      return;
    }
    const timer = setTimeout(() => this.remove(file), this.retryGraceMs);
    timer.unref();
    this.timers.set(file, timer);
  }

  /** The host closes: every upload goes. */
  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    rmSync(this.dir, { recursive: true, force: true });
  }

  private remove(file: string): void {
    this.timers.delete(file);
    rmSync(file, { force: true });
  }
}
