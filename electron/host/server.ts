// The loopback host (development and end-to-end tests only): the built renderer and `POST /api/<method>` on 127.0.0.1.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import type { Result } from '../../src-shared/errors';
import type { Core } from '../core/core';
import { contentSecurityPolicy } from '../core/security';
import { checkRequest, hasToken } from './guard';

export interface HostOptions {
  core: () => Core;
  rendererDir: string;
  token?: string;
  port?: number;
  /** Test only: `POST /__test/reset` gives the next journey a fresh desk without a new host. */
  onReset?: () => Promise<{ dataDir: string }>;
  maxBodyBytes?: number;
}

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  // pdf.js's worker is an ES module file (.mjs); served as anything else, nosniff makes the browser refuse it.
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  res.end(text);
}

function failure(code: 'BAD_REQUEST' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND', message: string): Result<never> {
  return { ok: false, error: { code, message } };
}

function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        resolve(null);
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export function startHost(options: HostOptions): Promise<{ server: Server; url: string; token: string }> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const limit = options.maxBodyBytes ?? 64 * 1024 * 1024;
  let port = 0;

  const authorised = (req: IncomingMessage): boolean => hasToken(req.headers, token);

  async function api(req: IncomingMessage, res: ServerResponse, method: string): Promise<void> {
    if (req.method !== 'POST') return send(res, 405, failure('BAD_REQUEST', 'request.methodNotAllowed'));
    if (!authorised(req)) return send(res, 401, failure('UNAUTHENTICATED', 'request.token'));
    const body = await readBody(req, limit);
    if (body === null) return send(res, 413, failure('BAD_REQUEST', 'request.tooLarge'));
    let input: unknown = {};
    if (body.trim() !== '') {
      try {
        input = JSON.parse(body);
      } catch {
        return send(res, 400, failure('BAD_REQUEST', 'request.malformed'));
      }
    }
    const result = await options.core().call(method, input);
    send(res, 200, result);
  }

  function serveStatic(req: IncomingMessage, res: ServerResponse, path: string): void {
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, failure('BAD_REQUEST', 'request.methodNotAllowed'));
    const root = normalize(options.rendererDir + sep);
    let decoded: string;
    try {
      decoded = decodeURIComponent(path);
    } catch {
      return send(res, 400, failure('BAD_REQUEST', 'request.malformed'));
    }
    let file = normalize(join(root, decoded));
    if (!file.startsWith(root)) return send(res, 404, failure('NOT_FOUND', 'request.notFound'));
    if (!existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('The renderer is not built: run `npm run build:renderer`.\n');
      return;
    }
    res.writeHead(200, {
      'content-type': types[extname(file)] ?? 'application/octet-stream',
      'content-security-policy': contentSecurityPolicy,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-store',
    });
    res.end(req.method === 'HEAD' ? undefined : readFileSync(file));
  }

  const server = createServer((req, res) => {
    // Our loopback names and our own origin only (DNS rebinding, another site's page), before anything is read.
    const refused = checkRequest(req.headers, port);
    if (refused) return send(res, refused.status, failure(refused.code, refused.message));
    let url: URL;
    try {
      url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    } catch {
      // An absolute-form request line (`GET http://[x HTTP/1.1`) must not throw out of the handler and stop the host.
      return send(res, 400, failure('BAD_REQUEST', 'request.malformed'));
    }
    const handle = async (): Promise<void> => {
      if (url.pathname.startsWith('/api/')) return api(req, res, url.pathname.slice('/api/'.length));
      if (url.pathname === '/__test/reset' && options.onReset) {
        if (req.method !== 'POST' || !authorised(req)) return send(res, 401, failure('UNAUTHENTICATED', 'request.token'));
        return send(res, 200, { ok: true, value: await options.onReset() });
      }
      serveStatic(req, res, url.pathname);
    };
    handle().catch((err: unknown) => {
      console.error('host: request failed', err);
      if (!res.headersSent) send(res, 500, { ok: false, error: { code: 'INTERNAL', message: 'internal' } });
    });
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      const address = server.address();
      port = typeof address === 'object' && address ? address.port : 0;
      resolve({ server, url: `http://127.0.0.1:${port}`, token });
    });
  });
}
