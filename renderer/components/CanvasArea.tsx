/**
 * The pattern canvas (React Flow). The shell owns the frame: background grid, zoom controls,
 * minimap and the empty-state hint. It shows the open pattern read-only (from its stored layout);
 * the designer feature makes it editable.
 */
import {
  Background,
  BackgroundVariant,
  Controls,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
} from '@xyflow/react';
import { useMemo } from 'react';
import { documentToFlow, isPatternDocument, type FlowGraph } from '../canvas/document-to-flow';
import { useLibraryStore } from '../state/library-store';
import { effectiveTheme, useUiStore } from '../state/ui-store';
import { DesignerHost } from '../designer/canvas/DesignerHost';
import { EmptyCanvasHint } from './EmptyCanvasHint';
import './canvas.css';

const emptyGraph: FlowGraph = { nodes: [], edges: [] };

export function CanvasArea() {
  // The designer takes over once the open pattern is loaded into the document store.
  return <DesignerHost fallback={<ReadOnlyCanvas />} />;
}

function ReadOnlyCanvas() {
  const theme = useUiStore(effectiveTheme);
  const openPattern = useLibraryStore((s) => s.openPattern);
  const { nodes, edges } = useMemo(
    () =>
      openPattern && isPatternDocument(openPattern.document)
        ? documentToFlow(openPattern.document)
        : emptyGraph,
    [openPattern],
  );

  return (
    <div className="canvas" data-testid="canvas">
      <ReactFlowProvider>
        <ReactFlow
          // A new pattern gets a fresh viewport fitted to its stages.
          key={openPattern?.id ?? 'none'}
          nodes={nodes}
          edges={edges}
          colorMode={theme}
          nodesDraggable={false}
          nodesConnectable={false}
          fitView
          fitViewOptions={{ padding: 0.25, maxZoom: 1.2 }}
          proOptions={{ hideAttribution: true }}
          aria-label="Pattern canvas"
        >
          <Background variant={BackgroundVariant.Dots} gap={18} size={1.2} color="var(--canvas-dots)" />
          <Controls position="bottom-left" showInteractive={false} />
          {/* An empty minimap is just a blank box; show it once there is something to overview. */}
          {nodes.length > 0 && (
            <MiniMap position="bottom-right" pannable zoomable ariaLabel="Canvas overview" />
          )}
        </ReactFlow>
      </ReactFlowProvider>
      {nodes.length === 0 && <EmptyCanvasHint />}
    </div>
  );
}
