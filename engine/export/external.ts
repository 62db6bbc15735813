/**
 * Flink conditions Cepheus cannot evaluate (Java CLASS conditions, untranslatable Aviator), kept verbatim.
 *
 * The document has no field for them yet, so an import stores the original JSON in the stage's note,
 * one line per condition, and puts an `unsupported('…')` marker in the condition itself: the marker
 * does not compile, so runs refuse with a message naming the Flink condition, and the Flink JSON and
 * Java exporters write the original back. Once the user replaces the marker, the note is ignored.
 */
import type { ExternalConditions } from './types';

export const UNSUPPORTED_FUNCTION = 'unsupported';

const NOTE_LINE = /^flink-condition\((where|until)\): (.*)$/gm;

/** Short words for a Flink condition JSON, used inside the marker. */
export function describeFlinkCondition(json: unknown): string {
  const c = (json ?? {}) as { type?: unknown; className?: unknown; expression?: unknown };
  if (c.type === 'CLASS' && typeof c.className === 'string')
    return `Flink Java condition class ${c.className}`;
  if (c.type === 'AVIATOR' && typeof c.expression === 'string')
    return `Flink Aviator expression ${c.expression}`;
  return `Flink ${typeof c.type === 'string' ? c.type : 'unknown'} condition`;
}

/** The marker put in place of a condition: a call that no Cepheus run accepts. */
export function unsupportedMarker(json: unknown): string {
  const text = describeFlinkCondition(json).replace(/\\/g, '\\\\').replace(/'/g, "\\'");
  return `${UNSUPPORTED_FUNCTION}('${text} cannot run in Cepheus')`;
}

export function isUnsupportedMarker(condition: string | null | undefined): boolean {
  return !!condition && condition.trimStart().startsWith(`${UNSUPPORTED_FUNCTION}(`);
}

/** The note line that keeps the original JSON. */
export function externalNoteLine(which: 'where' | 'until', json: unknown): string {
  return `flink-condition(${which}): ${JSON.stringify(json)}`;
}

/** Reads kept conditions back from a stage, honouring them only where the marker is still in place. */
export function readExternalConditions(stage: {
  note: string;
  where: string;
  until: string | null;
}): ExternalConditions | null {
  const out: ExternalConditions = {};
  for (const m of stage.note.matchAll(NOTE_LINE)) {
    const which = m[1] as 'where' | 'until';
    const current = which === 'where' ? stage.where : stage.until;
    if (!isUnsupportedMarker(current)) continue;
    try {
      out[which] = JSON.parse(m[2]) as unknown;
    } catch {
      // A hand-edited note that is no longer JSON: the marker stays and the export refuses.
    }
  }
  return out.where === undefined && out.until === undefined ? null : out;
}
