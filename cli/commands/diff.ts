/** cepheus diff <old> <new> <events> — what a change of a pattern changes in what it catches, as JSON Lines. */
import type { EventRecord } from '../../engine/pattern/spec';
import { BehaviourDiff, prepareReplayPattern, type DiffOutcome, type ReplayPattern } from '../../engine';
import { parseArgs } from '../args';
import { CappedLog } from '../capped-log';
import { CliError } from '../errors';
import { timeProblemReader } from '../event-time';
import { readEventRows } from '../events-reader';
import { formatDiagnostics, loadPatternFile } from '../io';

export const DIFF_HELP = `Usage: cepheus diff <old.cep.json> <new.cep.json> <events> [options]

Runs both versions of a pattern over the same events in one pass and prints what changed, one JSON
object per line: {"change":"gained"|"lost"|"changed","kind":"match"|"timeout","key":…,"position":…,
"before":{…},"after":{…}} — gained: only the new version has it; lost: only the old one; changed: same
key and first event, other events bound. "before"/"after" hold "timestamp" and the events per stage;
"position" is the replay step to look at. The last line is the summary:
{"summary":"+3 matches, −1 match, 2 changed","matches":{…},"timeouts":{…},"before":{…},"after":{…},"events":N}.
Events: .jsonl/.ndjson, .json (an array) or .csv, optionally .gz.

Options:
  --exit-code   exit with 1 when anything changed (as git diff --exit-code)
  --help        show this help

An event whose time cannot be read (event-time patterns) is named on stderr by file, line and field,
as cepheus run does; the engine drops it, and the exit code is 1.

Exit codes: 0 done; 1 a pattern cannot run, an event's time cannot be read (or, with --exit-code, a
change); 2 unreadable input or bad usage.`;

interface Side {
  pattern: ReplayPattern;
  timeProblem: (event: EventRecord) => string | null;
}

function prepare(file: string): Side {
  const { document } = loadPatternFile(file);
  const prepared = prepareReplayPattern(document);
  if (!prepared.ok)
    throw new CliError(
      `${file} cannot run:\n${formatDiagnostics(prepared.diagnostics.filter((d) => d.severity === 'error'))}`,
    );
  return { pattern: prepared.pattern, timeProblem: timeProblemReader(document) };
}

/** What is wrong with an event's time for either version: said once when both read it alike. */
function timeProblem(before: Side, after: Side, event: EventRecord): string | null {
  const old = before.timeProblem(event);
  const now = after.timeProblem(event);
  if (old === now) return old;
  if (old !== null && now !== null) return `${old} (old pattern); ${now} (new pattern)`;
  return old !== null ? `${old} (old pattern)` : `${now} (new pattern)`;
}

function side(o: DiffOutcome): { timestamp: number; stages: Record<string, EventRecord[]> } {
  const stages: Record<string, EventRecord[]> = {};
  for (const s of o.events ?? []) stages[s.stage] = s.events;
  return { timestamp: o.timestamp, stages };
}

export async function diffCommand(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv, { values: [], booleans: ['exit-code'] }, 'diff');
  if (args.flags.has('help')) {
    console.log(DIFF_HELP);
    return 0;
  }
  const [oldFile, newFile, eventsFile, ...extra] = args.positionals;
  if (!oldFile || !newFile || !eventsFile || extra.length > 0)
    throw new CliError(`diff needs two pattern files and an events file.\n\n${DIFF_HELP}`, 2);
  const before = prepare(oldFile);
  const after = prepare(newFile);
  const diff = new BehaviourDiff(before.pattern, after.pattern, { keepEvents: true });
  const progress = process.stderr.isTTY;
  const log = new CappedLog((line) => process.stderr.write(line));
  let seq = 0;
  try {
    for await (const { line, record: payload } of readEventRows(eventsFile)) {
      const problem = timeProblem(before, after, payload);
      if (problem !== null) log.add('error', `${eventsFile} line ${line}: ${problem}`);
      // Recorded time is the position (ms) for processing-time patterns, so a diff is repeatable.
      diff.push({ seq, ts: seq, key: null, payload });
      seq++;
      if (progress && seq % 50_000 === 0) process.stderr.write(`\r${seq.toLocaleString('en-US')} events…`);
    }
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(`the run stopped at event #${seq + 1}: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (progress) process.stderr.write('\r');
  log.summary();
  const { summary, items } = diff.finish();
  const lines: string[] = items.map((it) =>
    JSON.stringify({
      change: it.change,
      kind: it.kind,
      key: it.key,
      position: it.position,
      ...(it.before ? { before: side(it.before) } : {}),
      ...(it.after ? { after: side(it.after) } : {}),
    }),
  );
  lines.push(
    JSON.stringify({
      summary: summary.text,
      matches: summary.matches,
      timeouts: summary.timeouts,
      before: summary.before,
      after: summary.after,
      events: summary.events,
    }),
  );
  process.stdout.write(`${lines.join('\n')}\n`);
  const errors = log.count('error');
  const unread = errors > 0 ? `; ${errors} with a time that cannot be read (dropped)` : '';
  process.stderr.write(`cepheus diff: ${summary.events} events${unread}; ${summary.text}\n`);
  return errors > 0 || (args.flags.has('exit-code') && items.length > 0) ? 1 : 0;
}
