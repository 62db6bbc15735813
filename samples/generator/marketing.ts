/**
 * Marketing recording: a shop's clickstream. Normal sessions that reach 3 views or a checkout end in a
 * purchase within 30 minutes, so only the planted browsers and abandoned checkouts match the samples.
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

export interface MarketingOptions {
  users: number;
  hours: number;
  seed: number;
  plant: boolean;
}

export function generateMarketing(opts: MarketingOptions): GeneratedRecording {
  const rng = new Prng(opts.seed);
  const nextId = idMaker('ev');
  const planted: Planted[] = [];
  const events: SampleEvent[] = [];
  const lastSessionStart = START_MS + (opts.hours - 1) * 60 * MINUTE;
  const user = (i: number): string => `m${String(i).padStart(4, '0')}`;
  const product = (): string => `p-${rng.int(100, 999)}`;
  let session = 0;
  const ev = (
    ts: number,
    u: string,
    sid: string,
    action: string,
    productId: string,
    price: number,
  ): SampleEvent => ({
    id: nextId(),
    ts,
    userId: u,
    sessionId: sid,
    action,
    productId,
    price,
  });

  const plantedUsers = new Set<number>();
  if (opts.plant) {
    // Browsers: 3 or 4 product views within 30 minutes and no purchase -> one coupon each.
    for (const [i, views] of [
      [4, 3],
      [19, 4],
      [33, 3],
    ] as const) {
      plantedUsers.add(i);
      const u = user(i);
      const sid = `s${++session}`;
      const at = START_MS + rng.int(30, 300) * MINUTE;
      const seen = Array.from({ length: views }, (_, k) =>
        ev(at + k * rng.int(2, 6) * MINUTE, u, sid, 'view', product(), rng.amount(10, 200)),
      );
      events.push(...seen);
      planted.push({
        pattern: 'browse-no-purchase',
        ids: seen.slice(0, 3).map((e) => e.id),
        kind: 'match',
        why: `${views} views, no purchase within 30 minutes`,
      });
    }
    // Abandoned checkouts: cart add, checkout started, no purchase within 30 minutes.
    for (const i of [8, 27]) {
      plantedUsers.add(i);
      const u = user(i);
      const sid = `s${++session}`;
      const at = START_MS + rng.int(30, 300) * MINUTE;
      const p = product();
      const view = ev(at, u, sid, 'view', p, 49.9);
      const cart = ev(at + 2 * MINUTE, u, sid, 'cart_add', p, 49.9);
      const checkout = ev(at + 5 * MINUTE, u, sid, 'checkout_start', p, 49.9);
      events.push(view, cart, checkout);
      planted.push({
        pattern: 'abandoned-checkout',
        ids: [cart.id, checkout.id],
        kind: 'match',
        why: 'checkout started, no purchase within 30 minutes',
      });
    }
    // Near miss: 3 views and a purchase 25 minutes after the first (no coupon).
    plantedUsers.add(50);
    const at = START_MS + 200 * MINUTE;
    for (let k = 0; k < 3; k++)
      events.push(ev(at + k * 4 * MINUTE, user(50), `s${++session}`, 'view', product(), 30));
    events.push(ev(at + 25 * MINUTE, user(50), `s${session}`, 'purchase', product(), 30));
    planted.push({
      pattern: 'browse-no-purchase',
      kind: 'near-miss',
      key: user(50),
      from: at,
      to: at + 25 * MINUTE,
      why: '3 views, then a purchase 25 minutes after the first',
    });
  }

  // Normal sessions, at least 2 hours apart per user: either a short look (1-2 views, no cart), or a
  // visit that buys within 30 minutes of its first event.
  for (let i = 1; i <= opts.users; i++) {
    if (plantedUsers.has(i)) continue;
    const u = user(i);
    let at = START_MS + rng.int(0, 120) * MINUTE;
    while (at < lastSessionStart) {
      const sid = `s${++session}`;
      if (rng.chance(0.5)) {
        const n = rng.int(1, 2);
        for (let k = 0; k < n; k++)
          events.push(ev(at + k * MINUTE, u, sid, 'view', product(), rng.amount(5, 300)));
      } else {
        const views = rng.int(1, 5);
        let t = at;
        let p = product();
        for (let k = 0; k < views; k++)
          events.push(
            ev((t += rng.int(30, 150) * 1000), u, sid, 'view', (p = product()), rng.amount(5, 300)),
          );
        const price = rng.amount(5, 300);
        events.push(ev((t += rng.int(30, 120) * 1000), u, sid, 'cart_add', p, price));
        events.push(ev((t += rng.int(30, 120) * 1000), u, sid, 'checkout_start', p, price));
        events.push(
          ev(Math.min(t + rng.int(30, 180) * 1000, at + 29 * MINUTE), u, sid, 'purchase', p, price),
        );
      }
      at += rng.int(120, 240) * MINUTE;
    }
  }
  const sorted = events.sort((a, b) => (a.ts as number) - (b.ts as number));
  return renumber(
    {
      events: arrivalOrder(
        sorted,
        (e) => e.ts as number,
        () => rng.int(0, 2_000),
      ),
      planted,
    },
    'ev',
  );
}
