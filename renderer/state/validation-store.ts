/**
 * Live validation of the open pattern's working copy. `useLiveValidation` (mounted once by the
 * designer) re-validates shortly after each edit, publishes the buckets here for the canvas badges,
 * the inspector and the condition editors, and the flat list to the Problems tab (source "designer").
 */
import { useEffect } from 'react';
import { create } from 'zustand';
import type { PatternDocument } from '../../engine/format/schema';
import type { Diagnostic } from '../../engine/pattern/diagnostic';
import { whenRegexEngineLoads } from '../boot/re2js-on-demand';
import { bucketDiagnostics, validateDocument } from '../designer/problems/validate-document';
import { useProblemsStore } from './problems-store';
import { useSettledDocumentStore } from './settled-document';

export interface ValidationState {
  /** All, for the Problems panel. */
  diagnostics: Diagnostic[];
  byNode: Record<string, Diagnostic[]>;
  byEdge: Record<string, Diagnostic[]>;
  pattern: Diagnostic[];
  /** An edit is waiting to be validated (the lists describe the previous version). */
  validating: boolean;
  /** The document the lists describe (null = nothing open). */
  validated: PatternDocument | null;
  publish(doc: PatternDocument | null, diagnostics: Diagnostic[]): void;
}

export const PROBLEMS_SOURCE = 'designer';

/** Long enough to skip work between keystrokes, short enough to feel live. */
export const VALIDATION_DELAY_MS = 150;

export const useValidationStore = create<ValidationState>()((set) => ({
  diagnostics: [],
  byNode: {},
  byEdge: {},
  pattern: [],
  validating: false,
  validated: null,
  publish: (doc, diagnostics) => {
    set({ diagnostics, ...bucketDiagnostics(diagnostics), validating: false, validated: doc });
    useProblemsStore.getState().setProblems(PROBLEMS_SOURCE, diagnostics);
  },
}));

/** Validates `doc` now (also used by tests and by the JSON view after a replace). */
export function validateNow(doc: PatternDocument | null): void {
  useValidationStore.getState().publish(doc, doc ? validateDocument(doc) : []);
}

export function useLiveValidation(): void {
  const document = useSettledDocumentStore((s) => s.document);
  // Regexes checked before the regex engine had loaded are checked again once it has.
  useEffect(
    () =>
      whenRegexEngineLoads(() => {
        const current = useValidationStore.getState().validated;
        if (current) validateNow(current);
      }),
    [],
  );
  useEffect(() => {
    if (document === useValidationStore.getState().validated) return;
    // A freshly opened (or closed) pattern is validated at once so its problems show without flicker.
    if (!document || useValidationStore.getState().validated === null) {
      validateNow(document);
      return;
    }
    useValidationStore.setState({ validating: true });
    const timer = setTimeout(() => validateNow(document), VALIDATION_DELAY_MS);
    return () => clearTimeout(timer);
  }, [document]);
}
