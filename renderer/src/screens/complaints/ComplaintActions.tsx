// Closing a complaint with the response given and the day, deciding whether it revealed a problem; and the officer's
// reopening with a reason.
import { Alert, Button, Group, Modal, Radio, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ComplaintDetail } from '../../../../src-shared/api/complaints';
import { FieldMessage, showErrorOnForm } from '../../app/errors';
import { requiredError } from '../../app/validate';
import { today } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useComplaintCall } from './useComplaintCall';

interface CloseValues {
  response: string;
  closedOn: string;
  problemFound: '' | 'yes' | 'no';
  problemDescription: string;
}

export function CloseDialog({ complaint, opened, onClose }: { complaint: ComplaintDetail; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('complaintView.close.title', { number: complaint.number })} size="lg" closeOnClickOutside={false}>
      {opened && <CloseForm complaint={complaint} onClose={onClose} />}
    </Modal>
  );
}

function CloseForm({ complaint, onClose }: { complaint: ComplaintDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const { call, failure, busy } = useComplaintCall();
  const form = useForm<CloseValues>({
    initialValues: { response: complaint.response ?? '', closedOn: today(), problemFound: '', problemDescription: complaint.problemDescription ?? '' },
    validate: {
      response: requiredError,
      closedOn: (v) => (v === '' ? <FieldMessage message="required" /> : v > today() ? <FieldMessage message="complaint.closedInFuture" /> : v < complaint.receivedOn ? <FieldMessage message="complaint.closedBeforeReceived" /> : null),
      problemFound: (v) => (v === '' ? <FieldMessage message="complaint.problemDecision" /> : null),
      problemDescription: (v, values) => (values.problemFound === 'yes' && v.trim() === '' ? <FieldMessage message="complaint.problemDescriptionRequired" /> : null),
    },
  });
  const submit = form.onSubmit(async (v) => {
    const found = v.problemFound === 'yes';
    const done = await call(
      'complaints.close',
      { id: complaint.id, response: v.response.trim(), closedOn: v.closedOn, problemFound: found, ...(found ? { problemDescription: v.problemDescription.trim() } : {}) },
      'complaintView.close.done',
      (error) => showErrorOnForm(form, error),
    );
    if (done) onClose();
  });
  return (
    <form onSubmit={submit} noValidate aria-label={t('complaintView.close.title', { number: complaint.number })}>
      <Stack gap="md">
        <Text size="sm">{t('complaintView.close.explain')}</Text>
        <Textarea required label={t('complaintView.close.response')} description={t('complaintView.close.responseHint')} autosize minRows={4} maxLength={8000} data-autofocus {...form.getInputProps('response')} />
        <TextInput type="date" required max={today()} min={complaint.receivedOn} label={t('complaintView.close.closedOn')} maw={240} {...form.getInputProps('closedOn')} />
        <Radio.Group required label={t('complaintView.close.problemQuestion')} description={t('complaintView.close.problemHint')} {...form.getInputProps('problemFound')}>
          <Group gap="lg" mt={6}>
            <Radio value="no" label={t('complaintView.close.problemNo')} />
            <Radio value="yes" label={t('complaintView.close.problemYes')} />
          </Group>
        </Radio.Group>
        {form.values.problemFound === 'yes' && (
          <>
            <Textarea required label={t('complaintView.problemDescription')} description={t('complaintView.close.problemDescriptionHint')} autosize minRows={2} maxLength={4000} {...form.getInputProps('problemDescription')} />
            <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden />} py="xs">
              <Text size="sm">{t('complaintView.close.problemFollowUp')}</Text>
            </Alert>
          </>
        )}
        <ErrorAlert error={failure} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={busy}>
            {t('complaintView.close.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function ReopenDialog({ complaint, opened, onClose }: { complaint: ComplaintDetail; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('complaintView.reopen.title', { number: complaint.number })} size="md">
      {opened && <ReopenForm complaint={complaint} onClose={onClose} />}
    </Modal>
  );
}

function ReopenForm({ complaint, onClose }: { complaint: ComplaintDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const { call, failure, busy } = useComplaintCall();
  const form = useForm({ initialValues: { reason: '' }, validate: { reason: requiredError } });
  const submit = form.onSubmit(async (v) => {
    if (await call('complaints.reopen', { id: complaint.id, reason: v.reason.trim() }, 'complaintView.reopen.done')) onClose();
  });
  return (
    <form onSubmit={submit} noValidate aria-label={t('complaintView.reopen.title', { number: complaint.number })}>
      <Stack gap="md">
        <Text size="sm">{t('complaintView.reopen.explain')}</Text>
        <Textarea required label={t('complaintView.reopen.reason')} autosize minRows={2} maxLength={2000} data-autofocus {...form.getInputProps('reason')} />
        <ErrorAlert error={failure} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={busy} color="orange">
            {t('complaintView.reopen.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
