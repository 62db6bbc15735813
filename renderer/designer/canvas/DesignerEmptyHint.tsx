/** Shown on a pattern with no stages: how to start, with the button right there. */
import { addNodeAt } from './canvas-commands';

export function DesignerEmptyHint() {
  return (
    <div className="designer-empty" data-testid="designer-empty">
      <div className="designer-empty-card">
        <div className="empty-state-title">Start with a stage</div>
        <div className="empty-state-text">
          A pattern is a chain of stages. Add the first one, then drag from its right handle to the next stage
          to connect them.
        </div>
        <button type="button" className="designer-empty-btn" onClick={() => addNodeAt('stage')}>
          Add first stage
        </button>
      </div>
    </div>
  );
}
