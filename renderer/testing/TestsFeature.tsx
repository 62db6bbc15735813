/**
 * Runs the open pattern's tests live, as Jest's watch mode does: a moment after each edit of the
 * pattern or of its tests (not of the layout), in the back end, and again when a recording is
 * imported or removed. Renders nothing; the Tests panel reads the store.
 */
import { useEffect } from 'react';
import type { CepApi } from '../../electron/contract';
import { canonicalJson } from '../../engine/format/serialize';
import { semanticHash } from '../../engine/format/semantic';
import type { PatternDocument } from '../../engine/format/schema';
import { useApi } from '../components/api-context';
import { useDocumentStore } from '../state/document-store';
import { useTestsStore } from './tests-store';

/** Quiet time after an edit before the tests run. */
export const LIVE_RUN_DELAY_MS = 400;

/** What a run depends on: the pattern's meaning and its tests (never its layout). */
export function testsKey(patternId: string, doc: PatternDocument): string {
  let meaning: string;
  try {
    meaning = semanticHash(doc);
  } catch {
    meaning = canonicalJson({ ...doc, layout: null });
  }
  return `${patternId}\u0001${meaning}\u0001${canonicalJson(doc.tests)}`;
}

function runIfChanged(api: CepApi, force = false): void {
  const { patternId, document } = useDocumentStore.getState();
  const tests = useTestsStore.getState();
  if (!patternId || !document) {
    if (tests.ranKey !== null) tests.reset();
    return;
  }
  const key = testsKey(patternId, document);
  if (!force && key === tests.ranKey) return;
  void tests.run(api, key, document);
}

export function TestsFeature() {
  const api = useApi();

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const schedule = (force = false) => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        runIfChanged(api, force);
      }, LIVE_RUN_DELAY_MS);
    };
    schedule();
    const offDoc = useDocumentStore.subscribe((s, prev) => {
      if (s.document !== prev.document || s.patternId !== prev.patternId) schedule();
    });
    const offRecordings = api.on('recordings.changed', () => schedule(true));
    const offProgress = api.on('tests.progress', (p) => {
      if (p.phase === 'tests') useTestsStore.getState().onProgress(p.runId, p.done, p.total);
    });
    return () => {
      if (timer) clearTimeout(timer);
      offDoc();
      offRecordings();
      offProgress();
    };
  }, [api]);

  return null;
}
