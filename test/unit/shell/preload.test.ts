// The preload gives the page exactly `window.api.call`, over the one channel.
import { describe, expect, it, vi } from 'vitest';
import { state } from './electron-stub';

vi.mock('electron', async () => (await import('./electron-stub')).electron);

await import('../../../electron/shell/preload');
const { deskCallChannel } = await import('../../../electron/shell/channel');

describe('the preload bridge', () => {
  it('exposes only window.api, and on it only call', () => {
    expect([...state.exposed.keys()]).toEqual(['api']);
    const api = state.exposed.get('api') as Record<string, unknown>;
    expect(Object.keys(api)).toEqual(['call']);
    expect(typeof api.call).toBe('function');
  });

  it('sends a call on the desk channel and hands back what the main process answers', async () => {
    const api = state.exposed.get('api') as { call(method: string, input: unknown): Promise<unknown> };
    state.invokeResult = { ok: true, value: { needsSetup: false } };
    await expect(api.call('setup.status', { x: 1 })).resolves.toEqual({ ok: true, value: { needsSetup: false } });
    expect(state.invoked).toEqual([[deskCallChannel, 'setup.status', { x: 1 }]]);
  });
});
