/**
 * The sample patterns, written with the Flink-style builder and saved as documents under samples/patterns.
 * Each one ships with tests made from what the generator planted in its recording: a case per
 * incident (the match, event by event), a case per near miss (no match for that key then), and a
 * case for the number of matches over the whole recording (noise never fires).
 *
 * Written by `npm run samples:generate` (samples/generator/cli.ts).
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import {
  FLINK_WATERMARK_INTERVAL_MS,
  Pattern,
  serializeDocument,
  type PatternDocument,
  type PatternSettings,
  type DocEventSchema,
  type TestCase,
} from '../../engine/format';
import type { PatternSpec } from '../../engine/pattern/spec';
import { smallRecordings } from './generate';
import type { Planted, SampleEvent } from './recording';

const MIN = 60_000;

type Field = DocEventSchema['fields'][number];
const f = (name: string, type: Field['type'], description?: string): Field =>
  description ? { name, type, description } : { name, type };

const riskSchema: DocEventSchema = {
  fields: [
    f('id', 'string'),
    f('ts', 'timestamp', 'ISO-8601 time of the transaction'),
    f('userId', 'string'),
    f('cardId', 'string'),
    f('type', 'string', 'purchase, transfer or login'),
    f('amount', 'number', 'Amount in EUR (0 for logins)'),
    f('status', 'string', 'ok or failed'),
    f('merchant', 'string'),
    f('device', 'string'),
    f('knownDevice', 'boolean', 'false when the device was never seen for this user'),
    f('country', 'string'),
  ],
};
const marketingSchema: DocEventSchema = {
  fields: [
    f('id', 'string'),
    f('ts', 'timestamp', 'epoch milliseconds'),
    f('userId', 'string'),
    f('sessionId', 'string'),
    f('action', 'string', 'view, cart_add, checkout_start or purchase'),
    f('productId', 'string'),
    f('price', 'number'),
  ],
};
const metricsSchema: DocEventSchema = {
  fields: [
    f('id', 'string'),
    f('ts', 'timestamp', 'epoch milliseconds'),
    f('host', 'string'),
    f('service', 'string'),
    f('cpu', 'number', 'CPU use in percent'),
    f('errorRate', 'number', 'share of failed requests, 0..1'),
  ],
};
const heartbeatSchema: DocEventSchema = {
  fields: [
    f('id', 'string'),
    f('ts', 'timestamp', 'epoch seconds'),
    f('service', 'string'),
    f('status', 'string'),
    f('instance', 'string'),
  ],
};

const eventTime = (
  format: 'epochMillis' | 'epochSeconds' | 'iso8601',
  outOfOrdernessMs: number,
): PatternSettings['time'] => ({
  mode: 'event',
  field: 'ts',
  format,
  outOfOrdernessMs,
  watermarkIntervalMs: FLINK_WATERMARK_INTERVAL_MS,
});

export interface SampleDefinition {
  slug: string;
  family: 'risk' | 'marketing' | 'monitoring';
  recording: string;
  document: PatternDocument;
}

function sample(
  slug: string,
  family: SampleDefinition['family'],
  recording: string,
  p: Pattern,
  name: string,
  description: string,
  partitionKey: string,
  time: PatternSettings['time'],
  eventSchema: DocEventSchema,
): SampleDefinition {
  const spec = p.toSpec();
  const planted = plantedFor(slug, recording);
  const document = p.toDocument({
    name,
    description,
    eventSchema,
    settings: {
      partitionKey,
      time,
      within: spec.within ?? null,
      skip:
        spec.skip.kind === 'SKIP_TO_FIRST' || spec.skip.kind === 'SKIP_TO_LAST'
          ? { ...spec.skip, throwExceptionOnMiss: false }
          : spec.skip,
    },
    tests: sampleTests(spec, partitionKey, recording, planted.list, planted.events),
  });
  return { slug, family, recording, document };
}

/** The generated small recordings, made once (they are deterministic). */
let generated: ReturnType<typeof smallRecordings> | undefined;
const RECORDING_OF: Record<string, keyof ReturnType<typeof smallRecordings>> = {
  'risk-transactions.csv': 'risk',
  'marketing-clickstream.jsonl': 'marketing',
  'monitoring-metrics.jsonl': 'metrics',
  'monitoring-heartbeats.json': 'heartbeats',
};

function plantedFor(slug: string, recording: string): { list: Planted[]; events: Map<string, SampleEvent> } {
  generated ??= smallRecordings();
  const rec = generated[RECORDING_OF[recording]];
  return {
    list: rec.planted.filter((p) => p.pattern === slug),
    events: new Map(rec.events.map((e) => [e.id, e])),
  };
}

/** How many events each binding stage takes in a match (the samples use fixed counts). */
function stageSlots(spec: PatternSpec): { stage: string; events: number }[] {
  return spec.stages
    .filter((s) => s.contiguity !== 'notNext' && s.contiguity !== 'notFollowedBy')
    .map((s) => {
      const q = s.quantifier;
      if (q.kind === 'one') return { stage: s.name, events: 1 };
      if (q.kind === 'times' && q.from === q.to && q.from !== undefined)
        return { stage: s.name, events: q.from };
      throw new Error(`sample stage ${s.name}: tests need a fixed number of events per stage`);
    });
}

const iso = (ms: number): string => new Date(ms).toISOString();

function sampleTests(
  spec: PatternSpec,
  partitionKey: string,
  recording: string,
  planted: Planted[],
  events: Map<string, SampleEvent>,
): TestCase[] {
  const slots = stageSlots(spec);
  const source = { kind: 'recording' as const, recording: `../../recordings/${recording}` };
  const cases: TestCase[] = [];
  const add = (name: string, expect: TestCase['expect']): void => {
    cases.push({ id: `t${cases.length + 1}`, name, source, idField: 'id', expect, note: '' });
  };
  for (const p of planted) {
    if (p.kind === 'near-miss') {
      add(`no alert: ${p.why} (${p.key})`, [
        { kind: 'no-match', key: p.key, from: iso(p.from), to: iso(p.to) },
      ]);
      continue;
    }
    const stages: Record<string, string[]> = {};
    let at = 0;
    for (const slot of slots) stages[slot.stage] = p.ids.slice(at, (at += slot.events));
    if (at !== p.ids.length)
      throw new Error(`planted ${p.pattern} ${p.ids.join(',')} does not fit its stages`);
    const key = String(events.get(p.ids[0])?.[partitionKey] ?? '');
    add(`catches: ${p.why} (${key})`, [{ kind: p.kind, key, stages }]);
  }
  const matches = planted.filter((p) => p.kind === 'match').length;
  add(`exactly ${matches} ${matches === 1 ? 'match' : 'matches'} over the whole recording`, [
    { kind: 'count', of: 'match', equals: matches },
  ]);
  return cases;
}

const TX = "(type == 'purchase' || type == 'transfer')";

export function sampleDefinitions(): SampleDefinition[] {
  const risk = 'risk-transactions.csv';
  const iso = eventTime('iso8601', 5_000);
  return [
    sample(
      'card-testing',
      'risk',
      risk,
      Pattern.begin('probe', 'SKIP_PAST_LAST_EVENT')
        .where("type == 'transfer' && amount < 1")
        .followedBy('cashout')
        .where("type == 'transfer' && amount > 10000")
        .within(10 * MIN),
      'Card testing',
      'A transfer under 1 (a fraudster testing a stolen card), followed within 10 minutes by a transfer over 10,000 on the same card.',
      'cardId',
      iso,
      riskSchema,
    ),
    sample(
      'large-transaction',
      'risk',
      risk,
      Pattern.begin('large').where(`${TX} && amount > 100000`),
      'Large transaction',
      'Any single purchase or transfer over 100,000.',
      'userId',
      iso,
      riskSchema,
    ),
    sample(
      'high-frequency',
      'risk',
      risk,
      Pattern.begin('burst', 'SKIP_PAST_LAST_EVENT')
        .where(TX)
        .times(11)
        .within(60 * MIN),
      'High transaction frequency',
      'More than 10 transactions by one user within one hour.',
      'userId',
      iso,
      riskSchema,
    ),
    sample(
      'login-takeover',
      'risk',
      risk,
      Pattern.begin('failures', 'SKIP_PAST_LAST_EVENT')
        .where("type == 'login' && status == 'failed'")
        .times(3)
        .consecutive()
        .next('success')
        .where("type == 'login' && status == 'ok' && knownDevice == false")
        .within(10 * MIN),
      'Account takeover',
      'Three failed logins in a row, then a successful login from a device never seen for this user.',
      'userId',
      iso,
      riskSchema,
    ),
    sample(
      'browse-no-purchase',
      'marketing',
      'marketing-clickstream.jsonl',
      Pattern.begin('views', 'SKIP_PAST_LAST_EVENT')
        .where("action == 'view'")
        .times(3)
        .notFollowedBy('purchase')
        .where("action == 'purchase'")
        .within(30 * MIN),
      'Browsing without buying',
      'A user views at least 3 products within 30 minutes without a purchase: send a coupon.',
      'userId',
      eventTime('epochMillis', 5_000),
      marketingSchema,
    ),
    sample(
      'abandoned-checkout',
      'marketing',
      'marketing-clickstream.jsonl',
      Pattern.begin('cart', 'SKIP_PAST_LAST_EVENT')
        .where("action == 'cart_add'")
        .followedBy('checkout')
        .where("action == 'checkout_start'")
        .notFollowedBy('purchase')
        .where("action == 'purchase'")
        .within(30 * MIN),
      'Abandoned checkout',
      'A cart add followed by a checkout that ends without a purchase within 30 minutes.',
      'userId',
      eventTime('epochMillis', 5_000),
      marketingSchema,
    ),
    sample(
      'cpu-sustained',
      'monitoring',
      'monitoring-metrics.jsonl',
      Pattern.begin('hot', 'SKIP_PAST_LAST_EVENT')
        .where('cpu > 90')
        .times(10)
        .consecutive()
        .within(5 * MIN),
      'CPU saturated',
      'CPU above 90% on every reading for 5 minutes (10 readings 30 s apart) on one host.',
      'host',
      eventTime('epochMillis', 2_000),
      metricsSchema,
    ),
    sample(
      'error-rate-rising',
      'monitoring',
      'monitoring-metrics.jsonl',
      Pattern.begin('rising', 'SKIP_PAST_LAST_EVENT')
        .where('errorRate > 0.02 && (count(rising) == 0 || errorRate > last(rising).errorRate)')
        .times(3)
        .consecutive(),
      'Error rate rising',
      'The error rate rises across three consecutive readings of one host, all above 2%.',
      'host',
      eventTime('epochMillis', 2_000),
      metricsSchema,
    ),
    sample(
      'heartbeat-missing',
      'monitoring',
      'monitoring-heartbeats.json',
      Pattern.begin('beat')
        .where("status == 'up'")
        .notFollowedBy('nextBeat')
        .where("status == 'up'")
        .within(30_000),
      'Heartbeat missing',
      'A service sends no heartbeat for 30 seconds after its last one.',
      'service',
      eventTime('epochSeconds', 2_000),
      heartbeatSchema,
    ),
  ];
}

/** What the app's sample gallery and first-run seeding read (samples/catalog.json). */
export function sampleCatalog(): {
  slug: string;
  family: SampleDefinition['family'];
  name: string;
  description: string;
  pattern: string;
  recording: string;
  timestampField: string;
  timestampFormat: 'epochMillis' | 'epochSeconds' | 'iso8601';
  keyField: string | null;
}[] {
  return sampleDefinitions().map((s) => {
    const time = s.document.settings.time;
    if (time.mode !== 'event') throw new Error(`sample ${s.slug} must use event time`);
    return {
      slug: s.slug,
      family: s.family,
      name: s.document.name,
      description: s.document.description,
      pattern: `patterns/${s.family}/${s.slug}.cep.json`,
      recording: `recordings/${s.recording}`,
      timestampField: time.field,
      timestampFormat: time.format,
      keyField: s.document.settings.partitionKey,
    };
  });
}

const here = dirname(new URL(import.meta.url).pathname);

/** Writes samples/patterns/** and samples/catalog.json. */
export function writePatterns(): void {
  for (const s of sampleDefinitions()) {
    const dir = resolve(here, '..', 'patterns', s.family);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${s.slug}.cep.json`), serializeDocument(s.document));
  }
  writeFileSync(resolve(here, '..', 'catalog.json'), JSON.stringify(sampleCatalog(), null, 2) + '\n');
  console.log('wrote samples/patterns/** and samples/catalog.json');
}
