/** cepheus diff <old> <new> <events> — what a change of a pattern changes in what it catches, as JSON Lines. */
import type { EventRecord } from '../../engine/pattern/spec';
import { BehaviourDiff, prepareReplayPattern, type DiffOutcome, type ReplayPattern } from '../../engine';
import { parseArgs } from '../args';
import { CliError } from '../errors';
import { readEvents } from '../events-reader';
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

Exit codes: 0 done; 1 a pattern cannot run (or, with --exit-code, a change); 2 unreadable input or bad usage.`;

function prepare(file: string): ReplayPattern {
  const { document } = loadPatternFile(file);
  const prepared = prepareReplayPattern(document);
  if (!prepared.ok)
    throw new CliError(
      `${file} cannot run:\n${formatDiagnostics(prepared.diagnostics.filter((d) => d.severity === 'error'))}`,
    );
  return prepared.pattern;
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
  const diff = new BehaviourDiff(prepare(oldFile), prepare(newFile), { keepEvents: true });
  const progress = process.stderr.isTTY;
  let seq = 0;
  try {
    for await (const payload of readEvents(eventsFile)) {
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
  process.stderr.write(`cepheus diff: ${summary.events} events; ${summary.text}\n`);
  return args.flags.has('exit-code') && items.length > 0 ? 1 : 0;
}
