/**
 * One behavioural diff asked of the back end (tests.diff): both versions over a stored recording in
 * one pass, in a worker, with progress; and the semantic diff of the same two documents beside it.
 */
import { type CepApi, type DiffRunOutcome, type DocumentRef } from '../../electron/contract';
import { diffDocuments, type SemanticChange } from '../../engine/format/diff';
import type { PatternDocument } from '../../engine/format/schema';

/** The old side: the last saved version or a stored version number. */
export type BeforeChoice = 'saved' | number;
/** The new side: the canvas (unsaved edits included) or the last saved version. */
export type AfterChoice = 'canvas' | 'saved';

export interface DiffRequest {
  patternId: string;
  canvas: PatternDocument;
  recordingId: number;
  before: BeforeChoice;
  after: AfterChoice;
}

export interface DiffView {
  outcome: DiffRunOutcome;
  semantic: SemanticChange[];
  /** The documents compared, to replay either side. */
  beforeDocument: PatternDocument;
  afterDocument: PatternDocument;
}

let counter = 0;
export const newDiffRunId = (): string => `diff-${Date.now().toString(36)}-${++counter}`;

async function documentOf(api: CepApi, patternId: string, which: BeforeChoice): Promise<PatternDocument> {
  if (which === 'saved') return (await api.patterns.get({ id: patternId })).document as PatternDocument;
  return (await api.patterns.getVersion({ id: patternId, version: which })).document as PatternDocument;
}

export async function runDiff(api: CepApi, runId: string, req: DiffRequest): Promise<DiffView> {
  const beforeRef: DocumentRef =
    req.before === 'saved' ? { patternId: req.patternId } : { patternId: req.patternId, version: req.before };
  const afterRef: DocumentRef =
    req.after === 'canvas' ? { document: req.canvas, label: 'the canvas' } : { patternId: req.patternId };
  const [outcome, beforeDocument, afterDocument] = await Promise.all([
    api.tests.diff({ runId, recordingId: req.recordingId, before: beforeRef, after: afterRef }),
    documentOf(api, req.patternId, req.before),
    req.after === 'canvas' ? Promise.resolve(req.canvas) : documentOf(api, req.patternId, 'saved'),
  ]);
  const semantic = diffDocuments(beforeDocument, afterDocument);
  return { outcome, semantic, beforeDocument, afterDocument };
}
