// customers.importPreview: what a file holds and what is wrong with it, before anything is written.
import type { ImportPreview, ImportSampleRow } from '../../../../src-shared/api/customer-import';
import { importProblemCap, importSampleRows } from '../../../../src-shared/api/customer-import';
import type { ParsedCustomerInput } from '../../../../src-shared/api/customer-input';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { currentPolicyVersion, purposesOf } from '../../purposes/store';
import { findImportDuplicates, refuseTakenNumbers } from './against-desk';
import { importFields } from './headers';
import { readImportFile, type ImportFileInput, type ReadFile } from './read-file';

/** The purposes a consent column can name: those of the policy in force. */
export async function currentPurposeIds(db: Kysely<Database>, today: string): Promise<Set<string>> {
  return new Set((await purposesOf(db, await currentPolicyVersion(db, today))).map((p) => p.id));
}

/** Reads the file and checks it against the desk: what preview and commit both start from. */
export async function readAndCheck(db: Kysely<Database>, input: ImportFileInput, today: string) {
  const purposeIds = await currentPurposeIds(db, today);
  const file = readImportFile(input, purposeIds, today);
  await refuseTakenNumbers(db, file);
  const duplicates = await findImportDuplicates(db, file);
  return { file, duplicates, purposeIds };
}

export async function previewImport(db: Kysely<Database>, input: ImportFileInput, today: string): Promise<ImportPreview> {
  const { file, duplicates, purposeIds } = await readAndCheck(db, input, today);
  const problems = file.rows.flatMap((r) => (r.ok ? [] : r.problems));
  const rejectedRows = file.rows.filter((r) => !r.ok).length;
  return {
    encoding: file.encoding,
    headers: file.headers,
    mapping: file.mapping,
    unknownHeaders: file.unknownHeaders,
    missingFields: file.missingFields,
    fields: [...importFields, ...[...purposeIds].map((id) => `consent.${id}`)],
    rowCount: file.rows.length,
    goodRows: file.rows.length - rejectedRows,
    rejectedRows,
    sample: sampleOf(file),
    problems: problems.slice(0, importProblemCap),
    problemsTotal: problems.length,
    possibleDuplicates: duplicates.size,
  };
}

/** The first rows as the file has them and as the desk would store them; a card number's cell is blank. */
function sampleOf(file: ReadFile): ImportSampleRow[] {
  return file.rows.slice(0, importSampleRows).map((r, i) => {
    const csv = file.csvRows[i]!;
    const blank = r.ok ? [] : r.cardColumns;
    return { row: r.row, cells: csv.cells.map((c, j) => (blank.includes(j) ? '' : c)), values: r.ok ? valuesOf(r.parsed) : null };
  });
}

function valuesOf(input: ParsedCustomerInput): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of ['customerNo', 'name', 'nameKana', 'nameRomaji', 'birthDate', 'postalCode', 'prefecture', 'city', 'addressLine1', 'addressLine2'] as const) {
    const v = input[key];
    if (typeof v === 'string' && v !== '') out[key] = v;
  }
  if (input.phones?.length) out.phones = input.phones.map((p) => `${p.number} (${p.kind})`).join(', ');
  if (input.emails?.length) out.emails = input.emails.map((e) => e.address).join(', ');
  // Brand, last four and expiry are what the desk keeps of a card anyway.
  if (input.paymentMethods?.length) out.paymentMethods = input.paymentMethods.map((p) => `${p.brand} ${p.last4} ${p.expiry}`).join(', ');
  if (input.consents?.length) out.consents = input.consents.map((c) => `${c.purposeId}: ${c.on}`).join(', ');
  return out;
}
