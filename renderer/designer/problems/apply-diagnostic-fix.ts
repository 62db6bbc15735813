/** A quick fix from the Problems list or the inspector: one undo step named after the fix. */
import type { Diagnostic } from '../../../engine/pattern/diagnostic';
import { applyFix } from '../../../engine/problems';
import { useDocumentStore } from '../../state/document-store';

export function applyDiagnosticFix(d: Diagnostic): void {
  const fix = d.quickFix;
  if (!fix) return;
  useDocumentStore.getState().edit(fix.title, (doc) => applyFix(doc, fix, d.target));
}
