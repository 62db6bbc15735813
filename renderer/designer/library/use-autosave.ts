/** Mounts the open pattern's saver (save-controller.ts) for as long as the designer is on screen. */
import { useEffect } from 'react';
import type { CepApi } from '../../../electron/contract';
import { createSaver } from './save-controller';

export { AUTOSAVE_DELAY_MS, nameEditedSinceSave } from './save-controller';

export function useAutosave(api: CepApi): void {
  useEffect(() => {
    const saver = createSaver(api);
    return () => saver.dispose();
  }, [api]);
}
