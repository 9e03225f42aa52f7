// The loopback host transport (development and end-to-end tests): POST /api/<method> with the bearer token.
import type { Result } from '../../../src-shared/errors';
import { unreachable, type Transport } from './transport';

/**
 * Takes the token from `#token=...`, keeps it only in this closure and removes it from the address bar,
 * so it is not left in history, bookmarks or a screenshot.
 */
export function takeTokenFromLocation(): string {
  const params = new URLSearchParams(location.hash.replace(/^#/, ''));
  const token = params.get('token') ?? '';
  if (location.hash) history.replaceState(null, '', location.pathname + location.search);
  return token;
}

export function httpTransport(token: string): Transport {
  return async (method, input) => {
    try {
      const response = await fetch(`api/${encodeURIComponent(method)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(input ?? {}),
        cache: 'no-store',
        credentials: 'omit',
      });
      // The host answers 400/401/413 with the same `{ ok: false, error }` shape as the core.
      const body = (await response.json()) as Result<unknown>;
      return body && typeof body === 'object' && 'ok' in body ? body : unreachable();
    } catch {
      return unreachable();
    }
  };
}
