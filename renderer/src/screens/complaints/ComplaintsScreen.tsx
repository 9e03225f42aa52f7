// 苦情・相談 (complaints and consultations, APPI Art. 40): the register with its countdowns; a complaint, the request or
// incident it led to, and the forms that register them open in place. `complaints?show=overdue` opens the list filtered,
// `complaints?open=<id>` opens one complaint (the link back from a request or an incident).
import { Button, Card, EmptyState, Group, Pagination, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { IconMessagePlus, IconMessageReport } from '@tabler/icons-react';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { complaintKinds, complaintShows, type ComplaintKind, type ComplaintShow } from '../../../../src-shared/api/complaints';
import { useNavigate, useRouteParams } from '../../app/navigate';
import { useSession } from '../../app/session';
import { QueryError } from '../../components/QueryError';
import { ScreenTitle } from '../../components/ScreenTitle';
import { StatementRequired, statementRequired } from '../customers/StatementRequired';
import { IncidentView } from '../incidents/IncidentView';
import { RequestView } from '../requests/RequestView';
import { ComplaintForm } from './ComplaintForm';
import { ComplaintTable } from './ComplaintTable';
import { ComplaintView } from './ComplaintView';
import { IncidentFromComplaint } from './IncidentFromComplaint';
import { useComplaintList } from './queries';
import { RequestFromComplaint } from './RequestFromComplaint';
import { DueDaysSetting } from './DueDaysSetting';

export type Shown =
  | { kind: 'register' }
  | { kind: 'new' }
  | { kind: 'complaint'; id: string }
  | { kind: 'request'; id: string }
  | { kind: 'incident'; id: string }
  | { kind: 'newRequest'; from: string }
  | { kind: 'newIncident'; from: string };

interface Filters {
  show: ComplaintShow;
  kind: ComplaintKind | null;
  page: number;
}

const pageSize = 50;

export function ComplaintsScreen() {
  const params = useRouteParams();
  const navigate = useNavigate();
  const asked = params.get('show');
  const opened = params.get('open');
  const [shown, setShown] = useState<Shown>(opened ? { kind: 'complaint', id: opened } : { kind: 'register' });
  // The filters outlive the complaint opened from them.
  const [filters, setFilters] = useState<Filters>({ show: complaintShows.includes(asked as ComplaintShow) ? (asked as ComplaintShow) : 'open', kind: null, page: 0 });
  const toRegister = useCallback(() => setShown({ kind: 'register' }), []);
  const openComplaint = useCallback((id: string) => setShown({ kind: 'complaint', id }), []);
  switch (shown.kind) {
    case 'new':
      return <ComplaintForm onSaved={openComplaint} onCancel={toRegister} />;
    case 'complaint':
      return <ComplaintView key={shown.id} id={shown.id} onBack={toRegister} show={setShown} />;
    // The request's and the incident's own views, whose back buttons lead to their registers; the banner "苦情 C-… から"
    // on them leads back to the complaint.
    case 'request':
      return <RequestView key={shown.id} id={shown.id} onBack={() => navigate('requests')} onOpen={(id) => setShown({ kind: 'request', id })} />;
    case 'incident':
      return <IncidentView key={shown.id} id={shown.id} onBack={() => navigate('incidents')} />;
    case 'newRequest':
      return <RequestFromComplaint complaintId={shown.from} onDone={() => openComplaint(shown.from)} />;
    case 'newIncident':
      return <IncidentFromComplaint complaintId={shown.from} onDone={() => openComplaint(shown.from)} />;
    case 'register':
      return <ComplaintRegister filters={filters} setFilters={setFilters} onOpen={openComplaint} onNew={() => setShown({ kind: 'new' })} />;
  }
}

function ComplaintRegister({ filters, setFilters, onOpen, onNew }: { filters: Filters; setFilters: (f: Filters) => void; onOpen: (id: string) => void; onNew: () => void }) {
  const { t } = useTranslation();
  const session = useSession();
  const list = useComplaintList({ show: filters.show, kind: filters.kind ?? undefined, page: filters.page, pageSize });
  const refused = statementRequired(list.error);
  if (refused) return <StatementRequired error={refused} />;
  const canWrite = session.permissions.includes('complaints.write');
  const set = (change: Partial<Filters>) => setFilters({ ...filters, page: 0, ...change });
  const data = list.data;
  const filtered = filters.show !== 'open' || filters.kind !== null;
  // Nothing open and nothing filtered: say what to do next instead of drawing an empty table.
  const nothingYet = data !== undefined && data.total === 0 && !filtered;
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <ScreenTitle title={t('complaints.title')} intro={t('complaints.intro')} />
        {canWrite && (
          <Button leftSection={<IconMessagePlus size={18} aria-hidden />} onClick={onNew}>
            {t('complaints.record')}
          </Button>
        )}
      </Group>
      <Group justify="space-between" align="flex-end" gap="md">
        <Group align="flex-end" gap="md">
          <SegmentedControl
            value={filters.show}
            onChange={(v) => set({ show: v as ComplaintShow })}
            data={complaintShows.map((s) => ({ value: s, label: t(`complaints.filters.${s}`) }))}
            aria-label={t('complaints.filters.label')}
            data-testid="complaint-filter"
          />
          <Select
            label={t('complaints.filters.kind')}
            value={filters.kind ?? 'all'}
            onChange={(v) => set({ kind: v && v !== 'all' ? (v as ComplaintKind) : null })}
            allowDeselect={false}
            data={[{ value: 'all', label: t('complaints.filters.allKinds') }, ...complaintKinds.map((k) => ({ value: k, label: t(`complaints.kinds.${k}`) }))]}
            w={180}
            data-testid="complaint-kind-filter"
          />
        </Group>
        <DueDaysSetting />
      </Group>
      <QueryError error={list.error} />
      <Text size="sm" fw={600} data-testid="complaint-count" aria-live="polite">
        {data ? t('complaints.count', { count: data.total }) : '\u00a0'}
      </Text>
      {nothingYet ? (
        <Card withBorder radius="md" padding="xl">
          <EmptyState
            icon={<IconMessageReport size={28} aria-hidden />}
            variant="light"
            title={t('complaints.emptyTitle')}
            description={canWrite ? t('complaints.emptyNext') : t('complaints.emptyNextReadOnly')}
            data-testid="complaints-empty"
          />
        </Card>
      ) : (
        <Card withBorder radius="md" padding={0}>
          <ComplaintTable rows={data?.rows ?? []} onOpen={onOpen} empty={list.isPending ? t('common.loading') : t('complaints.emptyFiltered')} />
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
