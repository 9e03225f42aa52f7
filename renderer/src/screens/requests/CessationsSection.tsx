// On a customer's record: the cessations in force (APPI Art. 35) that requests brought about, which every list, export and provision check obeys.
import { Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CustomerRecord, Purpose } from '../../../../src-shared/customers';
import { cellBadge } from '../../components/badge';
import { formatDay, localDay } from '../../components/dates';
import { Section } from '../customers/RecordSections';

/** `since` is an instant: the day is this machine's (Japan's), not UTC's. */
export function CessationsSection({ record, purposes }: { record: CustomerRecord; purposes: Purpose[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const cessations = record.cessations ?? [];
  if (cessations.length === 0) return null;
  const purposeName = (id: string | null) => {
    const p = purposes.find((x) => x.id === id);
    return p ? `${p.id} ${lang === 'en' ? p.titleEn : p.titleJa}` : (id ?? '');
  };
  return (
    <Section id="cessations" title={t('customerRecord.sections.cessations')}>
      <Table.ScrollContainer minWidth={480}>
        <Table verticalSpacing={4} fz="sm" data-testid="record-cessations-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('customerRecord.cessations.scope')}</Table.Th>
              <Table.Th>{t('customerRecord.cessations.since')}</Table.Th>
              <Table.Th>{t('customerRecord.cessations.request')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {cessations.map((c, i) => (
              <Table.Tr key={i} data-scope={c.scope}>
                <Table.Td>
                  <Badge {...cellBadge} color="red" variant="light">
                    {c.scope === 'purpose' ? t('customerRecord.cessations.purpose', { purpose: purposeName(c.purposeId) }) : t(`customerRecord.cessations.scopes.${c.scope}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>{formatDay(c.since.includes('T') ? localDay(new Date(c.since)) : c.since, lang)}</Table.Td>
                <Table.Td>{c.requestId ? t('customerRecord.cessations.byRequest') : '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Text size="xs" c="dimmed" mt="xs">
        {t('customerRecord.cessations.note')}
      </Text>
    </Section>
  );
}
