// A blank statement to print and sign: the template's text, the manager-in-charge, and lines to fill in by hand.
import type { ManagerInCharge } from '../../../src-shared/domain';
import { escapeHtml } from '../printer';

const labels = {
  ja: { version: '様式', manager: '個人情報保護管理者', received: '受領日', receivedBy: '受領者' },
  en: { version: 'Form version', manager: 'Manager-in-charge of personal information', received: 'Received on', receivedBy: 'Received by' },
} as const;

export function blankStatementHtml(text: string, version: number, language: 'ja' | 'en', manager: ManagerInCharge): string {
  const l = labels[language];
  const [title, ...body] = text.split('\n');
  return `<!doctype html>
<html lang="${language}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(title ?? '')}</title>
<style>
  @page { size: A4; margin: 22mm 20mm; }
  body { font-family: 'Noto Sans CJK JP', 'Noto Sans JP', 'Yu Gothic', 'Hiragino Sans', 'Meiryo', sans-serif; font-size: 10.5pt; line-height: 1.9; color: #111; }
  h1 { font-size: 16pt; text-align: center; margin: 0 0 10mm; letter-spacing: 0.1em; }
  .body { white-space: pre-wrap; }
  .office { margin-top: 12mm; border-top: 1px solid #999; padding-top: 4mm; font-size: 9pt; color: #333; }
  .received { text-align: right; margin-top: 3mm; }
  .version { text-align: right; font-size: 8pt; color: #666; }
</style></head>
<body>
<div class="version">${escapeHtml(l.version)} v${version}</div>
<h1>${escapeHtml(title ?? '')}</h1>
<div class="body">${escapeHtml(body.join('\n').trim())}</div>
<div class="office">
  <div>${escapeHtml(l.manager)}: ${escapeHtml(manager.name)}（${escapeHtml(manager.title)}）　${escapeHtml(manager.email)}　${escapeHtml(manager.phone)}</div>
  <div class="received">${escapeHtml(l.received)}: ＿＿＿＿＿＿　${escapeHtml(l.receivedBy)}: ＿＿＿＿＿＿</div>
</div>
</body></html>`;
}
