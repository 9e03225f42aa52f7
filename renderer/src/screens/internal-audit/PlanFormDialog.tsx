// Planning a year's internal audit, or changing the plan before it is carried out: year, scope, period, lead auditor.
import { Button, Group, Modal, NumberInput, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { AuditPlan } from '../../../../src-shared/api/internal-audit';
import { FieldMessage } from '../../app/errors';
import { requiredError } from '../../app/validate';
import { ErrorAlert } from '../../components/ErrorAlert';
import { showCustomerError } from '../customers/form-errors';
import { accountOptions } from './AccountOptions';
import { useAuditAccounts } from './queries';
import { useAuditCall } from './useAuditCall';

export type PlanDialog = { kind: 'create'; year: number } | { kind: 'edit'; plan: AuditPlan };

interface Values {
  year: number | string;
  scope: string;
  periodFrom: string;
  periodTo: string;
  leadAuditorId: string | null;
}

export function PlanFormDialog({ dialog, onClose }: { dialog: PlanDialog | null; onClose: () => void }) {
  const { t } = useTranslation();
  const title = dialog?.kind === 'edit' ? t('internalAudit.planForm.editTitle', { year: dialog.plan.year }) : t('internalAudit.planForm.createTitle');
  return (
    <Modal opened={dialog !== null} onClose={onClose} size="lg" closeOnClickOutside={false} title={title}>
      {dialog && <PlanForm key={dialog.kind === 'edit' ? dialog.plan.id : 'new'} dialog={dialog} title={title} onClose={onClose} />}
    </Modal>
  );
}

function PlanForm({ dialog, title, onClose }: { dialog: PlanDialog; title: string; onClose: () => void }) {
  const { t } = useTranslation();
  const accounts = useAuditAccounts();
  const { call, failure, busy } = useAuditCall();
  const plan = dialog.kind === 'edit' ? dialog.plan : null;
  const form = useForm<Values>({
    initialValues: plan
      ? { year: plan.year, scope: plan.scope, periodFrom: plan.periodFrom, periodTo: plan.periodTo, leadAuditorId: plan.leadAuditor.id }
      : { year: dialog.kind === 'create' ? dialog.year : '', scope: '', periodFrom: '', periodTo: '', leadAuditorId: null },
    validate: {
      year: (v) => (typeof v === 'number' && v >= 2000 && v <= 2100 ? null : <FieldMessage message="auditPlan.year" />),
      scope: requiredError,
      periodFrom: (v) => (v ? null : <FieldMessage message="required" />),
      periodTo: (v, values) => (!v ? <FieldMessage message="required" /> : values.periodFrom && v < values.periodFrom ? <FieldMessage message="auditPlan.periodOrder" /> : null),
      leadAuditorId: (v) => (v ? null : <FieldMessage message="required" />),
    },
  });

  const submit = form.onSubmit(async (values) => {
    const body = { year: Number(values.year), scope: values.scope, periodFrom: values.periodFrom, periodTo: values.periodTo, leadAuditorId: values.leadAuditorId ?? '' };
    const place = (e: Parameters<typeof showCustomerError>[1]) => showCustomerError(form, e, (p) => p.replace(/^plan\./, ''));
    const saved = plan
      ? await call('auditplans.update', { id: plan.id, plan: body }, (p) => ({ key: 'internalAudit.planForm.updated', values: { year: p.year } }), place)
      : await call('auditplans.create', body, (p) => ({ key: 'internalAudit.planForm.created', values: { year: p.year } }), place);
    if (saved) onClose();
  });

  return (
    <form onSubmit={submit} noValidate aria-label={title}>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <NumberInput required data-autofocus label={t('internalAudit.planForm.year')} description={t('internalAudit.planForm.yearHint')} min={2000} max={2100} allowDecimal={false} thousandSeparator="" {...form.getInputProps('year')} />
          <Select
            required
            label={t('internalAudit.planForm.leadAuditor')}
            description={t('internalAudit.planForm.leadAuditorHint')}
            data={accountOptions(t, accounts.data?.rows ?? [])}
            searchable
            {...form.getInputProps('leadAuditorId')}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextInput type="date" required label={t('internalAudit.planForm.periodFrom')} {...form.getInputProps('periodFrom')} />
          <TextInput type="date" required label={t('internalAudit.planForm.periodTo')} {...form.getInputProps('periodTo')} />
        </SimpleGrid>
        <Textarea required autosize minRows={5} maxLength={4000} label={t('internalAudit.planForm.scope')} description={t('internalAudit.planForm.scopeHint')} {...form.getInputProps('scope')} />
        <ErrorAlert error={failure} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={busy}>
            {plan ? t('internalAudit.planForm.save') : t('internalAudit.planForm.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
