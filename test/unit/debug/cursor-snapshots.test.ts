import { describe, expect, it } from 'vitest';
import { CheckpointStore, ReplaySession } from '../../../engine/debug';
import { FINE_EVERY, FINE_SPAN } from '../../../engine/debug/cursor-snapshots';
import { createContext, Runner } from '../../../engine/debug/runner';
import { arraySource, csvEvents, loadSample, prepared } from './fixtures';

const pattern = prepared(loadSample('samples/patterns/risk/card-testing.cep.json'));
const events = csvEvents('samples/recordings/risk-transactions.csv', 'ts');

describe('snapshots near the cursor', () => {
  it('give the same reports stepping back as a straight run stepping forward', () => {
    const from = 1400;
    const back = 3 * FINE_SPAN + 5;
    const s = new ReplaySession(pattern, arraySource(events), { checkpoints: { interval: 100 } });
    s.seek(from);
    const backwards = [s.report()];
    for (let i = 0; i < back; i++) backwards.push(s.stepBack());
    expect(s.position).toBe(from - back);
    const straight = new ReplaySession(pattern, arraySource(events), {
      checkpoints: { interval: 1_000_000 },
    });
    straight.seek(from - back);
    const forwards = [straight.report()];
    for (let i = 0; i < back; i++) forwards.push(straight.stepForward());
    expect(backwards.reverse()).toEqual(forwards);
  });

  it('let a restore start within a few steps of the target after a replay from a checkpoint', () => {
    const ctx = createContext(
      pattern,
      arraySource(events),
      new CheckpointStore(events.length + 1, { interval: 512 }),
    );
    const runner = new Runner(ctx);
    runner.goTo(1200);
    runner.goTo(1100);
    // The checkpoint is at 1024; snapshots near the cursor were left on the way to 1100.
    runner.restore(1097);
    expect(runner.position).toBeGreaterThan(1097 - FINE_EVERY);
    expect(runner.position).toBeLessThanOrEqual(1097);
    runner.restore(1100 - FINE_SPAN - FINE_EVERY);
    expect(runner.position).toBe(1024);
  });
});
