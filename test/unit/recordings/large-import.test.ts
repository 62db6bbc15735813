import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRecordingsService, type RecordingsService } from '../../../electron/services/recordings';
import { request, tempDb, writeFile, type TempDb } from './helpers';

/** Not timed (speed is measured ad hoc / in benchmarks); checks that nothing is lost at scale. */
describe('a 200,000-row generated import', () => {
  let t: TempDb;
  let service: RecordingsService;
  beforeEach(() => {
    t = tempDb();
    service = createRecordingsService({ db: t.db, dbPath: t.dbPath });
  });
  afterEach(() => t.cleanup());

  it('imports a gzipped CSV completely and streams it back in order', { timeout: 180_000 }, async () => {
    const n = 200_000;
    const lines = ['ts;account;amount;kind'];
    for (let i = 0; i < n; i++) lines.push(`${1_700_000_000 + i};acct-${i % 997};${i};"k;${i % 3}"`);
    const file = writeFile(t.dir, 'payments.csv.gz', lines.join('\n') + '\n', true);

    let lastRows = 0;
    const { recording } = await service.importRecording(
      request(file, { timestampFormat: 'epochSeconds', keyField: 'account' }),
      { onProgress: (p) => (lastRows = p.rows) },
    );
    expect(lastRows).toBe(n);
    expect(recording).toMatchObject({
      rowCount: n,
      compressed: true,
      sourceFormat: 'csv',
      minTs: 1_700_000_000_000,
      maxTs: (1_700_000_000 + n - 1) * 1000,
      keyCount: 997,
      outOfOrderCount: 0,
      malformedCount: 0,
    });

    let count = 0;
    let sum = 0;
    let previous = -1;
    for (const event of service.eventsBetween(recording.id, 0, n)) {
      expect(event.seq).toBe(previous + 1);
      previous = event.seq;
      count += 1;
      sum += event.payload.amount as number;
    }
    expect(count).toBe(n);
    expect(sum).toBe((n * (n - 1)) / 2);

    const page = service.readEvents(recording.id, {
      offset: 150_000,
      limit: 2,
      filter: { equals: [{ field: 'account', value: 'acct-5' }] },
    });
    expect(page.total).toBe(201);
    expect(page.events).toEqual([]);
    const last = service.readEvents(recording.id, { offset: n - 1, limit: 5 });
    expect(last.events[0]).toMatchObject({
      seq: n - 1,
      key: `acct-${(n - 1) % 997}`,
      payload: { kind: `k;${(n - 1) % 3}` },
    });
  });
});
