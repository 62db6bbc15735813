/**
 * A schema problem in the words of the designer: "The upper count (to) of stage "probe" must be ≥ …"
 * instead of "nodes[0].quantifier.to must be …". loadDocument keeps JSON paths (they point into a
 * file); a person editing on the canvas knows stages and settings, not array indexes.
 */
import { formatPath } from '../format/issues';
import type { Diagnostic } from '../pattern/diagnostic';

const NODE_FIELDS: Record<string, string> = {
  name: 'the name',
  where: 'the condition',
  or: 'an alternative condition',
  until: 'the stop condition (until)',
  note: 'the note',
  withinPreviousAndCurrentMs: 'the time limit since the previous event',
  quantifier: 'the quantifier',
  'quantifier.from': 'the lower count (from)',
  'quantifier.to': 'the upper count (to)',
  'quantifier.window': 'the time between repetitions',
  'quantifier.kind': 'the kind of quantifier',
};

const DOC_FIELDS: Record<string, string> = {
  name: 'the pattern name',
  description: 'the description',
  'settings.within': 'the time window',
  'settings.within.ms': 'the time window',
  'settings.partitionKey': 'the partition key',
  'settings.skip.stage': "the after-match strategy's stage",
  'settings.time.field': 'the timestamp field',
  'settings.time.outOfOrdernessMs': 'the out-of-orderness',
  'settings.time.watermarkIntervalMs': 'the watermark interval',
};

function at(root: unknown, path: readonly (string | number)[]): unknown {
  let cur = root;
  for (const p of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[p];
  }
  return cur;
}

/** "the upper count (to) of stage "probe"", or null when the path is not one a person edits by name. */
export function pathInWords(root: unknown, path: readonly (string | number)[]): string | null {
  // The innermost node or edge on the path owns the rest of it.
  let owner = -1;
  for (let i = 1; i < path.length; i++)
    if (
      typeof path[i] === 'number' &&
      (path[i - 1] === 'nodes' || path[i - 1] === 'edges') &&
      path[0] !== 'layout'
    )
      owner = i;
  if (owner > 0) {
    const item = at(root, path.slice(0, owner + 1)) as {
      kind?: unknown;
      name?: unknown;
      from?: unknown;
      to?: unknown;
    };
    const rest = path
      .slice(owner + 1)
      .filter((p) => typeof p === 'string')
      .join('.');
    if (path[owner - 1] === 'edges')
      return `${rest === 'contiguity' ? 'the contiguity of ' : ''}a connection`;
    const what = item?.kind === 'group' ? 'group' : 'stage';
    const who =
      typeof item?.name === 'string' && item.name !== '' ? `${what} "${item.name}"` : `an unnamed ${what}`;
    const field = NODE_FIELDS[rest];
    return field ? `${field} of ${who}` : who;
  }
  const key = path.filter((p) => typeof p === 'string').join('.');
  if (DOC_FIELDS[key]) return DOC_FIELDS[key];
  if (path[0] === 'eventSchema' && typeof path[2] === 'number')
    return `the ${path[3] === 'type' ? 'type' : 'name'} of event field ${path[2] + 1}`;
  return null;
}

/** The same diagnostic, its message starting with words instead of a JSON path when it can. */
export function inWords(d: Diagnostic, root: unknown): Diagnostic {
  const path = d.target?.path;
  if (!path) return d;
  const prefix = formatPath(path);
  if (!d.message.startsWith(`${prefix} `)) return d;
  const words = pathInWords(root, path);
  if (!words) return d;
  const rest = d.message.slice(prefix.length + 1);
  return { ...d, message: `${words.charAt(0).toUpperCase()}${words.slice(1)} ${rest}` };
}
