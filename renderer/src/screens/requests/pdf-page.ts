// A chosen ID copy read in the window: an image as it is, a PDF as a PNG of one page, so that what the person redacts is
// exactly what is stored. The bytes live in the dialog's memory only, until they are sent to the core.
// pdf.js is loaded only when a PDF is chosen: most copies are photos, and the library is large.
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { idCopyMediaTypes, maxIdCopyBytes } from '../../../../src-shared/api/idcopies';

/** Scanners make A4 pages of 595 × 842 points; twice that keeps a card's small print readable after redaction. */
const renderScale = 2;
/** A larger page would make an image beyond what the core accepts; such a page is scaled down to this many pixels wide. */
const maxPixelWidth = 3000;

export interface PdfDocumentHandle {
  pageCount: number;
  /** The page (1-based) as PNG bytes and its size in pixels. */
  renderPage(page: number): Promise<{ bytes: Uint8Array<ArrayBuffer>; width: number; height: number }>;
  close(): Promise<void>;
}

export async function openPdf(data: Uint8Array): Promise<PdfDocumentHandle> {
  // The package's main entry is build/pdf.mjs; imported by name so its types come with it.
  const pdfjs = await import('pdfjs-dist');
  // The worker is the app's own script (CSP worker-src 'self'); nothing is fetched from anywhere else.
  pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;
  const document = await pdfjs.getDocument({
    data,
    // The CSP allows no eval and no WebAssembly: pdf.js must not try either.
    isEvalSupported: false,
    useWasm: false,
    // A PDF may not reach out (fonts, CMaps, links): everything it needs is inside it or is left out.
    disableAutoFetch: true,
    disableStream: true,
    enableXfa: false,
  }).promise;
  return {
    pageCount: document.numPages,
    async renderPage(pageNumber) {
      const page = await document.getPage(pageNumber);
      const natural = page.getViewport({ scale: 1 });
      const scale = Math.min(renderScale, maxPixelWidth / natural.width);
      const viewport = page.getViewport({ scale });
      const canvas = window.document.createElement('canvas');
      canvas.width = Math.ceil(viewport.width);
      canvas.height = Math.ceil(viewport.height);
      // pdf.js lays a white sheet under the page, so a scan's transparent areas do not turn black in the stored image.
      await page.render({ canvas, viewport }).promise;
      page.cleanup();
      const blob = await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('toBlob'))), 'image/png'));
      // The canvas held the page's pixels: emptied at once rather than left to the collector.
      canvas.width = 0;
      canvas.height = 0;
      return { bytes: new Uint8Array(await blob.arrayBuffer()), width: viewport.width, height: viewport.height };
    },
    close: () => document.destroy(),
  };
}

export type IdCopyMediaType = (typeof idCopyMediaTypes)[number];

export interface IdCopySource {
  /** The bytes sent to the core: the original image, or the rendered page of a PDF. */
  bytes: Uint8Array<ArrayBuffer>;
  mediaType: IdCopyMediaType;
  /** Upright, as the core will turn it (EXIF orientation applied), so the boxes fall where they were drawn. */
  bitmap: ImageBitmap;
}

/** Why a file cannot be used, as an `errors.` key, or null. Checked before reading, so a huge file is never loaded. */
export function idCopyFileProblem(file: File): string | null {
  if (file.type !== 'application/pdf' && !(idCopyMediaTypes as readonly string[]).includes(file.type)) return 'idCopy.fileType';
  if (file.size === 0) return 'file.empty';
  if (file.size > maxIdCopyBytes) return 'file.tooLarge';
  return null;
}

export async function imageSource(file: File): Promise<IdCopySource> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const bitmap = await createImageBitmap(new Blob([bytes], { type: file.type }), { imageOrientation: 'from-image' });
  return { bytes, mediaType: file.type as IdCopyMediaType, bitmap };
}

export async function pdfPageSource(pdf: PdfDocumentHandle, page: number): Promise<IdCopySource> {
  const { bytes } = await pdf.renderPage(page);
  if (bytes.byteLength > maxIdCopyBytes) throw new Error('page too large');
  const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
  return { bytes, mediaType: 'image/png', bitmap };
}

export async function openPdfFile(file: File): Promise<PdfDocumentHandle> {
  return openPdf(new Uint8Array(await file.arrayBuffer()));
}

/** Base64 for the contract, through the browser's own encoder rather than a string built byte by byte. */
export function toBase64(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(reader.error ?? new Error('unreadable'));
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.readAsDataURL(new Blob([bytes]));
  });
}
