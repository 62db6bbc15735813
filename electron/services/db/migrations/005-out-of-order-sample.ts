import type { Migration } from './migration';

/**
 * The first out-of-order events of a recording (JSON: seq, line, time, how far behind), so the
 * import summary can list the events a tight watermark would drop as late.
 */
export const migration005OutOfOrderSample: Migration = {
  version: 5,
  name: 'out-of-order sample',
  up: (db) => {
    db.exec("ALTER TABLE recordings ADD COLUMN out_of_order_sample TEXT NOT NULL DEFAULT '[]'");
  },
};
