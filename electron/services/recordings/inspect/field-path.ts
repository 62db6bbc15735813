/**
 * Reads a field by name. A literal key wins ("a.b" as a CSV header); otherwise dots walk into
 * nested objects ("user.id").
 */
export function getField(record: Record<string, unknown>, name: string): unknown {
  const direct = record[name];
  if (direct !== undefined || !name.includes('.')) return direct;
  let current: unknown = record;
  for (const part of name.split('.')) {
    if (typeof current !== 'object' || current === null || Array.isArray(current)) return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}
