import { describe, expect, it } from 'vitest';
import { parseCondition } from '../../../engine/expr/parser';
import { fieldsRead } from '../../../engine/expr/fields-read';

const STAGES = ['probe', 'cashout', 'logins'];

function read(source: string): string[] | null {
  const { ast } = parseCondition(source);
  if (!ast) throw new Error(`does not parse: ${source}`);
  const fields = fieldsRead(ast, STAGES);
  return fields === null ? null : [...fields].sort();
}

describe('fieldsRead', () => {
  it('names the top-level fields a condition reads from the event', () => {
    expect(read("type == 'transfer' && amount < 1")).toEqual(['amount', 'type']);
    expect(read("user.id == 'u1' || geo['country'] in ['IT', 'FR']")).toEqual(['geo', 'user']);
    expect(read('payload[kind] > 2')).toEqual(['kind', 'payload']);
    expect(read("lower(trim(name)) == 'x' ? score > 1 : false")).toEqual(['name', 'score']);
    expect(read('true')).toEqual([]);
  });

  it('names the fields aggregates read from the events bound to a stage, not the stage', () => {
    expect(read('sum(probe.amount) > 10 && count(logins) >= 3')).toEqual(['amount']);
    expect(read('avg(cashout.detail.value) > first(probe.amount)')).toEqual(['amount', 'detail']);
    expect(read('min(amount, 5) > 1')).toEqual(['amount']);
  });

  it('gives null when a whole bound event can be read (first/last of a stage without a field)', () => {
    expect(read('first(probe).amount > 1')).toBeNull();
    expect(read("last(logins)['ip'] != ip")).toBeNull();
  });
});
