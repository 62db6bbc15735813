/** The one registry of the running app; components read it through `useActions`. */
import { ActionRegistry } from './registry';

export const appRegistry = new ActionRegistry();
