/** CPU of each thread of this process so far, read from /proc/self/task (Linux). */
import { readdirSync, readFileSync } from 'node:fs';

const MS_PER_TICK = 10; // clock ticks per second are 100 on Linux

export interface ThreadCpu {
  name: string;
  ms: number;
}

export function threadCpu(): Map<number, ThreadCpu> {
  const out = new Map<number, ThreadCpu>();
  for (const tid of readdirSync('/proc/self/task')) {
    try {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      const name = stat.slice(stat.indexOf('(') + 1, close);
      const fields = stat.slice(close + 2).split(' ');
      out.set(Number(tid), { name, ms: (Number(fields[11]) + Number(fields[12])) * MS_PER_TICK });
    } catch {
      // the thread ended
    }
  }
  return out;
}
