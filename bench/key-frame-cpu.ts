/**
 * From a Chromium trace (categories toplevel and devtools.timeline): for each keydown, the page's
 * main-thread work from the start of the task that handled the key to the end of the first frame
 * after it, the frame that paints what the key changed:
 *   cpuMs   its CPU (thread time, so the load barely changes it): the work on the key's path to the
 *           screen, apart from waiting for the frame and for the CPU
 *   busyMs  its wall time with the idle gaps left out (the wait for the next frame): what key→paint
 *           would be if a frame began as soon as the key was handled (an uncapped frame clock; the
 *           headless Chromium ignores --disable-frame-rate-limit and --disable-gpu-vsync)
 */
export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { data?: { type?: string } };
}

export interface KeyPathWork {
  cpuMs: number;
  busyMs: number;
}

export function keyPathWork(trace: Buffer | string): KeyPathWork[] {
  const parsed = JSON.parse(trace.toString()) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
  const keydowns = events.filter(
    (e) => e.ph === 'X' && e.name === 'EventDispatch' && e.args?.data?.type === 'keydown',
  );
  const first = keydowns[0];
  if (!first) return [];
  // The page's main thread is where its key events were dispatched.
  const main = events
    .filter((e) => e.pid === first.pid && e.tid === first.tid && e.ph === 'X' && e.tdur !== undefined)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const tasks: TraceEvent[] = [];
  let end = -Infinity;
  for (const e of main) {
    if (e.ts < end) continue;
    tasks.push(e);
    end = e.ts + (e.dur ?? 0);
  }
  const frames = main.filter((e) => e.name === 'FireAnimationFrame' || e.name === 'Paint');
  const out: KeyPathWork[] = [];
  for (const key of keydowns) {
    const start = tasks.findIndex((t) => t.ts <= key.ts && key.ts < t.ts + (t.dur ?? 0));
    if (start < 0) continue;
    const keyTask = tasks[start];
    const keyEnd = keyTask.ts + (keyTask.dur ?? 0);
    // The frame: the first task after the key's that runs frame callbacks or paints.
    const frame = tasks.findIndex(
      (t, i) => i > start && t.ts >= keyEnd && frames.some((f) => f.ts >= t.ts && f.ts < t.ts + (t.dur ?? 0)),
    );
    if (frame < 0) continue;
    let cpu = 0;
    let busy = 0;
    for (let i = start; i <= frame; i++) {
      cpu += tasks[i].tdur ?? 0;
      busy += tasks[i].dur ?? 0;
    }
    out.push({ cpuMs: cpu / 1000, busyMs: busy / 1000 });
  }
  return out;
}
