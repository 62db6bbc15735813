/**
 * Repeated stderr messages, capped: the first few of each kind are written, the rest counted and
 * summarised in one line at the end, so a run that warns on every event cannot flood the terminal.
 * Two messages are of one kind when they differ only in numbers and quoted text (keys, timestamps).
 */
export const SHOWN_PER_KIND = 3;

function kindOf(message: string): string {
  return message.replace(/"[^"]*"/g, '"…"').replace(/-?\d[\d.,:eE+-]*/g, '#');
}

export class CappedLog {
  private readonly kinds = new Map<string, { first: string; count: number }>();

  constructor(
    private readonly write: (line: string) => void,
    private readonly shown = SHOWN_PER_KIND,
  ) {}

  /** Writes `prefix: message`, unless this kind was already written `shown` times. */
  add(prefix: string, message: string): void {
    const key = `${prefix}\u0000${kindOf(message)}`;
    const seen = this.kinds.get(key);
    const count = (seen?.count ?? 0) + 1;
    this.kinds.set(key, { first: seen?.first ?? message, count });
    if (count <= this.shown) this.write(`${prefix}: ${message}\n`);
    if (count === this.shown + 1)
      this.write(`${prefix}: (more like this are counted; a summary follows at the end)\n`);
  }

  /** Messages added under `prefix`, shown or not. */
  count(prefix: string): number {
    let n = 0;
    for (const [key, { count }] of this.kinds) if (key.startsWith(`${prefix}\u0000`)) n += count;
    return n;
  }

  /** One line per kind that was cut short: how many were not shown. */
  summary(): void {
    for (const [key, { first, count }] of this.kinds) {
      if (count <= this.shown) continue;
      const prefix = key.slice(0, key.indexOf('\u0000'));
      const text = first.length > 160 ? `${first.slice(0, 160)}…` : first;
      this.write(
        `${prefix}: ${(count - this.shown).toLocaleString('en-US')} more like "${text}" (${count.toLocaleString('en-US')} in all)\n`,
      );
    }
  }
}
