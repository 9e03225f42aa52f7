// What the loopback host accepts before it reads a request: our own host name and origin only, then the token.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

export interface Refusal {
  status: number;
  code: 'BAD_REQUEST' | 'FORBIDDEN';
  message: string;
}

/**
 * The names a browser on this machine uses for the host. `localhost` is kept beside 127.0.0.1: a browser resolves
 * it to the loopback itself (Chromium and Firefox never ask DNS for it), so no foreign page can be made to send it,
 * and a developer who types it still reaches the desk. A DNS rebinding attack carries the attacker's own name in
 * `Host` (`evil.example:PORT`), which is refused; so is a bare 127.0.0.1 without our port, or another port.
 */
export function loopbackNames(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

/**
 * A page of another site (or a sandboxed frame or file, whose origin is `null`) may point a form or a fetch at the
 * host; the browser then names that page in `Origin`. Only our own origin is answered. A request without `Origin`
 * is a same-origin GET of the renderer or a program on this machine (curl, the tests), which the token still guards.
 */
export function checkRequest(headers: IncomingHttpHeaders, port: number): Refusal | null {
  const names = loopbackNames(port);
  if (!names.includes(headers.host ?? '')) return { status: 421, code: 'BAD_REQUEST', message: 'request.host' };
  const origin = headers.origin;
  if (origin !== undefined && !names.some((name) => origin === `http://${name}`)) return { status: 403, code: 'FORBIDDEN', message: 'request.origin' };
  return null;
}

/** The bearer token, compared in constant time: its length is public, its bytes are not. */
export function hasToken(headers: IncomingHttpHeaders, token: string): boolean {
  const expected = Buffer.from(`Bearer ${token}`);
  const given = Buffer.from(headers.authorization ?? '');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
