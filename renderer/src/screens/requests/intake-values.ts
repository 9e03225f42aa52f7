// The intake form's values and how they become the contract's `requests.create` input (empty optional fields left out).
import type { RequestIntake } from '../../../../src-shared/api/requests';
import type { DisclosureForm, NoticeLanguage, RequestChannel, RequesterKind, RequestKind } from '../../../../src-shared/requests';
import { today } from '../../components/dates';

export interface IntakeValues {
  kind: RequestKind | '';
  purposeId: string;
  channel: RequestChannel;
  receivedOn: string;
  requesterKind: RequesterKind;
  requester: { name: string; nameKana: string; email: string; phone: string; postalCode: string; address: string; birthDate: string };
  proxy: { name: string; relationship: string; authority: string };
  asked: string;
  disclosureForm: DisclosureForm;
  feeYen: number | string;
  noticeLanguage: NoticeLanguage;
}

export function blankIntake(language: string): IntakeValues {
  return {
    kind: '',
    purposeId: '',
    channel: 'web',
    receivedOn: today(),
    requesterKind: 'person',
    requester: { name: '', nameKana: '', email: '', phone: '', postalCode: '', address: '', birthDate: '' },
    proxy: { name: '', relationship: '', authority: '' },
    asked: '',
    // APPI Art. 33(1): electronic unless the person asks for paper.
    disclosureForm: 'electronic',
    feeYen: '',
    noticeLanguage: language === 'en' ? 'en' : 'ja',
  };
}

const optional = (v: string) => (v.trim() === '' ? undefined : v.trim());

export function intakeInput(v: IntakeValues, customerId: string | null): RequestIntake {
  const r = v.requester;
  const fee = typeof v.feeYen === 'number' ? v.feeYen : v.feeYen.trim() === '' ? undefined : Number(v.feeYen);
  return {
    kind: v.kind as RequestKind,
    purposeId: v.kind === 'cessationOfPurpose' ? optional(v.purposeId) : undefined,
    channel: v.channel,
    receivedOn: v.receivedOn,
    requesterKind: v.requesterKind,
    requester: {
      name: r.name.trim(),
      nameKana: optional(r.nameKana),
      email: optional(r.email),
      phone: optional(r.phone),
      postalCode: optional(r.postalCode),
      address: optional(r.address),
      birthDate: optional(r.birthDate),
    },
    proxy: v.requesterKind === 'proxy' ? { name: v.proxy.name.trim(), relationship: v.proxy.relationship.trim(), authority: v.proxy.authority.trim() } : undefined,
    asked: v.asked.trim(),
    disclosureForm: v.kind === 'disclosure' ? v.disclosureForm : undefined,
    feeYen: v.kind === 'disclosure' ? fee : undefined,
    noticeLanguage: v.noticeLanguage,
    customerId: customerId ?? undefined,
  };
}

/** A contract path of a refused intake, as the form's field (null when the form has no such field). */
export function intakeFieldOf(path: string): string | null {
  if (path === 'proxy') return 'proxy.name';
  if (path.startsWith('requester.') || path.startsWith('proxy.')) return path;
  if (['kind', 'purposeId', 'channel', 'receivedOn', 'requesterKind', 'asked', 'disclosureForm', 'feeYen', 'noticeLanguage'].includes(path)) return path;
  return null;
}
