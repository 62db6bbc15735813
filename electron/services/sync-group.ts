/**
 * Services are written synchronously (better-sqlite3 is synchronous) and exposed through the
 * promise-based contract. `asyncGroup` adapts them so a thrown CepError always becomes a
 * rejected promise, never a synchronous throw out of an API call.
 */

/** The synchronous twin of a method group: same arguments, plain return values. */
export type SyncGroup<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => Promise<infer R> ? (...args: A) => R : never;
};

export function asyncGroup<T extends object>(sync: SyncGroup<T>): T {
  const group: Record<string, unknown> = {};
  const methods = sync as Record<string, (...args: unknown[]) => unknown>;
  for (const [name, fn] of Object.entries(methods)) {
    group[name] = (...args: unknown[]) => new Promise<unknown>((resolve) => resolve(fn(...args)));
  }
  return group as T;
}
