/**
 * Going to a problem: select and centre its node or edge, open the right inspector face, and for a
 * condition error put the cursor on the offending range.
 */
import type { Diagnostic } from '../../../engine/pattern/diagnostic';
import { pathInWords } from '../../../engine/problems';
import { useDocumentStore } from '../../state/document-store';
import { conditionKey, useCursorRequest } from '../conditions/cursor-request';
import { useInspectorTab } from '../inspector/inspector-tab';

export function revealDiagnostic(d: Diagnostic): void {
  const t = d.target;
  const inspector = useInspectorTab.getState();
  if (t?.field === 'json') {
    inspector.show('json');
    return;
  }
  const store = useDocumentStore.getState();
  if (!store.document) return;
  inspector.show('properties');
  // JSON text that does not load: the user is asked first, and the reveal waits for nothing.
  if (useInspectorTab.getState().tab !== 'properties') return;
  if (t?.kind === 'edge' && t.edgeId) store.focus({ edgeId: t.edgeId });
  else if (t?.nodeId) store.focus({ nodeId: t.nodeId });
  else if (t?.edgeId) store.focus({ edgeId: t.edgeId });
  else store.select({});
  if (t?.nodeId && (t.field === 'where' || t.field === 'or' || t.field === 'until'))
    useCursorRequest.getState().ask(conditionKey(t.nodeId, t.field, t.index ?? 0), d.range ?? null);
}

/** "stage "middle" · where 1:9" — where a problem is, for the Problems list. */
export function locationText(d: Diagnostic, nameOf: (id: string) => string | undefined): string {
  const t = d.target;
  if (!t) return 'pattern';
  const parts: string[] = [];
  if (t.kind === 'edge' && t.edgeId)
    parts.push(`connection into ${t.stage ? `"${t.stage}"` : (nameOf(t.edgeId) ?? t.edgeId)}`);
  else if (t.nodeId) parts.push(`"${nameOf(t.nodeId) ?? t.stage ?? t.nodeId}"`);
  else if (t.stage) parts.push(`"${t.stage}"`);
  else if (t.edgeId) parts.push(`connection ${t.edgeId}`);
  else if (t.field === 'json') parts.push('JSON view');
  else parts.push('pattern');
  if (t.field && t.field !== 'json') {
    // A setting by its name ("partition key"), not the area ("settings").
    const setting = t.field === 'settings' && t.path ? pathInWords(null, t.path)?.replace(/^the /, '') : null;
    const field = t.field === 'or' ? `or ${(t.index ?? 0) + 1}` : (setting ?? t.field);
    parts.push(d.range ? `${field} ${d.range.line}:${d.range.column}` : field);
  } else if (t.field === 'json' && d.range) parts.push(`${d.range.line}:${d.range.column}`);
  return parts.join(' · ');
}
