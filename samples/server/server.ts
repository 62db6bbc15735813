/**
 * Example: the Cepheus engine inside your own service. Reads NDJSON events, writes matches and
 * timeouts as NDJSON. Depends on the @cepheus/engine package (samples/server/package.json), as your
 * service would. In this repository the workspace links it to engine/: run it on the built package
 * (`npm run build:packages` first) or on the sources with the `cepheus-source` condition:
 *
 *   npx tsx --conditions=cepheus-source samples/server/server.ts <pattern.cep.json> --stdin  < events.jsonl
 *   npx tsx --conditions=cepheus-source samples/server/server.ts <pattern.cep.json> --port 8080
 *     POST /events      body: NDJSON events → NDJSON outputs they caused
 *     POST /watermark?t=<ms>                → NDJSON outputs released by the watermark
 *     POST /flush                           → end of input: NDJSON outputs of every open window
 *     GET  /snapshot                        → checkpoint of the matcher (plain JSON)
 *     GET  /health                          → {"ok":true,"counters":{…}}
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createInterface } from 'node:readline';
import {
  compilePattern,
  createMatcher,
  documentToSpec,
  loadDocument,
  type CepMatcher,
  type EventRecord,
  type MatcherOutput,
  type PatternDocument,
} from '@cepheus/engine';

function fail(message: string): never {
  process.stderr.write(`server: ${message}\n`);
  process.exit(2);
}

/** Load, lower and compile once; one matcher serves the whole stream (it keeps state per key). */
export function matcherFor(doc: PatternDocument): CepMatcher {
  const lowered = documentToSpec(doc);
  if (!lowered.ok) fail(lowered.diagnostics.map((d) => d.message).join('; '));
  const compiled = compilePattern(lowered.spec);
  if (!compiled.ok) fail(compiled.diagnostics.map((d) => d.message).join('; '));
  const { time, partitionKey } = doc.settings;
  const timestampOf = (e: EventRecord): number => {
    if (time.mode === 'processing') return Date.now();
    const v = e[time.field];
    if (time.format === 'iso8601' && typeof v === 'string') return Date.parse(v);
    return Number(v) * (time.format === 'epochSeconds' ? 1000 : 1);
  };
  return createMatcher(compiled.nfa, {
    // This service writes timed-out partial matches too, so it asks for them.
    timeouts: true,
    time: time.mode,
    timestampOf,
    outOfOrdernessMs: time.mode === 'event' ? time.outOfOrdernessMs : 0,
    watermarkIntervalMs: time.mode === 'event' ? time.watermarkIntervalMs : 0,
    ...(partitionKey ? { keyOf: (e: EventRecord) => JSON.stringify(e[partitionKey] ?? null) } : {}),
  });
}

/** One output as one NDJSON line (matches and timeouts carry the events per stage). */
export function outputLine(o: MatcherOutput): string {
  if (o.kind === 'match' || o.kind === 'timeout') {
    const stages = Object.fromEntries(o.match.stages.map((s) => [s.stage, s.events.map((e) => e.event)]));
    return JSON.stringify({ kind: o.kind, timestamp: o.timestamp, stages }) + '\n';
  }
  if (o.kind === 'late')
    return (
      JSON.stringify({ kind: 'late', timestamp: o.timestamp, watermark: o.watermark, event: o.event.event }) +
      '\n'
    );
  return JSON.stringify({ kind: o.kind, timestamp: o.timestamp, message: o.message }) + '\n';
}

function parseEvent(line: string, where: string): EventRecord | string {
  try {
    const v = JSON.parse(line) as unknown;
    return v !== null && typeof v === 'object' && !Array.isArray(v)
      ? (v as EventRecord)
      : `${where}: an event must be a JSON object`;
  } catch (e) {
    return `${where}: ${e instanceof Error ? e.message : String(e)}`;
  }
}

async function serveStdin(matcher: CepMatcher): Promise<void> {
  let n = 0;
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    n++;
    if (line.trim() === '') continue;
    const event = parseEvent(line, `line ${n}`);
    if (typeof event === 'string') {
      process.stderr.write(`server: skipped ${event}\n`);
      continue;
    }
    for (const o of matcher.push(event)) process.stdout.write(outputLine(o));
  }
  for (const o of matcher.flush()) process.stdout.write(outputLine(o));
}

async function body(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function reply(res: ServerResponse, status: number, type: string, text: string): void {
  res.writeHead(status, { 'content-type': type });
  res.end(text);
}

async function handle(matcher: CepMatcher, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const route = `${req.method ?? 'GET'} ${url.pathname}`;
  const ndjson = (outs: MatcherOutput[]): void =>
    reply(res, 200, 'application/x-ndjson', outs.map(outputLine).join(''));
  if (route === 'GET /health')
    return reply(res, 200, 'application/json', JSON.stringify({ ok: true, counters: matcher.counters }));
  if (route === 'GET /snapshot')
    return reply(res, 200, 'application/json', JSON.stringify(matcher.snapshot()));
  if (route === 'POST /flush') return ndjson(matcher.flush());
  if (route === 'POST /watermark') {
    const t = Number(url.searchParams.get('t'));
    if (!Number.isFinite(t)) return reply(res, 400, 'text/plain', 'watermark needs ?t=<milliseconds>\n');
    return ndjson(matcher.advanceWatermark(t));
  }
  if (route === 'POST /events') {
    const lines = (await body(req)).split('\n');
    const events: EventRecord[] = [];
    for (const [i, line] of lines.entries()) {
      if (line.trim() === '') continue;
      const e = parseEvent(line, `line ${i + 1}`);
      if (typeof e === 'string') return reply(res, 400, 'text/plain', `${e}\n`); // nothing is pushed from a bad batch
      events.push(e);
    }
    return ndjson(events.flatMap((e) => matcher.push(e)));
  }
  reply(res, 404, 'text/plain', `no route ${route}\n`);
}

function main(argv: string[]): void {
  const [patternFile, ...rest] = argv;
  if (!patternFile) fail('usage: server.ts <pattern.cep.json> (--stdin | --port N)');
  let text: string;
  try {
    text = readFileSync(patternFile, 'utf8');
  } catch (e) {
    fail(`cannot read ${patternFile}: ${e instanceof Error ? e.message : String(e)}`);
  }
  const loaded = loadDocument(text);
  if (!loaded.ok) fail(`${patternFile}: ${loaded.diagnostics.map((d) => d.message).join('; ')}`);
  const matcher = matcherFor(loaded.document);
  if (rest[0] === '--stdin') {
    serveStdin(matcher).catch((e: unknown) => fail(String(e)));
    return;
  }
  if (rest[0] !== '--port' || rest[1] === undefined || !/^\d+$/.test(rest[1]))
    fail('usage: server.ts <pattern.cep.json> (--stdin | --port N)');
  const server = createServer((req, res) => {
    handle(matcher, req, res).catch((e: unknown) => reply(res, 500, 'text/plain', `${String(e)}\n`));
  });
  server.listen(Number(rest[1]), '127.0.0.1', () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : rest[1];
    process.stderr.write(`server: listening on http://127.0.0.1:${port}\n`);
  });
  process.on('SIGTERM', () => server.close(() => process.exit(0)));
}

if (/server\.ts$/.test(process.argv[1] ?? '')) main(process.argv.slice(2));
