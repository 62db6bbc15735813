import { describe, expect, it } from 'vitest';
import { readSse } from '../../../renderer/api/sse';

/** A stream that delivers the given chunks one by one, as a network would. */
function streamOf(chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const c of chunks) controller.enqueue(encoder.encode(c));
      controller.close();
    },
  });
}

async function collect(chunks: string[]): Promise<[string, string][]> {
  const events: [string, string][] = [];
  await readSse(streamOf(chunks), (e, d) => events.push([e, d]), new AbortController().signal);
  return events;
}

describe('readSse', () => {
  it('parses named events, skips comments and joins multi-line data', async () => {
    const events = await collect([
      ': ready\n\n',
      'event: patterns.changed\ndata: {"id":"a"}\n\n',
      'data: line1\ndata: line2\n\n',
    ]);
    expect(events).toEqual([
      ['patterns.changed', '{"id":"a"}'],
      ['message', 'line1\nline2'],
    ]);
  });

  it('reassembles events split across chunks and CRLF line ends', async () => {
    const events = await collect(['event: patt', 'erns.changed\r\nda', 'ta: {"id":', '"b"}\r\n', '\r\n']);
    expect(events).toEqual([['patterns.changed', '{"id":"b"}']]);
  });

  it('drops an unterminated final event instead of guessing', async () => {
    expect(await collect(['event: x\ndata: 1'])).toEqual([]);
  });
});
