// The printer the edge provides: HTML in, PDF out (Electron's printToPDF in the app, Chromium in the host).
export interface Printer {
  htmlToPdf(html: string): Promise<Buffer>;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
