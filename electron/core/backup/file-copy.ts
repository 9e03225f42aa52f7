// Moving a database's bytes into and out of a backup file: hashed as they go, synced to disk before anyone counts on them.
import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';

const chunkBytes = 1024 * 1024;

/** Copies `length` bytes of `source` from `offset` to the end of an open file; returns their SHA-256 (hex). */
async function pump(source: string, offset: number, length: number, write: (chunk: Buffer) => Promise<void>): Promise<string> {
  const hash = createHash('sha256');
  const input = await open(source, 'r');
  try {
    const buffer = Buffer.alloc(chunkBytes);
    let done = 0;
    while (done < length) {
      const { bytesRead } = await input.read(buffer, 0, Math.min(chunkBytes, length - done), offset + done);
      if (bytesRead === 0) break;
      const chunk = buffer.subarray(0, bytesRead);
      hash.update(chunk);
      await write(chunk);
      done += bytesRead;
    }
    if (done !== length) throw Object.assign(new Error('the file ended early'), { code: 'ETRUNCATED' });
    return hash.digest('hex');
  } finally {
    await input.close();
  }
}

/** SHA-256 (hex) of a range of a file; throws ETRUNCATED when the file is shorter. */
export function hashRange(file: string, offset: number, length: number): Promise<string> {
  return pump(file, offset, length, async () => undefined);
}

/**
 * Writes a new file (owner-only, failing if it exists): `prefix`, then `length` bytes of `source` from `offset`.
 * Returns the SHA-256 of the copied range.
 */
export async function writeFileFrom(target: string, prefix: Buffer, source: string, offset: number, length: number): Promise<string> {
  const output = await open(target, 'wx', 0o600);
  try {
    let position = 0;
    const write = async (chunk: Buffer) => {
      let written = 0;
      while (written < chunk.length) {
        const { bytesWritten } = await output.write(chunk, written, chunk.length - written, position);
        written += bytesWritten;
        position += bytesWritten;
      }
    };
    if (prefix.length > 0) await write(prefix);
    const sha256 = await pump(source, offset, length, write);
    await output.sync();
    return sha256;
  } finally {
    await output.close();
  }
}
