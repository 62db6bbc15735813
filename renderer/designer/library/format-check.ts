/**
 * The format check autosave runs on each change of the working copy (can it be stored, or is it a
 * draft the back end would refuse?), skipped for a change of condition text only. The format puts no
 * rule on a condition's text (any string: its syntax is validation's business, not storage's), so
 * such a change cannot change the answer, and typing in a condition is most of the changes.
 */
import type { PatternDocument } from '../../../engine/format/schema';

/** Stage fields holding condition text: `where`, `until`, and the strings of `or`. */
const CONDITION_KEYS: ReadonlySet<string> = new Set(['where', 'until']);

function sameButConditionText(a: unknown, b: unknown, key: string | null, inOr: boolean): boolean {
  if (a === b) return true;
  if (typeof a === 'string' && typeof b === 'string')
    return inOr || (key !== null && CONDITION_KEYS.has(key));
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => sameButConditionText(x, b[i], null, key === 'or'));
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = Object.keys(rb);
  return (
    keys.length === Object.keys(ra).length &&
    keys.every((k) => k in ra && sameButConditionText(ra[k], rb[k], k, false))
  );
}

/** The two documents differ in condition text at most (documents share unchanged parts, so this is quick). */
export function onlyConditionTextDiffers(a: PatternDocument, b: PatternDocument): boolean {
  return sameButConditionText(a, b, null, false);
}

/** `check` (why a document cannot be stored, or null), remembered across changes of condition text only. */
export function formatCheckSkippingConditionText(
  check: (doc: PatternDocument) => string | null,
): (doc: PatternDocument) => string | null {
  let last: { doc: PatternDocument; reason: string | null } | null = null;
  return (doc) => {
    const reason = last && onlyConditionTextDiffers(last.doc, doc) ? last.reason : check(doc);
    last = { doc, reason };
    return reason;
  };
}
