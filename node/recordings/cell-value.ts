/**
 * Turns a CSV cell into a JSON value, so CSV and JSON recordings look alike to conditions:
 * "42" → 42, "true" → true, "" → null. Numbers with leading zeros ("007", zip codes) stay
 * text, since turning them into numbers would lose the zeros.
 */
/** A number as CSV cells write it (exported for importers that type cells themselves). */
export const NUMBER_CELL = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

export function cellValue(cell: string): string | number | boolean | null {
  if (cell === '') return null;
  const first = cell.charCodeAt(0);
  if ((first >= 0x30 && first <= 0x39) || first === 0x2d) {
    if (NUMBER_CELL.test(cell)) {
      const n = Number(cell);
      if (Number.isFinite(n)) return n;
    }
    return cell;
  }
  if (cell.length === 4 || cell.length === 5) {
    const lower = cell.toLowerCase();
    if (lower === 'true') return true;
    if (lower === 'false') return false;
  }
  return cell;
}
