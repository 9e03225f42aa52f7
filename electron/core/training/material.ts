// Checking a session's material before it is stored: the desk's one upload check (electron/core/uploads.ts), with the
// material's own messages. Slides are taken as PDF (the check reads PDF and images, not PowerPoint files).
import { maxMaterialBytes, materialMimeTypes } from '../../../src-shared/api/training';
import { checkFileName, checkUpload, maxDocumentPixels, type UploadRules } from '../uploads';

const materialRules: UploadRules = {
  types: materialMimeTypes,
  maxBytes: maxMaterialBytes,
  maxPixels: maxDocumentPixels,
  keys: {
    type: 'trainingMaterial.type',
    empty: 'trainingMaterial.empty',
    tooLarge: 'trainingMaterial.tooLarge',
    unreadable: 'trainingMaterial.unreadable',
    activeContent: 'trainingMaterial.activeContent',
    pdfLocked: 'trainingMaterial.pdfLocked',
    tooManyPixels: 'trainingMaterial.tooManyPixels',
  },
  path: 'material',
};

export function decodeMaterial(material: { fileName: string; mimeType: string; dataBase64: string }): Promise<Buffer> {
  checkFileName(material.fileName, 'trainingMaterial.nameUnsafe', 'material');
  return checkUpload({ dataBase64: material.dataBase64, type: material.mimeType }, materialRules);
}
