// 請求一覧 (the request register): open requests first, filters, names only when revealed; a request opens in place.
import { Alert, Badge, Button, Card, CloseButton, EmptyState, Group, Modal, Pagination, Select, Stack, Switch, Text } from '@mantine/core';
import { IconEye, IconFilePlus, IconInbox, IconInfoCircle } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { openRequestStates, requestKinds, requestStates, type RequestKind, type RequestState } from '../../../../src-shared/requests';
import { useNavigate, useRouteParams } from '../../app/navigate';
import { openedFrom, requestFiltersFrom } from '../home/links';
import { useSession } from '../../app/session';
import { QueryError } from '../../components/QueryError';
import { ScreenTitle } from '../../components/ScreenTitle';
import { StatementRequired, statementRequired } from '../customers/StatementRequired';
import { useAssignees } from '../bulk/assignees';
import { RequestBulkBar } from '../bulk/RequestBulkBar';
import { useSelectionStore } from '../bulk/selection';
import { formatDay } from '../../components/dates';
import { useRequestList } from './queries';
import { RequestTable } from './RequestTable';
import { RequestView } from './RequestView';

type StateFilter = 'open' | 'all' | RequestState;
export interface RegisterFilters {
  state: StateFilter;
  kind: RequestKind | null;
  overdueOnly: boolean;
  page: number;
  /** Requests handled by this account. */
  assigneeId?: string;
  /** Open requests due on or before this day (the dashboard's "due soon"). */
  dueBy?: string;
}

const pageSize = 50;

export function RequestsScreen() {
  const params = useRouteParams();
  const [opened, setOpened] = useState<string | null>(() => openedFrom(params));
  // The filters outlive the request opened from them; the revealed names do not (they live in the register only).
  const [filters, setFilters] = useState<RegisterFilters>(() => requestFiltersFrom(params));
  const back = useCallback(() => setOpened(null), []);
  if (opened) return <RequestView key={opened} id={opened} onBack={back} onOpen={setOpened} />;
  return <RequestRegister filters={filters} setFilters={setFilters} onOpen={setOpened} />;
}

function RequestRegister({ filters, setFilters, onOpen }: { filters: RegisterFilters; setFilters: (f: RegisterFilters) => void; onOpen: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const assignees = useAssignees();
  const selection = useSelectionStore();
  const [reveal, setReveal] = useState(false);
  const [asking, setAsking] = useState(false);
  const states: RequestState[] | undefined = filters.state === 'all' ? undefined : filters.state === 'open' ? [...openRequestStates] : [filters.state];
  const list = useRequestList({
    states,
    kind: filters.kind ?? undefined,
    overdueOnly: filters.overdueOnly,
    ...(filters.assigneeId ? { assigneeId: filters.assigneeId } : {}),
    ...(filters.dueBy ? { dueBy: filters.dueBy } : {}),
    reveal,
    page: filters.page,
    pageSize,
  });
  // A new filter is a new list: what was ticked in the old one is let go, so a bulk action never reaches rows out of sight.
  const set = (change: Partial<RegisterFilters>) => {
    selection.clear();
    setFilters({ ...filters, page: 0, ...change });
  };
  const shownIds = list.data?.rows.map((r) => r.id).join(',') ?? '';
  useEffect(() => selection.setVisible(shownIds === '' ? [] : shownIds.split(',')), [selection, shownIds]);

  const refused = statementRequired(list.error);
  if (refused) return <StatementRequired error={refused} />;

  const canWrite = session.permissions.includes('requests.write');
  const data = list.data;
  const filtered = filters.state !== 'open' || filters.kind !== null || filters.overdueOnly || filters.assigneeId !== undefined || filters.dueBy !== undefined;
  const empty = list.isPending ? t('common.loading') : filtered ? t('requests.emptyFiltered') : t('requests.emptyTitle');
  // Nothing registered and nothing filtered: say what to do next instead of drawing an empty table.
  const nothingYet = data !== undefined && data.total === 0 && !filtered;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <ScreenTitle title={t('requests.title')} intro={t('requests.intro')} />
        {canWrite && (
          <Button leftSection={<IconFilePlus size={18} aria-hidden />} onClick={() => navigate('request-new')}>
            {t('requests.newRequest')}
          </Button>
        )}
      </Group>
      <Group align="flex-end" gap="md">
        <Select
          label={t('requests.filters.state')}
          value={filters.state}
          onChange={(v) => set({ state: (v ?? 'open') as StateFilter })}
          allowDeselect={false}
          data={[
            { value: 'open', label: t('requests.filters.open') },
            { value: 'all', label: t('requests.filters.all') },
            ...requestStates.map((s) => ({ value: s, label: t(`requests.states.${s}`) })),
          ]}
          w={200}
          data-testid="filter-state"
        />
        <Select
          label={t('requests.filters.kind')}
          value={filters.kind ?? 'all'}
          onChange={(v) => set({ kind: v && v !== 'all' ? (v as RequestKind) : null })}
          allowDeselect={false}
          data={[{ value: 'all', label: t('requests.filters.allKinds') }, ...requestKinds.map((k) => ({ value: k, label: t(`requests.kinds.${k}`) }))]}
          w={240}
          data-testid="filter-kind"
        />
        <Select
          label={t('bulk.filters.assignee')}
          value={filters.assigneeId ?? 'all'}
          onChange={(v) => set({ assigneeId: v && v !== 'all' ? v : undefined })}
          allowDeselect={false}
          data={[
            { value: 'all', label: t('bulk.filters.anyone') },
            ...assignees.map((a) => ({ value: a.value, label: a.value === session.accountId ? t('bulk.filters.me', { name: a.label }) : a.label })),
          ]}
          w={200}
          data-testid="filter-assignee"
        />
        <Switch label={t('requests.filters.overdueOnly')} checked={filters.overdueOnly} onChange={(e) => set({ overdueOnly: e.currentTarget.checked })} mb={8} color="red" />
        <Switch
          label={t('requests.reveal.switch')}
          checked={reveal}
          onChange={(e) => (e.currentTarget.checked ? setAsking(true) : setReveal(false))}
          mb={8}
          color="orange"
          data-testid="reveal-switch"
        />
      </Group>
      {filters.dueBy && (
        <Group gap={4}>
          <Badge variant="light" size="lg" data-testid="filter-due-by" rightSection={<CloseButton size="xs" aria-label={t('bulk.filters.removeDueBy')} onClick={() => set({ dueBy: undefined })} />}>
            {t('bulk.filters.dueBy', { day: formatDay(filters.dueBy, i18n.language) })}
          </Badge>
        </Group>
      )}
      {reveal ? (
        <Alert color="orange" variant="light" icon={<IconEye aria-hidden />} py="xs" data-testid="revealed-names-banner" role="status">
          <Text size="sm">{t('requests.reveal.banner')}</Text>
        </Alert>
      ) : (
        <Alert color="gray" variant="light" icon={<IconInfoCircle aria-hidden />} py="xs">
          <Text size="sm">{t('requests.maskedNote')}</Text>
        </Alert>
      )}
      <QueryError error={list.error} />
      <Group justify="space-between">
        <Text size="sm" fw={600} data-testid="request-count" aria-live="polite">
          {data ? t('requests.count', { count: data.total }) : '\u00a0'}
        </Text>
        {!nothingYet && (
          <Text size="xs" c="dimmed">
            {t('requests.keyboardHint')} {t('bulk.keyboardHint')}
          </Text>
        )}
      </Group>
      {nothingYet ? (
        <Card withBorder radius="md" padding="xl">
          <EmptyState
            icon={<IconInbox size={28} aria-hidden />}
            variant="light"
            title={t('requests.emptyTitle')}
            description={canWrite ? t('requests.emptyNext') : t('requests.emptyNextReadOnly')}
            data-testid="requests-empty"
          >
            {canWrite && (
              <EmptyState.Actions>
                <Button variant="light" leftSection={<IconFilePlus size={16} aria-hidden />} onClick={() => navigate('request-new')}>
                  {t('requests.newRequest')}
                </Button>
              </EmptyState.Actions>
            )}
          </EmptyState>
        </Card>
      ) : (
        <>
          <RequestBulkBar selection={selection} revealed={reveal} />
          <Card withBorder radius="md" padding={0}>
            <RequestTable rows={data?.rows ?? []} revealed={reveal} onOpen={onOpen} empty={empty} selection={selection} />
          </Card>
        </>
      )}
      {data && data.total > pageSize && (
        <Group justify="center">
          <Pagination total={Math.ceil(data.total / pageSize)} value={filters.page + 1} onChange={(p) => setFilters({ ...filters, page: p - 1 })} />
        </Group>
      )}
      <Modal opened={asking} onClose={() => setAsking(false)} title={t('requests.reveal.title')} size="md">
        <Stack gap="md">
          <Text size="sm">{t('requests.reveal.explain')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setAsking(false)} data-autofocus>
              {t('common.cancel')}
            </Button>
            <Button
              color="orange"
              leftSection={<IconEye size={16} aria-hidden />}
              onClick={() => {
                setReveal(true);
                setAsking(false);
              }}
            >
              {t('requests.reveal.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
