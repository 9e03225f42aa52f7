// The sandboxed preload: gives the page `window.api.call(method, input)` over the one IPC channel, and nothing else.
// No ipcRenderer, no send, no listener: a script in the page can only make the calls the core already checks.
import { contextBridge, ipcRenderer } from 'electron';
import type { Result } from '../../src-shared/errors';
import { deskCallChannel } from './channel';

const api = {
  call: (method: string, input: unknown): Promise<Result<unknown>> => ipcRenderer.invoke(deskCallChannel, method, input),
};

contextBridge.exposeInMainWorld('api', api);
