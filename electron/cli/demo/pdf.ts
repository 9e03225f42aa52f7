// Small PDFs standing in for scans: a signed statement in the demo desk, a scanned ID copy in the journeys.

/** One page per content stream (PDF drawing operators, Helvetica as /F1), A4. */
export function pdfOfPages(pages: string[]): Buffer {
  const pageIds = pages.map((_, i) => 3 + i);
  const contentIds = pages.map((_, i) => 3 + pages.length + i);
  const fontId = 3 + 2 * pages.length;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`,
    ...contentIds.map((id) => `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents ${id} 0 R /Resources << /Font << /F1 ${fontId} 0 R >> >> >>`),
    ...pages.map((c) => `<< /Length ${c.length} >>\nstream\n${c}\nendstream`),
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** A one-page PDF with a line of text (ASCII only: Helvetica has no Japanese). */
export function demoPdf(text: string): Buffer {
  const safe = text.replace(/[^\x20-\x7e]/g, '?').replace(/[()\\]/g, '');
  return pdfOfPages([`BT /F1 12 Tf 72 720 Td (${safe}) Tj ET`]);
}
