// Customers' consents to purposes of use: recorded with date, channel and policy version; withdrawn at once.
import { z } from 'zod';
import { consentChannels, type ConsentRecord } from '../customers';
import { day } from './customer-input';
import { area, method, type } from './method';

const id = z.uuid({ message: 'id.format' });
const purposeId = z.string().trim().min(1).max(16);

export const consents = area('consents', {
  record: method({
    input: z.object({ customerId: id, purposeId, channel: z.enum(consentChannels, { message: 'consent.channel' }), givenOn: day }).strict(),
    output: type<{ consents: ConsentRecord[] }>(),
    access: 'consents.write',
    audit: 'write',
    needsStatement: true,
  }),
  /** Takes effect at once: the customer leaves every list of the purpose with this call. */
  withdraw: method({
    input: z
      .object({
        customerId: id,
        purposeId,
        /** How the withdrawal reached us; the office's own desk ('counter') when not said. */
        channel: z.enum(consentChannels, { message: 'consent.channel' }).default('counter'),
      })
      .strict(),
    output: type<{ consents: ConsentRecord[] }>(),
    access: 'consents.write',
    audit: 'write',
    needsStatement: true,
  }),
});
