/**
 * Server-Sent Events: every open `GET /api/events` stream receives every backend push as
 * `event: <name>` / `data: <json>`. A comment line every 20 s keeps proxies and idle timers
 * from closing the stream.
 */
import type { ServerResponse } from 'node:http';
import type { PushListener } from '../services';

export class PushStreams {
  private readonly clients = new Set<ServerResponse>();
  private readonly heartbeat: NodeJS.Timeout;

  constructor() {
    this.heartbeat = setInterval(() => this.write(': keep-alive\n\n'), 20_000);
    this.heartbeat.unref();
  }

  open(res: ServerResponse): void {
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      'X-Content-Type-Options': 'nosniff',
    });
    res.write(': ready\n\n');
    this.clients.add(res);
    res.on('close', () => this.clients.delete(res));
  }

  readonly forward: PushListener = (event, payload) => {
    this.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`);
  };

  get size(): number {
    return this.clients.size;
  }

  /** Ends every stream (so the server can close) and stops the heartbeat. */
  closeAll(): void {
    clearInterval(this.heartbeat);
    for (const res of this.clients) res.end();
    this.clients.clear();
  }

  private write(text: string): void {
    for (const res of this.clients) res.write(text);
  }
}
