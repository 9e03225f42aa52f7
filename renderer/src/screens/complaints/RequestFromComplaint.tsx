// 「この苦情から請求を登録」: the request intake form, filled from the complaint (channel, day, who, what, the customer);
// the core registers the request with the requests' own code and links it, in one step.
import { Button, Card, Center, Group, Loader, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconArrowLeft } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComplaintDetail } from '../../../../src-shared/api/complaints';
import { emailAddress, phoneNumber, postalCode } from '../../../../src-shared/api/customer-input';
import type { RequestChannel } from '../../../../src-shared/requests';
import { FieldMessage } from '../../app/errors';
import { fromSchema, requiredError } from '../../app/validate';
import { today } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { QueryError } from '../../components/QueryError';
import { ScreenTitle } from '../../components/ScreenTitle';
import { showCustomerError } from '../customers/form-errors';
import { StatementRequired, statementRequired } from '../customers/StatementRequired';
import { CustomerPicker } from '../requests/CustomerPicker';
import type { ChosenCustomer } from '../requests/intake-handoff';
import { AskedFields, FormCard, KindFields, RequesterFields } from '../requests/IntakeFields';
import { blankIntake, intakeFieldOf, intakeInput, type IntakeValues } from '../requests/intake-values';
import { chosenOf } from './complaint-values';
import { useComplaint } from './queries';
import { useComplaintCall } from './useComplaintCall';

export function RequestFromComplaint({ complaintId, onDone }: { complaintId: string; onDone: () => void }) {
  const complaint = useComplaint(complaintId);
  const refused = statementRequired(complaint.error);
  if (refused) return <StatementRequired error={refused} />;
  if (!complaint.data) {
    return (
      <Stack>
        <QueryError error={complaint.error} />
        {complaint.isPending && (
          <Center py="xl">
            <Loader size="sm" />
          </Center>
        )}
      </Stack>
    );
  }
  return <IntakeFromComplaint complaint={complaint.data} onDone={onDone} />;
}

const optionalField = (schema: Parameters<typeof fromSchema>[0]) => (v: string) => (v.trim() === '' ? null : fromSchema(schema)(v.trim()));

/** What the complaint already says, in the intake's fields: the person still checks and completes each one. */
function prefilled(c: ComplaintDetail, language: string): IntakeValues {
  const blank = blankIntake(language);
  const contact = c.complainantContact ?? '';
  const looks = (schema: Parameters<typeof fromSchema>[0]) => contact !== '' && fromSchema(schema)(contact) === null;
  return {
    ...blank,
    // A complaint's channel has the request's words, but for "other".
    channel: c.channel === 'other' ? blank.channel : (c.channel as RequestChannel),
    receivedOn: c.receivedOn,
    requester: {
      ...blank.requester,
      name: c.complainantName ?? c.customer?.name ?? '',
      email: looks(emailAddress) ? contact : '',
      phone: looks(phoneNumber) ? contact : '',
    },
    asked: c.content,
  };
}

function IntakeFromComplaint({ complaint, onDone }: { complaint: ComplaintDetail; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const [customer, setCustomer] = useState<ChosenCustomer | null>(() => chosenOf(complaint));
  const { call, failure, busy } = useComplaintCall();
  const form = useForm<IntakeValues>({
    initialValues: prefilled(complaint, i18n.language),
    validate: {
      kind: (v) => (v ? null : <FieldMessage message="request.kind" />),
      purposeId: (v, values) => (values.kind === 'cessationOfPurpose' && !v ? <FieldMessage message="request.purposeRequired" /> : null),
      receivedOn: (v) => (v === '' ? <FieldMessage message="required" /> : v > today() ? <FieldMessage message="request.receivedInFuture" /> : null),
      requester: { name: requiredError, email: optionalField(emailAddress), phone: optionalField(phoneNumber), postalCode: optionalField(postalCode) },
      proxy: {
        name: (v, values) => (values.requesterKind === 'proxy' ? requiredError(v) : null),
        relationship: (v, values) => (values.requesterKind === 'proxy' ? requiredError(v) : null),
        authority: (v, values) => (values.requesterKind === 'proxy' ? requiredError(v) : null),
      },
      asked: requiredError,
    },
  });
  // The contract nests the intake under `request.`: its paths are the intake form's once that is taken off.
  const fieldOf = (path: string) => (path.startsWith('request.') ? intakeFieldOf(path.slice('request.'.length)) : null);
  const submit = form.onSubmit(async (values) => {
    const done = await call('complaints.registerRequest', { id: complaint.id, request: intakeInput(values, customer?.id ?? null) }, 'complaintView.links.requestRegistered', (error) =>
      statementRequired(error) ?? showCustomerError(form, error, fieldOf),
    );
    if (done) onDone();
  });
  const refused = statementRequired(failure);
  if (refused) return <StatementRequired error={refused} />;
  return (
    <form onSubmit={submit} noValidate aria-label={t('requestFromComplaint.title', { number: complaint.number })}>
      <Stack gap="md" maw={980}>
        <Group>
          <Button variant="subtle" leftSection={<IconArrowLeft size={16} aria-hidden />} onClick={onDone} px={4}>
            {t('complaintView.backToComplaint')}
          </Button>
        </Group>
        <ScreenTitle title={t('requestFromComplaint.title', { number: complaint.number })} intro={t('requestFromComplaint.intro')} />
        <Card withBorder radius="md" padding="sm" bg="var(--mantine-color-gray-light)">
          <Text size="sm" fw={600}>
            {complaint.number} · {complaint.subject}
          </Text>
        </Card>
        <KindFields form={form} />
        <RequesterFields form={form} />
        <AskedFields form={form} />
        <FormCard title={t('requestForm.sections.customer')} testId="intake-customer">
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              {t('requestForm.customerHint')}
            </Text>
            <CustomerPicker value={customer} onChange={setCustomer} />
          </Stack>
        </FormCard>
        <ErrorAlert error={failure} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={busy} size="md">
            {t('requestFromComplaint.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
