// One provision record as APPI Art. 29 and rules Art. 20 want it: the fact of consent or the exception and why, the
import { useBackOnEscape } from '../../app/useBackOnEscape';
// recipient, the persons (by customer number), the items, the date or period, who recorded and who decided; and, for
// an exception waiting, the officer's decision.
import { Alert, Button, Card, Center, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconX } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProvisionDetail } from '../../../../src-shared/registers';
import { formatDateTime, formatDay } from '../../components/dates';
import { QueryError } from '../../components/QueryError';
import { StatementRequired, statementRequired } from '../customers/StatementRequired';
import { countryLabel, isAbroad } from '../partners/countries';
import { AbroadBadge } from '../partners/PartnerTable';
import { CustomerNumbers, ExcludedTable } from './CheckResult';
import { ExceptionDecision } from './ExceptionDecision';
import { BasisBadge, isException, ProvidedOn, ProvisionStateBadge } from './labels';
import { useProvision } from './queries';

export function ProvisionView({ id, onBack }: { id: string; onBack: () => void }) {
  useBackOnEscape(onBack);
  const { t } = useTranslation();
  const provision = useProvision(id);
  const refused = statementRequired(provision.error);
  if (refused) return <StatementRequired error={refused} />;
  const p = provision.data;
  return (
    <Stack gap="md" data-testid="provision-view" data-number={p?.number} data-state={p?.state}>
      <Group>
        <Button variant="subtle" leftSection={<IconArrowLeft size={16} aria-hidden />} onClick={onBack} px={4}>
          {t('provisionView.back')}
        </Button>
      </Group>
      <QueryError error={provision.error} />
      {!p && provision.isPending && (
        <Center py="xl">
          <Group gap="sm" role="status">
            <Loader size="sm" aria-hidden />
            <Text size="sm">{t('common.loading')}</Text>
          </Group>
        </Center>
      )}
      {p && <ProvisionBody provision={p} />}
    </Stack>
  );
}

function Field({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div" data-testid={testId} style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
        {children}
      </Text>
    </Stack>
  );
}

function ProvisionBody({ provision: p }: { provision: ProvisionDetail }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const exception = isException(p.basis);
  return (
    <>
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <Text size="sm" c="dimmed">
            {t('provisionView.kicker')}
          </Text>
          <Group gap="sm">
            <Title order={1} size="h2" ff="monospace">
              {p.number}
            </Title>
            <ProvisionStateBadge state={p.state} size="lg" />
          </Group>
        </Stack>
      </Group>
      {p.state === 'rejected' && (
        <Alert color="red" variant="light" icon={<IconX aria-hidden />} title={t('provisionView.rejectedTitle', { name: p.decidedByName ?? '—', at: formatDateTime(p.decidedAt, lang) })} data-testid="rejection">
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {p.rejectionReason}
          </Text>
        </Alert>
      )}
      {p.state === 'awaitingApproval' && <ExceptionDecision provision={p} />}
      <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="provision-facts">
        <Title order={2} size="h4" mb="sm" id="provision-facts">
          {t('provisionView.facts')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
          <Field label={t('provisions.columns.partner')} testId="view-partner">
            <Group gap={6}>
              <Text size="sm" fw={600}>
                {p.partnerName}
              </Text>
              <Text size="sm" c="dimmed">
                {countryLabel(p.partnerCountry, lang)}
              </Text>
              {isAbroad(p.partnerCountry) && <AbroadBadge />}
            </Group>
          </Field>
          <Field label={p.combined ? t('provisionView.period') : t('provisions.columns.providedOn')}>
            <ProvidedOn row={p} />
          </Field>
          <Field label={t('provisions.columns.basis')} testId="view-basis">
            <Stack gap={4} align="flex-start">
              <BasisBadge basis={p.basis} />
              <Text size="xs" c="dimmed">
                {t(`provisions.basesPolicy.${p.basis}`)}
              </Text>
            </Stack>
          </Field>
          <Field label={t('recordProvision.items')}>{p.items}</Field>
          <Field label={t('provisionView.recorded')}>{t('provisionView.byAt', { name: p.recordedByName ?? '—', at: formatDateTime(p.recordedAt, lang) })}</Field>
          <Field label={t('provisionView.keepUntil')}>{t(p.combined ? 'provisionView.keepUntilCombined' : 'provisionView.keepUntilSingle', { on: formatDay(p.keepUntil, lang) })}</Field>
          {p.state === 'recorded' && p.decidedAt && <Field label={t('provisionView.approved')}>{t('provisionView.byAt', { name: p.decidedByName ?? '—', at: formatDateTime(p.decidedAt, lang) })}</Field>}
        </SimpleGrid>
        {exception && (
          <Stack gap={4} mt="md">
            <Text size="xs" c="dimmed">
              {t('recordProvision.justification')}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="view-justification">
              {p.justification}
            </Text>
          </Stack>
        )}
      </Card>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="provision-customers">
          <Title order={2} size="h4" mb="sm" id="provision-customers" data-testid="view-customer-count">
            {t('provisionView.customers', { count: p.customers.length })}
          </Title>
          <Text size="xs" c="dimmed" mb="sm">
            {t(p.basis === 'consent' ? 'provisionView.customersConsentHint' : 'provisionView.customersExceptionHint')}
          </Text>
          <CustomerNumbers numbers={p.customers.map((c) => c.customerNo)} testId="view-customers" />
        </Card>
        <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="provision-excluded">
          <Title order={2} size="h4" mb="sm" id="provision-excluded" c={p.excluded.length > 0 ? 'red.8' : undefined}>
            {t('provisionView.excluded', { count: p.excluded.length })}
          </Title>
          {p.excluded.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('recordProvision.check.noneExcluded')}
            </Text>
          ) : (
            <>
              <Text size="xs" c="dimmed" mb="sm">
                {t('provisionView.excludedHint')}
              </Text>
              <ExcludedTable excluded={p.excluded} testId="view-excluded" />
            </>
          )}
        </Card>
      </SimpleGrid>
    </>
  );
}
