// What can be done next with a request, for this role and state: start the ID check, start work, complete, extend, refuse, withdraw.
import { Alert, Button, Card, Group, List, Stack, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBan, IconCalendarPlus, IconCheck, IconId, IconPlayerPlay, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeskErrorData } from '../../../../src-shared/errors';
import { isOpenState, type RequestDetail, type RequestTransitionTarget } from '../../../../src-shared/requests';
import { useClient } from '../../app/client-context';
import { useSession } from '../../app/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Translated } from '../../components/Translated';
import { ActionDialog, type ActionDialogKind } from './ActionDialogs';
import { useRequestChanged } from './queries';

export function RequestActions({ request }: { request: RequestDetail }) {
  const { t } = useTranslation();
  const session = useSession();
  const client = useClient();
  const changed = useRequestChanged();
  const [dialog, setDialog] = useState<ActionDialogKind | null>(null);
  const [busy, setBusy] = useState<RequestTransitionTarget | null>(null);
  const [failure, setFailure] = useState<DeskErrorData | null>(null);
  const can = (p: Parameters<typeof session.permissions.includes>[0]) => session.permissions.includes(p);
  const open = isOpenState(request.state);
  if (!open || !can('requests.write')) return null;

  const move = async (to: RequestTransitionTarget) => {
    setFailure(null);
    setBusy(to);
    const result = await client.call('requests.transition', { id: request.id, to });
    setBusy(null);
    if (!result.ok) return setFailure(result.error);
    changed(result.value);
    notifications.show({ color: 'teal', message: <Translated k={`requestActions.moved.${to}`} values={{ number: result.value.number }} /> });
  };

  const blockers = request.completionBlockers;
  const officer = can('requests.manage');
  const complete = (
    <Button color="teal" leftSection={<IconCheck size={16} aria-hidden />} disabled={blockers.length > 0} loading={busy === 'completed'} onClick={() => void move('completed')} data-testid="action-complete">
      {t('requestActions.complete')}
    </Button>
  );

  return (
    <Card withBorder radius="md" padding="md" component="section" aria-label={t('requestActions.title')} data-testid="request-actions">
      <Stack gap="sm">
        <Group gap="sm" wrap="wrap">
          {request.state === 'received' && (
            <Button leftSection={<IconId size={16} aria-hidden />} loading={busy === 'identityCheck'} onClick={() => void move('identityCheck')} data-testid="action-identity-check">
              {t('requestActions.startIdentityCheck')}
            </Button>
          )}
          {request.state === 'identityCheck' && request.identityVerified && (
            <Button leftSection={<IconPlayerPlay size={16} aria-hidden />} loading={busy === 'inProgress'} onClick={() => void move('inProgress')} data-testid="action-start-work">
              {t('requestActions.startWork')}
            </Button>
          )}
          {/* Offered in every open state: what still stands in the way is the list of the work left. */}
          {blockers.length > 0 ? (
            <Tooltip label={t('requestActions.completeBlocked')} withArrow>
              <span>{complete}</span>
            </Tooltip>
          ) : (
            complete
          )}
          {officer && request.extension === null && (
            <Button variant="light" color="grape" leftSection={<IconCalendarPlus size={16} aria-hidden />} onClick={() => setDialog('extend')} data-testid="action-extend">
              {t('requestActions.extend.button')}
            </Button>
          )}
          {officer && (
            <Button variant="light" color="red" leftSection={<IconX size={16} aria-hidden />} onClick={() => setDialog('refuse')} data-testid="action-refuse">
              {t('requestActions.refuse.button')}
            </Button>
          )}
          <Button variant="default" leftSection={<IconBan size={16} aria-hidden />} onClick={() => setDialog('withdraw')} data-testid="action-withdraw">
            {t('requestActions.withdraw.button')}
          </Button>
        </Group>
        {blockers.length > 0 && (
          <Alert color="yellow" variant="light" py="xs" title={t('requestActions.blockersTitle')} data-testid="completion-blockers">
            <List size="sm" spacing={2}>
              {blockers.map((b) => (
                <List.Item key={b} data-blocker={b}>
                  {t(`requests.blockers.${b}`, { defaultValue: b })}
                </List.Item>
              ))}
            </List>
          </Alert>
        )}
        {!officer && (
          <Text size="xs" c="dimmed">
            {t('requestActions.officerOnly')}
          </Text>
        )}
        <ErrorAlert error={failure} />
      </Stack>
      <ActionDialog kind={dialog} request={request} onClose={() => setDialog(null)} />
    </Card>
  );
}
