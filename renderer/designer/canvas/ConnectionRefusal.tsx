/** The engine's reason a connection was refused, shown where it was dropped until the next click. */
import { useEffect } from 'react';
import { useCanvasSession } from './canvas-bridge';

export function ConnectionRefusal() {
  const refusal = useCanvasSession((s) => s.refusal);
  const refuse = useCanvasSession((s) => s.refuse);
  useEffect(() => {
    if (!refusal) return;
    const timer = window.setTimeout(() => refuse(null), 8000);
    return () => window.clearTimeout(timer);
  }, [refusal, refuse]);
  if (!refusal) return null;
  return (
    <div
      className="connection-refusal"
      role="alert"
      data-testid="connection-refused"
      style={{ left: refusal.x, top: refusal.y }}
    >
      <strong>Can’t connect</strong>
      <span>{refusal.reason}</span>
    </div>
  );
}
