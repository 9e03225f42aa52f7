// Written confidentiality statements of employees (policy §4.1, APPI Art. 24): the signed paper, training, renewal.
import { z } from 'zod';
import type { StatementRow, StatementTemplate } from '../domain';
import { area, method, type } from './method';

const id = z.uuid({ message: 'id.format' });
const day = z.iso.date({ message: 'date.format' });

/** Scanned statements: PDF, PNG or JPEG, up to 20 MB (checked again on the bytes in the core). */
export const maxScanBytes = 20 * 1024 * 1024;
export const scanMimeTypes = ['application/pdf', 'image/png', 'image/jpeg'] as const;

const scan = z
  .object({
    fileName: z.string().trim().min(1, { message: 'required' }).max(255, { message: 'tooLong' }),
    mimeType: z.enum(scanMimeTypes, { message: 'scan.type' }),
    dataBase64: z
      .string()
      .min(1, { message: 'scan.empty' })
      .max(Math.ceil((maxScanBytes * 4) / 3) + 4, { message: 'scan.tooLarge' }),
  })
  .strict();

const signing = {
  templateVersion: z.number().int().min(1),
  signedOn: day,
  trainingOn: day,
  /** Defaults to one year after signing. */
  renewalOn: day.optional(),
  scan,
};

export const statements = area('statements', {
  list: method({
    input: z.object({ includeSuperseded: z.boolean().default(false) }).strict(),
    output: type<{ rows: StatementRow[] }>(),
    access: 'statements.manage',
    audit: 'none',
  }),
  record: method({
    input: z
      .object({
        /** The employee's account; or, for a person without an account, their name and department. */
        accountId: id.optional(),
        personName: z.string().trim().min(1, { message: 'required' }).max(100, { message: 'tooLong' }).optional(),
        department: z.string().trim().max(100, { message: 'tooLong' }).optional(),
        ...signing,
      })
      .strict()
      .refine((v) => (v.accountId === undefined) !== (v.personName === undefined), { message: 'statement.whose', path: ['accountId'] }),
    output: type<StatementRow>(),
    access: 'statements.manage',
    audit: 'write',
  }),
  /** A new statement for the same person; the old one is kept, marked superseded. */
  renew: method({
    input: z.object({ id, ...signing }).strict(),
    output: type<StatementRow>(),
    access: 'statements.manage',
    audit: 'write',
  }),
  /** Current statements due for renewal within 30 days, overdue ones, and active accounts with none. */
  due: method({
    input: z.object({}).strict(),
    output: type<{ dueSoon: StatementRow[]; overdue: StatementRow[]; missing: { accountId: string; displayName: string; role: string }[] }>(),
    access: 'statements.manage',
    audit: 'none',
  }),
  scan: method({
    input: z.object({ id }).strict(),
    output: type<{ fileName: string; mimeType: string; dataBase64: string }>(),
    access: 'statements.manage',
    audit: 'read',
  }),
  templates: method({
    input: z.object({}).strict(),
    output: type<{ rows: StatementTemplate[] }>(),
    access: 'statements.manage',
    audit: 'none',
  }),
  saveTemplate: method({
    input: z
      .object({
        textJa: z.string().trim().min(1, { message: 'required' }).max(20_000, { message: 'tooLong' }),
        textEn: z.string().trim().min(1, { message: 'required' }).max(20_000, { message: 'tooLong' }),
      })
      .strict(),
    output: type<StatementTemplate>(),
    access: 'statements.manage',
    audit: 'write',
  }),
  /** A blank statement of a template version to print and sign, as PDF in the exports folder. */
  printBlank: method({
    input: z.object({ version: z.number().int().min(1), language: z.enum(['ja', 'en']) }).strict(),
    output: type<{ path: string }>(),
    access: 'statements.manage',
    audit: 'write',
  }),
});
