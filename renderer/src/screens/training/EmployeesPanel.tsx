// Per employee: the last training that counts and where it is recorded (a session or a statement), until when it
// counts, and who is untrained (over 12 months, or never); the officer takes people without an account off the list.
import { Alert, Anchor, Badge, Button, Card, Group, SegmentedControl, Stack, Text, VisuallyHidden } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { createColumnHelper, tableFeatures, useTable } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EmployeeFilter, EmployeeTraining, TrainingState } from '../../../../src-shared/api/training';
import { cellBadge } from '../../components/badge';
import { DataTable } from '../../components/DataTable';
import { formatDay } from '../../components/dates';
import { QueryError } from '../../components/QueryError';
import { LeftDialog } from './LeftDialog';
import { useEmployees } from './queries';

const features = tableFeatures({});
const helper = createColumnHelper<typeof features, EmployeeTraining>();
const noRows: EmployeeTraining[] = [];

export const stateColor: Record<TrainingState, string> = { current: 'teal', dueSoon: 'yellow', overdue: 'red', never: 'red' };

export function TrainingStateBadge({ state }: { state: TrainingState }) {
  const { t } = useTranslation();
  return (
    <Badge {...cellBadge} size="sm" color={stateColor[state]} variant={state === 'current' ? 'light' : 'filled'} data-state={state}>
      {t(`training.state.${state}`)}
    </Badge>
  );
}

export function EmployeesPanel({ filter, setFilter, canManage, onOpenSession }: { filter: EmployeeFilter; setFilter: (f: EmployeeFilter) => void; canManage: boolean; onOpenSession: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  const list = useEmployees(filter);
  const [leaving, setLeaving] = useState<EmployeeTraining | null>(null);
  const rows = list.data?.rows ?? noRows;
  const counts = list.data?.counts;
  const lang = i18n.language;

  const columns = useMemo(
    () =>
      helper.columns([
        helper.accessor('name', {
          header: () => t('training.employees.columns.person'),
          cell: ({ row }) => {
            const p = row.original;
            return (
              <Stack gap={0} miw={150}>
                <Text size="sm" fw={600}>
                  {p.name}
                </Text>
                <Text size="xs" c="dimmed">
                  {[p.department, p.role ? t(`roles.${p.role}`) : t('training.employees.noAccount')].filter(Boolean).join(' · ')}
                </Text>
              </Stack>
            );
          },
        }),
        helper.accessor('lastTrainedOn', {
          header: () => t('training.employees.columns.last'),
          cell: ({ row }) => {
            const p = row.original;
            if (!p.lastTrainedOn) return <Text size="sm" c="dimmed">{t('training.employees.noRecord')}</Text>;
            return (
              <Stack gap={0} maw={320}>
                <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                  {formatDay(p.lastTrainedOn, lang)}
                </Text>
                {p.session ? (
                  <Anchor component="button" type="button" size="xs" ta="left" onClick={() => onOpenSession(p.session!.id)} data-source="session">
                    {t('training.employees.fromSession', { number: p.session.number, topic: p.session.topic })}
                  </Anchor>
                ) : (
                  <Text size="xs" c="dimmed" data-source="statement">
                    {t('training.employees.fromStatement')}
                  </Text>
                )}
              </Stack>
            );
          },
        }),
        helper.accessor('dueOn', {
          header: () => t('training.employees.columns.due'),
          cell: ({ row }) => (
            <Text size="sm" style={{ whiteSpace: 'nowrap' }} c={!row.original.dueOn ? 'dimmed' : row.original.state === 'overdue' ? 'red.8' : undefined} fw={row.original.state === 'overdue' ? 600 : undefined}>
              {row.original.dueOn ? formatDay(row.original.dueOn, lang) : '—'}
            </Text>
          ),
        }),
        helper.accessor('state', {
          header: () => t('training.employees.columns.state'),
          cell: ({ row }) => (
            <Stack gap={4} align="flex-start">
              <TrainingStateBadge state={row.original.state} />
              {row.original.notPassed && (
                <Text size="xs" c="orange.8" maw={220}>
                  {t('training.employees.notPassed', { number: row.original.notPassed.number, date: formatDay(row.original.notPassed.heldOn, lang) })}
                </Text>
              )}
            </Stack>
          ),
        }),
        ...(canManage
          ? [
              helper.display({
                id: 'actions',
                header: () => <VisuallyHidden>{t('training.employees.columns.actions')}</VisuallyHidden>,
                cell: ({ row }) =>
                  row.original.accountId === null ? (
                    <Button size="compact-sm" variant="default" onClick={() => setLeaving(row.original)} aria-label={t('training.employees.leaveNamed', { name: row.original.name })}>
                      {t('training.employees.leave')}
                    </Button>
                  ) : null,
              }),
            ]
          : []),
      ]),
    [t, lang, canManage, onOpenSession],
  );
  const table = useTable({ features, columns, data: rows, getRowId: (row) => row.key });

  return (
    <Stack gap="md">
      <Group justify="space-between" align="center">
        <SegmentedControl
          value={filter}
          onChange={(v) => setFilter(v as EmployeeFilter)}
          aria-label={t('training.employees.filterLabel')}
          data-testid="employee-filter"
          data={[
            { value: 'all', label: counts ? t('training.employees.filters.allCount', { count: counts.all }) : t('training.employees.filters.all') },
            { value: 'untrained', label: counts ? t('training.employees.filters.untrainedCount', { count: counts.untrained }) : t('training.employees.filters.untrained') },
            { value: 'dueSoon', label: counts ? t('training.employees.filters.dueSoonCount', { count: counts.dueSoon }) : t('training.employees.filters.dueSoon') },
          ]}
        />
      </Group>
      <Text size="sm" c="dimmed" maw={760}>
        {t('training.employees.explain')}
      </Text>
      <QueryError error={list.error} />
      {counts && filter === 'untrained' && rows.length === 0 && (
        <Alert color="teal" variant="light" icon={<IconCircleCheck aria-hidden />} data-testid="nobody-untrained">
          {t('training.employees.nobodyUntrained')}
        </Alert>
      )}
      {counts && filter === 'untrained' && rows.length > 0 && (
        <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} py="xs">
          <Text size="sm">{t('training.employees.untrainedNote', { count: rows.length })}</Text>
        </Alert>
      )}
      <Card withBorder radius="md" padding={0}>
        <DataTable
          table={table}
          caption={t('training.tabs.employees')}
          testId="employees-table"
          empty={list.isPending ? t('common.loading') : t('training.employees.empty')}
          rowProps={(p) => ({ 'data-person': p.name, 'data-state': p.state, 'data-source': p.source ?? 'none' })}
        />
      </Card>
      <LeftDialog person={leaving} onClose={() => setLeaving(null)} />
    </Stack>
  );
}
