// 提供を記録する: the recipient, the date, the items, the basis and the customers; then 確認 runs the consent check
// without saving (who is included, who is left out and why), and only then 記録する saves the record.
import { Alert, Button, Card, Group, Stack, Stepper, Table, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconChecklist, IconDeviceFloppy, IconHourglass } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeskErrorData } from '../../../../src-shared/errors';
import type { ProvisionCheck } from '../../../../src-shared/registers';
import { useClient } from '../../app/client-context';
import { FieldMessage } from '../../app/errors';
import { requiredError } from '../../app/validate';
import { formatDay, today } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Translated } from '../../components/Translated';
import { showCustomerError } from '../customers/form-errors';
import { StatementRequired, statementRequired } from '../customers/StatementRequired';
import { countryLabel } from '../partners/countries';
import { usePartners } from '../partners/queries';
import type { ChosenCustomer } from '../requests/intake-handoff';
import { CheckResult } from './CheckResult';
import { CustomerChooser, pastedNumbers } from './CustomerChooser';
import { isException } from './labels';
import { BasisFields, RecipientFields, type ProvisionValues } from './ProvisionFields';
import { useProvisionChanged } from './queries';

function inputOf(v: ProvisionValues, chosen: ChosenCustomer[]) {
  const exception = v.basis !== null && isException(v.basis);
  return {
    partnerId: v.partnerId!,
    providedOn: v.providedOn,
    ...(v.combined && v.lastProvidedOn ? { lastProvidedOn: v.lastProvidedOn } : {}),
    items: v.items.trim(),
    basis: v.basis!,
    ...(exception ? { justification: v.justification.trim() } : {}),
    customerIds: chosen.map((c) => c.id),
    customerNos: pastedNumbers(v.pasted).numbers,
  };
}

/** The contract's paths to the form's: the customers' two lists are one field on screen. */
function fieldOf(path: string): string | null {
  if (path.startsWith('customerIds') || path.startsWith('customerNos')) return 'pasted';
  return path.split('.')[0] ?? null;
}

export function RecordProvision({ onCancel, onRecorded }: { onCancel: () => void; onRecorded: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const changed = useProvisionChanged();
  const partners = usePartners(false);
  const [chosen, setChosen] = useState<ChosenCustomer[]>([]);
  const [check, setCheck] = useState<ProvisionCheck | null>(null);
  const [failure, setFailure] = useState<DeskErrorData | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useForm<ProvisionValues>({
    initialValues: { partnerId: null, providedOn: today(), combined: false, lastProvidedOn: '', items: '', basis: null, justification: '', pasted: '' },
    validate: {
      partnerId: (v) => (v ? null : <FieldMessage message="required" />),
      providedOn: (v) => (v ? null : <FieldMessage message="date.format" />),
      lastProvidedOn: (v, values) => (!values.combined ? null : !v ? <FieldMessage message="date.format" /> : v < values.providedOn ? <FieldMessage message="provision.period" /> : null),
      items: requiredError,
      basis: (v) => (v ? null : <FieldMessage message="provision.basis" />),
      justification: (v, values) => (values.basis && isException(values.basis) ? requiredError(v) : null),
      pasted: (v) => (chosen.length === 0 && pastedNumbers(v).numbers.length === 0 ? <FieldMessage message="provision.noCustomers" /> : null),
    },
  });

  const refused = statementRequired(failure);
  if (refused) return <StatementRequired error={refused} />;

  const runCheck = form.onSubmit(async (values) => {
    setFailure(null);
    setBusy(true);
    const { partnerId, basis, customerIds, customerNos, providedOn } = inputOf(values, chosen);
    const result = await client.call('provisions.check', { partnerId, basis, customerIds, customerNos, providedOn });
    setBusy(false);
    if (!result.ok) return setFailure(showCustomerError(form, result.error, fieldOf));
    setCheck(result.value);
  });

  const record = async () => {
    setFailure(null);
    setBusy(true);
    const result = await client.call('provisions.create', inputOf(form.values, chosen));
    setBusy(false);
    if (!result.ok) {
      const left = showCustomerError(form, result.error, fieldOf);
      if (!left) setCheck(null);
      return setFailure(left);
    }
    changed(result.value);
    notifications.show({ color: 'teal', message: <Translated k={result.value.state === 'awaitingApproval' ? 'recordProvision.awaiting' : 'recordProvision.recorded'} values={{ number: result.value.number }} /> });
    onRecorded(result.value.id);
  };

  const partner = (partners.data?.rows ?? []).find((p) => p.id === form.values.partnerId);
  const exception = form.values.basis !== null && isException(form.values.basis);
  return (
    <Stack gap="md" maw={1100}>
      <Group>
        <Button variant="subtle" leftSection={<IconArrowLeft size={16} aria-hidden />} onClick={onCancel} px={4}>
          {t('provisionView.back')}
        </Button>
      </Group>
      <Stack gap={4}>
        <Title order={1} size="h2">
          {t('recordProvision.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('recordProvision.intro')}
        </Text>
      </Stack>
      <Stepper active={check ? 1 : 0} size="sm" allowNextStepsSelect={false} onStepClick={() => setCheck(null)}>
        <Stepper.Step label={t('recordProvision.steps.enter')} description={t('recordProvision.steps.enterHint')} />
        <Stepper.Step label={t('recordProvision.steps.check')} description={t('recordProvision.steps.checkHint')} />
      </Stepper>
      {/* The form is hidden while the check is shown: going back to change anything drops the check, so what is recorded is what was checked. */}
      {!check ? (
        <form onSubmit={runCheck} noValidate aria-label={t('recordProvision.title')}>
          <Stack gap="md">
            <RecipientFields form={form} partners={partners.data?.rows ?? []} />
            <BasisFields form={form} />
            <Card withBorder radius="md" padding="lg" component="fieldset" style={{ margin: 0 }} data-testid="provision-customers">
              <Title order={2} size="h4" mb="sm" component="legend" style={{ float: 'left', width: '100%' }}>
                {t('recordProvision.sections.customers')}
              </Title>
              <div style={{ clear: 'both' }}>
                <CustomerChooser chosen={chosen} onChosen={(c) => {
                    setChosen(c);
                    form.clearFieldError('pasted');
                  }} pasted={form.values.pasted} onPasted={(v) => form.setFieldValue('pasted', v)} error={form.errors.pasted} />
              </div>
            </Card>
            <ErrorAlert error={failure} />
            <Group justify="flex-end">
              <Button variant="default" onClick={onCancel}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" size="md" loading={busy} leftSection={<IconChecklist size={18} aria-hidden />}>
                {t(exception ? 'recordProvision.check.runException' : 'recordProvision.check.run')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : (
        <Stack gap="md" data-testid="provision-check">
          <Card withBorder radius="md" padding="lg">
            <Table variant="vertical" layout="fixed" fz="sm" withTableBorder data-testid="check-summary">
              <Table.Tbody>
                <Table.Tr>
                  <Table.Th w={200}>{t('provisions.columns.partner')}</Table.Th>
                  <Table.Td>{partner ? `${partner.name}（${countryLabel(partner.country, i18n.language)}）` : ''}</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th>{t('provisions.columns.providedOn')}</Table.Th>
                  <Table.Td>
                    {form.values.combined && form.values.lastProvidedOn
                      ? t('provisions.combinedPeriod', { from: formatDay(form.values.providedOn, i18n.language), to: formatDay(form.values.lastProvidedOn, i18n.language) })
                      : formatDay(form.values.providedOn, i18n.language)}
                  </Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th>{t('provisions.columns.basis')}</Table.Th>
                  <Table.Td>{form.values.basis ? t(`provisions.bases.${form.values.basis}`) : ''}</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th>{t('recordProvision.items')}</Table.Th>
                  <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{form.values.items}</Table.Td>
                </Table.Tr>
              </Table.Tbody>
            </Table>
          </Card>
          <Card withBorder radius="md" padding="lg">
            <CheckResult included={check.included.map((c) => c.customerNo)} excluded={check.excluded} />
          </Card>
          {exception && (
            <Alert color="orange" variant="light" icon={<IconHourglass aria-hidden />}>
              {t('recordProvision.willWait')}
            </Alert>
          )}
          <ErrorAlert error={failure} />
          <Group justify="space-between">
            <Button variant="default" leftSection={<IconArrowLeft size={16} aria-hidden />} onClick={() => setCheck(null)}>
              {t('recordProvision.check.back')}
            </Button>
            <Button size="md" leftSection={<IconDeviceFloppy size={18} aria-hidden />} loading={busy} disabled={check.included.length === 0} onClick={() => void record()}>
              {t('recordProvision.check.record', { count: check.included.length })}
            </Button>
          </Group>
        </Stack>
      )}
    </Stack>
  );
}
