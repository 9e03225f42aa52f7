// A core refusal of an incident's facts, next to the field it names; an unknown customer number is named in the message.
import type { ReactNode } from 'react';
import type { DeskErrorData } from '../../../../src-shared/errors';
import { Translated } from '../../components/Translated';
import { showCustomerError } from '../customers/form-errors';
import { factsFieldOf, type FactsInput } from './facts-values';

interface FormLike {
  setFieldError(path: string, error: ReactNode): void;
  setFieldValue(path: string, value: string): void;
}

/** Returns what the form's alert should still say, or null when everything sits next to its field. */
export function showFactsError(form: FormLike, error: DeskErrorData, sent: Partial<FactsInput>): DeskErrorData | null {
  const index = error.details?.index;
  const path = error.details?.path;
  // The core names the line by its place in the list it was sent; the person wants the number itself.
  if (error.message === 'incident.unknownCustomer' && typeof index === 'number' && typeof path === 'string' && path.startsWith('customerNos.')) {
    const customerNo = sent.customerNos?.[index];
    if (customerNo !== undefined) {
      form.setFieldError('customerNos', <Translated k="incidentForm.unknownCustomer" values={{ customerNo }} />);
      return null;
    }
  }
  return showCustomerError(form, error, factsFieldOf);
}
