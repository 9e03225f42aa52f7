// 請求の受付 (a new request): the intake form, then the request it made, with a duplicate warning when the core flags one.
import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { emailAddress, phoneNumber, postalCode } from '../../../../src-shared/api/customer-input';
import type { DeskErrorData } from '../../../../src-shared/errors';
import { useClient } from '../../app/client-context';
import { FieldMessage } from '../../app/errors';
import { useNavigate } from '../../app/navigate';
import { fromSchema, requiredError } from '../../app/validate';
import { today } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Translated } from '../../components/Translated';
import { showCustomerError } from '../customers/form-errors';
import { StatementRequired, statementRequired } from '../customers/StatementRequired';
import { CustomerPicker } from './CustomerPicker';
import { takeChosenCustomer, type ChosenCustomer } from './intake-handoff';
import { AskedFields, FormCard, KindFields, RequesterFields } from './IntakeFields';
import { blankIntake, intakeFieldOf, intakeInput, type IntakeValues } from './intake-values';
import { useRequestChanged } from './queries';
import { RequestView } from './RequestView';

/** The nav entry "new request": the form, then the request it made (back goes to the register). */
export function NewRequestScreen() {
  const navigate = useNavigate();
  const [created, setCreated] = useState<string | null>(null);
  const [opened, setOpened] = useState<string | null>(null);
  const shown = opened ?? created;
  if (shown) return <RequestView key={shown} id={shown} onBack={() => navigate('requests')} onOpen={setOpened} />;
  return <IntakeForm onCreated={setCreated} />;
}

const optionalField = (schema: Parameters<typeof fromSchema>[0]) => (v: string) => (v.trim() === '' ? null : fromSchema(schema)(v.trim()));

function IntakeForm({ onCreated }: { onCreated: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const changed = useRequestChanged();
  // A customer chosen on their record comes along once; the person may still change it.
  const [customer, setCustomer] = useState<ChosenCustomer | null>(() => takeChosenCustomer());
  const [failure, setFailure] = useState<DeskErrorData | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useForm<IntakeValues>({
    initialValues: blankIntake(i18n.language),
    validate: {
      kind: (v) => (v ? null : <FieldMessage message="request.kind" />),
      purposeId: (v, values) => (values.kind === 'cessationOfPurpose' && !v ? <FieldMessage message="request.purposeRequired" /> : null),
      receivedOn: (v) => (v === '' ? <FieldMessage message="required" /> : v > today() ? <FieldMessage message="request.receivedInFuture" /> : null),
      requester: {
        name: requiredError,
        email: optionalField(emailAddress),
        phone: optionalField(phoneNumber),
        postalCode: optionalField(postalCode),
      },
      proxy: {
        name: (v, values) => (values.requesterKind === 'proxy' ? requiredError(v) : null),
        relationship: (v, values) => (values.requesterKind === 'proxy' ? requiredError(v) : null),
        authority: (v, values) => (values.requesterKind === 'proxy' ? requiredError(v) : null),
      },
      asked: requiredError,
    },
  });

  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    setBusy(true);
    const result = await client.call('requests.create', intakeInput(values, customer?.id ?? null));
    setBusy(false);
    if (!result.ok) {
      if (statementRequired(result.error)) return setFailure(result.error);
      return setFailure(showCustomerError(form, result.error, intakeFieldOf));
    }
    changed(result.value);
    notifications.show({ color: 'teal', message: <Translated k="requestForm.created" values={{ number: result.value.number }} /> });
    onCreated(result.value.id);
  });

  const refused = statementRequired(failure);
  if (refused) return <StatementRequired error={refused} />;

  return (
    <form onSubmit={submit} noValidate aria-label={t('requestForm.title')}>
      <Stack gap="md" maw={980}>
        <Stack gap={4}>
          <Title order={1} size="h2">
            {t('requestForm.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('requestForm.intro')}
          </Text>
        </Stack>
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
          <Button type="submit" loading={busy} size="md">
            {t('requestForm.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
