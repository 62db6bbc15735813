import { describe, expect, it } from 'vitest';
import { CheckpointStore, ReplaySession, type Checkpoint } from '../../../engine/debug';
import { SNAPSHOT_BYTES_PER_STEP } from '../../../engine/debug/checkpoints';
import { arraySource, csvEvents, loadSample, prepared } from './fixtures';

const pattern = prepared(loadSample('samples/patterns/risk/card-testing.cep.json'));
const events = csvEvents('samples/recordings/risk-transactions.csv', 'ts');
const snapshot = new ReplaySession(pattern, arraySource(events)).stateSnapshot();

function checkpoint(position: number, approxBytes: number): Checkpoint {
  return { position, snapshot, counters: { stages: {}, matches: 0, timeouts: 0, late: 0 }, approxBytes };
}

/** Adds a checkpoint wherever the store wants one, up to `to`. */
function fill(store: CheckpointStore, from: number, to: number, bytes: number): void {
  for (let p = from; p <= to; p++) if (store.wants(p)) store.add(checkpoint(p, bytes));
}

describe('CheckpointStore spacing', () => {
  it('spaces checkpoints wider while snapshots are large and back down when they are small', () => {
    const store = new CheckpointStore(100_000);
    expect(store.interval).toBe(256);
    fill(store, 1, 10_000, 1000 * SNAPSHOT_BYTES_PER_STEP);
    expect(store.interval).toBe(1024);
    expect(store.positions()[0]).toBe(1024);
    fill(store, 10_001, 90_000, 10);
    expect(store.interval).toBe(256);
    expect(store.positions().every((p) => p % 256 === 0)).toBe(true);
    expect(store.find(89_999)?.position).toBe(89_856);
  });

  it('keeps an interval that was asked for, thinning only over the byte budget', () => {
    const store = new CheckpointStore(100_000, { interval: 10, budgetBytes: 1000 });
    fill(store, 1, 100, 10 * SNAPSHOT_BYTES_PER_STEP);
    expect(store.interval).toBeGreaterThan(10);
    const fixed = new CheckpointStore(100_000, { interval: 10 });
    fill(fixed, 1, 100, 10 * SNAPSHOT_BYTES_PER_STEP);
    expect(fixed.interval).toBe(10);
    expect(fixed.count).toBe(10);
  });
});
