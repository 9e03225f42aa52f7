// The steps of a request as the office takes them, through the real calls: register, check the ID copy, propose, decide.
import sharp from 'sharp';
import type { RequestIntake } from '../../../../src-shared/api/requests';
import type { RequestDetail } from '../../../../src-shared/requests';
import type { TestDesk } from '../../helpers/desk';

/** A driver's licence photographed by the person's phone, made for the test. */
export async function licencePhoto(): Promise<string> {
  const jpeg = await sharp({ create: { width: 320, height: 200, channels: 3, background: { r: 200, g: 210, b: 190 } } })
    .jpeg({ quality: 90 })
    .toBuffer();
  return jpeg.toString('base64');
}

export function intake(over: Partial<RequestIntake> & Pick<RequestIntake, 'kind' | 'requester'>): RequestIntake {
  return {
    channel: 'email',
    receivedOn: '2026-11-25',
    requesterKind: 'person',
    asked: '保有している私の個人情報をすべて開示してください。',
    noticeLanguage: 'ja',
    ...over,
  };
}

export async function register(desk: TestDesk, input: RequestIntake): Promise<RequestDetail> {
  return desk.ok<RequestDetail>('requests.create', input);
}

/** Attaches a redacted licence copy and records the checklist as verified. */
export async function verifyIdentity(desk: TestDesk, requestId: string): Promise<RequestDetail> {
  const attached = await desk.ok<RequestDetail>('idcopies.attach', {
    requestId,
    documentType: 'driversLicence',
    side: 'front',
    image: { mediaType: 'image/jpeg', dataBase64: await licencePhoto() },
    // The licence number is blacked out: it is not needed to confirm who the person is.
    redactions: [{ x: 0.55, y: 0.7, width: 0.4, height: 0.15 }],
  });
  const copy = attached.idCopies.at(-1)!;
  return desk.ok<RequestDetail>('idcopies.verify', { id: copy.id, nameMatches: true, addressMatches: true, birthDateMatches: true, result: 'verified' });
}

export async function propose(desk: TestDesk, input: { requestId: string; kind: 'disclose' | 'change' | 'erase' | 'cease'; changes?: { field: string; to: unknown }[] }): Promise<string> {
  const detail = await desk.ok<RequestDetail>('proposals.create', input);
  return detail.proposals.find((p) => p.state === 'open')!.id;
}
