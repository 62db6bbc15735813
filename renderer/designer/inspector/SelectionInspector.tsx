/** Routes the selection to its editor: a stage, a group, a connection, several things, or the pattern. */
import type { PatternDocument } from '../../../engine/format/schema';
import { findEdge } from '../../canvas/doc-tree';
import { useDocumentStore } from '../../state/document-store';
import { EdgeInspector } from './EdgeInspector';
import { GroupInspector } from './GroupInspector';
import { PatternInspector } from './PatternInspector';
import { StageInspector } from './StageInspector';
import { nodeContext } from './stage-context';

export function SelectionInspector({ doc }: { doc: PatternDocument }) {
  const selection = useDocumentStore((s) => s.selection);
  const count = selection.nodeIds.length + selection.edgeIds.length;
  if (count > 1) {
    return (
      <div className="insp-panel" data-testid="multi-inspector">
        <div className="insp-muted insp-pad">
          {selection.nodeIds.length} stage{selection.nodeIds.length === 1 ? '' : 's'} and{' '}
          {selection.edgeIds.length} connection{selection.edgeIds.length === 1 ? '' : 's'} selected. Select
          one to edit it, or click empty canvas for the pattern settings.
        </div>
      </div>
    );
  }
  const nodeId = selection.nodeIds[0];
  if (nodeId) {
    const ctx = nodeContext(doc, nodeId);
    if (ctx?.node.kind === 'stage')
      return <StageInspector key={nodeId} doc={doc} stage={ctx.node} ctx={ctx} />;
    if (ctx?.node.kind === 'group')
      return <GroupInspector key={nodeId} doc={doc} group={ctx.node} ctx={ctx} />;
  }
  const edgeId = selection.edgeIds[0];
  const edge = edgeId ? findEdge(doc, edgeId) : undefined;
  if (edge) return <EdgeInspector key={edge.id} doc={doc} edge={edge} />;
  return <PatternInspector doc={doc} />;
}
