// One CSV row → one customer input for the schema, or the problems that refuse it (card numbers first, never echoed).
import { randomUUID } from 'node:crypto';
import { customerInput, type ParsedCustomerInput } from '../../../../src-shared/api/customer-input';
import type { RowProblem } from '../../../../src-shared/import-reasons';
import type { CsvRow } from './csv';
import type { ColumnTarget } from './headers';
import { parseDate, parseExpiry } from './japanese-dates';
import { consentMark, normaliseCardBrand, normaliseEmail, normaliseLast4, normalisePhone, normalisePostalCode, normalisePrefecture, phoneKindOf } from './values';
import { holdsCardNumber } from '../no-card-numbers';

export interface RowContext {
  headers: string[];
  columns: (ColumnTarget | null)[];
  provenance: 'registration' | 'partner';
  /** Today, YYYY-MM-DD: a birth or consent date after it is refused; a consent marked 1 is dated today. */
  today: string;
}

export type ReadRow =
  /** `parsed`: the schema's output (defaults filled), what the preview shows and the commit writes; read once. */
  | { ok: true; row: number; parsed: ParsedCustomerInput }
  /** `cardColumns`: 0-based columns holding a card number, blanked wherever the row is shown or written. */
  | { ok: false; row: number; problems: RowProblem[]; cardColumns: number[] };

// Only to satisfy the schema's rule that a partner's customer has a receipt; the commit puts the real one in.
const placeholderReceipt = randomUUID();

/** What one row's cells are read into (a state passed along, not closures made per cell: the rows are many). */
interface RowState {
  csv: CsvRow;
  ctx: RowContext;
  input: Record<string, unknown>;
  /** Where each value of the input came from, by the schema's issue path, so a schema problem names its column. */
  source: Map<string, number>;
  problems: RowProblem[];
  phones: { number: string; kind: string }[];
  emails: { address: string }[];
  card: Record<string, string>;
  consents: { purposeId: string; state: 'given'; on: string; channel: 'import' }[];
}

function problemAt(csv: CsvRow, ctx: RowContext, column: number | null, reason: string): RowProblem {
  return { row: csv.row, column: column === null ? null : column + 1, header: column === null ? null : (ctx.headers[column] ?? null), reason };
}

function put(s: RowState, field: string, column: number, value: unknown): void {
  s.input[field] = value;
  s.source.set(field, column);
}

/** One mapped, non-empty cell. */
function readCell(s: RowState, target: ColumnTarget, i: number, raw: string): void {
  const { csv, ctx, source, problems, phones, emails, card, consents } = s;
  switch (target) {
    case 'customerNo':
    case 'nameRomaji':
      return put(s, target, i, raw.normalize('NFKC'));
    case 'nameKana':
      // NFKC makes half-width ﾔﾏﾀﾞ full-width ヤマダ; a reading holds nothing else NFKC would change.
      return put(s, target, i, raw.normalize('NFKC'));
    case 'name':
    case 'city':
    case 'addressLine1':
    case 'addressLine2':
      // As written: NFKC would turn ㈱ into (株) and ① into 1 in names and addresses.
      return put(s, target, i, raw);
    case 'birthDate': {
      const date = parseDate(raw);
      if (!date.ok) return void problems.push(problemAt(csv, ctx, i, date.reason));
      if (date.date > ctx.today) return void problems.push(problemAt(csv, ctx, i, 'import.dateFuture'));
      // The store's own bound (customers/store.ts): checked here so that it refuses the row, not the whole import.
      if (date.date < '1900-01-01') return void problems.push(problemAt(csv, ctx, i, 'birthDate.range'));
      return put(s, target, i, date.date);
    }
    case 'postalCode': {
      const code = normalisePostalCode(raw);
      return code ? put(s, target, i, code) : void problems.push(problemAt(csv, ctx, i, 'postalCode.format'));
    }
    case 'prefecture': {
      const pref = normalisePrefecture(raw);
      return pref ? put(s, target, i, pref) : void problems.push(problemAt(csv, ctx, i, 'prefecture.unknown'));
    }
    case 'email':
      source.set(`emails.${emails.length}`, i);
      return void emails.push({ address: normaliseEmail(raw) });
    case 'card.brand':
      card.brand = normaliseCardBrand(raw);
      return void source.set('paymentMethods.0.brand', i);
    case 'card.last4': {
      const last4 = normaliseLast4(raw);
      source.set('paymentMethods.0.last4', i);
      return last4 ? void (card.last4 = last4) : void problems.push(problemAt(csv, ctx, i, 'card.last4'));
    }
    case 'card.expiry': {
      const expiry = parseExpiry(raw);
      source.set('paymentMethods.0.expiry', i);
      return expiry ? void (card.expiry = expiry) : void problems.push(problemAt(csv, ctx, i, 'card.expiry'));
    }
    default:
      if (target.startsWith('phone')) {
        const number = normalisePhone(raw);
        if (!number) return void problems.push(problemAt(csv, ctx, i, 'phone.format'));
        const fromHeader = target === 'phone' ? null : (target.slice('phone.'.length) as 'mobile' | 'home' | 'work');
        source.set(`phones.${phones.length}`, i);
        return void phones.push({ number, kind: phoneKindOf(number, fromHeader) });
      }
      if (target.startsWith('consent.')) {
        const purposeId = target.slice('consent.'.length);
        const mark = consentMark(raw);
        if (mark === 'no') return;
        // A date in a consent column is the day the customer consented; a plain "yes" is dated the import's day.
        const date = mark === 'yes' ? { ok: true as const, date: ctx.today } : parseDate(raw);
        if (!date.ok) return void problems.push(problemAt(csv, ctx, i, 'import.consentMark'));
        if (date.date > ctx.today) return void problems.push(problemAt(csv, ctx, i, 'import.dateFuture'));
        source.set(`consents.${consents.length}`, i);
        return void consents.push({ purposeId, state: 'given', on: date.date, channel: 'import' });
      }
  }
}

export function readRow(csv: CsvRow, ctx: RowContext): ReadRow {
  // Every cell, mapped or not, before anything else: a card number refuses the row whatever column it is in.
  const cardColumns = csv.cells.flatMap((cell, i) => (holdsCardNumber(cell) ? [i] : []));
  if (cardColumns.length > 0) return { ok: false, row: csv.row, problems: cardColumns.map((i) => problemAt(csv, ctx, i, 'import.cardNumber')), cardColumns };

  const problems: RowProblem[] = [];
  if (csv.cells.length !== ctx.headers.length) problems.push(problemAt(csv, ctx, null, 'import.columnCount'));

  const input: Record<string, unknown> = { provenance: ctx.provenance };
  if (ctx.provenance === 'partner') input.receiptId = placeholderReceipt;
  const phones: { number: string; kind: string }[] = [];
  const emails: { address: string }[] = [];
  const card: Record<string, string> = {};
  const consents: { purposeId: string; state: 'given'; on: string; channel: 'import' }[] = [];
  const source = new Map<string, number>();

  const s: RowState = { csv, ctx, input, source, problems, phones, emails, card, consents };
  for (let i = 0; i < ctx.columns.length; i++) {
    const target = ctx.columns[i];
    const raw = (csv.cells[i] ?? '').trim();
    if (target && target !== 'ignore' && raw !== '') readCell(s, target, i, raw);
  }

  // A card is brand, last four and expiry together; one or two of them cannot be stored as a payment method.
  const cardCells = ['brand', 'last4', 'expiry'].map((part) => source.get(`paymentMethods.0.${part}`)).filter((c) => c !== undefined);
  if (cardCells.length === 3 && card.brand && card.last4 && card.expiry) input.paymentMethods = [card];
  else if (cardCells.length > 0 && cardCells.length < 3) problems.push(problemAt(csv, ctx, cardCells[0]!, 'import.cardIncomplete'));
  if (phones.length) input.phones = phones;
  if (emails.length) input.emails = emails;
  if (consents.length) input.consents = consents;

  const parsed = customerInput.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.map(String);
      // The longest prefix of the path whose value came from a column: emails.1.address → emails.1.
      let column: number | null = null;
      for (let n = path.length; n > 0 && column === null; n--) column = source.get(path.slice(0, n).join('.')) ?? null;
      column ??= columnOfField(ctx.columns, path[0] ?? '');
      // The schema's own keys pass through; its unnamed rules are the array bounds (more than 10 phones ...).
      const reason = !issue.message.includes(' ') ? issue.message : issue.code === 'too_big' ? 'import.tooManyValues' : 'invalid';
      // A value already refused by the import's own reading is not reported twice.
      if (!problems.some((p) => p.column === (column === null ? null : column + 1))) problems.push(problemAt(csv, ctx, column, reason));
    }
  }
  if (problems.length > 0 || !parsed.success) return { ok: false, row: csv.row, problems, cardColumns: [] };
  return { ok: true, row: csv.row, parsed: parsed.data };
}

/** A required field with no value: name the column mapped to it, if there is one. */
function columnOfField(columns: (ColumnTarget | null)[], field: string): number | null {
  const i = columns.indexOf(field as ColumnTarget);
  return i < 0 ? null : i;
}
