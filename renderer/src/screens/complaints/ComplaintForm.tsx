// 苦情・相談の受付 (recording a complaint or a consultation), and changing one while it is open: what, when, how, from
// whom, and which customer record it concerns (found with the audited customer search, masked for staff).
import { Button, Group, NativeSelect, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { complaintChannels, complaintKinds, type ComplaintDetail, type ComplaintKind } from '../../../../src-shared/api/complaints';
import type { DeskErrorData } from '../../../../src-shared/errors';
import { useClient } from '../../app/client-context';
import { FieldMessage } from '../../app/errors';
import { useSession } from '../../app/session';
import { requiredError } from '../../app/validate';
import { today } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ScreenTitle } from '../../components/ScreenTitle';
import { Translated } from '../../components/Translated';
import { showCustomerError } from '../customers/form-errors';
import { StatementRequired, statementRequired } from '../customers/StatementRequired';
import { CustomerPicker } from '../requests/CustomerPicker';
import type { ChosenCustomer } from '../requests/intake-handoff';
import { FormCard } from '../requests/IntakeFields';
import { blankComplaint, changeOf, chosenOf, complaintFieldOf, complaintInputOf, valuesOf, type ComplaintValues } from './complaint-values';
import { useAssignees, useComplaintChanged } from './queries';

export function ComplaintForm({ existing, onSaved, onCancel }: { existing?: ComplaintDetail; onSaved: (id: string) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const client = useClient();
  const session = useSession();
  const changed = useComplaintChanged();
  const assignees = useAssignees();
  const [customer, setCustomer] = useState<ChosenCustomer | null>(() => (existing ? chosenOf(existing) : null));
  const [failure, setFailure] = useState<DeskErrorData | null>(null);
  const form = useForm<ComplaintValues>({
    initialValues: existing ? valuesOf(existing) : blankComplaint(session.accountId),
    validate: {
      receivedOn: (v) => (v === '' ? <FieldMessage message="required" /> : v > today() ? <FieldMessage message="complaint.receivedInFuture" /> : null),
      subject: requiredError,
      content: requiredError,
    },
  });

  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    const result = existing
      ? await client.call('complaints.update', { id: existing.id, ...changeOf(values, customer, existing) })
      : await client.call('complaints.create', complaintInputOf(values, customer));
    if (!result.ok) return setFailure(statementRequired(result.error) ?? showCustomerError(form, result.error, complaintFieldOf));
    changed(result.value);
    notifications.show({ color: 'teal', message: <Translated k={existing ? 'complaintForm.saved' : 'complaintForm.created'} values={{ number: result.value.number }} /> });
    onSaved(result.value.id);
  });

  const refused = statementRequired(failure);
  if (refused) return <StatementRequired error={refused} />;
  const optional = (key: string) => t('customerForm.optionalLabel', { label: t(key) });
  const title = existing ? t('complaintForm.editTitle', { number: existing.number }) : t('complaintForm.title');

  return (
    <form onSubmit={submit} noValidate aria-label={title}>
      <Stack gap="md" maw={980}>
        <Group>
          <Button variant="subtle" leftSection={<IconArrowLeft size={16} aria-hidden />} onClick={onCancel} px={4}>
            {existing ? t('complaintView.backToComplaint') : t('complaintView.back')}
          </Button>
        </Group>
        <ScreenTitle title={title} intro={t('complaintForm.intro')} />
        <FormCard title={t('complaintForm.sections.received')}>
          <Stack gap="md">
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                {t('complaintForm.kind')}
              </Text>
              <SegmentedControl
                data={complaintKinds.map((k) => ({ value: k, label: t(`complaints.kinds.${k}`) }))}
                value={form.values.kind}
                onChange={(v) => form.setFieldValue('kind', v as ComplaintKind)}
                aria-label={t('complaintForm.kind')}
                style={{ alignSelf: 'flex-start' }}
                data-testid="complaint-kind"
              />
              <Text size="xs" c="dimmed">
                {t(`complaintForm.kindHelp.${form.values.kind}`)}
              </Text>
            </Stack>
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <NativeSelect label={t('complaintForm.channel')} data={complaintChannels.map((c) => ({ value: c, label: t(`complaints.channels.${c}`) }))} {...form.getInputProps('channel')} />
              <TextInput type="date" required max={today()} label={t('complaintForm.receivedOn')} description={t('complaintForm.receivedOnHint')} {...form.getInputProps('receivedOn')} />
              <Select
                label={t('complaintForm.handler')}
                description={t('complaintForm.handlerHint')}
                data={(assignees.data?.rows ?? []).map((a) => ({ value: a.id, label: a.displayName }))}
                allowDeselect={false}
                {...form.getInputProps('handlerId')}
              />
            </SimpleGrid>
          </Stack>
        </FormCard>
        <FormCard title={t('complaintForm.sections.content')}>
          <Stack gap="md">
            <TextInput required label={t('complaintForm.subject')} description={t('complaintForm.subjectHint')} maxLength={120} {...form.getInputProps('subject')} />
            <Textarea required label={t('complaintForm.content')} description={t('complaintForm.contentHint')} autosize minRows={5} maxLength={8000} {...form.getInputProps('content')} />
          </Stack>
        </FormCard>
        <FormCard title={t('complaintForm.sections.person')} testId="complaint-person">
          <Stack gap="md">
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput label={optional('complaintForm.complainantName')} placeholder="山田 太郎" maxLength={100} {...form.getInputProps('complainantName')} />
              <TextInput label={optional('complaintForm.complainantContact')} placeholder="090-1234-5678" maxLength={200} {...form.getInputProps('complainantContact')} />
            </SimpleGrid>
            <Text size="sm" c="dimmed">
              {t('complaintForm.customerHint')}
            </Text>
            <CustomerPicker value={customer} onChange={setCustomer} />
          </Stack>
        </FormCard>
        <ErrorAlert error={failure} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={form.submitting} size="md">
            {existing ? t('complaintForm.saveChanges') : t('complaintForm.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
