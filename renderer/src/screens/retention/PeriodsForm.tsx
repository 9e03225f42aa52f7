// The retention period of each kind of data, what each kind means, and what the periods never touch (audit events, ID copies).
import { Alert, Button, Card, Group, List, NumberInput, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { useForm, type UseFormReturnType } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { DeskErrorData } from '../../../../src-shared/errors';
import { retentionKinds, type RetentionKind, type RetentionPeriod } from '../../../../src-shared/registers';
import { useClient } from '../../app/client-context';
import { FieldMessage } from '../../app/errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Translated } from '../../components/Translated';
import { useRequestSettings } from '../requests/queries';
import { retentionKeys } from './queries';

/** `set`: a period is set. For customers and requests that means "erase after it"; without one they are kept. */
type Values = Record<RetentionKind, { set: boolean; months: number | string }>;

/**
 * Provision and receipt records: the law keeps them 3 years (APPI Art. 29(2), 30(4); rules Art. 21, 23) and the run
 * erases them after that; a period set here only keeps them longer. Without one they go at the law's minimum.
 */
const lawMinimum: Partial<Record<RetentionKind, true>> = { provisionRecords: true, receiptRecords: true };

export function PeriodsForm({ periods }: { periods: RetentionPeriod[] }) {
  const { t } = useTranslation();
  const client = useClient();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<DeskErrorData | null>(null);
  const monthsOf = (kind: RetentionKind) => periods.find((p) => p.kind === kind)?.months ?? null;
  const form = useForm<Values>({
    initialValues: Object.fromEntries(retentionKinds.map((k) => [k, { set: monthsOf(k) !== null, months: monthsOf(k) ?? '' }])) as Values,
    validate: Object.fromEntries(
      retentionKinds.map((k) => [
        k,
        { months: (v: number | string, values: Values) => (!values[k].set ? null : Number.isInteger(Number(v)) && v !== '' && Number(v) >= 1 && Number(v) <= 1200 ? null : <FieldMessage message="retention.months" />) },
      ]),
    ),
  });
  const submit = form.onSubmit(async (v) => {
    setFailure(null);
    const result = await client.call('retention.setPeriods', { periods: retentionKinds.map((kind) => ({ kind, months: v[kind].set ? Number(v[kind].months) : null })) });
    if (!result.ok) return setFailure(result.error);
    queryClient.setQueryData(retentionKeys.periods, result.value);
    notifications.show({ color: 'teal', message: <Translated k="retention.periods.saved" /> });
  });
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="retention-periods" data-testid="retention-periods">
      <form onSubmit={submit} noValidate aria-label={t('retention.periods.title')}>
        <Stack gap="md">
          <Stack gap={2}>
            <Title order={2} size="h4" id="retention-periods">
              {t('retention.periods.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('retention.periods.intro')}
            </Text>
          </Stack>
          <Table.ScrollContainer minWidth={720}>
            <Table verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('retention.periods.kind')}</Table.Th>
                  <Table.Th w={170}>{t('retention.periods.erase')}</Table.Th>
                  <Table.Th w={220}>{t('retention.periods.months')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {retentionKinds.map((kind) => (
                  <PeriodRow key={kind} kind={kind} form={form} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <NeverErased />
          <ErrorAlert error={failure} />
          <Group>
            <Button type="submit" loading={form.submitting} disabled={!form.isDirty()}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function PeriodRow({ kind, form }: { kind: RetentionKind; form: UseFormReturnType<Values> }) {
  const { t } = useTranslation();
  const law = lawMinimum[kind] === true;
  const label = t(`retention.kinds.${kind}.label`);
  const set = form.values[kind].set;
  return (
    <Table.Tr data-kind={kind}>
      <Table.Td style={{ verticalAlign: 'top' }}>
        <Text size="sm" fw={700}>
          {label}
        </Text>
        <Text size="xs" c="dimmed">
          {t(`retention.kinds.${kind}.explain`)}
        </Text>
        {law && (
          <Text size="xs" c="indigo.8" mt={2}>
            {t(`retention.kinds.${kind}.law`)}
          </Text>
        )}
      </Table.Td>
      <Table.Td style={{ verticalAlign: 'top' }}>
        <Switch
          label={t(law ? (set ? 'retention.periods.lawOn' : 'retention.periods.lawOff') : set ? 'retention.periods.eraseOn' : 'retention.periods.eraseOff')}
          aria-label={t(law ? 'retention.periods.lawFor' : 'retention.periods.eraseFor', { kind: label })}
          {...form.getInputProps(`${kind}.set`, { type: 'checkbox' })}
        />
      </Table.Td>
      <Table.Td style={{ verticalAlign: 'top' }}>
        {set ? (
          <NumberInput
            aria-label={t('retention.periods.monthsFor', { kind: label })}
            min={1}
            max={1200}
            allowDecimal={false}
            allowNegative={false}
            clampBehavior="none"
            rightSection={<Text size="xs" c="dimmed">{t('retention.periods.monthsUnit')}</Text>}
            rightSectionWidth={56}
            description={yearsOf(form.values[kind].months, t)}
            {...form.getInputProps(`${kind}.months`)}
          />
        ) : (
          <Text size="sm" c="dimmed" pt={6}>
            {t(law ? 'retention.periods.lawKept' : 'retention.periods.kept')}
          </Text>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

function yearsOf(months: number | string, t: TFunction): string {
  const n = Number(months);
  if (!Number.isInteger(n) || n < 12) return '';
  const years = Math.floor(n / 12);
  const rest = n % 12;
  return rest === 0 ? t('retention.periods.years', { count: years, years }) : t('retention.periods.yearsMonths', { years, months: rest });
}

/** What the periods never touch, and why. */
function NeverErased() {
  const { t } = useTranslation();
  const settings = useRequestSettings();
  const days = settings.data?.idCopyRetentionDays;
  return (
    <Alert color="gray" variant="light" icon={<IconInfoCircle aria-hidden />} title={t('retention.outside.title')} data-testid="retention-outside">
      <List size="sm" spacing={4}>
        <List.Item>{t('retention.outside.audit')}</List.Item>
        <List.Item>{days === undefined ? t('retention.outside.idCopiesDefault') : t('retention.outside.idCopies', { count: days })}</List.Item>
      </List>
    </Alert>
  );
}
