/** The export dialog's option fields → engine ExportOptions: only what the user changed is passed on. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportPattern } from '../../../engine/export';
import { loadDocument } from '../../../engine/format';
import type { PatternDocument } from '../../../engine/format/schema';
import {
  defaultPartitionKey,
  defaultTimeField,
  toExportOptions,
} from '../../../renderer/export/export-options';
import { DEFAULT_OPTION_FIELDS } from '../../../renderer/export/export-store';

function sample(path: string): PatternDocument {
  const loaded = loadDocument(JSON.parse(readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8')));
  if (!loaded.ok) throw new Error(`${path} does not load`);
  return loaded.document;
}

const cardTesting = sample('samples/patterns/risk/card-testing.cep.json');

describe('toExportOptions', () => {
  it('passes nothing when the user changed nothing, so the document decides', () => {
    expect(toExportOptions(cardTesting, DEFAULT_OPTION_FIELDS)).toEqual({
      eventClass: 'Event',
      table: 'events',
    });
    expect(defaultPartitionKey(cardTesting)).toBe('cardId');
    expect(defaultTimeField(cardTesting)).toBe('ts');
  });

  it('treats retyping the defaults as unchanged and an emptied key as "not partitioned"', () => {
    expect(
      toExportOptions(cardTesting, { ...DEFAULT_OPTION_FIELDS, partitionKey: ' cardId ', timeField: 'ts' }),
    ).not.toHaveProperty('partitionKey');
    expect(
      toExportOptions(cardTesting, { ...DEFAULT_OPTION_FIELDS, partitionKey: '' }).partitionKey,
    ).toBeNull();
    expect(
      toExportOptions(cardTesting, {
        ...DEFAULT_OPTION_FIELDS,
        partitionKey: 'accountId',
        timeField: 'eventTime',
      }),
    ).toMatchObject({ partitionKey: 'accountId', timeField: 'eventTime' });
  });

  it('reaches the generated Java: package, event class and key', () => {
    const options = toExportOptions(cardTesting, {
      ...DEFAULT_OPTION_FIELDS,
      javaPackage: 'com.example',
      eventClass: 'Txn',
      partitionKey: 'accountId',
    });
    const result = exportPattern(cardTesting, 'flink-java', options);
    if (!result.ok) throw new Error('card-testing must export to Java');
    expect(result.text).toContain('package com.example;');
    expect(result.text).toContain('Pattern.<Txn>begin');
    expect(result.text).toMatch(/getAccountId/);
  });
});
