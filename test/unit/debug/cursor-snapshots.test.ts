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

  it('let a restore start at the snapshot near the cursor that a replay back from a checkpoint left', () => {
    const ctx = createContext(
      pattern,
      arraySource(events),
      new CheckpointStore(events.length + 1, { interval: 1000 }),
    );
    const runner = new Runner(ctx);
    runner.goTo(1900);
    runner.goTo(1800, undefined, true);
    // The checkpoint is at 1000; the way to 1800 left snapshots every FINE_EVERY steps in its last FINE_SPAN.
    runner.restore(1799);
    expect(runner.position).toBe(Math.floor(1799 / FINE_EVERY) * FINE_EVERY);
    runner.restore(1800 - FINE_SPAN + FINE_EVERY);
    expect(runner.position).toBe(
      1800 - FINE_SPAN + FINE_EVERY - ((1800 - FINE_SPAN + FINE_EVERY) % FINE_EVERY),
    );
    runner.restore(1800 - FINE_SPAN - 1);
    expect(runner.position).toBe(1000);
    // Plain moves (seeks, steps forward) leave none.
    const plain = new Runner(ctx);
    plain.goTo(1500);
    plain.goTo(1400);
    plain.restore(1399);
    expect(plain.position).toBe(1000);
  });

  it('keep the matcher state at the cursor after moves answered from reported steps', () => {
    const s = new ReplaySession(pattern, arraySource(events), { checkpoints: { interval: 100 } });
    s.seek(1400);
    for (let i = 0; i < 100; i++) s.stepBack();
    for (let i = 0; i < 30; i++) s.stepForward();
    expect(s.position).toBe(1330);
    const straight = new ReplaySession(pattern, arraySource(events), {
      checkpoints: { interval: 1_000_000 },
    });
    const want = straight.seek(1330);
    expect(s.report()).toEqual(want);
    expect(s.stateSnapshot()).toEqual(straight.stateSnapshot());
    for (let i = 0; i < 10; i++) s.stepBack();
    // A run continues from the cursor, wherever the runner stood.
    expect(s.advance(50, false)).toBeNull();
    expect(s.position).toBe(1370);
    straight.advance(40, false);
    expect(s.stateSnapshot()).toEqual(straight.stateSnapshot());
  });
});
