// The partner register (policy §2.1, APPI Art. 25, 28): who the company receives data from and provides data to,
// outsourcees included; ended, never deleted, while a record refers to them.
import { z } from 'zod';
import { partnerRoles, type Partner } from '../registers';
import { day } from './customer-input';
import { area, method, type } from './method';

const id = z.uuid({ message: 'id.format' });
const text = (max: number) => z.string().trim().min(1, { message: 'required' }).max(max, { message: 'tooLong' });

export const partnerInput = z
  .object({
    name: text(200),
    address: text(300),
    representative: text(100),
    roles: z.array(z.enum(partnerRoles, { message: 'partner.role' })).min(1, { message: 'partner.rolesRequired' }).max(partnerRoles.length),
    /** ISO 3166-1 alpha-2. */
    country: z.string().trim().regex(/^[A-Za-z]{2}$/, { message: 'partner.country' }).transform((c) => c.toUpperCase()),
    contractFrom: day.optional(),
    contractTo: day.optional(),
    securityMeasures: text(4000),
    contactName: text(100),
    contactEmail: z.email({ message: 'email.format' }).max(254, { message: 'tooLong' }),
    contactPhone: z.string().trim().max(30, { message: 'tooLong' }).optional(),
  })
  .strict()
  .refine((p) => !p.contractFrom || !p.contractTo || p.contractFrom <= p.contractTo, { message: 'partner.contractDates', path: ['contractTo'] });

export const partners = area('partners', {
  list: method({
    input: z.object({ role: z.enum(partnerRoles).optional(), includeEnded: z.boolean().default(false) }).strict(),
    output: type<{ rows: Partner[] }>(),
    access: 'partners.read',
    audit: 'none',
  }),
  create: method({
    input: partnerInput,
    output: type<Partner>(),
    access: 'partners.manage',
    audit: 'write',
  }),
  /** Changes a partner's details, or ends the relationship (`endedOn`); a partner is never deleted. */
  update: method({
    input: z.object({ id, partner: partnerInput, endedOn: day.nullable().optional() }).strict(),
    output: type<Partner>(),
    access: 'partners.manage',
    audit: 'write',
  }),
});
