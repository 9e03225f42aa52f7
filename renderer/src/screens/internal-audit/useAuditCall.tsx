// One change to the internal audit from a dialog: the call, its failure to show (next to a field when it names one),
// the toast when done, and every list and count of the area asked again.
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { Api, MethodName } from '../../../../src-shared/api';
import type { InputOf, OutputOf } from '../../../../src-shared/api/method';
import type { DeskErrorData } from '../../../../src-shared/errors';
import { useClient } from '../../app/client-context';
import { Translated } from '../../components/Translated';
import { useAuditChanged } from './queries';

type AuditMethod = Extract<MethodName, `${'auditplans' | 'findings' | 'corrections' | 'managementReviews'}.${string}`>;

export function useAuditCall() {
  const client = useClient();
  const changed = useAuditChanged();
  const [failure, setFailure] = useState<DeskErrorData | null>(null);
  const [busy, setBusy] = useState(false);
  /** `place` puts what belongs to a form's fields next to them and returns what the alert should still say. */
  async function call<M extends AuditMethod>(
    method: M,
    input: InputOf<Api[M]>,
    done: (value: OutputOf<Api[M]>) => { key: string; values?: Record<string, string | number> },
    place?: (error: DeskErrorData) => DeskErrorData | null,
  ): Promise<OutputOf<Api[M]> | null> {
    setFailure(null);
    setBusy(true);
    const result = await client.call(method, input);
    setBusy(false);
    if (!result.ok) {
      setFailure(place ? place(result.error) : result.error);
      return null;
    }
    const value = result.value as OutputOf<Api[M]>;
    changed();
    const toast = done(value);
    notifications.show({ color: 'teal', message: <Translated k={toast.key} values={toast.values} /> });
    return value;
  }
  return { call, failure, busy };
}
