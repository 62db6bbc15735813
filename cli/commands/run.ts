/** cepheus run <pattern> <events> — matches and timeouts as JSON Lines. */
import type { WriteStream } from 'node:fs';
import { lintDocument, RunBudgetExceeded, type RunBudgetLimits } from '../../engine';
import { flag, parseArgs, type ParsedArgs } from '../args';
import { CappedLog } from '../capped-log';
import { CliError } from '../errors';
import { readEventRows } from '../events-reader';
import { cannotWrite, formatDiagnostics, loadPatternFile, openOutputStream } from '../io';
import { describePending, pendingSummary } from '../../engine';
import { createPipeline, toRecord, type OutputRecord } from '../pipeline';

export const RUN_HELP = `Usage: cepheus run <pattern.cep.json> <events> [options]

Runs the pattern over a file of events and writes every match (and, with --timeouts, every
timed-out partial match) as one JSON object per line:
{"kind":"match"|"timeout","key":…,"timestamp":…,"stages":{"stage":[events…]}}.
Events: .jsonl/.ndjson (one object per line), .json (an array) or .csv (header row), optionally .gz.
Late events, warnings and run-time errors are reported on stderr, with a summary at the end.

Repeated warnings and errors are shown a few times each, then counted.

A run budget stops a pattern that explodes (too many partial matches or matches) with one message
naming the stage, the key and the event:
  --max-partial-matches N     live partial matches across all keys (default 1,000,000)
  --max-state-mib N           estimated memory of those partial matches (default 512)
  --max-matches-per-event N   matches one event may complete (default 1,000)

Options:
  --out FILE          write the JSON Lines to FILE instead of stdout
  --key FIELD         partition key (overrides the pattern's settings)
  --time-field FIELD  event-time field (overrides the pattern's settings)
  --timeouts          also write timed-out partial matches (otherwise only counted, as
                      Flink does without a timeout handler)
  --help              show this help

Exit codes: 0 done; 1 invalid pattern or run-time errors; 2 unreadable input or bad usage;
3 stopped by the run budget.`;

const LATE_SHOWN = 10;

/** The run budget from the command line (whole numbers ≥ 1); unset limits keep the engine's defaults. */
function budgetOf(args: ParsedArgs): Partial<RunBudgetLimits> {
  const budget: Partial<RunBudgetLimits> = {};
  const read = (name: string, key: keyof RunBudgetLimits, scale = 1): void => {
    const text = flag(args, name);
    if (text === undefined) return;
    const n = Number(text);
    if (!Number.isSafeInteger(n) || n < 1)
      throw new CliError(`--${name} needs a whole number of at least 1, not "${text}".`, 2);
    budget[key] = n * scale;
  };
  read('max-partial-matches', 'maxPartialMatches');
  read('max-state-mib', 'maxBytes', 1024 * 1024);
  read('max-matches-per-event', 'maxMatchesPerEvent');
  return budget;
}

class Sink {
  private buffer: string[] = [];
  /** A write that failed (disk full, file removed): reported once, as a plain message. */
  private failed: unknown = null;
  constructor(
    private readonly stream: WriteStream | NodeJS.WriteStream,
    private readonly name: string,
  ) {
    stream.on('error', (e) => {
      this.failed ??= e;
    });
  }
  private check(): void {
    if (this.failed !== null) throw cannotWrite(this.name, this.failed);
  }
  async write(line: string): Promise<void> {
    this.check();
    this.buffer.push(line);
    if (this.buffer.length >= 512) await this.drain();
  }
  async drain(): Promise<void> {
    if (this.buffer.length === 0) return;
    const ok = this.stream.write(this.buffer.join(''));
    this.buffer = [];
    if (!ok)
      await new Promise<void>((resolve) => {
        this.stream.once('drain', () => resolve());
        this.stream.once('error', () => resolve());
      });
    this.check();
  }
  async close(): Promise<void> {
    await this.drain();
    if (this.stream !== process.stdout)
      await new Promise<void>((resolve, reject) =>
        (this.stream as WriteStream).end((e?: Error | null) =>
          e ? reject(cannotWrite(this.name, e)) : resolve(),
        ),
      );
    this.check();
  }
}

export async function runCommand(argv: readonly string[]): Promise<number> {
  const args = parseArgs(
    argv,
    {
      values: ['out', 'key', 'time-field', 'max-partial-matches', 'max-state-mib', 'max-matches-per-event'],
      booleans: ['timeouts'],
    },
    'run',
  );
  if (args.flags.has('help')) {
    console.log(RUN_HELP);
    return 0;
  }
  const [patternFile, eventsFile, ...extra] = args.positionals;
  if (!patternFile || !eventsFile || extra.length > 0)
    throw new CliError(`run needs a pattern file and an events file.\n\n${RUN_HELP}`, 2);
  const { document } = loadPatternFile(patternFile);
  const timeouts = args.flags.has('timeouts');
  const created = createPipeline(document, {
    key: flag(args, 'key'),
    timeField: flag(args, 'time-field'),
    timeouts,
    budget: budgetOf(args),
  });
  if (!created.ok)
    throw new CliError(
      `${patternFile} cannot run:\n${formatDiagnostics(created.diagnostics.filter((d) => d.severity === 'error'))}`,
    );
  const { pipeline } = created;
  const lint = lintDocument(document);
  if (lint.length > 0) process.stderr.write(`${formatDiagnostics(lint)}\n`);
  const out = flag(args, 'out');
  const sink = out ? new Sink(openOutputStream(out), out) : new Sink(process.stdout, 'standard output');
  const events = readEventRows(eventsFile);
  const counts = { events: 0, match: 0, timeout: 0, late: 0, warning: 0, error: 0 };
  const progress = process.stderr.isTTY;
  const log = new CappedLog((line) => process.stderr.write(line));

  const emit = async (records: OutputRecord[]): Promise<void> => {
    for (const r of records) {
      counts[r.kind]++;
      if (r.kind === 'match' || r.kind === 'timeout') await sink.write(JSON.stringify(r) + '\n');
      else if (r.kind === 'late') {
        // The first few are shown; the rest only counted, so a badly ordered file cannot flood the terminal.
        if (counts.late <= LATE_SHOWN)
          process.stderr.write(
            `late event (timestamp ${r.timestamp} ≤ watermark ${r.watermark}), dropped: ${JSON.stringify(r.event).slice(0, 200)}\n`,
          );
        if (counts.late === LATE_SHOWN)
          process.stderr.write(
            `(further late events are only counted; raise the pattern's out-of-orderness or its watermark interval to accept them)\n`,
          );
      } else if (r.kind === 'warning' || r.kind === 'error') log.add(r.kind, r.message);
    }
  };
  let stopped: RunBudgetExceeded | null = null;
  try {
    for await (const { line, record } of events) {
      counts.events++;
      const timeProblem = pipeline.timeProblem(record);
      const outputs = pipeline.push(record);
      // The matcher knows the event's number; the file's line and the field are what a user fixes.
      await emit(
        timeProblem === null
          ? outputs
          : outputs.map((r) =>
              r.kind === 'error' && r.message.includes('cannot read its key or timestamp')
                ? { ...r, message: `${eventsFile} line ${line}: ${timeProblem}` }
                : r,
            ),
      );
      if (progress && counts.events % 50_000 === 0)
        process.stderr.write(`\r${counts.events.toLocaleString('en-US')} events, ${counts.match} matches…`);
    }
    await emit(pipeline.flush());
  } catch (e) {
    if (!(e instanceof RunBudgetExceeded)) throw e;
    stopped = e;
    // What the stopping call produced before the budget ran out is still written.
    await emit(e.outputs.map(toRecord));
  }
  await sink.close();
  if (progress) process.stderr.write('\r');
  log.summary();
  const pending = describePending(pendingSummary(pipeline.matcher));
  if (pending) process.stderr.write(`${pending}\n`);
  const timedOut = pipeline.matcher.counters.timeouts;
  const summary = `${counts.events} events, ${counts.match} matches, ${timedOut} timeouts${timeouts || timedOut === 0 ? '' : ' (not written; --timeouts writes them)'}, ${counts.late} late, ${log.count('warning')} warnings, ${counts.error} errors`;
  if (stopped !== null) {
    process.stderr.write(
      `cepheus run: stopped after ${summary}: ${stopped.message} (event ${(stopped.seq + 1).toLocaleString('en-US')} of ${eventsFile}). To allow more, raise --max-partial-matches, --max-state-mib or --max-matches-per-event.\n`,
    );
    return 3;
  }
  process.stderr.write(`cepheus run: ${summary}\n`);
  return counts.error > 0 ? 1 : 0;
}
