// Checking an uploaded scan: PDF, PNG or JPEG, within the size limit, the bytes what the type says, no script or
// embedded file in a PDF, no image declaring more pixels than a page, a plain file name (electron/core/uploads.ts).
import { maxScanBytes, scanMimeTypes } from '../../../src-shared/api/statements';
import { checkFileName, checkUpload, maxDocumentPixels, type UploadRules } from '../uploads';

const scanRules: UploadRules = {
  types: scanMimeTypes,
  maxBytes: maxScanBytes,
  maxPixels: maxDocumentPixels,
  keys: { type: 'scan.type', empty: 'scan.empty', tooLarge: 'scan.tooLarge', unreadable: 'scan.unreadable', activeContent: 'scan.activeContent', pdfLocked: 'scan.pdfLocked', tooManyPixels: 'scan.tooManyPixels' },
};

export function decodeScan(scan: { fileName: string; mimeType: string; dataBase64: string }): Promise<Buffer> {
  checkFileName(scan.fileName, 'scan.nameUnsafe');
  return checkUpload({ dataBase64: scan.dataBase64, type: scan.mimeType }, scanRules);
}
