// The sessions held, newest first: number and day, topic and trainer, attendance, the test's results, the material.
import { Badge, Button, Card, EmptyState, Group, Stack, Text } from '@mantine/core';
import { IconFileText, IconPlus, IconSchool } from '@tabler/icons-react';
import { createColumnHelper, tableFeatures, useTable } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TrainingSessionRow } from '../../../../src-shared/api/training';
import { cellBadge } from '../../components/badge';
import { DataTable } from '../../components/DataTable';
import { formatDay } from '../../components/dates';
import { QueryError } from '../../components/QueryError';
import { fileSize } from './material-file';
import { useSessions } from './queries';

const features = tableFeatures({});
const helper = createColumnHelper<typeof features, TrainingSessionRow>();
const noRows: TrainingSessionRow[] = [];

export function SessionsPanel({ canManage, onOpen, onNew }: { canManage: boolean; onOpen: (id: string) => void; onNew: () => void }) {
  const { t, i18n } = useTranslation();
  const sessions = useSessions();
  const rows = sessions.data?.rows ?? noRows;
  const lang = i18n.language;

  const columns = useMemo(
    () =>
      helper.columns([
        helper.accessor('heldOn', {
          header: () => t('training.sessions.columns.held'),
          cell: ({ row }) => (
            <Stack gap={0}>
              <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
                {formatDay(row.original.heldOn, lang)}
              </Text>
              <Text size="xs" c="dimmed" ff="monospace">
                {row.original.number}
              </Text>
            </Stack>
          ),
        }),
        helper.accessor('topic', {
          header: () => t('training.sessions.columns.topic'),
          cell: ({ row }) => (
            <Stack gap={0} miw={220}>
              <Text size="sm" fw={600}>
                {row.original.topic}
              </Text>
              <Text size="xs" c="dimmed">
                {t('training.sessions.trainer', { name: row.original.trainer })}
              </Text>
            </Stack>
          ),
        }),
        helper.accessor('attendeeCount', {
          header: () => t('training.sessions.columns.attendees'),
          cell: ({ getValue }) => (
            <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
              {t('training.sessions.people', { count: getValue() })}
            </Text>
          ),
        }),
        helper.display({
          id: 'test',
          header: () => t('training.sessions.columns.test'),
          cell: ({ row }) => {
            const { passMark, passedCount, attendeeCount } = row.original;
            if (passMark === null) return <Text size="sm" c="dimmed">{t('training.sessions.noTest')}</Text>;
            const all = passedCount === attendeeCount;
            return (
              <Stack gap={2} align="flex-start">
                <Badge {...cellBadge} size="sm" variant="light" color={all ? 'teal' : 'orange'}>
                  {t('training.sessions.passed', { passed: passedCount, count: attendeeCount })}
                </Badge>
                <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                  {t('training.sessions.passMark', { mark: passMark })}
                </Text>
              </Stack>
            );
          },
        }),
        helper.accessor('material', {
          header: () => t('training.sessions.columns.material'),
          cell: ({ getValue }) => {
            const material = getValue();
            if (!material) return <Text size="sm" c="dimmed">{t('training.sessions.noMaterial')}</Text>;
            return (
              <Group gap={6} wrap="nowrap" maw={240}>
                <IconFileText size={16} aria-hidden style={{ flexShrink: 0 }} />
                <Stack gap={0} style={{ minWidth: 0 }}>
                  <Text size="sm" truncate="end" title={material.fileName}>
                    {material.fileName}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {fileSize(material.bytes, lang)}
                  </Text>
                </Stack>
              </Group>
            );
          },
        }),
        helper.display({
          id: 'open',
          header: () => t('training.sessions.columns.actions'),
          cell: ({ row }) => (
            <Button size="compact-sm" variant="light" onClick={() => onOpen(row.original.id)} aria-label={t('training.sessions.openNamed', { number: row.original.number })}>
              {t('training.sessions.open')}
            </Button>
          ),
        }),
      ]),
    [t, lang, onOpen],
  );
  const table = useTable({ features, columns, data: rows, getRowId: (row) => row.id });

  return (
    <Stack gap="md">
      <QueryError error={sessions.error} />
      <Text size="sm" fw={600} data-testid="session-count" aria-live="polite">
        {sessions.data ? t('training.sessions.count', { count: rows.length }) : '\u00a0'}
      </Text>
      {sessions.data && rows.length === 0 ? (
        <Card withBorder radius="md" padding="xl">
          <EmptyState
            icon={<IconSchool size={28} aria-hidden />}
            variant="light"
            title={t('training.sessions.emptyTitle')}
            description={canManage ? t('training.sessions.emptyNext') : t('training.sessions.emptyNextReadOnly')}
            data-testid="sessions-empty"
          >
            {canManage && (
              <EmptyState.Actions>
                <Button variant="light" leftSection={<IconPlus size={16} aria-hidden />} onClick={onNew}>
                  {t('training.record')}
                </Button>
              </EmptyState.Actions>
            )}
          </EmptyState>
        </Card>
      ) : (
        <Card withBorder radius="md" padding={0}>
          <DataTable table={table} caption={t('training.tabs.sessions')} testId="sessions-table" empty={t('common.loading')} rowProps={(s) => ({ 'data-number': s.number, 'data-topic': s.topic })} />
        </Card>
      )}
    </Stack>
  );
}
