// The parts of a ledger entry's view: its count with where it comes from, its yearly review with the confirmations,
// and what the ledger records about the data.
import { Anchor, Badge, Card, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { LedgerEntry, LedgerPartnerRef } from '../../../../src-shared/api/ledger';
import { cellBadge } from '../../components/badge';
import { formatDateTime, formatDay } from '../../components/dates';
import { useNavigate } from '../../app/navigate';
import { localDayOf, peopleText, ReviewBadge } from './labels';

function SectionCard({ title, children, testId }: { title: string; children: ReactNode; testId: string }) {
  return (
    <Card withBorder radius="md" padding="lg" data-testid={testId} component="section" aria-label={title}>
      <Stack gap="sm">
        <Title order={2} size="h4">
          {title}
        </Title>
        {children}
      </Stack>
    </Card>
  );
}

export function CountSection({ entry }: { entry: LedgerEntry }) {
  const { t, i18n } = useTranslation();
  const c = entry.count;
  return (
    <SectionCard title={t('ledgerView.countTitle')} testId="ledger-count-section">
      <Text fz={32} fw={700} lh={1.1} data-testid="ledger-people" data-source={c.source ?? 'typed'}>
        {peopleText(t, c.people, i18n.language)}
      </Text>
      <Text size="sm" c="dimmed" data-testid="ledger-count-note">
        {c.source
          ? t('ledgerView.countLiveNote', { source: t(`ledger.sources.${c.source}`), time: formatDateTime(c.asOf, i18n.language) })
          : t('ledgerView.countTypedNote', { day: formatDay(c.asOf, i18n.language) })}
      </Text>
    </SectionCard>
  );
}

export function ReviewSection({ entry }: { entry: LedgerEntry }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const v = entry.review;
  return (
    <SectionCard title={t('ledgerView.reviewTitle')} testId="ledger-review-section">
      <Text size="xs" c="dimmed">
        {t('ledgerView.reviewRule')}
      </Text>
      <Stack gap={4} data-testid="ledger-last-review" data-basis={v.basis}>
        {v.basis === 'confirmed' && (
          <Text size="sm">
            {t('ledgerView.lastConfirmed')}: {t('ledgerView.confirmedBy', { time: formatDateTime(v.lastConfirmedAt, lang), name: v.lastConfirmedByName ?? '—' })}
          </Text>
        )}
        {v.paperReviewedOn && (
          <Text size="sm" c={v.basis === 'paper' ? undefined : 'dimmed'}>
            {t('ledgerView.paperReview', { day: formatDay(v.paperReviewedOn, lang), name: v.paperReviewedBy ?? '' })}
          </Text>
        )}
        {v.basis === 'registered' && <Text size="sm">{t('ledgerView.neverConfirmed', { day: formatDay(localDayOf(entry.createdAt), lang) })}</Text>}
        {!entry.retiredOn && (
          <Group gap="xs">
            <Text size="sm" fw={600} c={v.overdue ? 'red.8' : undefined} data-testid="ledger-due-on">
              {t('ledgerView.dueOn', { day: formatDay(v.dueOn, lang) })}
            </Text>
            <ReviewBadge row={entry} />
          </Group>
        )}
        {entry.changedSinceConfirmed && !entry.retiredOn && (
          <Text size="xs" c="orange.9">
            {t('ledgerView.changedNote')}
          </Text>
        )}
      </Stack>
      <Text size="sm" fw={600} mt="xs">
        {t('ledgerView.history')}
      </Text>
      {entry.confirmations.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('ledgerView.noHistory')}
        </Text>
      ) : (
        <List size="sm" spacing={2} data-testid="ledger-confirmations">
          {entry.confirmations.map((c) => (
            <List.Item key={c.at}>
              {t('ledgerView.confirmedBy', { time: formatDateTime(c.at, lang), name: c.byName ?? '—' })}
              {c.note && (
                <Text span size="xs" c="dimmed">
                  {' '}— {c.note}
                </Text>
              )}
            </List.Item>
          ))}
        </List>
      )}
      <Text size="xs" c="dimmed">
        {t('ledgerView.registered', { time: formatDateTime(entry.createdAt, lang), name: entry.createdByName ?? '—' })}
      </Text>
    </SectionCard>
  );
}

function Partners({ partners }: { partners: LedgerPartnerRef[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  if (partners.length === 0) return <Text size="sm" c="dimmed">{t('ledgerView.none')}</Text>;
  return (
    <Group gap={6}>
      {partners.map((p) => (
        <Group key={p.id} gap={4} wrap="nowrap">
          <Anchor component="button" type="button" size="sm" onClick={() => navigate('partners')}>
            {p.name}
          </Anchor>
          {p.endedOn && (
            <Badge {...cellBadge} size="xs" color="gray" variant="light">
              {t('ledgerView.ended')}
            </Badge>
          )}
        </Group>
      ))}
    </Group>
  );
}

export function DetailsSection({ entry }: { entry: LedgerEntry }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const rows: [string, ReactNode][] = [
    [
      t('ledgerView.items'),
      <Group key="items" gap={4}>
        {entry.items.map((item) => (
          <Badge key={item} {...cellBadge} variant="light" color="gray" size="md" fw={500}>
            {item}
          </Badge>
        ))}
      </Group>,
    ],
    [
      t('ledgerView.purposes'),
      entry.purposes.length > 0 ? (
        <List size="sm" spacing={2}>
          {entry.purposes.map((p) => (
            <List.Item key={p.id}>
              {p.id} {en ? p.titleEn : p.titleJa}
            </List.Item>
          ))}
        </List>
      ) : (
        <Text size="sm" c="dimmed">{t('ledgerView.none')}</Text>
      ),
    ],
    ...(entry.otherPurposes ? ([[t('ledgerView.otherPurposes'), entry.otherPurposes]] as [string, ReactNode][]) : []),
    [t('ledgerView.obtainedHow'), entry.obtainedHow],
    [t('ledgerView.responsible'), `${entry.department}　${entry.responsible}`],
    [t('ledgerView.storage'), `${t(`ledger.storage.${entry.storageKind}`)}: ${entry.storagePlace}`],
    [t('ledgerView.access'), entry.access],
    [t('ledgerView.retention'), entry.retention],
    [t('ledgerView.disposal'), entry.disposal],
    [t('ledgerView.outsourcees'), <Partners key="o" partners={entry.outsourcees} />],
    [t('ledgerView.recipients'), <Partners key="r" partners={entry.recipients} />],
    [t('ledgerView.disclosable'), entry.disclosable ? t('ledgerView.disclosableYes') : t('ledgerView.disclosableNo')],
    [t('ledgerView.specialCare'), entry.specialCare ? t('ledgerView.specialCareYes') : t('ledgerView.specialCareNo')],
  ];
  return (
    <SectionCard title={t('ledgerView.details')} testId="ledger-details">
      <Table variant="vertical" layout="fixed" withTableBorder={false} verticalSpacing="xs">
        <Table.Tbody>
          {rows.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th w={200} style={{ verticalAlign: 'top' }}>
                {label}
              </Table.Th>
              <Table.Td style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{typeof value === 'string' ? <Text size="sm">{value}</Text> : value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </SectionCard>
  );
}
