/**
 * The timestamps of one key's registered timers. Most keys hold one or two, and even a small
 * array costs ~150 heap bytes once pushed to (V8 grows it to 17 slots), so the first timestamp is
 * a field, the next few a small array, and only past SMALL entries a Set.
 */
const SMALL = 16;

export class TimerSet {
  /** The first timestamp, or NaN when there is none. */
  private first = Number.NaN;
  private list: number[] | null = null;
  private set: Set<number> | null = null;

  has(ts: number): boolean {
    if (this.set !== null) return this.set.has(ts);
    return this.first === ts || (this.list !== null && this.list.includes(ts));
  }

  add(ts: number): void {
    if (this.set !== null) {
      this.set.add(ts);
      return;
    }
    if (this.has(ts)) return;
    if (Number.isNaN(this.first)) {
      this.first = ts;
      return;
    }
    if (this.list === null) {
      this.list = [ts];
      return;
    }
    this.list.push(ts);
    if (this.list.length >= SMALL) {
      this.set = new Set([this.first, ...this.list]);
      this.first = Number.NaN;
      this.list = null;
    }
  }

  delete(ts: number): void {
    if (this.set !== null) {
      this.set.delete(ts);
      return;
    }
    const list = this.list;
    if (this.first === ts) {
      // Promote one from the list so `first` stays the one that is set while any is.
      this.first = list !== null && list.length > 0 ? (list.pop() as number) : Number.NaN;
      if (list !== null && list.length === 0) this.list = null;
      return;
    }
    if (list === null) return;
    const i = list.indexOf(ts);
    if (i < 0) return;
    const last = list.pop() as number;
    if (i < list.length) list[i] = last;
    if (list.length === 0) this.list = null;
  }

  get size(): number {
    if (this.set !== null) return this.set.size;
    return (Number.isNaN(this.first) ? 0 : 1) + (this.list !== null ? this.list.length : 0);
  }
}
