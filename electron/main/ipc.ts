/**
 * The IPC transport: one ipcMain.handle per contract method, and push forwarding.
 *
 * Every call is checked (sender, then arguments against the contract's zod schema) and every
 * outcome is an envelope, so nothing a renderer sends can crash main or leak a stack trace:
 * `{ ok: true, value }` or `{ ok: false, error: CepErrorInfo }`.
 */
import type { IpcMain, WebContents } from 'electron';
import {
  CepError,
  cepMethodNames,
  eventChannel,
  invokeMethod,
  ipcChannel,
  parseArgs,
  type CepApi,
  type CepErrorInfo,
  type CepMethodName,
} from '../contract';
import type { SenderCheck } from './trusted-sender';

export type IpcEnvelope = { ok: true; value: unknown } | { ok: false; error: CepErrorInfo };

function failure(error: unknown, method: CepMethodName): IpcEnvelope {
  if (error instanceof CepError) return { ok: false, error: error.toInfo() };
  console.error(`Cepheus: ${method} failed:`, error);
  const message = error instanceof Error ? error.message : String(error);
  return { ok: false, error: { code: 'internal', message: `${method} failed: ${message}` } };
}

/** Handles one call: the testable core of the IPC layer. */
export async function handleCall(
  api: CepApi,
  method: CepMethodName,
  rawArgs: unknown[],
): Promise<IpcEnvelope> {
  try {
    if (rawArgs.length > 1)
      throw new CepError('invalid-arguments', `${method} takes at most one argument, got ${rawArgs.length}`);
    const args = parseArgs(method, rawArgs[0]);
    return { ok: true, value: await invokeMethod(api, method, args) };
  } catch (error) {
    return failure(error, method);
  }
}

export interface IpcDeps {
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
  api: CepApi;
  checkSender: SenderCheck;
}

/** Registers every contract method; returns a function that removes them again. */
export function registerIpc({ ipcMain, api, checkSender }: IpcDeps): () => void {
  for (const method of cepMethodNames) {
    ipcMain.handle(ipcChannel(method), (event, ...rawArgs: unknown[]): Promise<IpcEnvelope> | IpcEnvelope => {
      const rejected = checkSender(event);
      if (rejected !== null) {
        console.warn(
          `Cepheus: refused ${method} from ${event.senderFrame?.url ?? 'an unknown frame'}: ${rejected}`,
        );
        return { ok: false, error: { code: 'forbidden', message: `${method} refused: ${rejected}` } };
      }
      return handleCall(api, method, rawArgs);
    });
  }
  return () => cepMethodNames.forEach((method) => ipcMain.removeHandler(ipcChannel(method)));
}

/** Sends one push to a window, unless it is already gone. */
export function sendPush(contents: WebContents, name: string, payload: unknown): void {
  if (!contents.isDestroyed()) contents.send(eventChannel, name, payload);
}
