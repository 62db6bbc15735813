/**
 * Wraps the back end's method groups so SQLite trouble reaches the user as a clear CepError:
 * - busy (another Cepheus or the CLI holds the write lock): the call is retried, waiting
 *   asynchronously so the host keeps answering, until `busyDeadlineMs`; a failed attempt
 *   changed nothing (the lock is taken at BEGIN IMMEDIATE), so retrying is safe;
 * - damaged (SQLITE_CORRUPT at run time): this call and every later one is refused with the
 *   file's path and advice, so nothing more is written into a malformed file;
 * - disk full or read-only folder: a plain message, nothing changed.
 */
import { explainDatabaseError, classifyDatabaseError } from './database-errors';
import { processWriteTurn, type WriteTurn } from './write-turn';

export interface DatabaseGuardOptions {
  file: string;
  /** How long a call keeps retrying while the database is busy (ms). */
  busyDeadlineMs?: number;
  /** Pause between attempts (ms). */
  retryPauseMs?: number;
  /** Injected for tests. */
  sleep?: (ms: number) => Promise<void>;
  /** Where a busy call says it waits, so an import of this process gives way (default: the process's). */
  writeTurn?: WriteTurn;
}

export interface DatabaseGuard {
  wrap<T extends object>(group: T): T;
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export function createDatabaseGuard(options: DatabaseGuardOptions): DatabaseGuard {
  const deadline = options.busyDeadlineMs ?? 30_000;
  const retryPause = options.retryPauseMs ?? 50;
  const turn = options.writeTurn ?? processWriteTurn;
  const sleep = options.sleep ?? pause;
  let damaged: Error | null = null;

  async function call(fn: (...args: unknown[]) => unknown, self: unknown, args: unknown[]): Promise<unknown> {
    const start = Date.now();
    let endWait: (() => void) | null = null;
    try {
      for (;;) {
        if (damaged !== null) throw damaged;
        try {
          return await fn.apply(self, args);
        } catch (error) {
          const kind = classifyDatabaseError(error);
          if (kind === 'busy' && Date.now() - start < deadline) {
            // An import of this process sees this and pauses at the end of its current chunk.
            endWait ??= turn.wait();
            await sleep(retryPause);
            continue;
          }
          const explained = explainDatabaseError(error, options.file);
          if (kind === 'damaged' && explained instanceof Error) damaged = explained;
          throw explained;
        }
      }
    } finally {
      endWait?.();
    }
  }

  return {
    wrap<T extends object>(group: T): T {
      return new Proxy(group, {
        get(target, property, receiver) {
          const value: unknown = Reflect.get(target, property, receiver);
          if (typeof value !== 'function') return value;
          return (...args: unknown[]) => call(value as (...a: unknown[]) => unknown, target, args);
        },
      });
    },
  };
}
