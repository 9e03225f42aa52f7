// The parts of a customer record as the core sent it (masked or in full): identity, contact, payments, orders, identifiers, feedback, provenance, history.
import { Badge, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerRecord } from '../../../../src-shared/customers';
import { cellBadge } from '../../components/badge';
import { formatDateTime, formatDay } from '../../components/dates';

export function Section({ id, title, children, action }: { id: string; title: string; children: ReactNode; action?: ReactNode }) {
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby={`section-${id}`} data-testid={`record-${id}`}>
      <Group justify="space-between" mb="sm" wrap="nowrap">
        <Title order={2} size="h4" id={`section-${id}`}>
          {title}
        </Title>
        {action}
      </Group>
      {children}
    </Card>
  );
}

function Field({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div" data-testid={testId} style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </Stack>
  );
}

function None() {
  const { t } = useTranslation();
  return (
    <Text size="sm" c="dimmed">
      {t('customerRecord.fields.none')}
    </Text>
  );
}

/** A small table of a record's list (orders, identifiers ...): the header row and one row per item. */
function ListTable({ head, rows, testId }: { head: string[]; rows: ReactNode[][]; testId: string }) {
  if (rows.length === 0) return <None />;
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table verticalSpacing={4} fz="sm" data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            {head.map((h) => (
              <Table.Th key={h} style={{ whiteSpace: 'nowrap' }}>
                {h}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((cells, i) => (
            <Table.Tr key={i}>
              {cells.map((c, j) => (
                <Table.Td key={j}>{c}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function IdentityAndContact({ record }: { record: CustomerRecord }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  // A masked date of birth is its year only.
  const birth = record.birthDate === null ? null : record.birthDate.length === 4 ? t('customerRecord.fields.birthYear', { year: record.birthDate }) : formatDay(record.birthDate, lang);
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      <Section id="identity" title={t('customerRecord.sections.identity')}>
        <SimpleGrid cols={2} spacing="sm">
          <Field label={t('customerRecord.fields.name')}>{record.name}</Field>
          <Field label={t('customerRecord.fields.nameKana')}>{record.nameKana}</Field>
          <Field label={t('customerRecord.fields.nameRomaji')}>{record.nameRomaji ?? '—'}</Field>
          <Field label={t('customerRecord.fields.birthDate')} testId="record-birth">
            {birth ?? '—'}
          </Field>
        </SimpleGrid>
      </Section>
      <Section id="contact" title={t('customerRecord.sections.contact')}>
        <Stack gap="sm">
          <SimpleGrid cols={2} spacing="sm">
            <Field label={t('customerRecord.fields.postalCode')} testId="record-postal">
              〒{record.postalCode}
            </Field>
            <Field label={t('customerRecord.fields.address')} testId="record-address">
              {record.prefecture}
              {record.city}
              {record.addressLine1 === null ? (
                <Text span size="xs" c="dimmed" ml={4}>
                  {t('customerRecord.fields.addressHidden')}
                </Text>
              ) : (
                <>
                  {record.addressLine1}
                  {record.addressLine2 && <> {record.addressLine2}</>}
                </>
              )}
            </Field>
          </SimpleGrid>
          <Field label={t('customerRecord.fields.phones')} testId="record-phones">
            {record.phones.length === 0 ? '—' : record.phones.map((p, i) => (
              <Group key={i} gap={6}>
                <Text span size="sm" ff="monospace">
                  {p.number}
                </Text>
                <Badge {...cellBadge} size="xs" variant="light" color="gray">
                  {t(`customerRecord.phoneKind.${p.kind}`, { defaultValue: p.kind })}
                </Badge>
              </Group>
            ))}
          </Field>
          <Field label={t('customerRecord.fields.emails')} testId="record-emails">
            {record.emails.length === 0 ? '—' : record.emails.map((e, i) => <div key={i}>{e.address}</div>)}
          </Field>
        </Stack>
      </Section>
    </SimpleGrid>
  );
}

export function PaymentSection({ record }: { record: CustomerRecord }) {
  const { t } = useTranslation();
  return (
    <Section id="payment" title={t('customerRecord.sections.payment')}>
      <ListTable
        testId="record-payment-table"
        head={[t('customerRecord.payment.brand'), t('customerRecord.payment.number'), t('customerRecord.payment.expiry')]}
        rows={record.paymentMethods.map((p) => [
          t(`customerForm.brands.${p.brand}`, { defaultValue: p.brand }),
          <Text key="n" span size="sm" ff="monospace">
            **** {p.last4}
          </Text>,
          p.expiry.replace('-', '/'),
        ])}
      />
      <Text size="xs" c="dimmed" mt="xs">
        {t('customerRecord.payment.noFullNumber')}
      </Text>
    </Section>
  );
}

/** Orders and online identifiers take the whole width: their tables have the most columns. */
export function OrdersSection({ record }: { record: CustomerRecord }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const yen = new Intl.NumberFormat(lang, { style: 'currency', currency: 'JPY' });
  return (
    <Section id="orders" title={t('customerRecord.sections.orders')}>
      <ListTable
        testId="record-orders-table"
        head={[t('customerRecord.orders.orderId'), t('customerRecord.orders.orderedOn'), t('customerRecord.orders.items'), t('customerRecord.orders.amount')]}
        rows={record.orders.map((o) => [
          <Text key="id" span size="sm" ff="monospace">
            {o.orderId}
          </Text>,
          formatDay(o.orderedOn, lang),
          o.items,
          yen.format(o.amount),
        ])}
      />
    </Section>
  );
}

export function IdentifiersSection({ record }: { record: CustomerRecord }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <Section id="identifiers" title={t('customerRecord.sections.identifiers')}>
      <ListTable
        testId="record-identifiers-table"
        head={[t('customerRecord.identifiers.kind'), t('customerRecord.identifiers.value'), t('customerRecord.identifiers.system'), t('customerRecord.identifiers.firstSeen'), t('customerRecord.identifiers.lastSeen')]}
        rows={record.identifiers.map((o) => [
          t(`customerRecord.identifierKind.${o.kind}`),
          <Text key="v" span size="sm" ff="monospace">
            {o.value}
          </Text>,
          o.system,
          formatDay(o.firstSeen, lang) || '—',
          formatDay(o.lastSeen, lang) || '—',
        ])}
      />
    </Section>
  );
}

export function FeedbackSection({ record }: { record: CustomerRecord }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <Section id="feedback" title={t('customerRecord.sections.feedback')}>
      {record.feedback.length === 0 ? (
        <None />
      ) : (
        <Stack gap="sm">
          {record.feedback.map((f, i) => (
            <Stack key={i} gap={2}>
              <Group gap={6}>
                <Badge {...cellBadge} size="xs" variant="light">
                  {t(`customerRecord.feedback.kind.${f.kind}`, { defaultValue: f.kind })}
                </Badge>
                <Text size="xs" c="dimmed">
                  {formatDay(f.receivedOn, lang)}
                </Text>
                {f.subject && (
                  <Text size="sm" fw={600}>
                    {f.subject}
                  </Text>
                )}
              </Group>
              <Text size="sm">{f.text}</Text>
            </Stack>
          ))}
        </Stack>
      )}
    </Section>
  );
}

export function ProvenanceAndHistory({ record }: { record: CustomerRecord }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const r = record.receipt;
  return (
    <Stack gap="md">
      <Section id="provenance" title={t('customerRecord.sections.provenance')}>
        <Stack gap="sm">
          <Text size="sm" fw={600}>
            {t(`customerRecord.provenance.${record.provenance}`)}
          </Text>
          {r && (
            <SimpleGrid cols={2} spacing="sm">
              <Field label={t('customerRecord.provenance.providerName')}>{r.providerName}</Field>
              <Field label={t('customerRecord.provenance.providerRepresentative')}>{r.providerRepresentative}</Field>
              <Field label={t('customerRecord.provenance.providerAddress')}>{r.providerAddress}</Field>
              <Field label={t('customerRecord.provenance.receivedOn')}>{formatDay(r.receivedOn, lang)}</Field>
              <Field label={t('customerRecord.provenance.obtainedHow')}>{r.obtainedHow}</Field>
              <Field label={t('customerRecord.provenance.items')}>{r.items}</Field>
              <Field label={t('customerRecord.provenance.keepUntil')}>{formatDay(r.keepUntil, lang)}</Field>
            </SimpleGrid>
          )}
        </Stack>
      </Section>
      <Section id="history" title={t('customerRecord.sections.history')}>
        <SimpleGrid cols={2} spacing="sm">
          <Field label={t('customerRecord.history.createdAt')}>{formatDateTime(record.createdAt, lang)}</Field>
          <Field label={t('customerRecord.history.updatedAt')}>{formatDateTime(record.updatedAt, lang)}</Field>
        </SimpleGrid>
        {record.history.length === 0 ? (
          <Text size="sm" c="dimmed" mt="sm">
            {t('customerRecord.history.empty')}
          </Text>
        ) : (
          <Table mt="sm" fz="sm" verticalSpacing={4} data-testid="customer-history">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('customerRecord.history.at')}</Table.Th>
                <Table.Th>{t('customerRecord.history.actor')}</Table.Th>
                <Table.Th>{t('customerRecord.history.action')}</Table.Th>
                <Table.Th>{t('customerRecord.history.fields')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {record.history.map((h, i) => (
                <Table.Tr key={`${h.at}-${i}`}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(h.at, lang)}</Table.Td>
                  <Table.Td>{h.actorName ?? h.actorId ?? '—'}</Table.Td>
                  <Table.Td>
                    {t(`customerRecord.history.actions.${h.action}`, { defaultValue: h.action })}
                    {h.requestId && (
                      <Text size="xs" c="dimmed">
                        {t('customerRecord.history.request', { id: h.requestId })}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs" ff="monospace">
                      {h.fields.join(', ')}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <Text size="xs" c="dimmed" mt="xs">
          {t('customerRecord.history.note')}
        </Text>
      </Section>
    </Stack>
  );
}
