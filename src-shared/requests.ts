// Requests from the person (policy §5.2, §7; APPI Art. 33–38) as both sides speak of them: fixed lists and the shapes the core returns.

/**
 * What the person asks for. `correction` covers correction, addition and deletion of content (Art. 34); `erasure` is
 * the erasure of all their data (Art. 35(1)); the cessations are Art. 35(1) and (3), and per purpose (e.g. marketing).
 */
export const requestKinds = ['disclosure', 'correction', 'erasure', 'cessationOfUse', 'cessationOfProvision', 'cessationOfPurpose'] as const;
export type RequestKind = (typeof requestKinds)[number];

export const requestChannels = ['web', 'email', 'post', 'phone', 'counter'] as const;
export type RequestChannel = (typeof requestChannels)[number];

/**
 * received → identityCheck → inProgress → awaitingApproval → completed, or refused / withdrawn from any open state.
 * After an approval the request goes back to inProgress until the package is out and every system has confirmed.
 */
export const requestStates = ['received', 'identityCheck', 'inProgress', 'awaitingApproval', 'completed', 'refused', 'withdrawn'] as const;
export type RequestState = (typeof requestStates)[number];
export const openRequestStates = ['received', 'identityCheck', 'inProgress', 'awaitingApproval'] as const satisfies readonly RequestState[];
export const closedRequestStates = ['completed', 'refused', 'withdrawn'] as const satisfies readonly RequestState[];
export const isOpenState = (s: RequestState): boolean => (openRequestStates as readonly string[]).includes(s);

/** The transitions a person can ask for with `requests.transition`; the rest follow from checks, proposals and decisions. */
export const requestTransitionTargets = ['identityCheck', 'inProgress', 'completed', 'refused', 'withdrawn'] as const;
export type RequestTransitionTarget = (typeof requestTransitionTargets)[number];

export const requesterKinds = ['person', 'proxy'] as const;
export type RequesterKind = (typeof requesterKinds)[number];

/** APPI Art. 33(1): the person chooses; paper only where electronic is very hard, and they are told. */
export const disclosureForms = ['electronic', 'paper'] as const;
export type DisclosureForm = (typeof disclosureForms)[number];

export const noticeLanguages = ['ja', 'en'] as const;
export type NoticeLanguage = (typeof noticeLanguages)[number];

/**
 * Why the company does not act (APPI Art. 36 asks that the reason be told). Art. 33(2) for disclosure; Art. 34 when the
 * content is true; Art. 35 when its conditions are not met or an alternative measure was taken; Art. 37 identity.
 */
export const refusalGrounds = [
  'harmToPerson', // Art. 33(2)(i): harm to the life, body, property or other rights of the person or a third party
  'hindranceToBusiness', // Art. 33(2)(ii): serious hindrance to the proper conduct of the business
  'breachOfOtherLaw', // Art. 33(2)(iii): would breach another law
  'contentIsAccurate', // Art. 34: the investigation found the content true
  'requirementsNotMet', // Art. 35: no unlawful handling, no purpose ended, no harm to the person's interests
  'alternativeMeasureTaken', // Art. 35 proviso: erasure or cessation very costly, an alternative measure taken instead
  'identityNotVerified', // Art. 37: the person or the proxy's authority could not be confirmed
  'noDataHeld', // no retained personal data about the person
] as const;
export type RefusalGround = (typeof refusalGrounds)[number];

/** The internal target, in business days (Saturdays, Sundays and Japanese public holidays skipped); the officer's setting. */
export const defaultDueBusinessDays = 14;
/** ID copies are kept only as long as the check needs them: erased this many days after the request closes (officer's setting). */
export const defaultIdCopyRetentionDays = 30;

export interface RequestSettings {
  dueBusinessDays: number;
  idCopyRetentionDays: number;
  /** Where `.eml` notices are written for the mail client; the exports folder's `outbox` unless set. */
  outboxDir: string;
  /** Sent by SMTP as well when set; the password is never returned. */
  smtp: { host: string; port: number; secure: boolean; user: string | null; from: string; hasPassword: boolean } | null;
}

/** A line of the register: no personal data of the requester unless the list was revealed. */
export interface RequestRow {
  id: string;
  /** `R-2026-0001`: the office's own number, given in order of registration. */
  number: string;
  kind: RequestKind;
  purposeId: string | null;
  channel: RequestChannel;
  state: RequestState;
  receivedOn: string;
  /** The due date in force: the extended one if extended. */
  dueOn: string;
  extended: boolean;
  overdue: boolean;
  /** Business days left (negative when overdue); null once closed. */
  businessDaysLeft: number | null;
  /** Another open request of the same person and kind was registered before this one. */
  duplicateOf: { id: string; number: string } | null;
  identityVerified: boolean;
  customerNo: string | null;
  /** Who handles the request now: the registrant until it is handed on. */
  assigneeId: string | null;
  assigneeName: string | null;
  /** Only in a revealed list. */
  requesterName?: string;
}

export interface RequestHistoryEntry {
  at: string;
  actorName: string | null;
  action: string;
  fromState: RequestState | null;
  toState: RequestState | null;
  note: string | null;
}

export interface RequestComment {
  id: number;
  at: string;
  actorName: string | null;
  text: string;
}

export interface RequestAttachment {
  id: string;
  at: string;
  actorName: string | null;
  fileName: string;
  mediaType: string;
  bytes: number;
  sha256: string;
  erased: boolean;
}

export const idDocumentTypes = ['driversLicence', 'healthInsuranceCard', 'myNumberCard', 'passport', 'residenceCard', 'other'] as const;
export type IdDocumentType = (typeof idDocumentTypes)[number];
export const idDocumentSides = ['front', 'back'] as const;
export type IdDocumentSide = (typeof idDocumentSides)[number];

/** What must be masked on a health insurance card before its copy is kept (Health Insurance Act, since October 2020). */
export const insuranceCardMaskings = ['insurerNumber', 'symbolAndNumber', 'qrCode'] as const;
export type InsuranceCardMasking = (typeof insuranceCardMaskings)[number];

/** A box to black out, in fractions of the (upright) image: 0 ≤ x, y and x + width, y + height ≤ 1. */
export interface RedactionBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface IdCopyCheck {
  nameMatches: boolean;
  addressMatches: boolean;
  birthDateMatches: boolean;
  /** For a proxy: the proof of authority (power of attorney, family register extract, ...) was seen. */
  authorityConfirmed: boolean | null;
}

export interface IdCopyRow {
  id: string;
  documentType: IdDocumentType;
  side: IdDocumentSide;
  /** The stored, redacted image's media type, size and SHA-256; the hash stays after the image is erased. */
  mediaType: string;
  width: number;
  height: number;
  sha256: string;
  redactions: number;
  attachedAt: string;
  attachedByName: string | null;
  result: 'verified' | 'notVerified' | null;
  check: IdCopyCheck | null;
  notVerifiedReason: string | null;
  verifiedAt: string | null;
  verifiedByName: string | null;
  /** The day the image will be erased (set when the request closes). */
  eraseOn: string | null;
  erasedAt: string | null;
}

/** The fields a correction may change: single values, and the lists of phone numbers and e-mail addresses as a whole. */
export const correctableFields = ['name', 'nameKana', 'nameRomaji', 'birthDate', 'postalCode', 'prefecture', 'city', 'addressLine1', 'addressLine2', 'phones', 'emails'] as const;
export type CorrectableField = (typeof correctableFields)[number];
export type FieldValue = string | string[] | null;

export interface FieldChange {
  field: CorrectableField;
  from: FieldValue;
  to: FieldValue;
}

export const proposalKinds = ['disclose', 'change', 'erase', 'cease'] as const;
export type ProposalKind = (typeof proposalKinds)[number];

/** `use`: all use stops (Art. 35(1)); `provision`: no provision to third parties (Art. 35(3)); `purpose`: one purpose. */
export const cessationScopes = ['use', 'provision', 'purpose'] as const;
export type CessationScope = (typeof cessationScopes)[number];

/** What answers each kind of request: the proposal to make, and the decision the request needs before it can close. */
export const proposalKindFor: Record<RequestKind, ProposalKind> = {
  disclosure: 'disclose',
  correction: 'change',
  erasure: 'erase',
  cessationOfUse: 'cease',
  cessationOfProvision: 'cease',
  cessationOfPurpose: 'cease',
};
export const cessationScopeFor: Partial<Record<RequestKind, CessationScope>> = { cessationOfUse: 'use', cessationOfProvision: 'provision', cessationOfPurpose: 'purpose' };

export interface ProposalRow {
  id: string;
  kind: ProposalKind;
  changes: FieldChange[];
  cessation: { scope: CessationScope; purposeId: string | null } | null;
  note: string | null;
  /** `superseded`: left undecided because the record changed and a new proposal took its place. */
  state: 'open' | 'approved' | 'rejected' | 'superseded';
  /** Open, but the record has changed since: it cannot be approved, and a new proposal may take its place. */
  stale: boolean;
  proposedAt: string;
  proposedById: string;
  proposedByName: string | null;
  decidedAt: string | null;
  decidedByName: string | null;
  refusalGround: RefusalGround | null;
  reasonText: string | null;
}

/** A system of the company that holds customers' data (order system, mail delivery, ...), and who answers for it. */
export interface CompanySystem {
  id: string;
  name: string;
  /** Matches the `system` of customers' online identifiers, so the desk knows who holds whom. */
  key: string;
  ownerName: string;
  ownerContact: string;
  /** Holds every customer (e.g. the order system): always gets a task. */
  holdsEveryCustomer: boolean;
  endedAt: string | null;
}

export interface SystemTask {
  id: string;
  systemId: string;
  systemName: string;
  ownerName: string;
  ownerContact: string;
  /** The change order handed to the owner: a file in the exports folder naming only what must change. */
  orderFile: string;
  orderSha256: string;
  state: 'open' | 'confirmed' | 'waived';
  confirmedBy: string | null;
  confirmedAt: string | null;
  evidence: string | null;
  waiveReason: string | null;
  recordedByName: string | null;
}

export const noticeKinds = ['receipt', 'extension', 'result', 'refusal'] as const;
export type NoticeKind = (typeof noticeKinds)[number];

export interface NoticeRow {
  id: string;
  kind: NoticeKind;
  language: NoticeLanguage;
  recipient: string | null;
  subject: string;
  body: string;
  emlFile: string | null;
  createdAt: string;
  createdByName: string | null;
  sentAt: string | null;
  sendError: string | null;
}

export interface DisclosurePackage {
  id: string;
  jsonFile: string;
  pdfFile: string;
  jsonSha256: string;
  pdfSha256: string;
  builtAt: string;
  builtByName: string | null;
}

export interface RequestDetail extends RequestRow {
  requesterKind: RequesterKind;
  requester: { name: string; nameKana: string | null; email: string | null; phone: string | null; postalCode: string | null; address: string | null; birthDate: string | null } | null;
  proxy: { name: string; relationship: string; authority: string } | null;
  asked: string;
  disclosureForm: DisclosureForm | null;
  feeYen: number | null;
  noticeLanguage: NoticeLanguage;
  customerId: string | null;
  extension: { dueOn: string; reason: string; at: string; byName: string | null } | null;
  outcome: { ground: RefusalGround | null; text: string | null } | null;
  closedAt: string | null;
  /** Set when the request's own copy of the person's data was erased (after an erasure completed). */
  personalDataErasedAt: string | null;
  createdAt: string;
  createdByName: string | null;
  history: RequestHistoryEntry[];
  comments: RequestComment[];
  attachments: RequestAttachment[];
  idCopies: IdCopyRow[];
  proposals: ProposalRow[];
  tasks: SystemTask[];
  notices: NoticeRow[];
  packages: DisclosurePackage[];
  /** What still stands between the request and completion, as i18n keys under `requests.blockers.` (empty when it can complete). */
  completionBlockers: string[];
}
