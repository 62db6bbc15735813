/**
 * The transactions of an import: each is committed as soon as a writer of this process waits for
 * the lock (`othersWaiting`, db/write-turn.ts), and at the latest once it has held SQLite's write
 * lock for `chunkMs`, so a save waits a fraction of a second, never the whole import. Between
 * chunks `betweenChunks` runs: in the app it pauses while a writer of the process waits, since
 * SQLite's lock is not a fair queue. Chunks are not shorter than needed: each COMMIT writes the
 * pages it changed, and the key index's pages are changed all over (keys come in random order).
 */
import type { Database } from 'better-sqlite3';

/** Longest a chunk holds the write lock: what a write of another process may wait for an import. */
export const CHUNK_MS = 1000;

export class ChunkedWrites {
  private open = false;
  private started = 0;

  constructor(
    private readonly db: Database,
    private readonly betweenChunks: () => Promise<void>,
    private readonly chunkMs = CHUNK_MS,
    private readonly othersWaiting: () => boolean = () => false,
    private readonly clock: () => number = () => performance.now(),
  ) {}

  private due(): boolean {
    return this.othersWaiting() || this.clock() - this.started >= this.chunkMs;
  }

  /**
   * Begins a chunk unless one is open (BEGIN IMMEDIATE: the lock is taken now, waiting
   * busy_timeout), after giving way if a writer waits.
   */
  async begin(): Promise<void> {
    if (this.open) return;
    if (this.othersWaiting()) await this.betweenChunks();
    this.db.exec('BEGIN IMMEDIATE');
    this.open = true;
    this.started = this.clock();
  }

  /** Commits the open chunk if a writer waits or it has held the lock for chunkMs, then lets others write. */
  async commitIfDue(): Promise<void> {
    if (this.open && this.due()) await this.commit();
  }

  /**
   * Awaits `pending` (the next rows) without keeping the lock longer than a chunk may: a slow
   * source (a pipe, a network drive, a stalled disk) must not hold it while nothing is written.
   * The open chunk is committed from a timer once due; no statement runs in between (writes are
   * synchronous), so committing there is safe.
   */
  async idle<T>(pending: Promise<T>): Promise<T> {
    if (!this.open) return pending;
    const timer = setInterval(() => {
      if (this.open && this.due()) {
        this.db.exec('COMMIT');
        this.open = false;
      }
    }, 5);
    try {
      return await pending;
    } finally {
      clearInterval(timer);
    }
  }

  async commit(): Promise<void> {
    if (!this.open) return;
    this.db.exec('COMMIT');
    this.open = false;
    await this.betweenChunks();
  }

  /** Commits the import's last transaction (nothing follows, so no pause). */
  commitLast(): void {
    if (!this.open) return;
    this.db.exec('COMMIT');
    this.open = false;
  }

  /** Drops the open chunk's writes (earlier chunks stay committed; see unfinished-imports.ts). */
  rollback(): void {
    if (this.open && this.db.inTransaction) this.db.exec('ROLLBACK');
    this.open = false;
  }
}

/** The default gap between chunks: one turn of the event loop (messages such as a cancel get through). */
export const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
