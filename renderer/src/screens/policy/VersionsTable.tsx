// The policy's versions, newest first: posted and effective dates, who recorded it and when, the one in force marked.
import { Badge, Button, Group, Table, Text } from '@mantine/core';
import { IconArrowsLeftRight, IconBook, IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { PolicyVersionText } from '../../../../src-shared/registers';
import { cellBadge } from '../../components/badge';
import { formatDateTime, formatDay } from '../../components/dates';

export function VersionsTable({ versions, current, reading, onRead, onCompare }: {
  versions: PolicyVersionText[];
  current: number;
  reading: number | null;
  onRead: (version: number) => void;
  onCompare: (version: number) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const oldest = Math.min(...versions.map((v) => v.version));
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table verticalSpacing="xs" striped data-testid="policy-versions" aria-label={t('policyVersions.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('policyVersions.columns.version')}</Table.Th>
            <Table.Th>{t('policyVersions.columns.postedOn')}</Table.Th>
            <Table.Th>{t('policyVersions.columns.effectiveOn')}</Table.Th>
            <Table.Th>{t('policyVersions.columns.recorded')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {versions.map((v) => (
            <Table.Tr
              key={v.version}
              data-version={v.version}
              data-current={String(v.version === current)}
              style={v.version === current ? { boxShadow: 'inset 4px 0 0 var(--mantine-color-teal-filled)' } : undefined}
            >
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <Text fw={700} style={{ whiteSpace: 'nowrap' }}>
                    {t('policyVersions.version', { version: v.version })}
                  </Text>
                  {v.version === current && (
                    <Badge {...cellBadge} color="teal" variant="filled" leftSection={<IconCircleCheck size={12} aria-hidden />} data-testid="current-badge">
                      {t('policyVersions.current')}
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDay(v.postedOn, lang)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDay(v.effectiveOn, lang)}</Table.Td>
              <Table.Td>
                <Text size="sm">{v.recordedByName ?? t('policyVersions.seed')}</Text>
                {/* The seeded first version has no person and no moment of its own to show. */}
                {v.recordedByName !== null && (
                  <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                    {formatDateTime(v.recordedAt, lang)}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Group gap="xs" justify="flex-end" wrap="nowrap">
                  <Button
                    size="xs"
                    variant={reading === v.version ? 'filled' : 'light'}
                    leftSection={<IconBook size={14} aria-hidden />}
                    onClick={() => onRead(v.version)}
                    aria-pressed={reading === v.version}
                    aria-label={t('policyVersions.readVersion', { version: v.version })}
                  >
                    {t('policyVersions.read')}
                  </Button>
                  {v.version !== oldest && (
                    <Button size="xs" variant="default" leftSection={<IconArrowsLeftRight size={14} aria-hidden />} onClick={() => onCompare(v.version)} aria-label={t('policyVersions.compareVersion', { version: v.version })}>
                      {t('policyVersions.compareWithPrevious')}
                    </Button>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
