// Refusing full payment card numbers anywhere in customer data: the desk keeps brand, last four digits and expiry only.
import { containsCardNumber } from '../../../src-shared/card-numbers';
import { DeskError } from '../errors';

/**
 * The path (`orders.0.items`) of the first string inside `value` that holds a full card number, or null.
 * Only the path ever leaves this function: the number itself must not be echoed, logged or audited.
 */
export function findCardNumberPath(value: unknown, path: (string | number)[] = []): string | null {
  if (typeof value === 'string') return containsCardNumber(value) ? path.join('.') : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findCardNumberPath(value[i], [...path, i]);
      if (found !== null) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      const found = findCardNumberPath(inner, [...path, key]);
      if (found !== null) return found;
    }
  }
  return null;
}

/** Throws VALIDATION `card.number` naming the field, never the value. */
export function refuseCardNumbers(value: unknown, root?: string): void {
  const found = findCardNumberPath(value);
  if (found === null) return;
  const path = [root, found].filter((p) => p !== undefined && p !== '').join('.');
  throw new DeskError('VALIDATION', 'card.number', { path });
}
