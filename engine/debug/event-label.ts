/**
 * How the debugger names events to people: "#1" is the first event of the recording, like the
 * count ("2,014 events" ends with #2,014). Data keeps the 0-based `seq`; words use these.
 */

/** The number people see for event `seq` (1-based). */
export function eventNumber(seq: number): number {
  return seq + 1;
}

/** "#42" for seq 41. */
export function eventLabel(seq: number): string {
  return `#${eventNumber(seq)}`;
}
