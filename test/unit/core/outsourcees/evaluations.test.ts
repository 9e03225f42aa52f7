// Recording a check: the score is the core's from the checklist, the rules of a checklist and a result hold, evidence
// files pass the desk's upload checks and come back as they went in, and a record is corrected by a new one.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EvidenceFile, OutsourceeDetail } from '../../../../src-shared/api/outsourcees';
import type { Partner } from '../../../../src-shared/registers';
import { scannedPdf, scannedPng } from '../../../fixtures/scans';
import { asOfficer, errorOf, setUpDesk, type TestDesk } from '../../helpers/desk';
import { pdfOpeningWithJavaScript } from '../uploads/files';
import { checklist, clauses, deliveryCompany, evaluation, selection, sentencesOf, whitePaper } from './steps';

let desk: TestDesk;
let partnerId = '';
const db = () => desk.core.desk.requireDb();
const countOf = async (table: 'outsourcee_evaluations' | 'outsourcee_evidence' | 'outsourcee_findings') =>
  Number((await db().selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
const issuesOf = (result: Awaited<ReturnType<TestDesk['call']>>) => errorOf(result).details?.issues;

beforeAll(async () => {
  desk = await setUpDesk();
  await asOfficer(desk);
  partnerId = (await desk.ok<Partner>('partners.create', deliveryCompany)).id;
});
afterAll(async () => desk.dispose());

describe('the score is computed in the core from the checklist', () => {
  it('six criteria conform, one partly, one not; two do not apply: 13 of 16 points is 81', async () => {
    const criteria = checklist({ physical: 'partly', subcontracting: 'doesNot' });
    const detail = await desk.ok<OutsourceeDetail>('outsourcees.evaluate', selection(partnerId, { criteria, result: 'conditional', conditions: '再委託先の一覧を提出し、事前承諾を得ること。' }));
    expect(detail.evaluations[0]).toMatchObject({ kind: 'selection', score: 81, result: 'conditional', conditions: '再委託先の一覧を提出し、事前承諾を得ること。' });
    expect(detail.evaluations[0]!.criteria.subcontracting).toEqual({ rating: 'doesNot', note: null });
    expect(detail.evaluations[0]!.criteria.certification).toEqual({ rating: 'notApplicable', note: null });
  });

  it('a score sent by the window is refused as input the contract does not know', async () => {
    const refused = await desk.call('outsourcees.evaluate', { ...selection(partnerId), score: 100 });
    expect(errorOf(refused).message).toBe('validation.input');
    expect(issuesOf(refused)).toEqual([{ path: '', message: 'unrecognized_keys' }]);
  });

  it('a criterion that does not conform cannot be plainly approved: approved with conditions at best', async () => {
    const refused = await desk.call('outsourcees.evaluate', selection(partnerId, { criteria: checklist({ incidentReporting: 'doesNot' }), result: 'approved' }));
    expect(issuesOf(refused)).toEqual([{ path: 'result', message: 'outsourcee.approvedWithNonconformity' }]);
    expect(sentencesOf(refused).ja[0]).toContain('条件付き');
  });

  it('the four kinds of security measures always apply; conditions are written for a conditional approval', async () => {
    expect(issuesOf(await desk.call('outsourcees.evaluate', selection(partnerId, { criteria: checklist({ technical: 'notApplicable' }) })))).toEqual([{ path: 'criteria.technical.rating', message: 'outsourcee.alwaysApplicable' }]);
    expect(issuesOf(await desk.call('outsourcees.evaluate', selection(partnerId, { result: 'conditional' })))).toEqual([{ path: 'conditions', message: 'outsourcee.conditionsRequired' }]);
    // Every criterion is answered: a checklist with a row left out is refused on that row.
    const { organisational: _left, ...partial } = checklist();
    expect(issuesOf(await desk.call('outsourcees.evaluate', selection(partnerId, { criteria: partial })))).toEqual([{ path: 'criteria.organisational', message: 'invalid_type' }]);
  });

  it('a day ahead of today, a finding due before the check, and bad input are refused with a sentence in both languages', async () => {
    const ahead = await desk.call('outsourcees.evaluate', selection(partnerId, { evaluatedOn: '2026-11-26' }));
    expect(issuesOf(ahead)).toEqual([{ path: 'evaluatedOn', message: 'outsourcee.evaluatedOn' }]);
    const early = await desk.call('outsourcees.evaluate', evaluation(partnerId, { findings: [{ finding: '記録なし', action: '記録を作成', owner: '村井', dueOn: '2026-11-19' }] }));
    expect(issuesOf(early)).toEqual([{ path: 'findings.0.dueOn', message: 'outsourcee.findingDueBeforeEvaluation' }]);
    for (const refused of [ahead, early]) {
      const { ja, en } = sentencesOf(refused);
      expect(ja[0]).toMatch(/[ぁ-ん]/);
      expect(en[0]).toMatch(/^[\x20-\x7e]+$/);
    }
  });
});

describe('evidence files', () => {
  it('a yearly evaluation needs at least one; a text file named .pdf and a PDF that runs script are refused, and nothing is stored', async () => {
    const evaluations = await countOf('outsourcee_evaluations');
    expect(issuesOf(await desk.call('outsourcees.evaluate', evaluation(partnerId, { evidence: [] })))).toEqual([{ path: 'evidence', message: 'outsourcee.evidenceRequired' }]);
    const notPdf = { ...whitePaper(), dataBase64: Buffer.from('These are our security measures.').toString('base64') };
    const typed = await desk.call('outsourcees.evaluate', evaluation(partnerId, { evidence: [whitePaper(), notPdf] }));
    expect(errorOf(typed)).toMatchObject({ code: 'VALIDATION', message: 'outsourceeEvidence.type', details: { path: 'evidence.1.dataBase64' } });
    const scripted = await desk.call('outsourcees.evaluate', evaluation(partnerId, { evidence: [{ ...whitePaper(), dataBase64: pdfOpeningWithJavaScript().toString('base64') }] }));
    expect(errorOf(scripted)).toMatchObject({ message: 'outsourceeEvidence.activeContent', details: { found: ['JS', 'JavaScript', 'OpenAction'] } });
    const renamed = await desk.call('outsourcees.evaluate', evaluation(partnerId, { evidence: [{ ...whitePaper(), fileName: '報告書\u202Efdp.exe' }] }));
    expect(errorOf(renamed).message).toBe('outsourceeEvidence.nameUnsafe');
    for (const refused of [typed, scripted, renamed]) expect(sentencesOf(refused).ja[0]).not.toBe('');
    expect(await countOf('outsourcee_evaluations')).toBe(evaluations);
    expect(await countOf('outsourcee_evidence')).toBe(0);
  });

  it('a white paper and a certificate picture are kept in the database and saved out byte for byte; the download is in the trail', async () => {
    const certificate = { kind: 'certificate', fileName: 'プライバシーマーク登録証.png', mimeType: 'image/png', dataBase64: scannedPng().toString('base64') };
    const detail = await desk.ok<OutsourceeDetail>('outsourcees.evaluate', evaluation(partnerId, { evidence: [whitePaper(), certificate] }));
    const files = detail.evaluations[0]!.evidence;
    expect(files.map((f) => [f.kind, f.fileName, f.mimeType])).toEqual([
      ['whitePaper', 'みなと配送_セキュリティ概要2026.pdf', 'application/pdf'],
      ['certificate', 'プライバシーマーク登録証.png', 'image/png'],
    ]);
    const paper = scannedPdf('Minato Haiso security white paper 2026');
    expect(files[0]).toMatchObject({ bytes: paper.length, sha256: createHash('sha256').update(paper).digest('hex') });
    const saved = await desk.ok<EvidenceFile>('outsourcees.evidence', { evidenceId: files[0]!.id });
    expect(Buffer.from(saved.dataBase64, 'base64').equals(paper)).toBe(true);
    const event = await db().selectFrom('audit_events').selectAll().where('action', '=', 'outsourcees.evidence').executeTakeFirstOrThrow();
    expect(event).toMatchObject({ outcome: 'ok', target_type: 'outsourceeEvidence', target_id: files[0]!.id });
  });
});

describe('a record is corrected by a new one, never edited away', () => {
  it('the correction names the record and why, keeps its evidence, and the first stays in the history marked corrected', async () => {
    const first = await desk.ok<OutsourceeDetail>('outsourcees.evaluate', evaluation(partnerId, { evaluatedOn: '2026-11-24', clauses: clauses(['auditRight']) }));
    const wrong = first.evaluations.find((e) => e.evaluatedOn === '2026-11-24')!;
    const corrected = await desk.ok<OutsourceeDetail>(
      'outsourcees.evaluate',
      evaluation(partnerId, { evaluatedOn: '2026-11-24', evidence: [], keepEvidence: [wrong.evidence[0]!.id], corrects: wrong.id, correctionReason: '監査条項は契約書第15条にあった（確認漏れ）。' }),
    );
    const fix = corrected.evaluations.find((e) => e.corrects?.id === wrong.id)!;
    expect(fix).toMatchObject({ correctionReason: '監査条項は契約書第15条にあった（確認漏れ）。', corrects: { number: wrong.number } });
    expect(fix.clauses.auditRight.present).toBe(true);
    expect(fix.evidence.map((e) => e.sha256)).toEqual([wrong.evidence[0]!.sha256]);
    expect(corrected.evaluations.find((e) => e.id === wrong.id)).toMatchObject({ correctedBy: { id: fix.id, number: fix.number } });
    expect(corrected.evaluations.find((e) => e.id === wrong.id)!.clauses.auditRight).toEqual({ present: false, note: '次回の契約更新で追加を依頼' });

    const twice = await desk.call('outsourcees.evaluate', evaluation(partnerId, { corrects: wrong.id, correctionReason: 'もう一度' }));
    expect(errorOf(twice)).toMatchObject({ code: 'CONFLICT', message: 'outsourcee.alreadyCorrected', details: { number: fix.number } });
    expect(issuesOf(await desk.call('outsourcees.evaluate', evaluation(partnerId, { corrects: fix.id })))).toEqual([{ path: 'correctionReason', message: 'outsourcee.correctionReasonRequired' }]);
    expect(issuesOf(await desk.call('outsourcees.evaluate', selection(partnerId, { corrects: fix.id, correctionReason: '種別の誤り' })))).toEqual([{ path: 'kind', message: 'outsourcee.correctionKind' }]);
  });

  it('the trail names the record, the partner, the score and the counts; never the evaluator, a note or a file name', async () => {
    const events = await db().selectFrom('audit_events').selectAll().where('action', '=', 'outsourcees.evaluate').where('outcome', '=', 'ok').orderBy('seq').execute();
    expect(events.length).toBeGreaterThanOrEqual(4);
    const last = events.at(-1)!;
    expect(last.target_type).toBe('outsourceeEvaluation');
    expect(JSON.parse(last.details!)).toMatchObject({ partnerId, kind: 'periodic', score: 100, result: 'approved', evidence: 1, findings: 0 });
    for (const e of events) for (const text of ['南 真美', '確認漏れ', 'みなと配送', '再委託先の一覧']) expect(`${e.fields} ${e.details}`).not.toContain(text);
  });
});
