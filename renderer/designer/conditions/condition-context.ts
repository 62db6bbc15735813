/**
 * What a condition may refer to: every stage name, the stage it belongs to, and the event fields —
 * from the pattern's event schema, or, when it has none, from the recording chosen in the
 * recordings browser (completion only: without a declared schema nothing is type-checked).
 */
import type { CompileOptions } from '../../../engine/expr/index';
import type { PatternDocument } from '../../../engine/format/schema';
import { allNodes } from '../../../engine/format/walk';
import type { EventSchema } from '../../../engine/pattern/spec';
import { useRecordingsStore } from '../../state/recordings-store';

export function stageNames(doc: PatternDocument): string[] {
  return allNodes(doc)
    .filter((v) => v.node.kind === 'stage')
    .map((v) => v.node.name);
}

function recordingSchema(): EventSchema | undefined {
  const { recordings, selectedId } = useRecordingsStore.getState();
  const recording = recordings.find((r) => r.id === selectedId) ?? recordings[0];
  if (!recording) return undefined;
  return { fields: recording.schema.map((f) => ({ name: f.name, type: f.type })) };
}

export function conditionContext(doc: PatternDocument, currentStage: string): CompileOptions {
  const schema = doc.eventSchema ?? recordingSchema();
  return schema
    ? { stages: stageNames(doc), currentStage, schema }
    : { stages: stageNames(doc), currentStage };
}
