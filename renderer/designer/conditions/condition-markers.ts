/** Engine diagnostics with a source range → Monaco markers (1-based lines and columns, like Monaco). */
import type * as Monaco from 'monaco-editor/editor';
import type { Diagnostic } from '../../../engine/pattern/diagnostic';

export interface MarkerData {
  severity: 'error' | 'warning';
  message: string;
  code: string;
  startLineNumber: number;
  startColumn: number;
  endLineNumber: number;
  endColumn: number;
}

/** Diagnostics without a range (a Flink rule about the whole stage) are shown by the inspector, not here. */
export function diagnosticsToMarkers(diagnostics: readonly Diagnostic[]): MarkerData[] {
  const out: MarkerData[] = [];
  for (const d of diagnostics) {
    const r = d.range;
    if (!r) continue;
    let endLine = r.endLine;
    let endColumn = r.endColumn;
    if (endLine < r.line) endLine = r.line;
    // An error at the very end ("expected an operand") has an empty range: widen it so it is visible
    // (Monaco clamps a range past the end of the line).
    if (endLine === r.line && endColumn <= r.column) endColumn = r.column + 1;
    out.push({
      severity: d.severity,
      message: d.message,
      code: d.code,
      startLineNumber: r.line,
      startColumn: r.column,
      endLineNumber: endLine,
      endColumn,
    });
  }
  return out;
}

export function toMonacoMarkers(
  monaco: typeof Monaco,
  markers: readonly MarkerData[],
): Monaco.editor.IMarkerData[] {
  return markers.map((m) => ({
    ...m,
    severity: m.severity === 'error' ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Warning,
    source: 'Cepheus',
  }));
}
