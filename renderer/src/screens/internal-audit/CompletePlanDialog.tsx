// Recording that the year's audit was carried out: the day it ended and a summary of what it found.
import { Button, Group, Modal, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { AuditPlan } from '../../../../src-shared/api/internal-audit';
import { FieldMessage } from '../../app/errors';
import { requiredError } from '../../app/validate';
import { today } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { showCustomerError } from '../customers/form-errors';
import { useAuditCall } from './useAuditCall';

export function CompletePlanDialog({ plan, onClose }: { plan: AuditPlan | null; onClose: () => void }) {
  const { t } = useTranslation();
  const title = plan ? t('internalAudit.complete.title', { year: plan.year }) : '';
  return (
    <Modal opened={plan !== null} onClose={onClose} size="lg" closeOnClickOutside={false} title={title}>
      {plan && <CompleteForm key={plan.id} plan={plan} title={title} onClose={onClose} />}
    </Modal>
  );
}

function CompleteForm({ plan, title, onClose }: { plan: AuditPlan; title: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { call, failure, busy } = useAuditCall();
  const form = useForm({
    initialValues: { doneOn: plan.periodTo < today() ? plan.periodTo : today(), summary: '' },
    validate: {
      doneOn: (v) => (!v ? <FieldMessage message="required" /> : v > today() ? <FieldMessage message="auditPlan.doneInFuture" /> : v < plan.periodFrom ? <FieldMessage message="auditPlan.doneBeforePeriod" /> : null),
      summary: requiredError,
    },
  });
  const submit = form.onSubmit(async (values) => {
    const done = await call('auditplans.complete', { id: plan.id, ...values }, (p) => ({ key: 'internalAudit.complete.done', values: { year: p.year } }), (e) => showCustomerError(form, e));
    if (done) onClose();
  });
  return (
    <form onSubmit={submit} noValidate aria-label={title}>
      <Stack gap="md">
        <Text size="sm">{t('internalAudit.complete.explain')}</Text>
        <TextInput type="date" required data-autofocus max={today()} label={t('internalAudit.complete.doneOn')} w={220} {...form.getInputProps('doneOn')} />
        <Textarea required autosize minRows={4} maxLength={4000} label={t('internalAudit.complete.summary')} description={t('internalAudit.complete.summaryHint')} {...form.getInputProps('summary')} />
        <ErrorAlert error={failure} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={busy}>
            {t('internalAudit.complete.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
