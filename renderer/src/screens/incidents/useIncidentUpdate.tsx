// One change to an incident (facts, a report made, notices, a note, closing): the view shows the answer, a toast says what happened.
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { InputOf } from '../../../../src-shared/api/method';
import type { Api } from '../../../../src-shared/api';
import type { DeskErrorData } from '../../../../src-shared/errors';
import type { IncidentDetail } from '../../../../src-shared/registers';
import { useClient } from '../../app/client-context';
import { Translated } from '../../components/Translated';
import { useIncidentChanged } from './queries';

export type IncidentChange = Omit<InputOf<Api['incidents.update']>, 'id'>;

export function useIncidentUpdate(incident: IncidentDetail) {
  const client = useClient();
  const changed = useIncidentChanged();
  const [failure, setFailure] = useState<DeskErrorData | null>(null);
  const [busy, setBusy] = useState(false);
  /** Resolves to the incident as the core answered, or null (the failure is then in `failure`, or given to `onError`). */
  const update = async (change: IncidentChange, done: string, onError?: (e: DeskErrorData) => DeskErrorData | null): Promise<IncidentDetail | null> => {
    setFailure(null);
    setBusy(true);
    const result = await client.call('incidents.update', { id: incident.id, ...change });
    setBusy(false);
    if (!result.ok) {
      setFailure(onError ? onError(result.error) : result.error);
      return null;
    }
    changed(result.value);
    notifications.show({ color: 'teal', message: <Translated k={done} values={{ number: result.value.number }} /> });
    return result.value;
  };
  return { update, failure, busy, clearFailure: () => setFailure(null) };
}
