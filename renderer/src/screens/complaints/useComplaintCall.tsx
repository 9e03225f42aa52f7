// One change to a complaint from a dialog or a section: the call, its failure to show, and the answer shown everywhere.
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { Api, MethodName } from '../../../../src-shared/api';
import type { ComplaintDetail } from '../../../../src-shared/api/complaints';
import type { DeskErrorData } from '../../../../src-shared/errors';
import type { InputOf } from '../../../../src-shared/api/method';
import { useClient } from '../../app/client-context';
import { Translated } from '../../components/Translated';
import { useComplaintChanged } from './queries';

type ComplaintMethod = Extract<MethodName, `complaints.${'update' | 'close' | 'reopen' | 'link' | 'unlink' | 'registerRequest' | 'registerIncident'}`>;

export function useComplaintCall() {
  const client = useClient();
  const changed = useComplaintChanged();
  const [failure, setFailure] = useState<DeskErrorData | null>(null);
  const [busy, setBusy] = useState(false);
  /** `place` puts what belongs to a form's fields next to them and returns what the alert should still say. */
  async function call<M extends ComplaintMethod>(method: M, input: InputOf<Api[M]>, doneKey: string, place?: (error: DeskErrorData) => DeskErrorData | null): Promise<ComplaintDetail | null> {
    setFailure(null);
    setBusy(true);
    const result = await client.call(method, input as never);
    setBusy(false);
    if (!result.ok) {
      setFailure(place ? place(result.error) : result.error);
      return null;
    }
    const detail = result.value as ComplaintDetail;
    changed(detail);
    notifications.show({ color: 'teal', message: <Translated k={doneKey} values={{ number: detail.number }} /> });
    return detail;
  }
  return { call, failure, busy };
}
