/**
 * Diagnostics shown in the Problems tab. Producers (designer validation, back-end errors) replace
 * their own slice by source so one producer never clears another's problems.
 */
import { create } from 'zustand';
import type { Diagnostic } from '../../engine/pattern/diagnostic';

export interface ProblemsState {
  bySource: Record<string, Diagnostic[]>;
  setProblems: (source: string, diagnostics: Diagnostic[]) => void;
}

export const useProblemsStore = create<ProblemsState>()((set) => ({
  bySource: {},
  setProblems: (source, diagnostics) => set((s) => ({ bySource: { ...s.bySource, [source]: diagnostics } })),
}));

export function allProblems(state: Pick<ProblemsState, 'bySource'>): Diagnostic[] {
  return Object.values(state.bySource).flat();
}
