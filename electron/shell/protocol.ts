// Serves the built renderer (dist/renderer) on app://desk/ with the app's CSP on every response.
// A custom standard scheme instead of file://: the page gets a real origin (so the IPC can check it and
// the CSP's 'self' means only our files), and file:// keeps no extra privileges (the fuse turns them off).
import { stat, readFile } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { protocol } from 'electron';
import { contentSecurityPolicy } from '../core/security';
import { appHost, appScheme } from './origin';

const mimeTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

/** Registered before `app` is ready (Electron allows it only then, and only once). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: appScheme,
      // standard: relative URLs, a real origin and web storage; secure: a secure context like https.
      // supportFetchAPI: the renderer may fetch its own assets. Deliberately NOT bypassCSP (our CSP must
      // apply), NOT corsEnabled (it would let other origins read our files without any CORS check),
      // NOT allowServiceWorkers (nothing may persist code between runs).
      privileges: { standard: true, secure: true, supportFetchAPI: true },
    },
  ]);
}

/** After `app` is ready: answer app://desk/... from `rendererDir`. */
export function handleAppProtocol(rendererDir: string): void {
  protocol.handle(appScheme, createRendererHandler(rendererDir));
}

function headers(contentType: string): Headers {
  return new Headers({
    'content-type': contentType,
    'content-security-policy': contentSecurityPolicy,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    // The renderer is part of the app: a new version must never mix with cached old assets.
    'cache-control': 'no-cache',
  });
}

function refuse(status: number): Response {
  return new Response(null, { status, headers: headers('text/plain; charset=utf-8') });
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/**
 * The request handler, free of Electron so that it can be tested in plain Node.
 * Reads the file itself (Electron's fs reads inside app.asar) so that every response carries our headers.
 */
export function createRendererHandler(rendererDir: string): (request: Request) => Promise<Response> {
  const root = resolve(rendererDir);
  return async (request) => {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return refuse(400);
    }
    if (url.protocol !== `${appScheme}:` || url.host !== appHost) return refuse(404);
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405);

    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      return refuse(400);
    }
    // A decoded path may hide what the URL parser already removed (`..%2F`), a Windows separator, a drive
    // or stream name (`:`), or a NUL: none belongs in a renderer asset path.
    if (/[\\:\0]/.test(path) || path.split('/').includes('..')) return refuse(404);
    if (!path.startsWith('/')) path = `/${path}`;
    if (path.endsWith('/')) path += 'index.html';

    const file = resolve(root, `.${path}`);
    const inside = relative(root, file);
    if (inside === '' || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) return refuse(404);

    let served = file;
    if (!(await isFile(file))) {
      // A route of the single-page app (no file extension) gets the page; a missing asset is a 404.
      if (extname(file) !== '') return refuse(404);
      served = resolve(root, 'index.html');
      if (!(await isFile(served))) return refuse(404);
    }
    const body = await readFile(served);
    const type = mimeTypes[extname(served).toLowerCase()] ?? 'application/octet-stream';
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers: headers(type) });
  };
}
