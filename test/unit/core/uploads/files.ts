// Files people try to upload, made here: PDFs that run script on opening (openly or hidden), harmless PDFs that
// look a little like them, an encrypted PDF, an image bomb, a text file renamed, and a 100 MB file.
import { randomBytes } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { pngClaiming } from '../idcopies/images';

/** A PDF of the given objects (1 is the catalog), with a real cross-reference table. `trailer` adds to the trailer. */
export function pdfOf(objects: (string | Buffer)[], trailer = ''): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let length = parts[0]!.length;
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(length);
    const part = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`, 'latin1'), typeof o === 'string' ? Buffer.from(o, 'latin1') : o, Buffer.from('\nendobj\n', 'latin1')]);
    parts.push(part);
    length += part.length;
  });
  const xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailer}>>\nstartxref\n${length}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(parts);
}

const page = '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>';
const content = (text: string) => `<< /Length ${text.length + 20} >>\nstream\nBT /F1 12 Tf (${text}) Tj ET\nendstream`;
const pages = '<< /Type /Pages /Kids [3 0 R] /Count 1 >>';

/** A letter whose catalog runs JavaScript as soon as it is opened. */
export const pdfOpeningWithJavaScript = () =>
  pdfOf([`<< /Type /Catalog /Pages 2 0 R /OpenAction << /S /JavaScript /JS (app.alert\\('pwned'\\)) >> >>`, pages, page, content('Power of attorney')]);

/** The same, with its names written in `#xx` escapes, as a tool that dodges naive scanners writes them. */
export const pdfWithEscapedNames = () =>
  pdfOf([`<< /Type /Catalog /Pages 2 0 R /Open#41ction 5 0 R >>`, pages, page, content('Letter'), '<< /S /J#61vaScript /J#53 (this.exportDataObject\\({cName: "x"}\\)) >>']);

/** A page that runs an action when it is opened (additional actions), and one that launches a program. */
export const pdfWithPageAction = () => pdfOf([`<< /Type /Catalog /Pages 2 0 R >>`, pages, '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /AA << /O 5 0 R >> >>', content('Letter'), '<< /S /URI /URI (http://x.example/) >>']);
export const pdfLaunching = () => pdfOf([`<< /Type /Catalog /Pages 2 0 R /OpenAction 5 0 R >>`, pages, page, content('Invoice'), '<< /S /Launch /F (cmd.exe) >>']);

/** A PDF carrying another file. */
export const pdfWithEmbeddedFile = () =>
  pdfOf([`<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles << /Names [(a.exe) 5 0 R] >> >> >>`, pages, page, content('Letter'), '<< /Type /Filespec /F (a.exe) /EF << /F 6 0 R >> >>', '<< /Type /EmbeddedFile /Length 2 >>\nstream\nMZ\nendstream']);

/**
 * The script hidden where a simple search of the file cannot see it: the catalog inside a compressed object stream,
 * as PDF 1.5 writers store objects.
 */
export function pdfWithScriptInObjectStream(): Buffer {
  const catalog = '<< /Type /Catalog /Pages 2 0 R /OpenAction << /S /JavaScript /JS (app.alert\\(1\\)) >> >>';
  const packed = deflateSync(Buffer.from(`1 0 ${catalog}`, 'latin1'));
  const objectStream = Buffer.concat([Buffer.from(`<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length ${packed.length} >>\nstream\n`, 'latin1'), packed, Buffer.from('\nendstream', 'latin1')]);
  return pdfOf(['<< /Type /Catalog /Pages 2 0 R >>', pages, page, content('Scan'), objectStream]);
}

/**
 * What LibreOffice writes: open at the first page (a destination, not an action), a link to a web page, and a scanned
 * image whose compressed bytes happen to contain `/JS ` and `/AA>`: all harmless, all accepted.
 */
export function harmlessPdf(): Buffer {
  const noise = randomBytes(64 * 1024);
  const image = Buffer.concat([noise.subarray(0, 20_000), Buffer.from('/JS /AA>', 'latin1'), noise.subarray(20_000)]);
  const imageObject = Buffer.concat([Buffer.from(`<< /Type /XObject /Subtype /Image /Width 256 /Height 256 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode /Length ${image.length} >>\nstream\n`, 'latin1'), image, Buffer.from('\nendstream', 'latin1')]);
  return pdfOf([
    '<< /Type /Catalog /Pages 2 0 R /OpenAction [3 0 R /XYZ null null 0] /PageMode /UseNone >>',
    pages,
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Annots [6 0 R] /Resources << /XObject << /Im0 5 0 R >> >> >>',
    content('A letter with a link'),
    imageObject,
    '<< /Type /Annot /Subtype /Link /Rect [72 700 300 720] /A << /S /URI /URI (https://www.ppc.go.jp/) >> >>',
  ]);
}

/** A password-protected PDF: its objects are encrypted, so nothing in it can be checked. */
export const encryptedPdf = () =>
  pdfOf(['<< /Type /Catalog /Pages 2 0 R >>', pages, page, content('Locked'), '<< /Filter /Standard /V 2 /R 3 /Length 128 /O <00> /U <00> /P -44 >>'], '/Encrypt 5 0 R /ID [<00><00>] ');

/** A PNG a few hundred bytes long whose header declares 50,000 × 50,000 pixels: 7.5 GB once decoded. */
export const imageBomb = () => pngClaiming(50_000, 50_000);

/** A text file renamed to .jpg (or .png, .pdf): what a careless "save as" or a malicious sender produces. */
export const textRenamed = () => Buffer.from('This is not an image. <script>alert(1)</script>\n'.repeat(20), 'utf8');

/** Base64 of a 100 MB file, as the window would send it: made once, shared by the tests that need it. */
let hundredMegabytes: string | null = null;
export function hundredMegabytesBase64(): string {
  hundredMegabytes ??= Buffer.alloc(100 * 1024 * 1024, 0x41).toString('base64');
  return hundredMegabytes;
}
