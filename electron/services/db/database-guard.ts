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

export interface DatabaseGuardOptions {
  file: string;
  /** How long a call keeps retrying while the database is busy (ms). */
  busyDeadlineMs?: number;
  /** Pause between attempts (ms). */
  retryPauseMs?: number;
  /** Injected for tests. */
  sleep?: (ms: number) => Promise<void>;
}

export interface DatabaseGuard {
  wrap<T extends object>(group: T): T;
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export function createDatabaseGuard(options: DatabaseGuardOptions): DatabaseGuard {
  const deadline = options.busyDeadlineMs ?? 30_000;
  const retryPause = options.retryPauseMs ?? 200;
  const sleep = options.sleep ?? pause;
  let damaged: Error | null = null;

  async function call(fn: (...args: unknown[]) => unknown, self: unknown, args: unknown[]): Promise<unknown> {
    const start = Date.now();
    for (;;) {
      if (damaged !== null) throw damaged;
      try {
        return await fn.apply(self, args);
      } catch (error) {
        const kind = classifyDatabaseError(error);
        if (kind === 'busy' && Date.now() - start < deadline) {
          await sleep(retryPause);
          continue;
        }
        const explained = explainDatabaseError(error, options.file);
        if (kind === 'damaged' && explained instanceof Error) damaged = explained;
        throw explained;
      }
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
