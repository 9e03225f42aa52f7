// 第三者提供の記録 (the provision register, APPI Art. 29): filters, the records, export for an auditor; recording a
// provision and opening one happen in place, so the filters outlive them.
import { Button, Card, EmptyState, Group, Pagination, Select, Stack, Text } from '@mantine/core';
import { IconPlus, IconShare } from '@tabler/icons-react';
import { useCallback, useState } from 'react';
import { useRouteParams } from '../../app/navigate';
import { provisionStateFrom } from '../home/links';
import { useTranslation } from 'react-i18next';
import type { ProvisionState } from '../../../../src-shared/registers';
import { useSession } from '../../app/session';
import { QueryError } from '../../components/QueryError';
import { ScreenTitle } from '../../components/ScreenTitle';
import { StatementRequired, statementRequired } from '../customers/StatementRequired';
import { ExportButtons } from './ExportButtons';
import { ProvisionTable } from './ProvisionTable';
import { ProvisionView } from './ProvisionView';
import { useProvisionList } from './queries';
import { RecordProvision } from './RecordProvision';
import { filterInput, isFiltered, noFilters, RegisterFilterFields, type PeriodFilters } from './RegisterFilters';

const provisionStates = ['awaitingApproval', 'recorded', 'rejected'] as const;
type Filters = PeriodFilters & { state: ProvisionState | null; page: number };
type Mode = { kind: 'register' } | { kind: 'new' } | { kind: 'view'; id: string };

const pageSize = 50;

export function ProvisionsScreen() {
  const [mode, setMode] = useState<Mode>({ kind: 'register' });
  const params = useRouteParams();
  const [filters, setFilters] = useState<Filters>(() => ({ ...noFilters, state: provisionStateFrom(params), page: 0 }));
  const back = useCallback(() => setMode({ kind: 'register' }), []);
  if (mode.kind === 'view') return <ProvisionView key={mode.id} id={mode.id} onBack={back} />;
  if (mode.kind === 'new') return <RecordProvision onCancel={back} onRecorded={(id) => setMode({ kind: 'view', id })} />;
  return <ProvisionRegister filters={filters} setFilters={setFilters} onOpen={(id) => setMode({ kind: 'view', id })} onNew={() => setMode({ kind: 'new' })} />;
}

function ProvisionRegister({ filters, setFilters, onOpen, onNew }: { filters: Filters; setFilters: (f: Filters) => void; onOpen: (id: string) => void; onNew: () => void }) {
  const { t } = useTranslation();
  const session = useSession();
  const period = filterInput(filters);
  const list = useProvisionList({ ...period, ...(filters.state ? { state: filters.state } : {}), page: filters.page, pageSize });
  const set = (change: Partial<Filters>) => setFilters({ ...filters, page: 0, ...change });

  const refused = statementRequired(list.error);
  if (refused) return <StatementRequired error={refused} />;

  const canWrite = session.permissions.includes('provisions.write');
  const data = list.data;
  const filtered = isFiltered(filters) || filters.state !== null;
  const nothingYet = data !== undefined && data.total === 0 && !filtered;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <ScreenTitle title={t('provisions.title')} intro={t('provisions.intro')} />
        {canWrite && (
          <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={onNew}>
            {t('provisions.record')}
          </Button>
        )}
      </Group>
      <Group align="flex-end" gap="md">
        <RegisterFilterFields filters={filters} onChange={set} partnerLabel={t('provisions.filters.partner')} />
        <Select
          label={t('provisions.filters.state')}
          value={filters.state ?? 'all'}
          onChange={(v) => set({ state: v && v !== 'all' ? (v as ProvisionState) : null })}
          allowDeselect={false}
          data={[{ value: 'all', label: t('provisions.filters.allStates') }, ...provisionStates.map((s) => ({ value: s, label: t(`provisions.states.${s}`) }))]}
          w={170}
          data-testid="filter-state"
        />
      </Group>
      <QueryError error={list.error} />
      <Group justify="space-between" align="flex-start">
        <Text size="sm" fw={600} data-testid="provision-count" aria-live="polite">
          {data ? t('provisions.count', { count: data.total }) : '\u00a0'}
        </Text>
        {!nothingYet && <ExportButtons register="provisions" filters={period} />}
      </Group>
      {nothingYet ? (
        <Card withBorder radius="md" padding="xl">
          <EmptyState icon={<IconShare size={28} aria-hidden />} variant="light" title={t('provisions.emptyTitle')} description={canWrite ? t('provisions.emptyNext') : t('provisions.emptyNextReadOnly')} data-testid="provisions-empty">
            {canWrite && (
              <EmptyState.Actions>
                <Button variant="light" leftSection={<IconPlus size={16} aria-hidden />} onClick={onNew}>
                  {t('provisions.record')}
                </Button>
              </EmptyState.Actions>
            )}
          </EmptyState>
        </Card>
      ) : (
        <Card withBorder radius="md" padding={0}>
          <ProvisionTable rows={data?.rows ?? []} onOpen={onOpen} empty={list.isPending ? t('common.loading') : t('provisions.emptyFiltered')} />
        </Card>
      )}
      {data && data.total > pageSize && (
        <Group justify="center">
          <Pagination total={Math.ceil(data.total / pageSize)} value={filters.page + 1} onChange={(p) => setFilters({ ...filters, page: p - 1 })} />
        </Group>
      )}
    </Stack>
  );
}
