/**
 * Guesses a CSV delimiter from the head of a file: the candidate that splits the first records
 * into the same number of fields most consistently. Quotes are honoured, so a ";" inside
 * "a;b" does not count.
 */
import type { CsvDelimiter } from './formats';

export const DELIMITERS: readonly CsvDelimiter[] = [',', ';', '\t', '|'];

const MAX_RECORDS = 20;

/** Per record of the sample, how often each candidate appears outside quotes. */
function countPerRecord(sample: string): number[][] {
  const counts: number[][] = [];
  let current = DELIMITERS.map(() => 0);
  let inQuotes = false;
  let seenContent = false;
  for (let i = 0; i < sample.length && counts.length < MAX_RECORDS; i++) {
    const ch = sample[i];
    if (ch === '"') {
      inQuotes = !inQuotes;
      seenContent = true;
    } else if (!inQuotes && (ch === '\n' || ch === '\r')) {
      if (seenContent) counts.push(current);
      current = DELIMITERS.map(() => 0);
      seenContent = false;
    } else {
      seenContent = true;
      if (!inQuotes) {
        const index = DELIMITERS.indexOf(ch as CsvDelimiter);
        if (index >= 0) current[index] += 1;
      }
    }
  }
  // A record cut off at the end of the sample is not evidence of its field count.
  return counts;
}

export function detectDelimiter(sample: string): CsvDelimiter {
  let records = countPerRecord(sample);
  if (records.length === 0) records = [DELIMITERS.map((d) => sample.split(d).length - 1)];
  let best: CsvDelimiter = ',';
  let bestScore = 0;
  DELIMITERS.forEach((delimiter, index) => {
    const perRecord = records.map((r) => r[index]);
    const header = perRecord[0];
    if (header === 0) return;
    const agreeing = perRecord.filter((n) => n === header).length;
    // Consistency first (share of records agreeing with the header), then more fields.
    const score = (agreeing / perRecord.length) * 1000 + Math.min(header, 999);
    if (score > bestScore) {
      best = delimiter;
      bestScore = score;
    }
  });
  return best;
}
