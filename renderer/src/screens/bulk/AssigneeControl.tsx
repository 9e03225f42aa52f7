// Who handles the request, on the request's own view: the officer hands it on from here; everyone else reads the name.
import { Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeskErrorData } from '../../../../src-shared/errors';
import { isOpenState, type RequestDetail } from '../../../../src-shared/requests';
import { useClient } from '../../app/client-context';
import { useSession } from '../../app/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Translated } from '../../components/Translated';
import { useRequestChanged } from '../requests/queries';
import { useAssignees } from './assignees';

export function AssigneeControl({ request }: { request: RequestDetail }) {
  const { t } = useTranslation();
  const session = useSession();
  const client = useClient();
  const changed = useRequestChanged();
  const assignees = useAssignees();
  const [failure, setFailure] = useState<DeskErrorData | null>(null);
  const [busy, setBusy] = useState(false);
  // A closed request keeps who handled it; only the officer shares out the work (requests.assign).
  const canAssign = session.permissions.includes('requests.assign') && isOpenState(request.state);
  if (!canAssign) {
    return (
      <Text size="sm" data-testid="request-assignee">
        {request.assigneeName ?? '—'}
      </Text>
    );
  }
  const options = assignees.filter((a) => a.assignable || a.value === request.assigneeId).map((a) => ({ value: a.value, label: a.label }));
  const assign = async (assigneeId: string | null) => {
    if (!assigneeId || assigneeId === request.assigneeId) return;
    setFailure(null);
    setBusy(true);
    const result = await client.call('requests.assign', { id: request.id, assigneeId });
    setBusy(false);
    if (!result.ok) return setFailure(result.error);
    changed(result.value);
    notifications.show({ color: 'teal', message: <Translated k="bulk.assignOne.done" values={{ number: result.value.number, name: result.value.assigneeName ?? '' }} /> });
  };
  return (
    <Stack gap={4}>
      <Select
        aria-label={t('bulk.assignOne.label', { number: request.number })}
        size="xs"
        w={180}
        data={options}
        value={request.assigneeId}
        onChange={(v) => void assign(v)}
        allowDeselect={false}
        disabled={busy}
        searchable
        data-testid="request-assignee-select"
      />
      <ErrorAlert error={failure} />
    </Stack>
  );
}
