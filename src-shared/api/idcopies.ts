// ID copy checks (policy §5.2 note, APPI Art. 37): the copy is redacted in the core before anything is stored, then
// compared with the record; a disclosure cannot proceed unverified.
import { z } from 'zod';
import { idDocumentSides, idDocumentTypes, insuranceCardMaskings, type IdCopyRow, type RequestDetail } from '../requests';
import { area, method, type } from './method';

const id = z.uuid({ message: 'id.format' });
const fraction = z.number().min(0).max(1);

/** Images only: a PDF is turned into an image of its page in the window first, so what is redacted is what is stored. */
export const idCopyMediaTypes = ['image/png', 'image/jpeg', 'image/webp'] as const;
export const maxIdCopyBytes = 20 * 1024 * 1024;

export const redactionBox = z
  .object({ x: fraction, y: fraction, width: fraction.gt(0), height: fraction.gt(0) })
  .strict()
  .refine((b) => b.x + b.width <= 1.000001 && b.y + b.height <= 1.000001, { message: 'idCopy.boxOutside' });

export const idcopies = area('idcopies', {
  /**
   * The original bytes arrive, are redacted (black boxes, EXIF and GPS dropped, turned upright) in memory and only the
   * result is written. A health insurance card needs each of its numbers and the QR code confirmed masked; the back of
   * a My Number card is refused outright.
   */
  attach: method({
    input: z
      .object({
        requestId: id,
        documentType: z.enum(idDocumentTypes, { message: 'idCopy.type' }),
        side: z.enum(idDocumentSides).default('front'),
        image: z
          .object({
            mediaType: z.enum(idCopyMediaTypes, { message: 'idCopy.mediaType' }),
            dataBase64: z
              .string()
              .min(1, { message: 'file.empty' })
              .max(Math.ceil((maxIdCopyBytes * 4) / 3) + 4, { message: 'file.tooLarge' }),
          })
          .strict(),
        redactions: z.array(redactionBox).max(50),
        /** Health insurance card: the person confirms each of these is under a box. */
        maskingConfirmed: z.array(z.enum(insuranceCardMaskings)).max(insuranceCardMaskings.length).default([]),
      })
      .strict(),
    output: type<RequestDetail>(),
    access: 'idcopies.check',
    audit: 'write',
    needsStatement: true,
  }),
  /** The checklist against the record: verified only when name, address and date of birth (and a proxy's authority) match. */
  verify: method({
    input: z
      .object({
        id,
        nameMatches: z.boolean(),
        addressMatches: z.boolean(),
        birthDateMatches: z.boolean(),
        authorityConfirmed: z.boolean().optional(),
        result: z.enum(['verified', 'notVerified']),
        reason: z.string().trim().max(2000, { message: 'tooLong' }).optional(),
      })
      .strict(),
    output: type<RequestDetail>(),
    access: 'idcopies.check',
    audit: 'write',
    needsStatement: true,
  }),
  /** The stored (redacted) image, for the check screen; every viewing is recorded. */
  view: method({
    input: z.object({ id }).strict(),
    output: type<IdCopyRow & { dataBase64: string | null }>(),
    access: 'idcopies.check',
    audit: 'read',
    needsStatement: true,
  }),
});
