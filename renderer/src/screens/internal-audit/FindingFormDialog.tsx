// Recording a finding (the auditor's or the officer's), or putting its facts right before an action is opened: the
// plan, the day, the grade, the JIS Q 15001 requirement, what was found, and the record it concerns.
import { Button, Group, Modal, Radio, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { findingGrades, type FindingDetail, type FindingGrade, type FindingTargetKind } from '../../../../src-shared/api/internal-audit';
import { FieldMessage } from '../../app/errors';
import { requiredError } from '../../app/validate';
import { today } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { showCustomerError } from '../customers/form-errors';
import { useAuditPlans } from './queries';
import { TargetPicker, type ChosenTarget } from './TargetPicker';
import { useAuditCall } from './useAuditCall';

export type FindingDialog = { kind: 'record'; planId: string | null } | { kind: 'edit'; finding: FindingDetail };

interface Values {
  planId: string | null;
  foundOn: string;
  grade: FindingGrade;
  requirement: string;
  description: string;
}

export function FindingFormDialog({ dialog, onClose, onRecorded }: { dialog: FindingDialog | null; onClose: () => void; onRecorded?: (id: string) => void }) {
  const { t } = useTranslation();
  const title = dialog?.kind === 'edit' ? t('internalAudit.findingForm.editTitle', { number: dialog.finding.number }) : t('internalAudit.findingForm.title');
  return (
    <Modal opened={dialog !== null} onClose={onClose} size="xl" closeOnClickOutside={false} title={title}>
      {dialog && <FindingForm key={dialog.kind === 'edit' ? dialog.finding.id : 'new'} dialog={dialog} title={title} onClose={onClose} onRecorded={onRecorded} />}
    </Modal>
  );
}

function FindingForm({ dialog, title, onClose, onRecorded }: { dialog: FindingDialog; title: string; onClose: () => void; onRecorded?: (id: string) => void }) {
  const { t } = useTranslation();
  const plans = useAuditPlans();
  const { call, failure, busy } = useAuditCall();
  const existing = dialog.kind === 'edit' ? dialog.finding : null;
  const [targetKind, setTargetKind] = useState<FindingTargetKind | null>(existing?.target?.kind ?? null);
  const [target, setTarget] = useState<ChosenTarget | null>(existing?.target ? { ...existing.target, label: existing.target.label ?? existing.target.id } : null);
  const [targetError, setTargetError] = useState<React.ReactNode>(null);
  const form = useForm<Values>({
    initialValues: existing
      ? { planId: existing.planId, foundOn: existing.foundOn, grade: existing.grade, requirement: existing.requirement, description: existing.description }
      : { planId: dialog.kind === 'record' ? dialog.planId : null, foundOn: today(), grade: 'minorNonconformity', requirement: '', description: '' },
    validate: {
      foundOn: (v) => (!v ? <FieldMessage message="required" /> : v > today() ? <FieldMessage message="finding.foundInFuture" /> : null),
      requirement: requiredError,
      description: requiredError,
    },
  });

  const submit = form.onSubmit(async (values) => {
    if (targetKind && !target) return setTargetError(<FieldMessage message="required" />);
    setTargetError(null);
    const input = {
      ...(values.planId ? { planId: values.planId } : {}),
      foundOn: values.foundOn,
      grade: values.grade,
      requirement: values.requirement,
      description: values.description,
      ...(target ? { target: { kind: target.kind, id: target.id } } : {}),
    };
    // A refusal about the record concerned sits under the picker; the rest next to their fields.
    const place = (e: Parameters<typeof showCustomerError>[1]) =>
      showCustomerError({ setFieldValue: form.setFieldValue as never, setFieldError: (path, error) => (path === 'target.id' ? setTargetError(error) : form.setFieldError(path, error)) }, e, (p) => p.replace(/^finding\./, ''));
    const saved = existing
      ? await call('findings.update', { id: existing.id, finding: input }, (f) => ({ key: 'internalAudit.findingForm.updated', values: { number: f.number } }), place)
      : await call('findings.record', input, (f) => ({ key: 'internalAudit.findingForm.recorded', values: { number: f.number } }), place);
    if (!saved) return;
    onClose();
    if (!existing) onRecorded?.(saved.id);
  });

  return (
    <form onSubmit={submit} noValidate aria-label={title}>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" style={{ alignItems: 'end' }}>
          <Select
            label={t('internalAudit.findingForm.plan')}
            description={t('internalAudit.findingForm.planHint')}
            data={[{ value: 'none', label: t('internalAudit.findingForm.noPlan') }, ...(plans.data?.rows ?? []).map((p) => ({ value: p.id, label: t('internalAudit.plans.title', { year: p.year }) }))]}
            value={form.values.planId ?? 'none'}
            onChange={(v) => form.setFieldValue('planId', v && v !== 'none' ? v : null)}
            allowDeselect={false}
            data-testid="finding-plan"
          />
          <TextInput type="date" required max={today()} label={t('internalAudit.findingForm.foundOn')} {...form.getInputProps('foundOn')} />
        </SimpleGrid>
        <Radio.Group required label={t('internalAudit.findingForm.grade')} {...form.getInputProps('grade')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" mt={6}>
            {findingGrades.map((g) => (
              <Radio.Card key={g} value={g} radius="md" p="sm" aria-label={t(`internalAudit.grades.${g}`)} data-grade={g}>
                <Group gap="sm" wrap="nowrap" align="flex-start">
                  <Radio.Indicator mt={2} />
                  <Stack gap={2}>
                    <Text size="sm" fw={700}>
                      {t(`internalAudit.grades.${g}`)}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t(`internalAudit.gradeHelp.${g}`)}
                    </Text>
                  </Stack>
                </Group>
              </Radio.Card>
            ))}
          </SimpleGrid>
        </Radio.Group>
        <TextInput required label={t('internalAudit.findingForm.requirement')} description={t('internalAudit.findingForm.requirementHint')} placeholder={t('internalAudit.findingForm.requirementExample')} maxLength={200} {...form.getInputProps('requirement')} />
        <Textarea required autosize minRows={4} maxLength={4000} label={t('internalAudit.findingForm.description')} description={t('internalAudit.findingForm.descriptionHint')} {...form.getInputProps('description')} />
        <TargetPicker kind={targetKind} chosen={target} onKind={setTargetKind} onChosen={setTarget} error={targetError} />
        <ErrorAlert error={failure} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={busy}>
            {existing ? t('internalAudit.findingForm.save') : t('internalAudit.findingForm.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
