// Starts the one loopback host of the run (the renderer is built once by `npm run test:e2e` before this).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');

export default async function globalSetup(): Promise<() => Promise<void>> {
  if (!existsSync(join(root, 'dist', 'renderer', 'index.html'))) {
    throw new Error('The renderer is not built: run `npm run build:renderer` (npm run test:e2e does it).');
  }
  const host = spawn(process.execPath, [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(root, 'electron', 'host', 'main.ts'), '--allow-reset', '--test-kdf'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise<string>((resolve, reject) => {
    let buffered = '';
    const timer = setTimeout(() => reject(new Error('the host did not start within 60 s')), 60_000);
    host.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const match = buffered.split('\n').find((l) => l.startsWith('host listening '));
      if (match) {
        clearTimeout(timer);
        resolve(match);
      }
    });
    host.once('exit', (code) => reject(new Error(`the host exited with ${code}`)));
  });
  const [, url, token] = /^host listening (\S+) token=(\S+)$/.exec(line.trim())!;
  process.env.DESK_HOST_URL = url;
  process.env.DESK_HOST_TOKEN = token;
  return async () => {
    host.kill('SIGTERM');
  };
}
