// Four eyes on the policy's exceptions (§5.1): an officer other than the one who recorded the provision approves it,
// or rejects it with a reason. Whoever cannot decide sees why.
import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconHourglass, IconLock, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeskErrorData } from '../../../../src-shared/errors';
import type { ProvisionDetail } from '../../../../src-shared/registers';
import { useClient } from '../../app/client-context';
import { useSession } from '../../app/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Translated } from '../../components/Translated';
import { useProvisionChanged } from './queries';

export function ExceptionDecision({ provision }: { provision: ProvisionDetail }) {
  const { t } = useTranslation();
  const session = useSession();
  const client = useClient();
  const changed = useProvisionChanged();
  const [confirming, setConfirming] = useState(false);
  const [rejecting, setRejecting] = useState(false);
  const [failure, setFailure] = useState<DeskErrorData | null>(null);
  const [busy, setBusy] = useState(false);
  const mayDecide = session.permissions.includes('provisions.approve');
  // The record names who recorded it, not their account: the core refuses one's own all the same (four eyes).
  const own = provision.recordedById === session.accountId;

  const approve = async () => {
    setBusy(true);
    setFailure(null);
    const result = await client.call('provisions.approveException', { id: provision.id, decision: 'approve' });
    setBusy(false);
    setConfirming(false);
    if (!result.ok) return setFailure(result.error);
    changed(result.value);
    notifications.show({ color: 'teal', message: <Translated k="exceptionDecision.approved" values={{ number: result.value.number }} /> });
  };

  return (
    <Alert color="orange" variant="light" icon={<IconHourglass aria-hidden />} title={t('exceptionDecision.title')} data-testid="exception-decision">
      <Stack gap="sm">
        <Text size="sm">{t('exceptionDecision.explain', { basis: t(`provisions.bases.${provision.basis}`) })}</Text>
        {!mayDecide ? (
          <Text size="sm" fw={600} data-testid="decision-waiting">
            {own ? t('exceptionDecision.yoursWaiting') : t('exceptionDecision.waiting')}
          </Text>
        ) : own ? (
          <Group gap="sm" wrap="nowrap">
            <Button disabled leftSection={<IconLock size={16} aria-hidden />}>
              {t('exceptionDecision.approve')}
            </Button>
            <Text size="sm" fw={600} data-testid="decision-own">
              {t('exceptionDecision.ownRecord')}
            </Text>
          </Group>
        ) : (
          <Group gap="sm">
            <Button color="teal" leftSection={<IconCheck size={16} aria-hidden />} onClick={() => setConfirming(true)} loading={busy}>
              {t('exceptionDecision.approve')}
            </Button>
            <Button color="red" variant="white" leftSection={<IconX size={16} aria-hidden />} onClick={() => setRejecting(true)}>
              {t('exceptionDecision.reject')}
            </Button>
          </Group>
        )}
        <ErrorAlert error={failure} />
      </Stack>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('exceptionDecision.confirmTitle', { number: provision.number })} size="md">
        <Stack gap="md">
          <Text size="sm">{t('exceptionDecision.confirm', { count: provision.customers.length, partner: provision.partnerName })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </Button>
            <Button color="teal" onClick={() => void approve()} loading={busy}>
              {t('exceptionDecision.approveNow')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <Modal opened={rejecting} onClose={() => setRejecting(false)} title={t('exceptionDecision.rejectTitle', { number: provision.number })} size="lg" closeOnClickOutside={false}>
        {rejecting && <RejectForm provision={provision} onClose={() => setRejecting(false)} />}
      </Modal>
    </Alert>
  );
}

function RejectForm({ provision, onClose }: { provision: ProvisionDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useClient();
  const changed = useProvisionChanged();
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const [failure, setFailure] = useState<DeskErrorData | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!reason.trim()) return;
    setBusy(true);
    setFailure(null);
    const result = await client.call('provisions.approveException', { id: provision.id, decision: 'reject', reason: reason.trim() });
    setBusy(false);
    if (!result.ok) return setFailure(result.error);
    changed(result.value);
    notifications.show({ color: 'teal', message: <Translated k="exceptionDecision.rejected" values={{ number: result.value.number }} /> });
    onClose();
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="md">
        <Text size="sm">{t('exceptionDecision.rejectExplain')}</Text>
        <Textarea
          required
          data-autofocus
          autosize
          minRows={3}
          maxLength={2000}
          label={t('exceptionDecision.reason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={tried && !reason.trim() ? t('fieldErrors.provision.reasonRequired') : undefined}
        />
        <ErrorAlert error={failure} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" color="red" loading={busy}>
            {t('exceptionDecision.rejectNow')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
