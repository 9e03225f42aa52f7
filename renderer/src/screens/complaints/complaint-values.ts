// A complaint as the form holds it, and the contract's input made from it (for recording, and for a change).
import type { ComplaintChannel, ComplaintDetail, ComplaintInput, ComplaintKind } from '../../../../src-shared/api/complaints';
import { today } from '../../components/dates';
import type { ChosenCustomer } from '../requests/intake-handoff';

export interface ComplaintValues {
  kind: ComplaintKind;
  channel: ComplaintChannel;
  receivedOn: string;
  handlerId: string;
  subject: string;
  content: string;
  complainantName: string;
  complainantContact: string;
}

export function blankComplaint(accountId: string): ComplaintValues {
  return { kind: 'complaint', channel: 'phone', receivedOn: today(), handlerId: accountId, subject: '', content: '', complainantName: '', complainantContact: '' };
}

export function valuesOf(c: ComplaintDetail): ComplaintValues {
  return {
    kind: c.kind,
    channel: c.channel,
    receivedOn: c.receivedOn,
    handlerId: c.handlerId ?? '',
    subject: c.subject,
    content: c.content,
    complainantName: c.complainantName ?? '',
    complainantContact: c.complainantContact ?? '',
  };
}

export function chosenOf(c: ComplaintDetail): ChosenCustomer | null {
  return c.customer ? { id: c.customer.id, customerNo: c.customer.customerNo, name: c.customer.name, nameKana: c.customer.nameKana } : null;
}

export function complaintInputOf(v: ComplaintValues, customer: ChosenCustomer | null): ComplaintInput {
  return {
    kind: v.kind,
    channel: v.channel,
    receivedOn: v.receivedOn,
    subject: v.subject.trim(),
    content: v.content.trim(),
    ...(v.complainantName.trim() ? { complainantName: v.complainantName.trim() } : {}),
    ...(v.complainantContact.trim() ? { complainantContact: v.complainantContact.trim() } : {}),
    ...(customer ? { customerId: customer.id } : {}),
    ...(v.handlerId ? { handlerId: v.handlerId } : {}),
  };
}

/**
 * For a change: every field as it now stands (empty clears), and the customer link only when another record (or none)
 * was chosen: a complaint whose customer was erased keeps the customer number it had.
 */
export function changeOf(v: ComplaintValues, customer: ChosenCustomer | null, existing: ComplaintDetail) {
  const customerId = customer?.id ?? null;
  return {
    kind: v.kind,
    channel: v.channel,
    receivedOn: v.receivedOn,
    subject: v.subject.trim(),
    content: v.content.trim(),
    complainantName: v.complainantName.trim(),
    complainantContact: v.complainantContact.trim(),
    ...(customerId !== existing.customerId ? { customerId } : {}),
    ...(v.handlerId ? { handlerId: v.handlerId } : {}),
  };
}

/** A contract path of a refused input, as the form's field (null when the form has no such field). */
export function complaintFieldOf(path: string): string | null {
  return ['kind', 'channel', 'receivedOn', 'handlerId', 'subject', 'content', 'complainantName', 'complainantContact'].includes(path) ? path : null;
}
