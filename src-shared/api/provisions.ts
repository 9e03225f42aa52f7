// Third-party provision (policy §5.1, APPI Art. 27–29): customers' consents to provision, the consent check per
// customer, provision records with the officer's approval of exceptions, the provision and receipt registers.
import { z } from 'zod';
import { consentChannels } from '../customers';
import { partnerRoles, provisionBases, type ProvisionCheck, type ProvisionConsent, type ProvisionDetail, type ProvisionRow, type ReceiptRow } from '../registers';
import { day } from './customer-input';
import { area, method, type } from './method';
import { saveTo } from './save-target';

const id = z.uuid({ message: 'id.format' });
const text = (max: number) => z.string().trim().min(1, { message: 'required' }).max(max, { message: 'tooLong' });

/** The customers of a provision: ids (one, or a selection from the search) and/or customer numbers (an imported list). */
const customersOf = {
  customerIds: z.array(id).max(100_000).default([]),
  customerNos: z.array(z.string().trim().min(1).max(40)).max(100_000).default([]),
};

const provisionInput = z
  .object({
    partnerId: id,
    providedOn: day,
    /** A combined record for repeated provision under one contract: the last day of the period it covers. */
    lastProvidedOn: day.optional(),
    items: text(1000),
    basis: z.enum(provisionBases, { message: 'provision.basis' }),
    /** Required for an exception (policy §5.1): why consent cannot be had, which law or institution. */
    justification: z.string().trim().max(4000, { message: 'tooLong' }).optional(),
    ...customersOf,
  })
  .strict()
  .refine((p) => p.customerIds.length + p.customerNos.length > 0, { message: 'provision.noCustomers', path: ['customerIds'] })
  .refine((p) => !p.lastProvidedOn || p.lastProvidedOn >= p.providedOn, { message: 'provision.period', path: ['lastProvidedOn'] });

const period = { from: day.optional(), to: day.optional() };

export const provisionConsents = area('provisionConsents', {
  /** A customer's consent to provision to a partner, or to every partner of a role; abroad only to the countries named. */
  record: method({
    input: z
      .object({
        customerId: id,
        partnerId: id.optional(),
        partnerRole: z.enum(partnerRoles).optional(),
        countries: z.array(z.string().trim().regex(/^[A-Za-z]{2}$/, { message: 'partner.country' })).max(50).default([]),
        givenOn: day,
        channel: z.enum(consentChannels, { message: 'consent.channel' }),
      })
      .strict()
      .refine((c) => (c.partnerId === undefined) !== (c.partnerRole === undefined), { message: 'provisionConsent.target', path: ['partnerId'] }),
    output: type<{ consents: ProvisionConsent[] }>(),
    access: 'consents.write',
    audit: 'write',
    needsStatement: true,
  }),
  withdraw: method({
    input: z.object({ customerId: id, consentId: id, withdrawnOn: day }).strict(),
    output: type<{ consents: ProvisionConsent[] }>(),
    access: 'consents.write',
    audit: 'write',
    needsStatement: true,
  }),
  list: method({
    input: z.object({ customerId: id }).strict(),
    output: type<{ consents: ProvisionConsent[] }>(),
    access: 'customers.read',
    audit: 'read',
    needsStatement: true,
  }),
});

export const provisions = area('provisions', {
  /** The consent check alone, nothing saved: who would be included, who is left out and why. */
  check: method({
    input: z
      .object({
        partnerId: id,
        basis: z.enum(provisionBases, { message: 'provision.basis' }),
        /** The day of the provision: consents and the partner are checked as of it, as the record will be. Today if left out. */
        providedOn: day.optional(),
        ...customersOf,
      })
      .strict(),
    output: type<ProvisionCheck>(),
    access: 'provisions.write',
    audit: 'read',
    needsStatement: true,
  }),
  /**
   * Records a provision: with consent, for the customers who pass the check (the others are listed in the record as
   * excluded); an exception waits for an officer other than the one who recorded it.
   */
  create: method({
    input: provisionInput,
    output: type<ProvisionDetail>(),
    access: 'provisions.write',
    audit: 'write',
    needsStatement: true,
  }),
  /** Four eyes on the policy's exceptions: approve, or reject with a reason. */
  approveException: method({
    input: z
      .object({ id, decision: z.enum(['approve', 'reject']), reason: z.string().trim().max(2000, { message: 'tooLong' }).optional() })
      .strict()
      .refine((d) => d.decision === 'approve' || (d.reason !== undefined && d.reason !== ''), { message: 'provision.reasonRequired', path: ['reason'] }),
    output: type<ProvisionDetail>(),
    access: 'provisions.approve',
    audit: 'write',
    needsStatement: true,
  }),
  list: method({
    input: z
      .object({
        partnerId: id.optional(),
        customerId: id.optional(),
        ...period,
        state: z.enum(['awaitingApproval', 'recorded', 'rejected']).optional(),
        page: z.number().int().min(0).default(0),
        pageSize: z.number().int().min(1).max(200).default(100),
      })
      .strict(),
    output: type<{ rows: ProvisionRow[]; total: number }>(),
    access: 'provisions.read',
    audit: 'read',
    needsStatement: true,
  }),
  get: method({
    input: z.object({ id }).strict(),
    output: type<ProvisionDetail>(),
    access: 'provisions.read',
    audit: 'read',
    needsStatement: true,
  }),
  /** The register for an auditor or the PPC: CSV (UTF-8 with BOM) and PDF in the exports folder. */
  export: method({
    input: z.object({ partnerId: id.optional(), customerId: id.optional(), ...period, format: z.enum(['csv', 'pdf']), saveTo }).strict(),
    output: type<{ file: string; rows: number }>(),
    access: 'provisions.read',
    audit: 'write',
    needsStatement: true,
  }),
});

export const receipts = area('receipts', {
  /** The receipt register (APPI Art. 30): what was received from whom, when, and how the provider obtained it. */
  list: method({
    input: z
      .object({
        partnerId: id.optional(),
        customerId: id.optional(),
        ...period,
        page: z.number().int().min(0).default(0),
        pageSize: z.number().int().min(1).max(200).default(100),
      })
      .strict(),
    output: type<{ rows: ReceiptRow[]; total: number }>(),
    access: 'provisions.read',
    audit: 'read',
    needsStatement: true,
  }),
  export: method({
    input: z.object({ partnerId: id.optional(), customerId: id.optional(), ...period, format: z.enum(['csv', 'pdf']), saveTo }).strict(),
    output: type<{ file: string; rows: number }>(),
    access: 'provisions.read',
    audit: 'write',
    needsStatement: true,
  }),
});
