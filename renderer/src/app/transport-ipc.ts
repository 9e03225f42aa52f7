// The Electron transport: the preload bridge's one function, `window.api.call`.
import type { Result } from '../../../src-shared/errors';
import { unreachable, type Transport } from './transport';

export interface PreloadBridge {
  call(method: string, input: unknown): Promise<Result<unknown>>;
}

declare global {
  interface Window {
    api?: PreloadBridge;
  }
}

export function ipcTransport(bridge: PreloadBridge): Transport {
  return async (method, input) => {
    try {
      return await bridge.call(method, input);
    } catch {
      return unreachable();
    }
  };
}
