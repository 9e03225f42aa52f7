// The loopback host refuses what is not a proper call from the app: no token, a wrong one, bad JSON, a foreign Host.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
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

  it('refuses a GET on the API and a request for another host name (DNS rebinding)', async () => {
    expect((await raw('/api/setup.status', { headers: authorised() })).status).toBe(405);
    expect((await raw('/api/setup.status', { method: 'POST', headers: authorised({ host: 'evil.example:80' }), body: '{}' })).status).toBe(421);
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
