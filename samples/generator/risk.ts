/**
 * Risk-control recording: card transactions and logins of a few hundred users over a working day.
 * Background noise is shaped so that it can never satisfy a sample rule by accident (amounts, rates,
 * login failures are bounded), and near misses are planted on purpose so "why not?" has answers.
 */
import { Prng } from './prng';
import { Reservations } from './reservations';
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

export interface RiskOptions {
  users: number;
  hours: number;
  seed: number;
  /** Planted incidents are only added for the small committed recording; large ones scale noise. */
  plant: boolean;
}

const COUNTRIES = ['DE', 'FR', 'NL', 'ES', 'IT', 'PL'];
const MERCHANTS = ['grocer', 'fuel', 'books', 'travel', 'electronics', 'pharmacy', 'cafe'];

export function generateRisk(opts: RiskOptions): GeneratedRecording {
  const rng = new Prng(opts.seed);
  const nextId = idMaker('tx');
  const reserved = new Reservations();
  const planted: Planted[] = [];
  const incidents: SampleEvent[] = [];
  const end = START_MS + opts.hours * 60 * MINUTE;
  const user = (i: number): string => `u${String(i).padStart(4, '0')}`;
  const cardOf = (u: string, n = 0): string => `card-${u.slice(1)}${n}`;
  const base = (ts: number, u: string, card: string) => ({
    ts,
    userId: u,
    cardId: card,
    country: COUNTRIES[Number(u.slice(1)) % COUNTRIES.length],
  });
  const tx = (ts: number, u: string, card: string, type: string, amount: number): SampleEvent => ({
    id: nextId(),
    ...base(ts, u, card),
    type,
    amount,
    status: 'ok',
    merchant: type === 'purchase' ? rng.pick(MERCHANTS) : 'p2p',
    device: `dev-${u.slice(1)}a`,
    knownDevice: true,
  });
  const login = (ts: number, u: string, ok: boolean, device: string, known: boolean): SampleEvent => ({
    id: nextId(),
    ...base(ts, u, cardOf(u)),
    type: 'login',
    amount: 0,
    status: ok ? 'ok' : 'failed',
    merchant: '',
    device,
    knownDevice: known,
  });

  if (opts.plant) {
    let t = START_MS + 30 * MINUTE;
    const slot = (): number => (t += rng.int(12, 20) * MINUTE);
    const hold = (u: string, from: number, to: number): void =>
      reserved.reserve(u, from - 70 * MINUTE, to + 70 * MINUTE);

    // 1. Single transactions over 100,000 (and one at exactly 100,000, which must not fire).
    for (const [i, amount] of [
      [3, 150_000],
      [17, 250_000.5],
      [29, 100_000.01],
    ] as const) {
      const at = slot();
      const u = user(i);
      hold(u, at, at);
      const e = tx(at, u, cardOf(u), i === 17 ? 'transfer' : 'purchase', amount);
      incidents.push(e);
      planted.push({
        pattern: 'large-transaction',
        ids: [e.id],
        kind: 'match',
        why: `single ${e.type} of ${amount}`,
      });
    }
    const exact = slot();
    hold(user(41), exact, exact);
    incidents.push(tx(exact, user(41), cardOf(user(41)), 'purchase', 100_000));
    const nearMiss = (pattern: string, key: string, from: number, to: number, why: string): void => {
      planted.push({ pattern, kind: 'near-miss', key, from, to, why });
    };
    nearMiss('large-transaction', user(41), exact, exact, 'a purchase of exactly 100,000 (not over)');

    // 2. Bursts of 12 transactions in 20 minutes: the first 11 match (skip past last event).
    for (const i of [5, 23]) {
      const at = slot();
      const u = user(i);
      hold(u, at, at + 20 * MINUTE);
      const burst = Array.from({ length: 12 }, (_, k) =>
        tx(at + k * 100_000, u, cardOf(u), k % 3 ? 'purchase' : 'transfer', rng.amount(5, 80)),
      );
      incidents.push(...burst);
      planted.push({
        pattern: 'high-frequency',
        ids: burst.slice(0, 11).map((e) => e.id),
        kind: 'match',
        why: '12 transactions within 20 minutes',
      });
    }

    // 3. Card testing: a transfer under 1, then a large transfer minutes later on the same card.
    for (const i of [7, 31, 44]) {
      const at = slot();
      const u = user(i);
      hold(u, at, at + 10 * MINUTE);
      const probe = tx(at, u, cardOf(u), 'transfer', rng.amount(0.01, 0.99));
      const between = tx(at + 60_000, u, cardOf(u), 'purchase', rng.amount(5, 60));
      const big = tx(at + rng.int(2, 8) * MINUTE, u, cardOf(u), 'transfer', rng.amount(12_000, 40_000));
      incidents.push(probe, between, big);
      planted.push({
        pattern: 'card-testing',
        ids: [probe.id, big.id],
        kind: 'match',
        why: 'tiny transfer then a large one within 10 minutes',
      });
    }
    // Near misses: a probe alone, a probe with the large transfer 15 minutes later, a large transfer alone.
    for (const [i, gap] of [
      [52, 0],
      [53, 15],
      [54, -1],
    ] as const) {
      const at = slot();
      const u = user(i);
      hold(u, at, at + 16 * MINUTE);
      if (gap >= 0) incidents.push(tx(at, u, cardOf(u), 'transfer', 0.5));
      if (gap !== 0) incidents.push(tx(at + Math.max(gap, 0) * MINUTE, u, cardOf(u), 'transfer', 25_000));
      nearMiss(
        'card-testing',
        cardOf(u),
        at,
        at + 16 * MINUTE,
        gap === 0
          ? 'a tiny transfer with no large one after it'
          : gap > 0
            ? `a tiny transfer, then a large one ${gap} minutes later (outside the window)`
            : 'a large transfer with no tiny one before it',
      );
    }

    // 4. Three failed logins, then a success from a device never seen before.
    for (const i of [11, 37]) {
      const at = slot();
      const u = user(i);
      hold(u, at, at + 5 * MINUTE);
      const attempts = [0, 1, 2].map((k) => login(at + k * 20_000, u, false, `dev-${u.slice(1)}x`, false));
      const success = login(at + 80_000, u, true, `dev-${u.slice(1)}x`, false);
      incidents.push(...attempts, success);
      planted.push({
        pattern: 'login-takeover',
        ids: [...attempts, success].map((e) => e.id),
        kind: 'match',
        why: '3 failed logins then a success on a new device',
      });
    }
    // Near misses: 3 failures then success on a known device; 2 failures then success on a new device.
    for (const [i, fails, known] of [
      [60, 3, true],
      [61, 2, false],
    ] as const) {
      const at = slot();
      const u = user(i);
      hold(u, at, at + 5 * MINUTE);
      for (let k = 0; k < fails; k++)
        incidents.push(login(at + k * 20_000, u, false, `dev-${u.slice(1)}${known ? 'a' : 'y'}`, known));
      incidents.push(login(at + 80_000, u, true, `dev-${u.slice(1)}${known ? 'a' : 'y'}`, known));
      nearMiss(
        'login-takeover',
        u,
        at,
        at + 5 * MINUTE,
        known
          ? '3 failed logins, then a success from a known device'
          : '2 failed logins, then a success from a new device',
      );
    }
    if (t > end - 30 * MINUTE)
      throw new Error('risk sample: incidents do not fit in the recording; raise hours');
  }

  // Background traffic: each user acts at most every 10 minutes, amounts 5..5,000, a login per session
  // (sometimes after one or two typos), so no rule can fire on noise alone.
  const noise: SampleEvent[] = [];
  for (let i = 1; i <= opts.users; i++) {
    const u = user(i);
    let at = START_MS + rng.int(0, 40) * MINUTE;
    while (at < end) {
      if (reserved.isFree(u, at)) {
        const r = rng.next();
        if (r < 0.15) {
          const typos = rng.chance(0.2) ? rng.int(1, 2) : 0;
          for (let k = 0; k < typos; k++)
            noise.push(login(at + k * 15_000, u, false, `dev-${u.slice(1)}a`, true));
          noise.push(login(at + typos * 15_000 + 5_000, u, true, `dev-${u.slice(1)}a`, true));
        } else if (r < 0.35) {
          noise.push(tx(at, u, cardOf(u, rng.int(0, 1)), 'transfer', rng.amount(10, 5_000)));
        } else {
          noise.push(tx(at, u, cardOf(u, rng.int(0, 1)), 'purchase', rng.amount(5, 900)));
        }
      }
      at += rng.int(10, 90) * MINUTE + rng.int(0, 59_999);
    }
  }
  const all = [...noise, ...incidents].sort((a, b) => (a.ts as number) - (b.ts as number));
  // Collection delay up to 3 s: events arrive out of order within the pattern's 5 s bound.
  return renumber(
    {
      events: arrivalOrder(
        all,
        (e) => e.ts as number,
        () => rng.int(0, 3_000),
      ),
      planted,
    },
    'tx',
  );
}
