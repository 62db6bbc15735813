import { describe, expect, it } from 'vitest';
import { buildJsonSchema } from '../../../engine/format/json-schema';
import { schemaSuggestions } from '../../../renderer/designer/json/schema-completion';

const schema = buildJsonSchema();

/** Suggestions at the `|` of a text (the bar is removed). */
function at(textWithBar: string) {
  const offset = textWithBar.indexOf('|');
  const text = textWithBar.slice(0, offset) + textWithBar.slice(offset + 1);
  return { text, list: schemaSuggestions(schema, text, offset) };
}

describe('JSON view completion from the document schema', () => {
  it('offers the properties an object may still have, with their types, not those it has', () => {
    const { list } = at('{"settings": {"partitionKey": "user", |}}');
    const labels = list.map((s) => s.label);
    expect(labels).toEqual(expect.arrayContaining(['within', 'skip', 'time']));
    expect(labels).not.toContain('partitionKey');
    const skip = list.find((s) => s.label === 'skip');
    expect(skip?.insertText).toMatch(/^"skip": /);
    expect(skip?.detail).toMatch(/required/);
  });

  it('replaces the half-typed key, quotes included', () => {
    const { text, list } = at('{"settings": {"ski|"}}');
    const skip = list.find((s) => s.label === 'skip');
    expect(skip).toBeDefined();
    expect(text.slice(skip!.replace.start, skip!.replace.end)).toBe('"ski"');
  });

  it('offers the values an enum allows', () => {
    const { list } = at('{"settings": {"within": {"ms": 1000, "type": |}}}');
    expect(list.map((s) => s.label)).toEqual(['"FIRST_AND_LAST"', '"PREVIOUS_AND_CURRENT"']);
  });

  it('narrows a union by the constants already written (a stage node vs a group node)', () => {
    const stage = at('{"nodes": [{"kind": "stage", |}]}').list.map((s) => s.label);
    const group = at('{"nodes": [{"kind": "group", |}]}').list.map((s) => s.label);
    expect(stage).not.toEqual(group);
    expect(stage).toContain('where');
    expect(group).not.toContain('where');
    expect(group).toContain('nodes');
  });

  it('offers nothing where the schema has nothing to say (inside a free-text value)', () => {
    expect(at('{"name": "Fr|"}').list).toEqual([]);
  });
});
