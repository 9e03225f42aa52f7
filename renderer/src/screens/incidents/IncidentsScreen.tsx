// 漏えい等事案 (the leak incident register, APPI Art. 26): open incidents with their countdowns; an incident opens in place.
import { Button, Card, EmptyState, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconAlertOctagon, IconPlus } from '@tabler/icons-react';
import { useCallback, useState } from 'react';
import { useRouteParams } from '../../app/navigate';
import { incidentFilterFrom, openedFrom } from '../home/links';
import { useTranslation } from 'react-i18next';
import type { IncidentState } from '../../../../src-shared/registers';
import { useSession } from '../../app/session';
import { QueryError } from '../../components/QueryError';
import { ScreenTitle } from '../../components/ScreenTitle';
import { IncidentForm } from './IncidentForm';
import { IncidentTable } from './IncidentTable';
import { IncidentView } from './IncidentView';
import { useIncidentList } from './queries';

type Filter = IncidentState | 'all';
type Shown = { kind: 'register' } | { kind: 'new' } | { kind: 'incident'; id: string };

export function IncidentsScreen() {
  const params = useRouteParams();
  const [shown, setShown] = useState<Shown>(() => {
    const id = openedFrom(params);
    return id ? { kind: 'incident', id } : { kind: 'register' };
  });
  // The filter outlives the incident opened from it.
  const [filter, setFilter] = useState<Filter>(() => incidentFilterFrom(params));
  const back = useCallback(() => setShown({ kind: 'register' }), []);
  const open = useCallback((id: string) => setShown({ kind: 'incident', id }), []);
  if (shown.kind === 'incident') return <IncidentView key={shown.id} id={shown.id} onBack={back} />;
  if (shown.kind === 'new') return <IncidentForm onCreated={open} onCancel={back} />;
  return <IncidentRegister filter={filter} setFilter={setFilter} onOpen={open} onNew={() => setShown({ kind: 'new' })} />;
}

function IncidentRegister({ filter, setFilter, onOpen, onNew }: { filter: Filter; setFilter: (f: Filter) => void; onOpen: (id: string) => void; onNew: () => void }) {
  const { t } = useTranslation();
  const session = useSession();
  const list = useIncidentList(filter === 'all' ? undefined : filter);
  const canWrite = session.permissions.includes('incidents.write');
  const rows = list.data?.rows ?? [];
  const nothingYet = list.data !== undefined && rows.length === 0 && filter === 'open';
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <ScreenTitle title={t('incidents.title')} intro={t('incidents.intro')} />
        {canWrite && (
          <Button color="red" leftSection={<IconPlus size={18} aria-hidden />} onClick={onNew}>
            {t('incidents.record')}
          </Button>
        )}
      </Group>
      <Group justify="space-between" align="center">
        <SegmentedControl
          value={filter}
          onChange={(v) => setFilter(v as Filter)}
          data={[
            { value: 'open', label: t('incidents.filters.open') },
            { value: 'closed', label: t('incidents.filters.closed') },
            { value: 'all', label: t('incidents.filters.all') },
          ]}
          aria-label={t('incidents.filters.label')}
          data-testid="incident-filter"
        />
        <Text size="sm" fw={600} data-testid="incident-count" aria-live="polite">
          {list.data ? t('incidents.count', { count: rows.length }) : '\u00a0'}
        </Text>
      </Group>
      <QueryError error={list.error} />
      {nothingYet ? (
        <Card withBorder radius="md" padding="xl">
          <EmptyState
            icon={<IconAlertOctagon size={28} aria-hidden />}
            variant="light"
            title={t('incidents.emptyTitle')}
            description={canWrite ? t('incidents.emptyNext') : t('incidents.emptyNextReadOnly')}
            data-testid="incidents-empty"
          />
        </Card>
      ) : (
        <Card withBorder radius="md" padding={0}>
          <IncidentTable rows={rows} onOpen={onOpen} empty={list.isPending ? t('common.loading') : t('incidents.emptyFiltered')} />
        </Card>
      )}
    </Stack>
  );
}
