/**
 * The timestamps of one key's registered timers. Most keys hold one or two, and an empty Set
 * costs ~150 heap bytes per key (100k keys: 15 MB), so small sets are a plain array that
 * becomes a Set only past SMALL entries.
 */
const SMALL = 16;

export class TimerSet {
  private list: number[] = [];
  private set: Set<number> | null = null;

  has(ts: number): boolean {
    return this.set !== null ? this.set.has(ts) : this.list.includes(ts);
  }

  add(ts: number): void {
    if (this.set !== null) {
      this.set.add(ts);
      return;
    }
    if (this.list.includes(ts)) return;
    this.list.push(ts);
    if (this.list.length > SMALL) {
      this.set = new Set(this.list);
      this.list = [];
    }
  }

  delete(ts: number): void {
    if (this.set !== null) {
      this.set.delete(ts);
      return;
    }
    const i = this.list.indexOf(ts);
    if (i < 0) return;
    const last = this.list.pop() as number;
    if (i < this.list.length) this.list[i] = last;
  }

  get size(): number {
    return this.set !== null ? this.set.size : this.list.length;
  }
}
