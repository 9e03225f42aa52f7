// The dialogs of a request's actions that need words: withdraw (a note), refuse (a ground and text), extend (a date and reason).
import { Alert, Button, Group, Modal, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeskErrorData, Result } from '../../../../src-shared/errors';
import { refusalGrounds, type RefusalGround, type RequestDetail } from '../../../../src-shared/requests';
import { useClient } from '../../app/client-context';
import { FieldMessage } from '../../app/errors';
import { showCustomerError } from '../customers/form-errors';
import { requiredError } from '../../app/validate';
import { formatDay } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Translated } from '../../components/Translated';
import { useRequestChanged } from './queries';

export type ActionDialogKind = 'withdraw' | 'refuse' | 'extend';

export function ActionDialog({ kind, request, onClose }: { kind: ActionDialogKind | null; request: RequestDetail; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={kind !== null} onClose={onClose} title={kind ? t(`requestActions.${kind}.title`, { number: request.number }) : ''} size="lg" closeOnClickOutside={false}>
      {kind === 'withdraw' && <WithdrawForm request={request} onClose={onClose} />}
      {kind === 'refuse' && <RefuseForm request={request} onClose={onClose} />}
      {kind === 'extend' && <ExtendForm request={request} onClose={onClose} />}
    </Modal>
  );
}

/** A call that answers with the request: the view shows the answer, the dialog closes, a toast says what happened. */
function useRequestCall(onClose: () => void) {
  const changed = useRequestChanged();
  const [failure, setFailure] = useState<DeskErrorData | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (call: () => Promise<Result<RequestDetail>>, done: string, onError?: (e: DeskErrorData) => DeskErrorData | null) => {
    setFailure(null);
    setBusy(true);
    const result = await call();
    setBusy(false);
    if (!result.ok) return setFailure(onError ? onError(result.error) : result.error);
    changed(result.value);
    notifications.show({ color: 'teal', message: <Translated k={done} values={{ number: result.value.number }} /> });
    onClose();
  };
  return { run, failure, busy };
}

function Buttons({ onClose, busy, label, color }: { onClose: () => void; busy: boolean; label: string; color?: string }) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onClose}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" loading={busy} color={color}>
        {label}
      </Button>
    </Group>
  );
}

function WithdrawForm({ request, onClose }: { request: RequestDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useClient();
  const { run, failure, busy } = useRequestCall(onClose);
  const form = useForm({ initialValues: { note: '' }, validate: { note: requiredError } });
  const submit = form.onSubmit((v) =>
    run(() => client.call('requests.transition', { id: request.id, to: 'withdrawn', note: v.note.trim() }), 'requestActions.withdraw.done', (e) => showCustomerError(form, e)),
  );
  return (
    <form onSubmit={submit} noValidate aria-label={t('requestActions.withdraw.title', { number: request.number })}>
      <Stack gap="md">
        <Text size="sm">{t('requestActions.withdraw.explain')}</Text>
        <Textarea required data-autofocus label={t('requestActions.withdraw.note')} description={t('requestActions.withdraw.noteHint')} autosize minRows={3} maxLength={2000} {...form.getInputProps('note')} />
        <ErrorAlert error={failure} />
        <Buttons onClose={onClose} busy={busy} label={t('requestActions.withdraw.submit')} color="gray" />
      </Stack>
    </form>
  );
}

function RefuseForm({ request, onClose }: { request: RequestDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useClient();
  const { run, failure, busy } = useRequestCall(onClose);
  const form = useForm({
    initialValues: { ground: '' as RefusalGround | '', note: '' },
    validate: { ground: (v) => (v ? null : <FieldMessage message="request.ground" />), note: requiredError },
  });
  const submit = form.onSubmit((v) =>
    run(
      () => client.call('requests.transition', { id: request.id, to: 'refused', ground: v.ground as RefusalGround, note: v.note.trim() }),
      'requestActions.refuse.done',
      (e) => showCustomerError(form, e),
    ),
  );
  return (
    <form onSubmit={submit} noValidate aria-label={t('requestActions.refuse.title', { number: request.number })}>
      <Stack gap="md">
        <Text size="sm">{t('requestActions.refuse.explain')}</Text>
        <Select
          required
          label={t('requestActions.refuse.ground')}
          data={refusalGrounds.map((g) => ({ value: g, label: t(`requests.refusalGrounds.${g}`) }))}
          comboboxProps={{ withinPortal: true }}
          maxDropdownHeight={320}
          {...form.getInputProps('ground')}
        />
        <Textarea required label={t('requestActions.refuse.text')} description={t('requestActions.refuse.textHint')} autosize minRows={3} maxLength={2000} {...form.getInputProps('note')} />
        <ErrorAlert error={failure} />
        <Buttons onClose={onClose} busy={busy} label={t('requestActions.refuse.submit')} color="red" />
      </Stack>
    </form>
  );
}

function ExtendForm({ request, onClose }: { request: RequestDetail; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const { run, failure, busy } = useRequestCall(onClose);
  const form = useForm({
    initialValues: { dueOn: '', reason: '' },
    validate: {
      dueOn: (v) => (v === '' ? <FieldMessage message="required" /> : v <= request.dueOn ? <FieldMessage message="request.extendAfterDue" /> : null),
      reason: requiredError,
    },
  });
  const submit = form.onSubmit((v) =>
    run(() => client.call('requests.extend', { id: request.id, dueOn: v.dueOn, reason: v.reason.trim() }), 'requestActions.extend.done', (e) => showCustomerError(form, e)),
  );
  return (
    <form onSubmit={submit} noValidate aria-label={t('requestActions.extend.title', { number: request.number })}>
      <Stack gap="md">
        <Text size="sm">{t('requestActions.extend.explain', { due: formatDay(request.dueOn, i18n.language) })}</Text>
        <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden />} py="xs">
          <Text size="sm">{t('requestActions.extend.notice')}</Text>
        </Alert>
        <TextInput type="date" required data-autofocus min={request.dueOn} label={t('requestActions.extend.dueOn')} maw={260} {...form.getInputProps('dueOn')} />
        <Textarea required label={t('requestActions.extend.reason')} description={t('requestActions.extend.reasonHint')} autosize minRows={3} maxLength={2000} {...form.getInputProps('reason')} />
        <ErrorAlert error={failure} />
        <Buttons onClose={onClose} busy={busy} label={t('requestActions.extend.submit')} />
      </Stack>
    </form>
  );
}
