/**
 * risk-control: the four sample risk rules (samples/patterns/risk) together, each a matcher built
 * the way `cepheus run` builds it (key and event time from the document), over the generator's
 * 1M-transaction risk recording held in memory. Every event goes to every rule. `risk-<rule>` runs
 * one rule alone over the same recording, so a regression shows which rule moved.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createPipeline } from '../../cli/pipeline';
import { loadDocument } from '../../engine/format/index';
import type { CepMatcher } from '../../engine/nfa/index';
import type { EventRecord } from '../../engine/pattern/spec';
import { generateRisk } from '../../samples/generator/risk';
import { livePartialMatches } from '../engine-run';
import type { Workload } from '../workload';

const RISK_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'samples', 'patterns', 'risk');

/** The sample rules, by file name without `.cep.json`, in name order. */
export const RISK_RULES = readdirSync(RISK_DIR)
  .filter((f) => f.endsWith('.cep.json'))
  .sort()
  .map((f) => f.replace('.cep.json', ''));

function riskMatchers(names: readonly string[]): { name: string; create: () => CepMatcher }[] {
  return names.map((name) => {
    const file = `${name}.cep.json`;
    const loaded = loadDocument(JSON.parse(readFileSync(join(RISK_DIR, file), 'utf8')));
    if (!loaded.ok) throw new Error(`${file}: ${loaded.diagnostics.map((d) => d.message).join('; ')}`);
    return {
      name,
      create: () => {
        const p = createPipeline(loaded.document);
        if (!p.ok) throw new Error(`${file}: ${p.diagnostics.map((d) => d.message).join('; ')}`);
        return p.pipeline.matcher;
      },
    };
  });
}

function riskWorkload(slug: string, title: string, names: readonly string[]): Workload {
  return {
    slug,
    title,
    fullSize: 1_000_000,
    prepare(n) {
      const rec = generateRisk({ users: Math.ceil(n / 9.5), hours: 8, seed: 1_000_000, plant: true });
      const events = rec.events.slice(0, n) as unknown as EventRecord[];
      const rules = riskMatchers(names);
      return {
        events,
        engine: () => {
          const ms = rules.map((r) => r.create());
          let dropped = 0;
          const count = (outs: readonly { kind: string }[]): void => {
            for (const o of outs) if (o.kind === 'warning') dropped++;
          };
          return {
            push: (e) => {
              for (const m of ms) count(m.push(e));
            },
            finish: () => {
              for (const m of ms) count(m.flush());
            },
            matches: () => ms.reduce((s, m) => s + m.counters.matches, 0),
            livePartialMatches: () => ms.reduce((s, m) => s + livePartialMatches(m), 0),
            counters: () => ({
              ...(ms.length > 1
                ? Object.fromEntries(ms.map((m, i) => [`matches:${rules[i].name}`, m.counters.matches]))
                : {}),
              timeouts: ms.reduce((s, m) => s + m.counters.timeouts, 0),
              late: ms.reduce((s, m) => s + m.counters.late, 0),
              capWarnings: dropped,
            }),
          };
        },
        peers: [],
        info: { rules: rules.map((r) => r.name).join(', '), events: events.length },
      };
    },
  };
}

export const riskControl = riskWorkload(
  'risk-control',
  'the four sample risk-control rules over a 1M-transaction recording',
  RISK_RULES,
);

/** One line per rule: `risk-high-frequency`, … */
export const riskRules: Workload[] = RISK_RULES.map((name) =>
  riskWorkload(`risk-${name}`, `the sample risk rule ${name} alone over the risk recording`, [name]),
);
