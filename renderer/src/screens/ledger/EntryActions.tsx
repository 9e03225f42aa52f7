// The officer's acts on a ledger entry: the yearly confirmation (with an optional note) and retiring the entry when
// the company no longer holds that data (never deleted).
import { Alert, Button, Group, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LedgerEntry } from '../../../../src-shared/api/ledger';
import type { DeskErrorData } from '../../../../src-shared/errors';
import { useClient } from '../../app/client-context';
import { requiredError } from '../../app/validate';
import { today } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { showCustomerError } from '../customers/form-errors';
import { useLedgerChanged } from './queries';

export function ConfirmDialog({ entry, onClose }: { entry: LedgerEntry | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={entry !== null} onClose={onClose} size="lg" title={entry ? t('ledgerConfirm.title', { name: entry.name }) : ''}>
      {entry && <ConfirmForm entry={entry} onClose={onClose} />}
    </Modal>
  );
}

function ConfirmForm({ entry, onClose }: { entry: LedgerEntry; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useClient();
  const changed = useLedgerChanged();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<DeskErrorData | null>(null);
  const submit = async () => {
    setBusy(true);
    setFailure(null);
    const result = await client.call('ledger.confirm', { id: entry.id, note: note.trim() || undefined });
    setBusy(false);
    if (!result.ok) return setFailure(result.error);
    changed(result.value);
    notifications.show({ color: 'teal', message: t('ledgerConfirm.done', { name: entry.name }) });
    onClose();
  };
  return (
    <Stack gap="md">
      <Text size="sm">{t('ledgerConfirm.body')}</Text>
      {entry.risk.state !== 'approved' && (
        <Alert color="orange" variant="light" icon={<IconInfoCircle aria-hidden />} py="xs">
          <Text size="sm">
            {t('ledgerRisk.title')}: {t(`ledger.risk.states.${entry.risk.state}`)}
          </Text>
        </Alert>
      )}
      <Textarea autosize minRows={2} maxLength={500} label={t('ledgerConfirm.note')} description={t('ledgerConfirm.noteHint')} value={note} onChange={(e) => setNote(e.currentTarget.value)} data-autofocus />
      <ErrorAlert error={failure} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button color="teal" loading={busy} onClick={() => void submit()}>
          {t('ledgerConfirm.submit')}
        </Button>
      </Group>
    </Stack>
  );
}

export function RetireDialog({ entry, onClose }: { entry: LedgerEntry | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={entry !== null} onClose={onClose} size="lg" title={entry ? t('ledgerRetire.title', { name: entry.name }) : ''}>
      {entry && <RetireForm entry={entry} onClose={onClose} />}
    </Modal>
  );
}

function RetireForm({ entry, onClose }: { entry: LedgerEntry; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useClient();
  const changed = useLedgerChanged();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<DeskErrorData | null>(null);
  const form = useForm({ initialValues: { retiredOn: today(), reason: '' }, validate: { retiredOn: requiredError, reason: requiredError } });
  const submit = form.onSubmit(async (values) => {
    setBusy(true);
    setFailure(null);
    const result = await client.call('ledger.retire', { id: entry.id, retiredOn: values.retiredOn, reason: values.reason });
    setBusy(false);
    if (!result.ok) return setFailure(showCustomerError(form, result.error));
    changed(result.value);
    notifications.show({ color: 'gray', message: t('ledgerRetire.done', { name: entry.name }) });
    onClose();
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm">{t('ledgerRetire.body')}</Text>
        <TextInput required type="date" label={t('ledgerRetire.retiredOn')} max={today()} {...form.getInputProps('retiredOn')} />
        <Textarea required autosize minRows={2} maxLength={500} label={t('ledgerRetire.reason')} description={t('ledgerRetire.reasonHint')} {...form.getInputProps('reason')} />
        <ErrorAlert error={failure} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" color="red" loading={busy}>
            {t('ledgerRetire.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
