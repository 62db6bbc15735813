/**
 * Creates a starter pattern (one stage that accepts every event) so a new user has something on the
 * canvas to edit, and opens it. The name is the first free "Untitled pattern", "Untitled pattern 2", …
 */
import type { CepApi } from '../../electron/contract';
import { specToDocument } from '../../engine/format/from-spec';
import { useLibraryStore } from './library-store';
import { useUiStore } from './ui-store';

export function nextUntitledName(existing: readonly string[]): string {
  const taken = new Set(existing);
  if (!taken.has('Untitled pattern')) return 'Untitled pattern';
  let n = 2;
  while (taken.has(`Untitled pattern ${n}`)) n += 1;
  return `Untitled pattern ${n}`;
}

export async function createAndOpenPattern(api: CepApi): Promise<void> {
  const library = useLibraryStore.getState();
  const name = nextUntitledName(library.patterns.map((p) => p.name));
  const document = specToDocument(
    {
      stages: [
        {
          name: 'start',
          contiguity: 'begin',
          quantifier: { kind: 'one', optional: false, greedy: false, inner: 'relaxed' },
        },
      ],
      skip: { kind: 'NO_SKIP' },
    },
    { name },
  );
  try {
    const created = await api.patterns.create({ name, document });
    await library.refresh(api);
    await useLibraryStore.getState().open(api, created.id);
    useUiStore.getState().setNotice({ kind: 'info', text: `Created “${name}”` });
  } catch (err) {
    useUiStore.getState().setNotice({
      kind: 'error',
      text: `Could not create a pattern: ${err instanceof Error ? err.message : String(err)}`,
    });
  }
}
