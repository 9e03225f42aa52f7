// The two steps after the work: the owner reports the action done (the day and what was done), and the officer
// verifies its effect: effective closes it; not effective sends it back to the owner with a new due day.
import { Button, Group, Modal, SegmentedControl, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { CorrectionDetail } from '../../../../src-shared/api/internal-audit';
import { FieldMessage } from '../../app/errors';
import { requiredError } from '../../app/validate';
import { today } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { showCustomerError } from '../customers/form-errors';
import { useAuditCall } from './useAuditCall';

export function ReportDialog({ correction, onClose }: { correction: CorrectionDetail | null; onClose: () => void }) {
  const { t } = useTranslation();
  const title = correction ? t('internalAudit.report.title', { number: correction.number }) : '';
  return (
    <Modal opened={correction !== null} onClose={onClose} size="lg" closeOnClickOutside={false} title={title}>
      {correction && <ReportForm key={correction.id} correction={correction} title={title} onClose={onClose} />}
    </Modal>
  );
}

function ReportForm({ correction, title, onClose }: { correction: CorrectionDetail; title: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { call, failure, busy } = useAuditCall();
  const form = useForm({
    initialValues: { doneOn: today(), note: '' },
    validate: {
      doneOn: (v) => (!v ? <FieldMessage message="required" /> : v > today() ? <FieldMessage message="correction.doneInFuture" /> : null),
      note: requiredError,
    },
  });
  const submit = form.onSubmit(async (values) => {
    const done = await call('corrections.report', { id: correction.id, ...values }, (c) => ({ key: 'internalAudit.report.done', values: { number: c.number } }), (e) => showCustomerError(form, e));
    if (done) onClose();
  });
  return (
    <form onSubmit={submit} noValidate aria-label={title}>
      <Stack gap="md">
        <Text size="sm">{t('internalAudit.report.explain')}</Text>
        <TextInput type="date" required max={today()} label={t('internalAudit.report.doneOn')} w={220} {...form.getInputProps('doneOn')} />
        <Textarea required data-autofocus autosize minRows={4} maxLength={4000} label={t('internalAudit.report.note')} description={t('internalAudit.report.noteHint')} {...form.getInputProps('note')} />
        <ErrorAlert error={failure} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={busy}>
            {t('internalAudit.report.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function VerifyDialog({ correction, onClose }: { correction: CorrectionDetail | null; onClose: () => void }) {
  const { t } = useTranslation();
  const title = correction ? t('internalAudit.verify.title', { number: correction.number }) : '';
  return (
    <Modal opened={correction !== null} onClose={onClose} size="lg" closeOnClickOutside={false} title={title}>
      {correction && <VerifyForm key={correction.id} correction={correction} title={title} onClose={onClose} />}
    </Modal>
  );
}

interface VerifyValues {
  effective: 'yes' | 'no';
  note: string;
  newDueOn: string;
}

function VerifyForm({ correction, title, onClose }: { correction: CorrectionDetail; title: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { call, failure, busy } = useAuditCall();
  const form = useForm<VerifyValues>({
    initialValues: { effective: 'yes', note: '', newDueOn: '' },
    validate: {
      note: requiredError,
      newDueOn: (v, values) => (values.effective === 'yes' ? null : !v ? <FieldMessage message="correction.newDueRequired" /> : v < today() ? <FieldMessage message="correction.dueInPast" /> : null),
    },
  });
  const effective = form.values.effective === 'yes';
  const submit = form.onSubmit(async (values) => {
    const input = { id: correction.id, effective, note: values.note, ...(effective ? {} : { newDueOn: values.newDueOn }) };
    const done = await call('corrections.verify', input, (c) => ({ key: c.state === 'closed' ? 'internalAudit.verify.closed' : 'internalAudit.verify.returned', values: { number: c.number } }), (e) => showCustomerError(form, e));
    if (done) onClose();
  });
  return (
    <form onSubmit={submit} noValidate aria-label={title}>
      <Stack gap="md">
        <Text size="sm">{t('internalAudit.verify.explain')}</Text>
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('internalAudit.verify.effective')}
          </Text>
          <SegmentedControl
            value={form.values.effective}
            onChange={(v) => form.setFieldValue('effective', v as VerifyValues['effective'])}
            data={[
              { value: 'yes', label: t('internalAudit.verify.yes') },
              { value: 'no', label: t('internalAudit.verify.no') },
            ]}
            aria-label={t('internalAudit.verify.effective')}
            style={{ alignSelf: 'flex-start' }}
            data-testid="verify-effective"
          />
        </Stack>
        <Textarea required data-autofocus autosize minRows={3} maxLength={4000} label={t(effective ? 'internalAudit.verify.noteEffective' : 'internalAudit.verify.noteNotEffective')} description={t('internalAudit.verify.noteHint')} {...form.getInputProps('note')} />
        {!effective && <TextInput type="date" required min={today()} label={t('internalAudit.verify.newDueOn')} w={220} {...form.getInputProps('newDueOn')} />}
        <ErrorAlert error={failure} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" color={effective ? 'teal' : 'orange'} loading={busy}>
            {t(effective ? 'internalAudit.verify.submitClose' : 'internalAudit.verify.submitReturn')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
