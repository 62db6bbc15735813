/**
 * The pattern canvas (React Flow). The shell owns the frame: background grid, zoom controls,
 * minimap and the empty-state hint; the designer feature supplies nodes and edges.
 */
import { Background, BackgroundVariant, Controls, MiniMap, ReactFlow, ReactFlowProvider, useEdgesState, useNodesState, type Edge, type Node } from '@xyflow/react';
import { effectiveTheme, useUiStore } from '../state/ui-store';
import { EmptyCanvasHint } from './EmptyCanvasHint';
import './canvas.css';

export function CanvasArea() {
  const theme = useUiStore(effectiveTheme);
  const [nodes, , onNodesChange] = useNodesState<Node>([]);
  const [edges, , onEdgesChange] = useEdgesState<Edge>([]);

  return (
    <div className="canvas" data-testid="canvas">
      <ReactFlowProvider>
        <ReactFlow
          nodes={nodes}
          edges={edges}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          colorMode={theme}
          fitView
          proOptions={{ hideAttribution: true }}
          aria-label="Pattern canvas"
        >
          <Background variant={BackgroundVariant.Dots} gap={18} size={1.2} color="var(--canvas-dots)" />
          <Controls position="bottom-left" showInteractive={false} />
          {/* An empty minimap is just a blank box; show it once there is something to overview. */}
          {nodes.length > 0 && <MiniMap position="bottom-right" pannable zoomable ariaLabel="Canvas overview" />}
        </ReactFlow>
      </ReactFlowProvider>
      {nodes.length === 0 && <EmptyCanvasHint />}
    </div>
  );
}
