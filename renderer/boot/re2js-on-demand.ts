/**
 * re2js (the engine's matches() regex engine, ~150 KB) kept out of the first paint. The renderer
 * build resolves the engine's `import { RE2JS } from 're2js'` to this module (vite.renderer.config.ts),
 * which loads the real one on first use or when the page is idle, whichever comes first.
 *
 * Until it has loaded, a regex compiles to a pending one: its syntax is checked once the engine is
 * there, and `whenRegexEngineLoads` listeners (live validation) check again then, so a bad regex is
 * reported a moment late rather than a good one reported as bad. Conditions are evaluated on the back
 * end; a pending regex asked to match before the load says so instead of guessing.
 */
import type { RE2JS as RealRe2 } from 're2js';

interface CompiledRegex {
  matches(text: string): boolean;
}

let real: typeof RealRe2 | null = null;
let loading: Promise<void> | null = null;
const listeners = new Set<() => void>();

export function loadRegexEngine(): Promise<void> {
  loading ??= import('re2js').then((m) => {
    real = m.RE2JS;
    for (const listener of listeners) listener();
  });
  return loading;
}

/** Calls `listener` once the real engine is loaded (at once if it already is); returns an unsubscribe. */
export function whenRegexEngineLoads(listener: () => void): () => void {
  if (real) {
    listener();
    return () => undefined;
  }
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export const RE2JS = {
  compile(source: string): CompiledRegex {
    if (real) return real.compile(source);
    void loadRegexEngine();
    let compiled: CompiledRegex | null = null;
    return {
      matches(text: string): boolean {
        if (!real) throw new Error('the regular-expression engine is still loading; try again in a moment');
        compiled ??= real.compile(source);
        return compiled.matches(text);
      },
    };
  },
};
