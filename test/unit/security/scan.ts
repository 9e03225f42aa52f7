// Looks for personal data and secrets in files and texts, as bytes in every encoding a program could have written them.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import iconv from 'iconv-lite';

/** A value to look for. `label` names it without repeating it (a failing test must not print personal data either). */
export interface Needle {
  label: string;
  text: string;
}

interface Pattern {
  label: string;
  bytes: Buffer<ArrayBufferLike>;
}

/** UTF-8, UTF-16 (both byte orders: Windows and Java write LE, some tools BE), and Shift_JIS for Japanese text. */
function encodings(needle: Needle): Pattern[] {
  const utf16le = Buffer.from(needle.text, 'utf16le');
  const patterns: Pattern[] = [
    { label: `${needle.label} (utf-8)`, bytes: Buffer.from(needle.text, 'utf8') },
    { label: `${needle.label} (utf-16le)`, bytes: utf16le },
    { label: `${needle.label} (utf-16be)`, bytes: Buffer.from(utf16le).swap16() },
  ];
  if (/[^\u0000-\u007f]/.test(needle.text)) patterns.push({ label: `${needle.label} (shift_jis)`, bytes: iconv.encode(needle.text, 'cp932') });
  return patterns;
}

const anchorLength = 4;

/**
 * Many needles over many bytes: every pattern is filed under its first four bytes, and each position of a file is
 * looked up once, so a few thousand needles over a database of megabytes take well under a second.
 */
export class Scanner {
  private readonly byAnchor = new Map<number, Pattern[]>();
  readonly patterns: number;

  constructor(needles: readonly Needle[]) {
    let count = 0;
    for (const needle of needles) {
      for (const pattern of encodings(needle)) {
        if (pattern.bytes.length < anchorLength) throw new Error(`${pattern.label} is too short to look for without false hits`);
        const anchor = pattern.bytes.readUInt32LE(0);
        const list = this.byAnchor.get(anchor) ?? [];
        list.push(pattern);
        this.byAnchor.set(anchor, list);
        count += 1;
      }
    }
    this.patterns = count;
  }

  /** The labels of every needle found in the bytes. */
  find(bytes: Buffer): string[] {
    const found = new Set<string>();
    for (let i = 0; i + anchorLength <= bytes.length; i++) {
      const candidates = this.byAnchor.get(bytes.readUInt32LE(i));
      if (!candidates) continue;
      for (const pattern of candidates) {
        if (i + pattern.bytes.length <= bytes.length && bytes.compare(pattern.bytes, 0, pattern.bytes.length, i, i + pattern.bytes.length) === 0) found.add(pattern.label);
      }
    }
    return [...found];
  }

  findInText(text: string): string[] {
    return this.find(Buffer.from(text, 'utf8'));
  }

  /** Every file under `dir` (recursively): which needles each holds. */
  findInFolder(dir: string): { files: number; bytes: number; hits: { file: string; labels: string[] }[] } {
    const hits: { file: string; labels: string[] }[] = [];
    let files = 0;
    let bytes = 0;
    for (const file of filesUnder(dir)) {
      const content = readFileSync(file);
      files += 1;
      bytes += content.length;
      const labels = this.find(content);
      if (labels.length > 0) hits.push({ file: relative(dir, file), labels });
    }
    return { files, bytes, hits };
  }
}

/** Every file under `dir`. A folder below it that vanishes while it is listed (a browser's profile being removed as
 * the print ends) is skipped: what no longer exists holds nothing. `dir` itself must exist. */
export function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnderIfStill(path));
    // Sockets and links (a browser's singleton lock) hold no data of their own.
    else if (entry.isFile()) out.push(path);
  }
  return out.sort();
}

function filesUnderIfStill(dir: string): string[] {
  try {
    return filesUnder(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}
