/**
 * A draggable splitter between two panels, also usable from the keyboard (arrow keys, 16px steps)
 * so resizing does not require a mouse.
 */
import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import './resize-handle.css';

export interface ResizeHandleProps {
  /** vertical: a vertical bar that resizes widths; horizontal: a bar that resizes heights. */
  orientation: 'vertical' | 'horizontal';
  label: string;
  size: number;
  /** The panel sits after the handle (right or below), so dragging towards it shrinks it. */
  invert?: boolean;
  onResize: (size: number) => void;
}

export function ResizeHandle({ orientation, label, size, invert = false, onResize }: ResizeHandleProps) {
  const drag = useRef<{ start: number; size: number } | null>(null);
  const sign = invert ? -1 : 1;
  const coord = (e: PointerEvent) => (orientation === 'vertical' ? e.clientX : e.clientY);

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { start: coord(e), size };
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (!drag.current) return;
    onResize(drag.current.size + sign * (coord(e) - drag.current.start));
  };
  const onPointerUp = () => {
    drag.current = null;
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const grow = orientation === 'vertical' ? ['ArrowRight', 'ArrowLeft'] : ['ArrowDown', 'ArrowUp'];
    const index = grow.indexOf(e.key);
    if (index < 0) return;
    e.preventDefault();
    onResize(size + (index === 0 ? 16 : -16) * sign);
  };

  return (
    <div
      className={`resize-handle resize-handle-${orientation}`}
      role="separator"
      aria-orientation={orientation}
      aria-label={label}
      aria-valuenow={size}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onKeyDown={onKeyDown}
    />
  );
}
