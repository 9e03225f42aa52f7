// The spreadsheet copy of the audit trail: every value stays in its cell, and no cell can run as a formula.
import { describe, expect, it } from 'vitest';
import { auditCsvColumns, buildAuditCsv } from '../../../../electron/core/audit/csv';
import { sampleEvents } from './sample-trail';

describe('the office reads the audit trail in a spreadsheet', () => {
  it('a header row of Japanese column names, then one CRLF row an event, after a UTF-8 BOM', () => {
    const csv = buildAuditCsv(sampleEvents());
    expect(csv.startsWith('\uFEFF連番,日時,操作者ID,役割,操作,結果,対象種別,対象ID,項目,詳細,ハッシュ\r\n')).toBe(true);
    expect(auditCsvColumns).toHaveLength(11);
    expect(csv.split('\r\n')).toHaveLength(8);
    expect(csv).toContain(`3,2026-11-25T00:02:00.000Z,a1,officer,customers.read,ok,customer,c-1042,,"{""purpose"":""開示請求への対応""}",${sampleEvents()[2]!.hash}\r\n`);
    expect(csv).toContain(',"displayName, loginId, manager",');
  });

  it('a value that looks like a formula is kept as text', () => {
    const [event] = sampleEvents(1);
    const csv = buildAuditCsv([{ ...event!, targetId: '=HYPERLINK("http://example.com")' }]);
    expect(csv).toContain(`,"'=HYPERLINK(""http://example.com"")",`);
  });
});
