// app://desk serves the built renderer and nothing else, always with the app's CSP.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { contentSecurityPolicy } from '../../../electron/core/security';
import { resetElectronStub, state } from './electron-stub';

vi.mock('electron', async () => (await import('./electron-stub')).electron);

const { createRendererHandler, handleAppProtocol, registerAppScheme } = await import('../../../electron/shell/protocol');

// A renderer folder inside a parent that holds a secret, so that escaping the folder would find something.
const parent = mkdtempSync(join(tmpdir(), 'privacy-desk-protocol-'));
const rendererDir = join(parent, 'renderer');
mkdirSync(join(rendererDir, 'assets'), { recursive: true });
writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>desk</title>');
writeFileSync(join(rendererDir, 'assets', 'main-abc.js'), 'console.log("desk")');
writeFileSync(join(rendererDir, 'assets', 'main-abc.css'), 'body{}');
writeFileSync(join(rendererDir, 'assets', 'noto.woff2'), 'font');
writeFileSync(join(parent, 'secret.txt'), 'SECRET');

const serve = createRendererHandler(rendererDir);
const get = (url: string, method = 'GET') => serve(new Request(url, { method }));

beforeEach(() => resetElectronStub());

describe('the app:// protocol', () => {
  it('serves the desk page with the app CSP and nosniff', async () => {
    const response = await get('app://desk/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>desk</title>');
  });

  it('serves scripts, styles and fonts with their own types', async () => {
    const types = await Promise.all(
      ['assets/main-abc.js', 'assets/main-abc.css', 'assets/noto.woff2'].map(async (path) => (await get(`app://desk/${path}`)).headers.get('content-type')),
    );
    expect(types).toEqual(['text/javascript; charset=utf-8', 'text/css; charset=utf-8', 'font/woff2']);
  });

  it('serves the page for the root and for routes of the app', async () => {
    for (const url of ['app://desk/', 'app://desk', 'app://desk/customers/42']) {
      const response = await get(url);
      expect(response.status, url).toBe(200);
      expect(await response.text(), url).toContain('<title>desk</title>');
    }
  });

  it('answers a missing asset with 404, still under the CSP', async () => {
    const response = await get('app://desk/assets/missing.js');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('never serves a file outside the renderer folder', async () => {
    for (const url of [
      'app://desk/../../etc/passwd',
      'app://desk/..%2F..%2Fetc%2Fpasswd',
      'app://desk/..%2Fsecret.txt',
      'app://desk/assets/..%2F..%2Fsecret.txt',
      'app://desk/..%5Csecret.txt',
      'app://desk/%2e%2e%2fsecret.txt',
      `app://desk/${encodeURIComponent(join(parent, 'secret.txt'))}`,
      'app://desk/index.html%00.js',
      'app://desk/%E0%A4%A',
    ]) {
      const response = await get(url);
      const body = await response.text();
      expect(body, url).not.toContain('SECRET');
      expect(body, url).not.toContain('root:');
      expect(response.headers.get('content-security-policy'), url).toBe(contentSecurityPolicy);
    }
    expect((await get('app://desk/..%2F..%2Fetc%2Fpasswd')).status).toBe(404);
    expect((await get('app://desk/..%2Fsecret.txt')).status).toBe(404);
  });

  it('answers only its own host, and only reads', async () => {
    expect((await get('app://elsewhere/index.html')).status).toBe(404);
    expect((await get('app://desk/index.html', 'POST')).status).toBe(405);
    const head = await get('app://desk/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('registers app:// as a secure standard scheme that keeps our CSP and refuses other origins', () => {
    registerAppScheme();
    expect(state.privilegedSchemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
  });

  it('handles app:// with the renderer folder once the app is ready', async () => {
    handleAppProtocol(rendererDir);
    const handler = state.protocolHandlers.get('app');
    expect(handler).toBeDefined();
    const response = await handler!(new Request('app://desk/index.html'));
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
  });
});
