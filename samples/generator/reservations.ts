/**
 * Keeps background noise away from planted incidents: each incident reserves a time range for its key,
 * and the noise generator drops its own events of that key inside the range. Without it, a normal
 * purchase could fall between two planted events and change what the pattern legitimately matches.
 */
export class Reservations {
  private byKey = new Map<string, [number, number][]>();

  reserve(key: string, from: number, to: number): void {
    const list = this.byKey.get(key) ?? [];
    list.push([from, to]);
    this.byKey.set(key, list);
  }

  isFree(key: string, ts: number): boolean {
    return !(this.byKey.get(key) ?? []).some(([a, b]) => ts >= a && ts <= b);
  }
}
