/** The replay under the run budget: a run pauses on the last step that fits, a step past it is refused, the analysis stops. */
import { describe, expect, it } from 'vitest';
import { ReplayAnalysis, ReplaySession } from '../../../engine/debug';
import { RunBudgetExceeded } from '../../../engine/nfa/index';
import { explosivePattern } from '../../support/explosive-pattern';
import { arraySource, eventsOf, prepared } from './fixtures';

const doc = explosivePattern().toDocument({
  name: 'Explosive',
  settings: {
    time: { mode: 'event', field: 't', format: 'epochMillis', outOfOrdernessMs: 0, watermarkIntervalMs: 1 },
  },
});
const names = ['a', 'b', 'b', 'c', 'b'];
let seed = 3;
const payloads = Array.from({ length: 2_000 }, (_, t) => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return { t, name: names[Math.floor((seed / 2147483648) * 5)] };
});
const source = () => arraySource(eventsOf(payloads));

describe('replay under the run budget', () => {
  it('run to end pauses on the last step that fits and says why; a step past it is refused, back still works', () => {
    const session = new ReplaySession(prepared(doc), source());
    const r = session.runToEnd();
    expect(r.done).toBe(false);
    expect(r.stopped).toMatch(/one event completed more than 1,000 matches .* stage "c"/);
    const paused = r.report.position;
    expect(paused).toBeGreaterThan(10);
    expect(paused).toBeLessThan(2_000);
    expect(() => session.stepForward()).toThrow(RunBudgetExceeded);
    // The refused step leaves the session where it was, and usable.
    expect(session.position).toBe(paused);
    expect(session.stepBack().position).toBe(paused - 1);
    expect(session.stepForward().position).toBe(paused);
  });

  it('the whole-recording analysis stops there too, and says so in its timeline', () => {
    const session = new ReplaySession(prepared(doc), source());
    const analysis = new ReplayAnalysis(prepared(doc), source(), session.checkpoints);
    while (!analysis.runChunk(500));
    const timeline = analysis.timeline(100, 100);
    expect(timeline.complete).toBe(true);
    expect(timeline.stopped).toMatch(/more than 1,000 matches/);
    expect(timeline.position).toBeLessThan(2_000);
    expect(analysis.results.length).toBeGreaterThan(0);
  });
});
