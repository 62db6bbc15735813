/** Offsets ↔ line/column for condition sources, and diagnostics built from them. */
import type { Diagnostic, DiagnosticFix, SourceRange } from '../pattern/diagnostic';

export class SourceText {
  private readonly lineStarts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      // \r\n counts as one break; a lone \r too (Monaco does the same).
      if (ch === 10 || (ch === 13 && text.charCodeAt(i + 1) !== 10)) this.lineStarts.push(i + 1);
    }
  }

  /** 1-based line and column of a 0-based offset (clamped into the text). */
  position(offset: number): { line: number; column: number } {
    const at = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.lineStarts[mid] ?? 0) <= at) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: at - (this.lineStarts[lo] ?? 0) + 1 };
  }

  range(start: number, end: number): SourceRange {
    const s = Math.max(0, Math.min(start, this.text.length));
    const e = Math.max(s, Math.min(end, this.text.length));
    const a = this.position(s);
    const b = this.position(e);
    return { start: s, end: e, line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
  }
}

/** Smallest range covering both. */
export function spanRanges(a: SourceRange, b: SourceRange): SourceRange {
  const first = a.start <= b.start ? a : b;
  const last = a.end >= b.end ? a : b;
  return {
    start: first.start,
    end: last.end,
    line: first.line,
    column: first.column,
    endLine: last.endLine,
    endColumn: last.endColumn,
  };
}

export function exprError(code: string, message: string, range: SourceRange): Diagnostic {
  return { code, message, severity: 'error', range, target: { kind: 'condition' } };
}

export function exprWarning(code: string, message: string, range: SourceRange): Diagnostic {
  return { code, message, severity: 'warning', range, target: { kind: 'condition' } };
}

/** Levenshtein distance, for "did you mean" suggestions. */
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0] ?? 0;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j] ?? 0;
      prev[j] = Math.min(up + 1, (prev[j - 1] ?? 0) + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length] ?? 0;
}

/** The closest candidate within a small edit distance, or null. */
export function closest(name: string, candidates: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = Math.max(2, Math.floor(name.length / 3)) + 1;
  for (const c of candidates) {
    const d = c.toLowerCase() === name.toLowerCase() ? 0 : editDistance(name, c);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

export function didYouMean(name: string, candidates: readonly string[]): string {
  const hint = closest(name, candidates);
  return hint ? ` — did you mean '${hint}'?` : '';
}

/** The quick fix of a "did you mean": replace the misspelt name (its exact range) with the suggestion. */
export function replaceFix(range: SourceRange, text: string): DiagnosticFix {
  return {
    title: `Change to '${text}'`,
    edits: [{ kind: 'condition-text', start: range.start, end: range.end, text }],
  };
}

/** A diagnostic with a "did you mean" quick fix when a close candidate exists. */
export function withSuggestion(
  d: Diagnostic,
  name: string,
  candidates: readonly string[],
  range: SourceRange,
): Diagnostic {
  const hint = closest(name, candidates);
  return hint && hint !== name ? { ...d, quickFix: replaceFix(range, hint) } : d;
}
