import { describe, expect, it } from 'vitest';
import { nextUntitledName } from '../../../renderer/state/new-pattern';

describe('nextUntitledName', () => {
  it('picks the first free name', () => {
    expect(nextUntitledName([])).toBe('Untitled pattern');
    expect(nextUntitledName(['Untitled pattern'])).toBe('Untitled pattern 2');
    expect(nextUntitledName(['Untitled pattern', 'Untitled pattern 2', 'Untitled pattern 4'])).toBe(
      'Untitled pattern 3',
    );
  });
});
