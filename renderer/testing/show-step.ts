/**
 * Jumps from a test result or a diff item to the replay: opens (or reuses) a replay session of the
 * given document over the recording, seeks to the step and, when there is one, asks "why not?" for
 * the event where the expectation and the outcome part ways.
 */
import type { CepApi } from '../../electron/contract';
import { semanticHash } from '../../engine/format/semantic';
import type { PatternDocument } from '../../engine/format/schema';
import { useReplayStore } from '../state/replay-store';
import { useUiStore } from '../state/ui-store';

export interface StepTarget {
  patternId: string;
  document: PatternDocument;
  recordingId: number;
  position: number;
  /** Ask "why not?" for this event at this stage once there. */
  whyNot?: { seq: number; stage: string };
}

function sameMeaning(a: PatternDocument | null, b: PatternDocument): boolean {
  if (a === null) return false;
  try {
    return semanticHash(a) === semanticHash(b);
  } catch {
    return false;
  }
}

export async function showStep(api: CepApi, target: StepTarget): Promise<void> {
  const replay = useReplayStore.getState;
  useUiStore.getState().showBottomTab('replay');
  const { session, patternId, openedDocument } = replay();
  const reuse =
    session !== null &&
    session.recordingId === target.recordingId &&
    patternId === target.patternId &&
    sameMeaning(openedDocument, target.document);
  if (!reuse) {
    replay().chooseRecording(target.patternId, target.recordingId);
    await replay().open(api, target.patternId, target.recordingId, target.document);
  }
  if (replay().session === null) return;
  await replay().seek(api, { position: target.position });
  if (target.whyNot) {
    replay().pickSeq(target.whyNot.seq);
    await replay().askWhyNot(api, target.whyNot.seq, target.whyNot.stage);
  }
}
