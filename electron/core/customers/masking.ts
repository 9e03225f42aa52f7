// Need-to-know (policy §4.2): what staff see of a customer until they give a reason. Done in the core, so the renderer
// never receives what the role may not see.
import type { CustomerRecord, CustomerRow } from '../../../src-shared/customers';
import type { FieldChange, FieldValue } from '../../../src-shared/requests';

/** `090-1234-5678` → `090-****-5678`: the first three digits say mobile or which area, the last four let staff confirm. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 8) return `****${digits.slice(-2)}`;
  return `${digits.slice(0, 3)}-****-${digits.slice(-4)}`;
}

/** `yamada@example.jp` → `y***@example.jp`: the domain and first letter, enough to confirm, not to write to. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return '***';
  return `${Array.from(email.slice(0, at))[0]}***${email.slice(at)}`;
}

/** `150-0001` → `150-****`: the area, not the block. */
export function maskPostalCode(postalCode: string): string {
  return `${postalCode.slice(0, 3)}-****`;
}

/** `1985-04-12` → `1985`. */
export function maskBirthDate(birthDate: string | null): string | null {
  return birthDate ? birthDate.slice(0, 4) : null;
}

/** An identifier's value cut to its first characters: IP addresses, device ids and locations identify a person too. */
export function maskIdentifier(value: string): string {
  const chars = Array.from(value);
  return chars.length <= 4 ? '****' : `${chars.slice(0, 4).join('')}****`;
}

export function maskRecord(record: CustomerRecord): CustomerRecord {
  return {
    ...record,
    birthDate: maskBirthDate(record.birthDate),
    postalCode: maskPostalCode(record.postalCode),
    addressLine1: null,
    addressLine2: null,
    phones: record.phones.map((p) => ({ ...p, number: maskPhone(p.number) })),
    emails: record.emails.map((e) => ({ address: maskEmail(e.address) })),
    identifiers: record.identifiers.map((i) => ({ ...i, value: maskIdentifier(i.value) })),
    masked: true,
  };
}

export function maskRow(row: CustomerRow): CustomerRow {
  return { ...row, phone: row.phone === null ? null : maskPhone(row.phone), email: row.email === null ? null : maskEmail(row.email), masked: true };
}

/** A proposed change as staff see it: the same fields masked as in the record (a street address not at all). */
export function maskChange(change: FieldChange): FieldChange {
  const mask = (value: FieldValue): FieldValue => {
    if (value === null) return null;
    switch (change.field) {
      case 'phones':
        return (value as string[]).map(maskPhone);
      case 'emails':
        return (value as string[]).map(maskEmail);
      case 'postalCode':
        return maskPostalCode(value as string);
      case 'birthDate':
        return maskBirthDate(value as string);
      case 'addressLine1':
      case 'addressLine2':
        return '****';
      default:
        return value;
    }
  };
  return { field: change.field, from: mask(change.from), to: mask(change.to) };
}

/** Who sees records in full without giving a reason: the officer (audited all the same). Staff see masked records. */
export function seesFullRecords(role: string): boolean {
  return role === 'officer';
}
