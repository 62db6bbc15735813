/**
 * In-process fan-out of server pushes. The backend publishes; each transport (IPC to every
 * window, SSE to every browser tab) subscribes once and forwards.
 */
import type { CepEventName, CepEvents, Unsubscribe } from '../contract';

export type PushListener = (event: CepEventName, payload: CepEvents[CepEventName]) => void;

/** The payload's type follows from its event name; TypeScript cannot see that on its own. */
function isEvent<E extends CepEventName>(
  wanted: E,
  name: CepEventName,
  _payload: unknown,
): _payload is CepEvents[E] {
  return name === wanted;
}

export class PushHub {
  private readonly listeners = new Set<PushListener>();

  subscribe(listener: PushListener): Unsubscribe {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Delivers to every listener; a failing listener is reported and does not stop the rest. */
  publish<E extends CepEventName>(event: E, payload: CepEvents[E]): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(event, payload);
      } catch (error) {
        console.error(`Cepheus: a listener for ${event} failed:`, error);
      }
    }
  }

  /** Adapts the hub to CepApi's `on(event, cb)` shape. */
  on<E extends CepEventName>(event: E, cb: (payload: CepEvents[E]) => void): Unsubscribe {
    return this.subscribe((name, payload) => {
      if (isEvent(event, name, payload)) cb(payload);
    });
  }
}
