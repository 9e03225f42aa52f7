// The officer opens a corrective action for a finding (the cause found, what will be done, by whom, by when), or
// changes an open one with the reason: the work, its owner (someone left), its due day.
import { Button, Group, Modal, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { CorrectionDetail, FindingDetail } from '../../../../src-shared/api/internal-audit';
import { FieldMessage } from '../../app/errors';
import { requiredError } from '../../app/validate';
import { today } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { showCustomerError } from '../customers/form-errors';
import { accountOptions } from './AccountOptions';
import { useAuditAccounts } from './queries';
import { useAuditCall } from './useAuditCall';

export type CorrectionDialog = { kind: 'open'; finding: Pick<FindingDetail, 'id' | 'number'> } | { kind: 'edit'; correction: CorrectionDetail };

interface Values {
  cause: string;
  action: string;
  ownerId: string | null;
  dueOn: string;
  reason: string;
}

export function CorrectionFormDialog({ dialog, onClose, onOpened }: { dialog: CorrectionDialog | null; onClose: () => void; onOpened?: (id: string) => void }) {
  const { t } = useTranslation();
  const title = !dialog ? '' : dialog.kind === 'open' ? t('internalAudit.correctionForm.openTitle', { number: dialog.finding.number }) : t('internalAudit.correctionForm.editTitle', { number: dialog.correction.number });
  return (
    <Modal opened={dialog !== null} onClose={onClose} size="lg" closeOnClickOutside={false} title={title}>
      {dialog && <CorrectionForm key={dialog.kind === 'edit' ? dialog.correction.id : dialog.finding.id} dialog={dialog} title={title} onClose={onClose} onOpened={onOpened} />}
    </Modal>
  );
}

function CorrectionForm({ dialog, title, onClose, onOpened }: { dialog: CorrectionDialog; title: string; onClose: () => void; onOpened?: (id: string) => void }) {
  const { t } = useTranslation();
  const accounts = useAuditAccounts();
  const { call, failure, busy } = useAuditCall();
  const existing = dialog.kind === 'edit' ? dialog.correction : null;
  const form = useForm<Values>({
    initialValues: existing
      ? { cause: existing.cause, action: existing.action, ownerId: existing.owner.id, dueOn: existing.dueOn, reason: '' }
      : { cause: '', action: '', ownerId: null, dueOn: '', reason: '' },
    validate: {
      cause: requiredError,
      action: requiredError,
      ownerId: (v) => (v ? null : <FieldMessage message="required" />),
      dueOn: (v) => (!v ? <FieldMessage message="required" /> : v < today() && v !== existing?.dueOn ? <FieldMessage message="correction.dueInPast" /> : null),
      reason: (v) => (existing ? requiredError(v) : null),
    },
  });

  const submit = form.onSubmit(async (values) => {
    const place = (e: Parameters<typeof showCustomerError>[1]) => showCustomerError(form, e);
    if (existing) {
      // Only what changed is sent: the history names those fields, with the reason.
      const change = {
        ...(values.cause.trim() !== existing.cause ? { cause: values.cause } : {}),
        ...(values.action.trim() !== existing.action ? { action: values.action } : {}),
        ...(values.ownerId && values.ownerId !== existing.owner.id ? { ownerId: values.ownerId } : {}),
        ...(values.dueOn !== existing.dueOn ? { dueOn: values.dueOn } : {}),
      };
      const saved = await call('corrections.update', { id: existing.id, ...change, reason: values.reason }, (c) => ({ key: 'internalAudit.correctionForm.updated', values: { number: c.number } }), place);
      if (saved) onClose();
      return;
    }
    const finding = dialog.kind === 'open' ? dialog.finding : null;
    const opened = await call(
      'corrections.open',
      { findingId: finding!.id, cause: values.cause, action: values.action, ownerId: values.ownerId ?? '', dueOn: values.dueOn },
      (c) => ({ key: 'internalAudit.correctionForm.opened', values: { number: c.number } }),
      place,
    );
    if (!opened) return;
    onClose();
    onOpened?.(opened.id);
  });

  return (
    <form onSubmit={submit} noValidate aria-label={title}>
      <Stack gap="md">
        {!existing && <Text size="sm">{t('internalAudit.correctionForm.explain')}</Text>}
        <Textarea required data-autofocus autosize minRows={3} maxLength={4000} label={t('internalAudit.correctionForm.cause')} description={t('internalAudit.correctionForm.causeHint')} {...form.getInputProps('cause')} />
        <Textarea required autosize minRows={3} maxLength={4000} label={t('internalAudit.correctionForm.action')} description={t('internalAudit.correctionForm.actionHint')} {...form.getInputProps('action')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" style={{ alignItems: 'end' }}>
          <Select
            required
            searchable
            label={t('internalAudit.correctionForm.owner')}
            description={t('internalAudit.correctionForm.ownerHint')}
            data={accountOptions(t, accounts.data?.rows ?? [], ['officer', 'staff'])}
            {...form.getInputProps('ownerId')}
          />
          <TextInput type="date" required min={today()} label={t('internalAudit.correctionForm.dueOn')} {...form.getInputProps('dueOn')} />
        </SimpleGrid>
        {existing && <Textarea required autosize minRows={2} maxLength={1000} label={t('internalAudit.correctionForm.reason')} description={t('internalAudit.correctionForm.reasonHint')} {...form.getInputProps('reason')} />}
        <ErrorAlert error={failure} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={busy}>
            {existing ? t('internalAudit.correctionForm.save') : t('internalAudit.correctionForm.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
