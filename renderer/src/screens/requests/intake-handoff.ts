// A customer chosen on their record for a new request: handed to the intake screen once, then forgotten.
import type { CustomerRow } from '../../../../src-shared/customers';

export type ChosenCustomer = Pick<CustomerRow, 'id' | 'customerNo' | 'name' | 'nameKana'>;

let pending: ChosenCustomer | null = null;

/** Called by the customer record's "register a request" button just before it moves to the intake screen. */
export function startRequestFor(customer: ChosenCustomer): void {
  pending = customer;
}

/** Read once by the intake form: a later visit to the form starts empty. */
export function takeChosenCustomer(): ChosenCustomer | null {
  const chosen = pending;
  pending = null;
  return chosen;
}
