// A new customer registered at the desk: identity, address (prefecture from the fixed list), phones and e-mails, a card's last four only, consents.
import { ActionIcon, Alert, Button, Card, Checkbox, Group, NativeSelect, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconArrowLeft, IconPlus, IconTrash } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { containsCardNumber } from '../../../../src-shared/card-numbers';
import { customerNo, emailAddress, phoneNumber, postalCode, type CustomerInput } from '../../../../src-shared/api/customer-input';
import { cardBrands, consentChannels, phoneKinds, prefectures, type ConsentChannel, type Purpose } from '../../../../src-shared/customers';
import type { DeskErrorData } from '../../../../src-shared/errors';
import { useClient } from '../../app/client-context';
import { FieldMessage } from '../../app/errors';
import { fromSchema, requiredError } from '../../app/validate';
import { today } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Translated } from '../../components/Translated';
import { purposeTitle } from './ConsentsSection';
import { CustomerRecordView } from './CustomerRecordView';
import { useCustomersChanged, usePurposes } from './queries';
import { showCustomerError } from './form-errors';
import { StatementRequired, statementRequired } from './StatementRequired';

/** The nav entry "new customer": the form, then the record it made. */
export function NewCustomerScreen() {
  const [created, setCreated] = useState<string | null>(null);
  const [round, setRound] = useState(0);
  if (created) {
    return (
      <CustomerRecordView
        key={created}
        id={created}
        onBack={() => {
          setCreated(null);
          setRound((r) => r + 1);
        }}
      />
    );
  }
  return <NewCustomerForm key={round} onCreated={setCreated} />;
}

interface Values {
  customerNo: string;
  name: string;
  nameKana: string;
  nameRomaji: string;
  birthDate: string;
  postalCode: string;
  prefecture: string;
  city: string;
  addressLine1: string;
  addressLine2: string;
  phones: { number: string; kind: string }[];
  emails: { address: string }[];
  paymentMethods: { brand: string; last4: string; expiry: string }[];
  consents: { purposeId: string; checked: boolean }[];
  consentOn: string;
  consentChannel: ConsentChannel;
}

const optional = (v: string) => (v.trim() === '' ? undefined : v.trim());
const handChannels = consentChannels.filter((c) => c !== 'import');

export function NewCustomerForm({ onBack, onCreated }: { onBack?: () => void; onCreated: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const purposes = usePurposes();
  const changed = useCustomersChanged();
  const [failure, setFailure] = useState<DeskErrorData | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useForm<Values>({
    initialValues: {
      customerNo: '',
      name: '',
      nameKana: '',
      nameRomaji: '',
      birthDate: '',
      postalCode: '',
      prefecture: '',
      city: '',
      addressLine1: '',
      addressLine2: '',
      phones: [{ number: '', kind: 'mobile' }],
      emails: [{ address: '' }],
      paymentMethods: [],
      consents: [],
      consentOn: today(),
      consentChannel: 'counter',
    },
    validate: {
      customerNo: fromSchema(customerNo),
      name: requiredError,
      nameKana: requiredError,
      postalCode: fromSchema(postalCode),
      prefecture: (v) => (v ? null : <FieldMessage message="prefecture.unknown" />),
      city: requiredError,
      addressLine1: requiredError,
      phones: { number: (v) => (v.trim() === '' ? null : fromSchema(phoneNumber)(v)) },
      emails: { address: (v) => (v.trim() === '' ? null : fromSchema(emailAddress)(v.trim())) },
      paymentMethods: {
        brand: (v) => (v ? null : <FieldMessage message="card.brand" />),
        // A whole card number typed here is caught before it is sent; the core refuses one in any other field.
        last4: (v) => (containsCardNumber(v) ? <FieldMessage message="card.number" /> : /^\d{4}$/.test(v) ? null : <FieldMessage message="card.last4" />),
        expiry: (v) => (/^\d{4}-(0[1-9]|1[0-2])$/.test(v) ? null : <FieldMessage message="card.expiry" />),
      },
    },
  });

  // Purposes of use, once known: every purpose that needs no prior approval ticked, marketing (3.6, opt-in) never.
  const purposeList = purposes.data?.purposes;
  useEffect(() => {
    if (purposeList && form.values.consents.length === 0) form.setFieldValue('consents', purposeList.map((p) => ({ purposeId: p.id, checked: !p.optIn })));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [purposeList]);

  const submit = form.onSubmit(async (v) => {
    setFailure(null);
    // Empty repeatable rows are dropped; their positions are kept to put the core's errors back on the right row.
    const phoneRows = v.phones.map((p, i) => ({ p, i })).filter(({ p }) => p.number.trim() !== '');
    const emailRows = v.emails.map((e, i) => ({ e, i })).filter(({ e }) => e.address.trim() !== '');
    const consentRows = v.consents.map((c, i) => ({ c, i })).filter(({ c }) => c.checked);
    const input: CustomerInput = {
      customerNo: v.customerNo.trim(),
      name: v.name.trim(),
      nameKana: v.nameKana.trim(),
      nameRomaji: optional(v.nameRomaji),
      birthDate: optional(v.birthDate),
      postalCode: v.postalCode.trim(),
      prefecture: v.prefecture as CustomerInput['prefecture'],
      city: v.city.trim(),
      addressLine1: v.addressLine1.trim(),
      addressLine2: optional(v.addressLine2),
      provenance: 'registration',
      phones: phoneRows.map(({ p }) => ({ number: p.number.trim(), kind: p.kind as (typeof phoneKinds)[number] })),
      emails: emailRows.map(({ e }) => ({ address: e.address.trim() })),
      paymentMethods: v.paymentMethods.map((p) => ({ brand: p.brand as (typeof cardBrands)[number], last4: p.last4, expiry: p.expiry })),
      consents: consentRows.map(({ c }) => ({ purposeId: c.purposeId, on: v.consentOn, channel: v.consentChannel })),
    };
    setBusy(true);
    const result = await client.call('customers.create', input);
    setBusy(false);
    if (!result.ok) {
      if (statementRequired(result.error)) return setFailure(result.error);
      const fieldOf = (path: string): string | null => {
        const [head, n, rest] = path.split('.');
        const index = Number(n);
        if (head === 'phones') return phoneRows[index] ? `phones.${phoneRows[index].i}.${rest ?? 'number'}` : null;
        if (head === 'emails') return emailRows[index] ? `emails.${emailRows[index].i}.address` : null;
        if (head === 'paymentMethods') return rest ? path : null;
        if (head === 'consents') return rest === 'on' ? 'consentOn' : rest === 'channel' ? 'consentChannel' : consentRows[index] ? `consents.${consentRows[index].i}.checked` : null;
        return head && head in v ? head : null;
      };
      return setFailure(showCustomerError(form, result.error, fieldOf));
    }
    changed();
    notifications.show({ color: 'teal', message: <Translated k="customerForm.created" values={{ name: result.value.name }} /> });
    onCreated(result.value.id);
  }, (errors) => {
    // A whole card number typed into "last four" is refused before sending, and taken off the screen at once.
    form.values.paymentMethods.forEach((p, i) => {
      if (!errors[`paymentMethods.${i}.last4`] || !containsCardNumber(p.last4)) return;
      // Setting the value clears the field's error: the message is put back after.
      form.setFieldValue(`paymentMethods.${i}.last4`, '');
      form.setFieldError(`paymentMethods.${i}.last4`, <FieldMessage message="card.number" />);
    });
  });

  const refused = statementRequired(failure);
  if (refused) return <StatementRequired error={refused} />;

  return (
    <form onSubmit={submit} noValidate aria-label={t('customerForm.title')}>
      <Stack gap="md" maw={980}>
        {onBack && (
          <Group>
            <Button variant="subtle" leftSection={<IconArrowLeft size={16} aria-hidden />} onClick={onBack} px={4}>
              {t('customerRecord.back')}
            </Button>
          </Group>
        )}
        <Stack gap={4}>
          <Title order={1} size="h2">
            {t('customerForm.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('customerForm.intro')}
          </Text>
        </Stack>

        <FormCard title={t('customerForm.identity')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput required label={t('customerForm.customerNo')} placeholder="C-0001" {...form.getInputProps('customerNo')} />
            <TextInput type="date" max={today()} label={t('customerForm.optionalLabel', { label: t('customerForm.birthDate') })} {...form.getInputProps('birthDate')} />
            <TextInput required label={t('customerForm.name')} placeholder="山田 太郎" {...form.getInputProps('name')} />
            <TextInput required label={t('customerForm.nameKana')} placeholder="ヤマダ タロウ" {...form.getInputProps('nameKana')} />
            <TextInput label={t('customerForm.optionalLabel', { label: t('customerForm.nameRomaji') })} placeholder="Yamada Taro" {...form.getInputProps('nameRomaji')} />
          </SimpleGrid>
        </FormCard>

        <FormCard title={t('customerForm.contact')}>
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <TextInput required label={t('customerForm.postalCode')} placeholder="150-0001" {...form.getInputProps('postalCode')} />
              <Select required searchable label={t('customerForm.prefecture')} data={[...prefectures]} maxDropdownHeight={280} {...form.getInputProps('prefecture')} />
              <TextInput required label={t('customerForm.city')} placeholder="渋谷区" {...form.getInputProps('city')} />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput required label={t('customerForm.addressLine1')} {...form.getInputProps('addressLine1')} />
              <TextInput label={t('customerForm.optionalLabel', { label: t('customerForm.addressLine2') })} {...form.getInputProps('addressLine2')} />
            </SimpleGrid>
            {form.values.phones.map((_, i) => (
              <Group key={i} align="flex-start" gap="sm" wrap="nowrap">
                <TextInput label={t('customerForm.phone')} placeholder="090-1234-5678" style={{ flex: 1 }} {...form.getInputProps(`phones.${i}.number`)} />
                <NativeSelect
                  label={t('customerForm.phoneKind')}
                  data={phoneKinds.map((k) => ({ value: k, label: t(`customerRecord.phoneKind.${k}`) }))}
                  {...form.getInputProps(`phones.${i}.kind`)}
                />
                <RemoveButton label={t('customerForm.remove')} onClick={() => form.removeListItem('phones', i)} />
              </Group>
            ))}
            <AddButton label={t('customerForm.addPhone')} onClick={() => form.insertListItem('phones', { number: '', kind: 'mobile' })} />
            {form.values.emails.map((_, i) => (
              <Group key={i} align="flex-start" gap="sm" wrap="nowrap">
                <TextInput type="email" label={t('customerForm.email')} placeholder="taro@example.jp" style={{ flex: 1 }} {...form.getInputProps(`emails.${i}.address`)} />
                <RemoveButton label={t('customerForm.remove')} onClick={() => form.removeListItem('emails', i)} />
              </Group>
            ))}
            <AddButton label={t('customerForm.addEmail')} onClick={() => form.insertListItem('emails', { address: '' })} />
          </Stack>
        </FormCard>

        <FormCard title={t('customerForm.payment')}>
          <Stack gap="sm">
            <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} data-testid="card-warning">
              {t('customerForm.cardWarning')}
            </Alert>
            {form.values.paymentMethods.map((_, i) => (
              <Group key={i} align="flex-start" gap="sm" wrap="nowrap">
                <NativeSelect
                  required
                  label={t('customerForm.brand')}
                  data={[{ value: '', label: '—' }, ...cardBrands.map((b) => ({ value: b, label: t(`customerForm.brands.${b}`) }))]}
                  {...form.getInputProps(`paymentMethods.${i}.brand`)}
                />
                <TextInput required label={t('customerForm.last4')} placeholder="1234" inputMode="numeric" autoComplete="off" w={200} {...form.getInputProps(`paymentMethods.${i}.last4`)} />
                <TextInput required type="month" label={t('customerForm.expiry')} w={200} {...form.getInputProps(`paymentMethods.${i}.expiry`)} />
                <RemoveButton label={t('customerForm.remove')} onClick={() => form.removeListItem('paymentMethods', i)} />
              </Group>
            ))}
            <AddButton label={t('customerForm.addCard')} onClick={() => form.insertListItem('paymentMethods', { brand: '', last4: '', expiry: '' })} />
          </Stack>
        </FormCard>

        <FormCard title={t('customerForm.consents')}>
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              {t('customerForm.marketingNote')}
            </Text>
            {form.values.consents.map((c, i) => {
              const purpose = purposeList?.find((p) => p.id === c.purposeId) as Purpose | undefined;
              return purpose ? (
                <Checkbox
                  key={c.purposeId}
                  label={purposeTitle(purpose, i18n.language)}
                  description={purpose.optIn ? t('consents.optIn') : undefined}
                  data-purpose={c.purposeId}
                  {...form.getInputProps(`consents.${i}.checked`, { type: 'checkbox' })}
                />
              ) : null;
            })}
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput type="date" required max={today()} label={t('customerForm.consentOn')} {...form.getInputProps('consentOn')} />
              <NativeSelect label={t('customerForm.consentChannel')} data={handChannels.map((c) => ({ value: c, label: t(`consents.channels.${c}`) }))} {...form.getInputProps('consentChannel')} />
            </SimpleGrid>
          </Stack>
        </FormCard>

        <ErrorAlert error={failure} />
        <Group justify="flex-end">
          <Button type="submit" loading={busy} size="md">
            {t('customerForm.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function FormCard({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Card withBorder radius="md" padding="lg" component="fieldset" style={{ margin: 0 }}>
      <Title order={2} size="h4" mb="sm" component="legend" style={{ float: 'left', width: '100%' }}>
        {title}
      </Title>
      <div style={{ clear: 'both' }}>{children}</div>
    </Card>
  );
}

function AddButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <Group>
      <Button variant="subtle" size="compact-sm" leftSection={<IconPlus size={14} aria-hidden />} onClick={onClick}>
        {label}
      </Button>
    </Group>
  );
}

function RemoveButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <ActionIcon variant="subtle" color="gray" aria-label={label} onClick={onClick} mt={26}>
      <IconTrash size={16} aria-hidden />
    </ActionIcon>
  );
}
