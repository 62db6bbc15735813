/**
 * Monitoring recordings: host metrics every 30 s (CPU and error rate) and service heartbeats every 10 s.
 * Noise has short CPU spikes (at most 9 hot readings in a row, one short of the rule) and error-rate
 * blips below the alert threshold, so only planted incidents fire.
 */
import { Prng } from './prng';
import {
  MINUTE,
  START_MS,
  arrivalOrder,
  idMaker,
  renumber,
  type GeneratedRecording,
  type Planted,
  type SampleEvent,
} from './recording';

export interface MonitoringOptions {
  hosts: number;
  services: number;
  hours: number;
  seed: number;
  plant: boolean;
}

const READING_MS = 30_000;
const BEAT_MS = 10_000;

export function generateMetrics(opts: MonitoringOptions): GeneratedRecording {
  const rng = new Prng(opts.seed);
  const nextId = idMaker('m');
  const planted: Planted[] = [];
  const events: SampleEvent[] = [];
  const readings = (opts.hours * 60 * MINUTE) / READING_MS;
  const host = (i: number): string => `h${String(i).padStart(2, '0')}`;
  // Planned episodes per host: [first reading, length, kind].
  const hot = new Map<string, [number, number][]>([
    [host(2), [[100, 12]]],
    [host(7), [[250, 10]]],
    [host(4), [[60, 9]]], // near miss: nine hot readings
  ]);
  const rising = new Map<string, number[]>([
    [host(3), [150]],
    [host(9), [300]],
    [host(5), [200]], // near miss handled below: two rises then a drop
  ]);

  for (let h = 1; h <= opts.hosts; h++) {
    const name = host(h);
    let cpu = rng.int(20, 60);
    const hotRuns = opts.plant ? (hot.get(name) ?? []) : [];
    const riseAt = opts.plant ? (rising.get(name) ?? []) : [];
    let hotIds: string[] = [];
    let riseIds: string[] = [];
    for (let r = 0; r < readings; r++) {
      const ts = START_MS + r * READING_MS + rng.int(0, 2_000);
      cpu = Math.min(85, Math.max(5, cpu + rng.int(-8, 8)));
      let value = cpu;
      const run = hotRuns.find(([from, len]) => r >= from && r < from + len);
      // Short natural spikes: at most 3 readings above 90.
      if (!run && r % 97 < 3 && h % 3 === 0) value = 91 + rng.int(0, 6);
      if (run) value = 91 + rng.int(0, 8);
      let errorRate = Math.round(rng.next() * 0.012 * 1000) / 1000;
      const rise = riseAt.find((from) => r >= from && r < from + 3);
      if (rise !== undefined) {
        const k = r - rise;
        errorRate = name === host(5) ? [0.03, 0.06, 0.04][k] : [0.03, 0.05, 0.09][k];
      }
      const e: SampleEvent = {
        id: nextId(),
        ts,
        host: name,
        service: `svc-${(h % 4) + 1}`,
        cpu: value,
        errorRate,
      };
      events.push(e);
      if (run && name !== host(4)) {
        hotIds.push(e.id);
        if (hotIds.length === 10)
          planted.push({
            pattern: 'cpu-sustained',
            ids: [...hotIds],
            kind: 'match',
            why: `CPU above 90% for 10 readings on ${name}`,
          });
      } else hotIds = [];
      if (rise !== undefined && name !== host(5)) {
        riseIds.push(e.id);
        if (riseIds.length === 3)
          planted.push({
            pattern: 'error-rate-rising',
            ids: [...riseIds],
            kind: 'match',
            why: `error rate 3%, 5%, 9% on ${name}`,
          });
      } else riseIds = [];
    }
  }
  if (opts.plant) {
    // Readings are 30 s apart with up to 2 s of jitter: the ranges cover the episode's readings.
    const readingsAt = (from: number, n: number): [number, number] => [
      START_MS + from * READING_MS,
      START_MS + (from + n) * READING_MS,
    ];
    const [hotFrom, hotTo] = readingsAt(60, 9);
    planted.push({
      pattern: 'cpu-sustained',
      kind: 'near-miss',
      key: host(4),
      from: hotFrom,
      to: hotTo,
      why: `nine hot readings on ${host(4)}, one short of ten`,
    });
    const [riseFrom, riseTo] = readingsAt(200, 3);
    planted.push({
      pattern: 'error-rate-rising',
      kind: 'near-miss',
      key: host(5),
      from: riseFrom,
      to: riseTo,
      why: `error rate 3%, 6%, then down to 4% on ${host(5)}`,
    });
  }
  const sorted = events.sort((a, b) => (a.ts as number) - (b.ts as number));
  return renumber(
    {
      events: arrivalOrder(
        sorted,
        (e) => e.ts as number,
        () => rng.int(0, 1_500),
      ),
      planted,
    },
    'm',
  );
}

export function generateHeartbeats(opts: MonitoringOptions): GeneratedRecording {
  const rng = new Prng(opts.seed + 1);
  const nextId = idMaker('hb');
  const planted: Planted[] = [];
  const events: SampleEvent[] = [];
  const end = START_MS + opts.hours * 60 * MINUTE;
  // Outages: [service index, start offset in minutes, silence in seconds]. 25 s is a near miss.
  const outages = opts.plant
    ? [
        [2, 40, 75],
        [5, 95, 45],
        [1, 130, 25],
      ]
    : [];
  for (let s = 1; s <= opts.services; s++) {
    const service = `svc-${s}`;
    let ts = START_MS + rng.int(0, BEAT_MS);
    let last: SampleEvent | undefined;
    while (ts < end) {
      const e: SampleEvent = { id: nextId(), ts, service, status: 'up', instance: `${service}-0` };
      events.push(e);
      last = e;
      const outage = outages.find(
        ([svc, at]) => svc === s && ts >= START_MS + at * MINUTE && ts < START_MS + at * MINUTE + 12_000,
      );
      if (outage) {
        if (outage[2] <= 30)
          planted.push({
            pattern: 'heartbeat-missing',
            kind: 'near-miss',
            key: service,
            from: ts,
            to: ts + outage[2] * 1000,
            why: `${service} silent for ${outage[2]} s (under 30)`,
          });
        ts += outage[2] * 1000;
        if (outage[2] > 30)
          planted.push({
            pattern: 'heartbeat-missing',
            ids: [e.id],
            kind: 'match',
            why: `${service} silent for ${outage[2]} s`,
          });
      } else ts += BEAT_MS + rng.int(-1_500, 1_500);
    }
    // At the end of the recording the event-time clock runs out: the last beat of every service has no
    // successor, and Flink (and Cepheus) report it when the final watermark closes the window.
    if (last)
      planted.push({
        pattern: 'heartbeat-missing',
        ids: [last.id],
        kind: 'match',
        why: `${service}: end of the recording`,
      });
  }
  const sorted = events.sort((a, b) => (a.ts as number) - (b.ts as number));
  return renumber(
    {
      events: arrivalOrder(
        sorted,
        (e) => e.ts as number,
        () => rng.int(0, 1_000),
      ),
      planted,
    },
    'hb',
  );
}
