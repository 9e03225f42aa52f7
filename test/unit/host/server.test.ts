// The loopback host refuses what is not a proper call from the app: no token, a wrong one, bad JSON, a foreign Host or Origin.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/core/core';
import { startHost } from '../../../electron/host/server';

let root: string;
let core: Core;
let server: Server;
let url: string;
let token: string;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'host-test-'));
  const rendererDir = join(root, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>desk</title>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(root, 'secret.txt'), 'not for the browser');
  core = createCore({ dataDir: join(root, 'data'), exportsDir: join(root, 'exports'), log: { warn: () => undefined, error: () => undefined } });
  ({ server, url, token } = await startHost({ core: () => core, rendererDir }));
});
afterAll(async () => {
  server.close();
  await core.close();
  rmSync(root, { recursive: true, force: true });
});

function raw(path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}${path}`, { method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

/** Writes a request as bytes on a socket (for what http.request will not send) and returns the status line. */
function statusLine(text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(Number(new URL(url).port), '127.0.0.1', () => socket.write(text));
    let answer = '';
    socket.on('data', (c: Buffer) => (answer += c.toString()));
    socket.on('end', () => resolve(answer.split('\r\n')[0]!));
    socket.on('error', reject);
  });
}

const authorised = (extra: Record<string, string> = {}) => ({ authorization: `Bearer ${token}`, 'content-type': 'application/json', ...extra });

describe('the loopback host', () => {
  it('answers a proper call with the call\'s result', async () => {
    const res = await raw('/api/setup.status', { method: 'POST', headers: authorised(), body: '{}' });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ ok: true, value: { needsSetup: true } });
  });

  it('refuses a call without the token, or with a wrong one', async () => {
    for (const headers of [{}, { authorization: 'Bearer nope' }, { authorization: token }] as Record<string, string>[]) {
      const res = await raw('/api/setup.status', { method: 'POST', headers, body: '{}' });
      expect(res.status).toBe(401);
      expect(JSON.parse(res.body).error.code).toBe('UNAUTHENTICATED');
    }
  });

  it('refuses malformed JSON with a clear code', async () => {
    const res = await raw('/api/auth.login', { method: 'POST', headers: authorised(), body: '{"loginId": ' });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body).error).toEqual({ code: 'BAD_REQUEST', message: 'request.malformed' });
  });

  it('names an unknown method', async () => {
    const res = await raw('/api/customers.exportEverything', { method: 'POST', headers: authorised(), body: '{}' });
    expect(JSON.parse(res.body).error).toEqual({ code: 'NOT_FOUND', message: 'method.unknown' });
  });

  it('refuses a GET on the API', async () => {
    expect((await raw('/api/setup.status', { headers: authorised() })).status).toBe(405);
  });

  it('answers only to its own loopback names: a rebound DNS name, another port or a bare address is refused, token or not', async () => {
    const port = new URL(url).port;
    for (const host of ['evil.example', `evil.example:${port}`, '127.0.0.1', `127.0.0.1:${Number(port) + 1}`, `127.0.0.1.nip.io:${port}`, `sub.localhost:${port}`, `[::1]:${port}`]) {
      for (const path of ['/api/setup.status', '/', '/__test/reset']) {
        const res = await raw(path, { method: path === '/' ? 'GET' : 'POST', headers: authorised({ host }), body: path === '/' ? undefined : '{}' });
        expect(res.status, `${host} ${path}`).toBe(421);
        expect(JSON.parse(res.body).error).toEqual({ code: 'BAD_REQUEST', message: 'request.host' });
      }
    }
    // No Host at all (HTTP/1.0 allows it): refused too.
    expect(await statusLine('POST /api/setup.status HTTP/1.0\r\nContent-Length: 2\r\n\r\n{}')).toMatch(/^HTTP\/1\.1 4\d\d /);
    // The names a browser on this machine uses for the host itself.
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`]) {
      expect((await raw('/api/setup.status', { method: 'POST', headers: authorised({ host }), body: '{}' })).status, host).toBe(200);
    }
  });

  it('refuses a call from a page of another site, even one that holds the token', async () => {
    const port = new URL(url).port;
    const foreign = ['https://evil.example', `http://evil.example:${port}`, `http://127.0.0.1:${Number(port) + 1}`, `https://127.0.0.1:${port}`, `http://localhost:${Number(port) + 1}`, 'null', 'file://'];
    for (const origin of foreign) {
      const res = await raw('/api/setup.status', { method: 'POST', headers: authorised({ origin }), body: '{}' });
      expect(res.status, origin).toBe(403);
      expect(JSON.parse(res.body).error).toEqual({ code: 'FORBIDDEN', message: 'request.origin' });
      // Nor may it read the renderer through a CORS fetch, or reset the desk.
      expect((await raw('/', { headers: { origin } })).status, origin).toBe(403);
    }
    // A form of another site posts text/plain with no token at all: refused for its origin before the token is looked at.
    const form = await raw('/api/auth.logout', { method: 'POST', headers: { origin: 'https://evil.example', 'content-type': 'text/plain' }, body: '{}' });
    expect(form.status).toBe(403);
  });

  it('answers its own page, which names the host as its origin', async () => {
    const port = new URL(url).port;
    for (const origin of [`http://127.0.0.1:${port}`, `http://localhost:${port}`]) {
      const res = await raw('/api/setup.status', { method: 'POST', headers: authorised({ origin }), body: '{}' });
      expect(res.status, origin).toBe(200);
    }
    // Its own origin does not replace the token.
    expect((await raw('/api/setup.status', { method: 'POST', headers: { origin: url }, body: '{}' })).status).toBe(401);
  });

  it('answers a malformed address with a clear 400 and keeps serving', async () => {
    expect((await raw('/%E0%A4%A')).status).toBe(400);
    const port = new URL(url).port;
    // An absolute-form request line whose URL does not parse: it used to throw out of the handler and stop the host.
    expect(await statusLine(`GET http://[x HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`)).toBe('HTTP/1.1 400 Bad Request');
    expect((await raw('/api/setup.status', { method: 'POST', headers: authorised(), body: '{}' })).status).toBe(200);
  });

  it('serves the renderer with the strict CSP, and nothing outside its folder', async () => {
    const page = await raw('/');
    expect(page.status).toBe(200);
    expect(String(page.headers['content-security-policy'])).toContain("script-src 'self'");
    expect((await raw('/assets/app.js')).headers['content-type']).toContain('javascript');
    const escape = await raw('/..%2fsecret.txt');
    expect(escape.body).not.toContain('not for the browser');
  });

  it('has no reset endpoint unless started for tests', async () => {
    const res = await raw('/__test/reset', { method: 'POST', headers: authorised(), body: '{}' });
    expect(res.body).not.toContain('dataDir');
  });
});
