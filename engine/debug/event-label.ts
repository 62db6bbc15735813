/**
 * How the debugger names events to people: "#1" is the first event of the recording, like the
 * count ("2,014 events" ends with #2,014). Data keeps the 0-based `seq`; words use these.
 */

/** The number people see for event `seq` (1-based). */
export function eventNumber(seq: number): number {
  return seq + 1;
}

/** "#42" for seq 41, "#112,501" for seq 112500: grouped like the counts beside it ("Event 112,501 of 1,000,000"). */
export function eventLabel(seq: number): string {
  return `#${eventNumber(seq).toLocaleString('en-US')}`;
}

/**
 * The event number in what a person typed or pasted: "42", "#42", "#112,501", "112 501". NaN when it is
 * not a whole number written that way.
 */
export function parseEventNumber(text: string): number {
  const t = text.trim().replace(/^#/, '');
  if (!/^\d{1,3}([, ]\d{3})+$|^\d+$/.test(t)) return Number.NaN;
  return Number(t.replace(/[, ]/g, ''));
}
