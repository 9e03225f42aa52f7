// Recording a management review: the day, the representative and who attended, the period whose counts the desk
// gathers (shown before saving), the other inputs, the decisions and improvements, and the next review's day. Once
// recorded, the minutes may be put right; the day, the period and the counts stay as they were.
import { Button, Group, Modal, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { ManagementReview } from '../../../../src-shared/api/internal-audit';
import { FieldMessage } from '../../app/errors';
import { requiredError } from '../../app/validate';
import { addYears, today } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { QueryError } from '../../components/QueryError';
import { showCustomerError } from '../customers/form-errors';
import { useReviewInputs } from './queries';
import { ReviewInputsTable } from './ReviewInputsTable';
import { useAuditCall } from './useAuditCall';

export type ReviewDialog = { kind: 'record'; last: ManagementReview | null } | { kind: 'edit'; review: ManagementReview };

interface Values {
  heldOn: string;
  periodFrom: string;
  periodTo: string;
  representative: string;
  attendees: string;
  otherInputs: string;
  decisions: string;
  improvements: string;
  nextReviewOn: string;
}

export function ReviewFormDialog({ dialog, onClose }: { dialog: ReviewDialog | null; onClose: () => void }) {
  const { t } = useTranslation();
  const title = dialog?.kind === 'edit' ? t('internalAudit.reviewForm.editTitle') : t('internalAudit.reviewForm.title');
  return (
    <Modal opened={dialog !== null} onClose={onClose} size="xl" closeOnClickOutside={false} title={title}>
      {dialog && <ReviewForm key={dialog.kind === 'edit' ? dialog.review.id : 'new'} dialog={dialog} title={title} onClose={onClose} />}
    </Modal>
  );
}

/** A new review looks back from the day after the last one's period (or a year) to today. */
function blank(last: ManagementReview | null): Values {
  const day = today();
  const from = last && last.inputs.periodTo < day ? addDay(last.inputs.periodTo) : addYears(day, -1);
  return { heldOn: day, periodFrom: from, periodTo: day, representative: last?.representative ?? '', attendees: last?.attendees ?? '', otherInputs: '', decisions: '', improvements: '', nextReviewOn: addYears(day, 1) };
}

function addDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

function ReviewForm({ dialog, title, onClose }: { dialog: ReviewDialog; title: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { call, failure, busy } = useAuditCall();
  const existing = dialog.kind === 'edit' ? dialog.review : null;
  const form = useForm<Values>({
    initialValues: existing
      ? { heldOn: existing.heldOn, periodFrom: existing.inputs.periodFrom, periodTo: existing.inputs.periodTo, representative: existing.representative, attendees: existing.attendees, otherInputs: existing.otherInputs, decisions: existing.decisions, improvements: existing.improvements, nextReviewOn: existing.nextReviewOn }
      : blank(dialog.kind === 'record' ? dialog.last : null),
    validate: {
      heldOn: (v) => (!v ? <FieldMessage message="required" /> : v > today() ? <FieldMessage message="review.heldInFuture" /> : null),
      periodFrom: (v) => (v ? null : <FieldMessage message="required" />),
      periodTo: (v, values) => (!v ? <FieldMessage message="required" /> : v < values.periodFrom ? <FieldMessage message="review.periodOrder" /> : v > values.heldOn ? <FieldMessage message="review.periodAfterHeld" /> : null),
      representative: requiredError,
      attendees: requiredError,
      decisions: requiredError,
      improvements: requiredError,
      nextReviewOn: (v, values) => (!v ? <FieldMessage message="required" /> : v <= values.heldOn ? <FieldMessage message="review.nextBeforeHeld" /> : null),
    },
  });
  const v = form.values;
  const periodReady = !existing && v.periodFrom !== '' && v.periodTo !== '' && v.periodFrom <= v.periodTo;
  const gathered = useReviewInputs(v.periodFrom, v.periodTo, periodReady);

  const submit = form.onSubmit(async (values) => {
    const place = (e: Parameters<typeof showCustomerError>[1]) => showCustomerError(form, e);
    const text = { representative: values.representative, attendees: values.attendees, otherInputs: values.otherInputs, decisions: values.decisions, improvements: values.improvements, nextReviewOn: values.nextReviewOn };
    const saved = existing
      ? await call('managementReviews.update', { id: existing.id, ...text }, () => ({ key: 'internalAudit.reviewForm.updated' }), place)
      : await call('managementReviews.record', { heldOn: values.heldOn, periodFrom: values.periodFrom, periodTo: values.periodTo, ...text }, () => ({ key: 'internalAudit.reviewForm.recorded' }), place);
    if (saved) onClose();
  });

  return (
    <form onSubmit={submit} noValidate aria-label={title}>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md" style={{ alignItems: 'end' }}>
          <TextInput type="date" required disabled={existing !== null} max={today()} label={t('internalAudit.reviewForm.heldOn')} {...form.getInputProps('heldOn')} />
          <TextInput type="date" required disabled={existing !== null} label={t('internalAudit.reviewForm.periodFrom')} {...form.getInputProps('periodFrom')} />
          <TextInput type="date" required disabled={existing !== null} label={t('internalAudit.reviewForm.periodTo')} {...form.getInputProps('periodTo')} />
        </SimpleGrid>
        <Stack gap={6}>
          <Text size="sm" fw={500}>
            {t('internalAudit.reviewForm.inputs')}
          </Text>
          <Text size="xs" c="dimmed">
            {t(existing ? 'internalAudit.reviewForm.inputsKept' : 'internalAudit.reviewForm.inputsHint')}
          </Text>
          {!existing && <QueryError error={gathered.error} />}
          {existing ? <ReviewInputsTable inputs={existing.inputs} /> : gathered.data && <ReviewInputsTable inputs={gathered.data} />}
        </Stack>
        <TextInput required label={t('internalAudit.reviewForm.representative')} description={t('internalAudit.reviewForm.representativeHint')} maxLength={100} {...form.getInputProps('representative')} />
        <Textarea required autosize minRows={2} maxLength={1000} label={t('internalAudit.reviewForm.attendees')} description={t('internalAudit.reviewForm.attendeesHint')} {...form.getInputProps('attendees')} />
        <Textarea autosize minRows={2} maxLength={4000} label={t('internalAudit.reviewForm.otherInputs')} description={t('internalAudit.reviewForm.otherInputsHint')} {...form.getInputProps('otherInputs')} />
        <Textarea required autosize minRows={3} maxLength={4000} label={t('internalAudit.reviewForm.decisions')} description={t('internalAudit.reviewForm.decisionsHint')} {...form.getInputProps('decisions')} />
        <Textarea required autosize minRows={3} maxLength={4000} label={t('internalAudit.reviewForm.improvements')} description={t('internalAudit.reviewForm.improvementsHint')} {...form.getInputProps('improvements')} />
        <TextInput type="date" required label={t('internalAudit.reviewForm.nextReviewOn')} description={t('internalAudit.reviewForm.nextReviewOnHint')} w={260} {...form.getInputProps('nextReviewOn')} />
        <ErrorAlert error={failure} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={busy}>
            {existing ? t('internalAudit.reviewForm.save') : t('internalAudit.reviewForm.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
