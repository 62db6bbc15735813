/** cepheus test <pattern…> — runs the tests saved in patterns; one line per case, then "N passed, M failed". */
import { existsSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import type { PatternDocument } from '../../engine/format';
import type { EventRecord } from '../../engine/pattern/spec';
import { arraySource, DocumentTestRun, errorResult, type CaseResult } from '../../engine';
import { flag, parseArgs } from '../args';
import { CliError } from '../errors';
import { timeProblemReader } from '../event-time';
import { readEventRows } from '../events-reader';
import { expandFileArgs } from '../file-globs';
import { loadPatternFile, writeOutput } from '../io';
import { junitXml, type SuiteReport } from '../junit';

export const TEST_HELP = `Usage: cepheus test <pattern.cep.json…> [options]

Runs the tests saved in each pattern ("tests" in the document): every case over its events, with the
engine. Prints one line per case — PASS, FAIL (with what happened instead and the replay step where
the expected and the real run part ways) or ERROR (the case could not run) — then "N passed, M failed".
Quote a glob to let cepheus expand it: cepheus test 'samples/patterns/**/*.cep.json'.

A case's recording is a file (.csv, .jsonl, .json, optionally .gz) relative to the pattern file.

Options:
  --reporter lines|junit   one line per case (default), or JUnit XML for CI systems
  --out FILE               write the report to FILE (with junit, the lines still go to stdout)
  --recordings DIR         also look for recordings in DIR, by file name
  --case TEXT              only run cases whose name or id contains TEXT
  --help                   show this help

Exit codes: 0 every case passed; 1 a case failed or could not run, or there were no tests;
2 bad usage or a pattern file that cannot be read.`;

interface EventsFile {
  path?: string;
  events?: EventRecord[];
  /** The 1-based line each event starts on. */
  lines?: number[];
  error?: string;
}

/** Events files, read once however many patterns and cases use them. */
class EventFiles {
  private readonly files = new Map<string, EventsFile>();

  async load(path: string): Promise<EventsFile> {
    let f = this.files.get(path);
    if (f === undefined) {
      try {
        const events: EventRecord[] = [];
        const lines: number[] = [];
        for await (const { line, record } of readEventRows(path)) {
          events.push(record);
          lines.push(line);
        }
        f = { path, events, lines };
      } catch (e) {
        f = { error: e instanceof Error ? e.message : String(e) };
      }
      this.files.set(path, f);
    }
    return f;
  }
}

/**
 * An event whose time the pattern cannot read would be dropped by the engine without a word: the
 * case cannot run as written. Named by file, line and field, as cepheus run does.
 */
function unreadableTime(f: EventsFile, timeProblem: (e: EventRecord) => string | null): string | null {
  const events = f.events ?? [];
  let first: string | null = null;
  let count = 0;
  for (let i = 0; i < events.length; i++) {
    const problem = timeProblem(events[i]);
    if (problem === null) continue;
    count++;
    first ??= `${f.path} line ${f.lines?.[i] ?? i + 1}: ${problem}`;
  }
  if (first === null) return null;
  const more = count - 1;
  return more === 0
    ? first
    : `${first} (and ${more} more event${more === 1 ? '' : 's'} whose time cannot be read)`;
}

function locate(
  recording: string,
  patternFile: string,
  recordingsDir: string | undefined,
): string | undefined {
  const candidates = [resolve(dirname(patternFile), recording), resolve(recording)];
  if (recordingsDir !== undefined) candidates.push(resolve(recordingsDir, basename(recording)));
  return candidates.find((p) => existsSync(p));
}

async function runPattern(
  file: string,
  doc: PatternDocument,
  files: EventFiles,
  recordingsDir: string | undefined,
  only: string | undefined,
): Promise<CaseResult[]> {
  const cases = doc.tests.filter((c) => only === undefined || c.name.includes(only) || c.id.includes(only));
  const loaded = new Map<string, EventsFile>();
  for (const c of cases) {
    if (c.source.kind !== 'recording' || loaded.has(c.source.recording)) continue;
    const path = locate(c.source.recording, file, recordingsDir);
    loaded.set(
      c.source.recording,
      path === undefined
        ? {
            error: `Cannot find the recording "${c.source.recording}" (looked next to ${file}${recordingsDir ? ` and in ${recordingsDir}` : ''}; pass --recordings DIR).`,
          }
        : await files.load(path),
    );
  }
  const timeProblem = timeProblemReader(doc);
  const run = new DocumentTestRun(
    doc,
    (recording, pattern) => {
      const f = loaded.get(recording);
      if (!f?.events) return { error: f?.error ?? `No events for "${recording}".` };
      const unreadable = unreadableTime(f, timeProblem);
      return unreadable !== null ? { error: unreadable } : arraySource(f.events, pattern);
    },
    cases,
  );
  const progress = process.stderr.isTTY && run.total > 200_000;
  while (!run.runChunk(50_000))
    if (progress) process.stderr.write(`\r${file}: ${Math.round((100 * run.position) / run.total)}%…`);
  if (progress) process.stderr.write('\r');
  return run.results();
}

function line(file: string, r: CaseResult): string {
  const head = `${r.status === 'passed' ? 'PASS ' : r.status === 'failed' ? 'FAIL ' : 'ERROR'} ${file} › ${r.name}`;
  if (r.status === 'passed') return head;
  const step = r.expectations.find((x) => !x.passed && x.divergence)?.divergence?.position;
  return `${head} — ${r.message}${step !== undefined ? ` (replay step ${step})` : ''}`;
}

export async function testCommand(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv, { values: ['reporter', 'out', 'recordings', 'case'] }, 'test');
  if (args.flags.has('help')) {
    console.log(TEST_HELP);
    return 0;
  }
  const reporter = flag(args, 'reporter') ?? 'lines';
  if (reporter !== 'lines' && reporter !== 'junit')
    throw new CliError(`--reporter must be "lines" or "junit", not "${reporter}".`, 2);
  const patterns = expandFileArgs(args.positionals);
  if (patterns.length === 0) throw new CliError(`test needs at least one pattern file.\n\n${TEST_HELP}`, 2);
  const out = flag(args, 'out');
  const recordingsDir = flag(args, 'recordings');
  // JUnit on stdout: the human lines go to stderr so the XML stays clean.
  const say =
    reporter === 'junit' && out === undefined
      ? (s: string) => console.error(s)
      : (s: string) => console.log(s);
  const files = new EventFiles();
  const suites: SuiteReport[] = [];
  for (const file of patterns) {
    const started = performance.now();
    let results: CaseResult[];
    try {
      const { document } = loadPatternFile(file);
      results = await runPattern(file, document, files, recordingsDir, flag(args, 'case'));
    } catch (e) {
      if (!(e instanceof CliError)) throw e;
      const c = {
        id: 'pattern',
        name: '(the pattern file)',
        source: { kind: 'inline' as const, events: [] },
        idField: null,
        expect: [],
        note: '',
      };
      results = [errorResult(c, e.message.replace(/\n\s*/g, ' '))];
    }
    if (results.length === 0) say(`NO TESTS ${file}`);
    for (const r of results) say(line(file, r));
    suites.push({ name: file, results, seconds: (performance.now() - started) / 1000 });
  }
  const all = suites.flatMap((s) => s.results);
  const passed = all.filter((r) => r.status === 'passed').length;
  const failed = all.length - passed;
  if (reporter === 'junit') writeOutput(junitXml(suites), out);
  else if (out !== undefined)
    writeOutput(`${suites.flatMap((s) => s.results.map((r) => line(s.name, r))).join('\n')}\n`, out);
  if (all.length === 0) {
    say('No tests found: add cases to a pattern (the Tests panel, or "tests" in the document).');
    return 1;
  }
  say(`${passed} passed, ${failed} failed`);
  return failed > 0 ? 1 : 0;
}
