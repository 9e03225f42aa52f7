// Registering a request from the person: checked, numbered, due date set in business days, repeats flagged.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { requestIntake } from '../../../src-shared/api/requests';
import { refuseCardNumbers } from '../customers/no-card-numbers';
import { normalisePhone, normalisePostalCode } from '../customers/store';
import { localDay } from '../dates';
import { DeskError } from '../errors';
import type { Ctx } from '../handler';
import { currentPolicyVersion, purposeExists } from '../purposes/store';
import { addBusinessDays } from './business-days';
import { findDuplicateOf } from './duplicates';
import { readDueBusinessDays } from './settings';
import { addHistory } from './store';

type Intake = z.output<typeof requestIntake>;

/** `R-2026-0001`: numbered in order of registration within the year of registration (not of receipt). */
async function nextNumber(ctx: Ctx, year: string): Promise<string> {
  const prefix = `R-${year}-`;
  const { rows } = await sql<{ n: number | null }>`select max(cast(substr(number, ${prefix.length + 1}) as integer)) as n from requests where number like ${`${prefix}%`}`.execute(ctx.db);
  return `${prefix}${String(Number(rows[0]?.n ?? 0) + 1).padStart(4, '0')}`;
}

/** The names of the fields given, for the audit trail: never their values. */
function givenFields(input: Intake): string[] {
  const fields: string[] = [];
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined) continue;
    if ((key === 'requester' || key === 'proxy') && value && typeof value === 'object') {
      for (const [inner, v] of Object.entries(value)) if (v !== undefined) fields.push(`${key}.${inner}`);
    } else fields.push(key);
  }
  return fields;
}

function checkIntake(input: Intake, today: string): void {
  if (input.receivedOn > today) throw new DeskError('VALIDATION', 'request.receivedInFuture', { path: 'receivedOn' });
  if (input.requester.birthDate !== undefined && input.requester.birthDate > today) throw new DeskError('VALIDATION', 'birthDate.range', { path: 'requester.birthDate' });
  // The desk never keeps a full card number, whoever typed it where (policy; APPI Art. 23 security measures).
  refuseCardNumbers({ requester: input.requester, proxy: input.proxy, asked: input.asked });
  if (input.kind !== 'cessationOfPurpose' && input.purposeId !== undefined) throw new DeskError('VALIDATION', 'request.purposeOnlyForCessation', { path: 'purposeId' });
  if (input.requesterKind === 'person' && input.proxy !== undefined) throw new DeskError('VALIDATION', 'request.proxyNotExpected', { path: 'proxy' });
  // APPI Art. 33 and 38: the form of disclosure and a fee belong to a disclosure request only.
  if (input.kind !== 'disclosure' && input.disclosureForm !== undefined) throw new DeskError('VALIDATION', 'request.disclosureOnly', { path: 'disclosureForm' });
  if (input.kind !== 'disclosure' && input.feeYen !== undefined) throw new DeskError('VALIDATION', 'request.disclosureOnly', { path: 'feeYen' });
}

export async function registerRequest(ctx: Ctx, input: Intake): Promise<{ id: string; fields: string[]; duplicateOf: string | null }> {
  const now = ctx.desk.now();
  const today = localDay(now);
  checkIntake(input, today);
  if (input.kind === 'cessationOfPurpose' && !(await purposeExists(ctx.db, input.purposeId!, await currentPolicyVersion(ctx.db, localDay(ctx.desk.now()))))) {
    throw new DeskError('VALIDATION', 'purpose.unknown', { path: 'purposeId' });
  }
  let customerNo: string | null = null;
  if (input.customerId !== undefined) {
    const customer = await ctx.db.selectFrom('customers').select('customer_no').where('id', '=', input.customerId).executeTakeFirst();
    if (!customer) throw new DeskError('NOT_FOUND', 'customer.notFound', { path: 'customerId' });
    customerNo = customer.customer_no;
  }

  const id = randomUUID();
  const at = now.toISOString();
  const number = await nextNumber(ctx, today.slice(0, 4));
  const r = input.requester;
  const row = {
    id,
    number,
    kind: input.kind,
    purpose_id: input.kind === 'cessationOfPurpose' ? input.purposeId! : null,
    channel: input.channel,
    received_on: input.receivedOn,
    requester_kind: input.requesterKind,
    requester_name: r.name,
    requester_kana: r.nameKana || null,
    requester_email: r.email ?? null,
    requester_phone: r.phone === undefined ? null : normalisePhone(r.phone),
    requester_postal_code: r.postalCode === undefined ? null : normalisePostalCode(r.postalCode),
    requester_address: r.address || null,
    requester_birth_date: r.birthDate ?? null,
    proxy_name: input.proxy?.name ?? null,
    proxy_relationship: input.proxy?.relationship ?? null,
    proxy_authority: input.proxy?.authority ?? null,
    asked: input.asked,
    // APPI Art. 33(1): electronic records unless the person asks for paper.
    disclosure_form: input.kind === 'disclosure' ? (input.disclosureForm ?? 'electronic') : null,
    fee_yen: input.feeYen ?? null,
    notice_language: input.noticeLanguage,
    customer_id: input.customerId ?? null,
    customer_no: customerNo,
    state: 'received' as const,
    due_on: addBusinessDays(input.receivedOn, await readDueBusinessDays(ctx.db)),
    created_at: at,
    created_by: ctx.session!.accountId,
    assignee_id: ctx.session!.accountId,
    updated_at: at,
  };
  const duplicateOf = await findDuplicateOf(ctx.db, row);
  await ctx.db
    .insertInto('requests')
    .values({ ...row, duplicate_of: duplicateOf, extended_due_on: null, extension_reason: null, extended_at: null, extended_by: null, outcome_ground: null, outcome_text: null, closed_at: null, personal_data_erased_at: null })
    .execute();
  await addHistory(ctx.db, id, { accountId: ctx.session!.accountId, now }, 'created');
  return { id, fields: givenFields(input), duplicateOf };
}
