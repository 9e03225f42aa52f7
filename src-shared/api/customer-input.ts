// The shape of one customer as the desk accepts it: `customers.create` takes it, and the CSV import maps each row onto it.
//
// CONTRACT for the import (electron/core/customers/import/):
// - Map a row onto `CustomerInput` (z.input of `customerInput`), then `customerInput.safeParse(row)`: issues carry a
//   path (e.g. `emails.0.address`) and an i18n key as message (`email.format`, `date.format`, ...), never the value.
// - Values may arrive as people type them: full-width digits, half-width kana, `〒150-0001`, `090 1234 5678`.
//   The core normalises them (NFKC) in `insertCustomer`; the schema accepts both forms. Dates must already be
//   Western `YYYY-MM-DD` (era dates are the import's to convert); impossible dates (2023-02-30) fail here.
// - A full card number anywhere fails `insertCustomer` with VALIDATION `card.number` and the path only; check cells
//   earlier with `findCardNumberPath` (electron/core/customers/no-card-numbers.ts) so a rejected-rows file never holds one.
// - `provenance: 'partner'` needs `receiptId` (a receipt made once per import with `insertReceipt`) or `receipt`.
import { z } from 'zod';
import { cardBrands, consentChannels, consentStates, feedbackKinds, identifierKinds, phoneKinds, prefectures, provenances } from '../customers';

const text = (max: number) => z.string().trim().min(1, { message: 'required' }).max(max, { message: 'tooLong' });
const optionalText = (max: number) => z.string().trim().max(max, { message: 'tooLong' }).optional();
export const day = z.iso.date({ message: 'date.format' });

/** Katakana or hiragana (full- or half-width), long-vowel mark, middle dot and spaces: a reading, not kanji. */
const kanaPattern = /^[\p{Script=Hiragana}\p{Script=Katakana}ー・\s\u3099-\u309c\uff70\uff9e\uff9f]+$/u;
const romajiPattern = /^[A-Za-zＡ-Ｚａ-ｚ\s.'’\-ー]+$/u;

export const customerNo = text(40).regex(/^[0-9A-Za-z０-９Ａ-Ｚａ-ｚ\-－_]+$/u, { message: 'customerNo.format' });
export const postalCode = z
  .string()
  .trim()
  .regex(/^〒?\s*[0-9０-９]{3}[-－‐‑‒–—―−ー]?[0-9０-９]{4}$/u, { message: 'postalCode.format' });
export const phoneNumber = z
  .string()
  .trim()
  .regex(/^[0-9０-９+＋()（）\-－‐‑‒–—―−ー 　]{6,24}$/u, { message: 'phone.format' })
  .refine((v) => v.normalize('NFKC').replace(/\D/g, '').length >= 6, { message: 'phone.format' });
export const emailAddress = z.email({ message: 'email.format' }).max(254, { message: 'tooLong' });

export const receiptInput = z
  .object({
    /** The partner register (issue #6) does not exist yet; until then the provider's details live in the receipt. */
    partnerId: z.string().trim().max(64).optional(),
    providerName: text(200),
    providerAddress: text(300),
    providerRepresentative: text(100),
    obtainedHow: text(1000),
    receivedOn: day,
    items: text(1000),
  })
  .strict();

export const customerInput = z
  .object({
    customerNo,
    name: text(100),
    nameKana: text(100).regex(kanaPattern, { message: 'kana.format' }),
    nameRomaji: text(100).regex(romajiPattern, { message: 'romaji.format' }).optional(),
    birthDate: day.optional(),
    postalCode,
    prefecture: z.enum(prefectures, { message: 'prefecture.unknown' }),
    city: text(100),
    addressLine1: text(200),
    addressLine2: optionalText(200),
    provenance: z.enum(provenances, { message: 'provenance.unknown' }),
    receiptId: z.uuid({ message: 'id.format' }).optional(),
    receipt: receiptInput.optional(),
    phones: z.array(z.object({ number: phoneNumber, kind: z.enum(phoneKinds).default('mobile') }).strict()).max(10).default([]),
    emails: z.array(z.object({ address: emailAddress }).strict()).max(10).default([]),
    paymentMethods: z
      .array(
        z
          .object({
            brand: z.enum(cardBrands, { message: 'card.brand' }),
            // Never more than four digits: the desk keeps no full card number (issue #4).
            last4: z.string().regex(/^\d{4}$/, { message: 'card.last4' }),
            expiry: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'card.expiry' }),
          })
          .strict(),
      )
      .max(10)
      .default([]),
    orders: z
      .array(
        z
          .object({
            orderId: text(64),
            orderedOn: day,
            items: text(2000),
            amount: z.number().int({ message: 'amount.format' }).min(0, { message: 'amount.format' }).max(1_000_000_000, { message: 'amount.format' }),
          })
          .strict(),
      )
      .max(10_000)
      .default([]),
    identifiers: z
      .array(
        z
          .object({
            kind: z.enum(identifierKinds, { message: 'identifier.kind' }),
            value: text(500),
            system: text(100),
            firstSeen: day.optional(),
            lastSeen: day.optional(),
          })
          .strict()
          .refine((v) => !v.firstSeen || !v.lastSeen || v.firstSeen <= v.lastSeen, { message: 'identifier.seenOrder', path: ['lastSeen'] }),
      )
      .max(1000)
      .default([]),
    feedback: z
      .array(z.object({ kind: z.enum(feedbackKinds), receivedOn: day, subject: optionalText(200), text: text(5000) }).strict())
      .max(1000)
      .default([]),
    consents: z
      .array(
        z
          .object({
            purposeId: z.string().trim().min(1).max(16),
            state: z.enum(consentStates).default('given'),
            on: day,
            channel: z.enum(consentChannels, { message: 'consent.channel' }),
            /** Defaults to the policy version in force. */
            policyVersion: z.number().int().min(1).optional(),
          })
          .strict(),
      )
      .max(50)
      .default([]),
    /** The request this record comes through (issue #5), for the change history. */
    requestId: z.uuid({ message: 'id.format' }).optional(),
  })
  .strict()
  .refine((v) => v.provenance !== 'partner' || v.receiptId !== undefined || v.receipt !== undefined, { message: 'receipt.required', path: ['receipt'] })
  .refine((v) => v.provenance !== 'registration' || (v.receiptId === undefined && v.receipt === undefined), { message: 'receipt.onlyForPartner', path: ['receipt'] });

/** What a caller (or the import) hands in. */
export type CustomerInput = z.input<typeof customerInput>;
/** What the core works with after parsing (defaults filled). */
export type ParsedCustomerInput = z.output<typeof customerInput>;
export type ReceiptInput = z.output<typeof receiptInput>;
