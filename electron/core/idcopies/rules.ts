// What may be kept of an identity document, and when a check counts as verified (policy §5.2 note, APPI Art. 37).
import { insuranceCardMaskings, type IdCopyCheck, type IdDocumentSide, type IdDocumentType, type InsuranceCardMasking, type RedactionBox } from '../../../src-shared/requests';
import { DeskError } from '../errors';

/**
 * Refuses, before a single byte of the image is decoded, a copy the office may not keep:
 * - the back of a My Number card carries the Individual Number, which the My Number Act allows to be collected only
 *   for its own uses, never for an identity check;
 * - a health insurance card's insurer number, symbol and number and QR code may not be kept for other purposes
 *   (Health Insurance Act, since October 2020): each must be confirmed masked, and there must be a box to mask them.
 */
export function refuseUnkeepableCopy(copy: {
  documentType: IdDocumentType;
  side: IdDocumentSide;
  redactions: readonly RedactionBox[];
  maskingConfirmed: readonly InsuranceCardMasking[];
}): void {
  if (copy.documentType === 'myNumberCard' && copy.side === 'back') throw new DeskError('VALIDATION', 'idCopy.myNumberBack');
  if (copy.documentType === 'healthInsuranceCard') {
    const missing = insuranceCardMaskings.filter((m) => !copy.maskingConfirmed.includes(m));
    if (missing.length > 0 || copy.redactions.length === 0) {
      throw new DeskError('VALIDATION', 'idCopy.insuranceMasking', { missing, boxes: copy.redactions.length });
    }
  }
}

export interface CheckInput {
  nameMatches: boolean;
  addressMatches: boolean;
  birthDateMatches: boolean;
  authorityConfirmed?: boolean | undefined;
  result: 'verified' | 'notVerified';
  reason?: string | undefined;
}

/**
 * The checklist's verdict: verified only when name, address and date of birth all match the record and, for a proxy,
 * the proof of authority was seen; not verified only with a reason, which the refusal notice will need (Art. 36).
 */
export function checkOutcome(input: CheckInput, proxy: boolean): { check: IdCopyCheck; reason: string | null } {
  const check: IdCopyCheck = {
    nameMatches: input.nameMatches,
    addressMatches: input.addressMatches,
    birthDateMatches: input.birthDateMatches,
    authorityConfirmed: proxy ? input.authorityConfirmed === true : null,
  };
  if (input.result === 'verified') {
    const unmatched = (['nameMatches', 'addressMatches', 'birthDateMatches', 'authorityConfirmed'] as const).filter((k) => check[k] === false);
    if (unmatched.length > 0) throw new DeskError('VALIDATION', 'idCopy.notAllMatch', { unmatched });
    return { check, reason: null };
  }
  const reason = input.reason?.trim() ?? '';
  if (reason === '') throw new DeskError('VALIDATION', 'idCopy.reasonRequired');
  return { check, reason };
}
