/**
 * Keeps the previous object while a freshly derived one has the same content, so a memoized section
 * fed from the whole document (which changes on every key typed in a condition) renders again only
 * when what it shows changed. For small plain data (options, availability, an edge).
 */
import { useState } from 'react';

export function useStableValue<T>(value: T): T {
  const json = JSON.stringify(value);
  const [kept, setKept] = useState({ value, json });
  if (kept.json === json) return kept.value;
  // React's pattern for state derived from props: store it during render.
  setKept({ value, json });
  return value;
}
