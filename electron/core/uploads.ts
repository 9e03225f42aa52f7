// The checks every file entering the desk passes before anything is stored (ID copies, request attachments, statement
// scans): base64 that is base64, a size limit, bytes that are what the type says, no active content in a PDF, and
// no image that declares more pixels than a page of paper has.
import { inflateSync } from 'node:zlib';
import sharp from 'sharp';
import { DeskError } from './errors';

export type UploadType = 'application/pdf' | 'image/png' | 'image/jpeg' | 'image/webp';

/**
 * A4 scanned at 600 dpi is 35 megapixels, A3 70: a document image with more is not a page of paper, and decoding it in
 * the window would take gigabytes. (An image bomb declares 50,000 × 50,000 pixels in a few hundred bytes.)
 */
export const maxDocumentPixels = 80_000_000;

/** The bytes a type starts with: the declared type must be what the bytes are, whatever the file was called. */
export function sniffType(bytes: Buffer): UploadType | null {
  if (bytes.length >= 5 && bytes.toString('latin1', 0, 5) === '%PDF-') return 'application/pdf';
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 12 && bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP') return 'image/webp';
  return null;
}

/**
 * PDF names that run code, open other files or carry files (names as PDF writes them, `#xx` escapes decoded):
 * JavaScript anywhere, additional actions on open/close/focus, launching programs, forms that post or import, remote
 * go-tos, embedded files and rich media. A link (`/URI`) needs a click and stays allowed.
 */
const activeNames = new Set(['JS', 'JavaScript', 'AA', 'Launch', 'EmbeddedFile', 'EmbeddedFiles', 'FileAttachment', 'RichMedia', 'XFA', 'SubmitForm', 'ImportData', 'GoToE', 'GoToR', 'Movie', 'Sound']);

/** Inflated object streams stop here: a compressed bomb must not take the desk's memory. */
const maxInflatedBytes = 64 * 1024 * 1024;
/**
 * A scan has a stream per page and a letter a few dozen, and no writer escapes more than a handful of names: a file
 * past these is made to keep a checker busy, and is refused as unreadable rather than read for seconds.
 */
const maxStreams = 20_000;
const maxEscapedNames = 5_000;
/** Binary stream data holds `/…#…` by chance (about 4,000 in 20 MB of a JPEG): the bound there is ten times that. */
const maxEscapedInBodies = 50_000;

const decodeName = (raw: string) => raw.replace(/#([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));

/** Every `/Name` in a short stretch of PDF syntax (a stream's dictionary), decoded, with what follows it. */
function* namesIn(text: string): Generator<{ name: string; next: string }> {
  // The look-ahead peeks at what follows without taking it: in `/S /JavaScript` the second name must still be read.
  const pattern = /\/([^\s/[\]<>(){}%]+)(?=\s*(\S?))/g;
  for (const m of text.matchAll(pattern)) yield { name: decodeName(m[1]!), next: m[2] ?? '' };
}

/**
 * Only the names that matter, in a whole file's worth of text: the active names, OpenAction and Encrypt as written, and
 * any name with a `#` escape (decoded, then judged). A file of ten million other names is read in a blink, not seconds.
 */
const wanted = [...activeNames, 'OpenAction', 'Encrypt'].sort((a, b) => b.length - a.length).join('|');
const wantedPattern = new RegExp(`\\/(?:(${wanted})|([^\\s/[\\]<>(){}%]*#[^\\s/[\\]<>(){}%]*))(?=[\\s/[\\]<>(){}%]|$)(?=\\s*(\\S?))`, 'g');

function* wantedNamesIn(text: string, budget: { escaped: number }): Generator<{ name: string; next: string }> {
  for (const m of text.matchAll(wantedPattern)) {
    if (m[2] !== undefined && --budget.escaped < 0) return;
    yield { name: m[1] ?? decodeName(m[2]!), next: m[3] ?? '' };
  }
}

/** A stream's start: the keyword and its end of line (never the `stream` of `endstream`). */
const streamStart = /(?<!end)stream(?:\r\n|\r|\n)/g;

/**
 * The PDF cut into its syntax (where dictionaries live, object streams inflated) and its stream bodies (images, page
 * drawings: binary, where a short name such as `/JS` turns up by chance in one scan out of ten).
 */
function partsOf(bytes: Buffer): { syntax: string[]; bodies: string[]; unreadable: boolean } {
  const text = bytes.toString('latin1');
  const syntax: string[] = [];
  const bodies: string[] = [];
  let unreadable = false;
  let pos = 0;
  for (let count = 0; ; count++) {
    if (count > maxStreams) {
      unreadable = true;
      break;
    }
    streamStart.lastIndex = pos;
    const start = streamStart.exec(text);
    if (!start) break;
    const head = text.slice(pos, start.index);
    syntax.push(head);
    const bodyStart = start.index + start[0].length;
    const end = text.indexOf('endstream', bodyStart);
    if (end < 0) {
      unreadable = true;
      pos = text.length;
      break;
    }
    const dictionary = [...namesIn(head.slice(Math.max(0, head.lastIndexOf('obj'))))].map((n) => n.name);
    if (dictionary.includes('ObjStm')) {
      // Object streams hold dictionaries, compressed: anything could hide in them, so they are read as syntax.
      const filters = dictionary.filter((n) => /Decode$/.test(n));
      if (filters.length === 0) syntax.push(text.slice(bodyStart, end));
      else if (filters.length === 1 && filters[0] === 'FlateDecode') {
        try {
          syntax.push(inflateSync(bytes.subarray(bodyStart, end), { maxOutputLength: maxInflatedBytes }).toString('latin1'));
        } catch {
          unreadable = true;
        }
      } else unreadable = true;
    } else bodies.push(text.slice(bodyStart, end));
    pos = end + 'endstream'.length;
  }
  syntax.push(text.slice(pos));
  return { syntax, bodies, unreadable };
}

/**
 * What in a PDF could act on its own when opened (here, in the window, or on the disk of whoever receives a copy):
 * the names found, whether it is encrypted (its object streams then cannot be read, so nothing can be vouched for),
 * and whether an object stream could not be read.
 */
export function pdfActiveContent(bytes: Buffer): { found: string[]; encrypted: boolean; unreadable: boolean } {
  const parts = partsOf(bytes);
  const { syntax, bodies } = parts;
  const budget = { escaped: maxEscapedNames };
  const found = new Set<string>();
  let encrypted = false;
  for (const text of syntax) {
    for (const { name, next } of wantedNamesIn(text, budget)) {
      if (activeNames.has(name)) found.add(name);
      // An opening destination (`[page /Fit]`, as LibreOffice writes) is harmless; an action on opening is not.
      if (name === 'OpenAction' && next !== '[') found.add(name);
      if (name === 'Encrypt') encrypted = true;
    }
  }
  // A body is looked at for the long names only (a JavaScript action always says `/S /JavaScript`): an object hidden
  // where this reading sees a stream is still caught, and chance bytes never match six letters and a delimiter.
  const inBodies = { escaped: maxEscapedInBodies };
  for (const text of bodies) {
    for (const { name } of wantedNamesIn(text, inBodies)) if (name.length >= 6 && (activeNames.has(name) || name === 'OpenAction')) found.add(name);
  }
  return { found: [...found].sort(), encrypted, unreadable: parts.unreadable || budget.escaped < 0 || inBodies.escaped < 0 };
}

/** The i18n keys of the feature the file comes through (`file.*` for attachments, `scan.*` for statements...). */
export interface UploadKeys {
  type: string;
  empty: string;
  tooLarge: string;
  unreadable: string;
  activeContent: string;
  pdfLocked: string;
  tooManyPixels: string;
}

export interface UploadRules {
  types: readonly UploadType[];
  maxBytes: number;
  maxPixels: number;
  keys: UploadKeys;
  /** The field, for the screen to mark (`file.dataBase64`); never the file's name or content. */
  path?: string;
}

/**
 * What a file name never needs and an attacker uses: control characters (NUL, line breaks) and the bidirectional
 * overrides and isolates that make "請求書\u202Efdp.exe" read "請求書exe.pdf" on screen.
 */
export const unsafeFileNameCharacters = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** Refuses a file name holding such characters; `key` is the feature's (`file.nameUnsafe`, `scan.nameUnsafe`). */
export function checkFileName(name: string, key: string, path?: string): void {
  if (unsafeFileNameCharacters.test(name)) throw new DeskError('VALIDATION', key, path ? { path } : undefined);
}

/** Base64 as the window sends it: only the alphabet and padding, never "whatever decodes". */
export function decodeBase64Strictly(dataBase64: string): Buffer | null {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(dataBase64) || dataBase64.length % 4 === 1) return null;
  return Buffer.from(dataBase64, 'base64');
}

/** Width and height as the image's header declares them, read without decoding a pixel. */
export async function declaredSize(bytes: Buffer): Promise<{ width: number; height: number } | null> {
  try {
    const meta = await sharp(bytes, { limitInputPixels: false }).metadata();
    return meta.width && meta.height ? { width: meta.width, height: meta.height } : null;
  } catch {
    return null;
  }
}

/**
 * Decodes and checks an upload; returns its bytes or throws VALIDATION with the feature's key. The size is judged on
 * the base64 length first, so a 100 MB file is refused before it is decoded.
 */
export async function checkUpload(file: { dataBase64: string; type: string }, rules: UploadRules): Promise<Buffer> {
  const at = rules.path ? { path: rules.path } : undefined;
  const maxMB = Math.round(rules.maxBytes / 1024 / 1024);
  if (file.dataBase64.length > Math.ceil((rules.maxBytes * 4) / 3) + 4) throw new DeskError('VALIDATION', rules.keys.tooLarge, { ...at, maxMB });
  const bytes = decodeBase64Strictly(file.dataBase64);
  if (!bytes) throw new DeskError('VALIDATION', rules.keys.unreadable, at);
  try {
    await checkBytes(bytes, file.type, rules, at);
    return bytes;
  } catch (err) {
    // A refused file may be an ID copy or a signed statement: its bytes do not wait in memory for the collector.
    bytes.fill(0);
    throw err;
  }
}

async function checkBytes(bytes: Buffer, declared: string, rules: UploadRules, at: { path: string } | undefined): Promise<void> {
  if (bytes.length === 0) throw new DeskError('VALIDATION', rules.keys.empty, at);
  if (bytes.length > rules.maxBytes) throw new DeskError('VALIDATION', rules.keys.tooLarge, { ...at, maxMB: Math.round(rules.maxBytes / 1024 / 1024) });
  const actual = sniffType(bytes);
  const accepted = rules.types as readonly string[];
  // `detected` names an accepted type the bytes are, or null: what the person should have chosen, if anything.
  if (!accepted.includes(declared) || actual !== declared) throw new DeskError('VALIDATION', rules.keys.type, { ...at, declared, detected: actual && accepted.includes(actual) ? actual : null });
  if (actual === 'application/pdf') {
    const { found, encrypted, unreadable } = pdfActiveContent(bytes);
    if (found.length) throw new DeskError('VALIDATION', rules.keys.activeContent, { ...at, found });
    if (encrypted) throw new DeskError('VALIDATION', rules.keys.pdfLocked, at);
    if (unreadable) throw new DeskError('VALIDATION', rules.keys.unreadable, at);
  } else {
    const size = await declaredSize(bytes);
    if (!size) throw new DeskError('VALIDATION', rules.keys.unreadable, at);
    if (size.width * size.height > rules.maxPixels) throw new DeskError('VALIDATION', rules.keys.tooManyPixels, { ...at, maxPixels: rules.maxPixels });
  }
}
