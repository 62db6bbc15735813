/** Centres the canvas on whatever the document store was asked to focus (from Problems, Inspector, …). */
import { useEffect } from 'react';
import { useDocumentStore } from '../../state/document-store';
import { flowInstance } from './canvas-bridge';

export function useFocusRequests(): void {
  const request = useDocumentStore((s) => s.focusRequest);
  useEffect(() => {
    const rf = flowInstance();
    if (!request || !rf) return;
    const edge = request.edgeId ? rf.getEdge(request.edgeId) : undefined;
    const ids = request.nodeId ? [request.nodeId] : edge ? [edge.source, edge.target] : [];
    if (ids.length > 0)
      void rf.fitView({ nodes: ids.map((id) => ({ id })), padding: 0.6, maxZoom: 1.3, duration: 250 });
  }, [request]);
}
