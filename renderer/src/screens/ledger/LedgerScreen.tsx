// 個人情報管理台帳 (the personal information ledger, JIS Q 15001): every kind of personal information the company
// holds, its live count, its yearly review and its risk assessment; an entry and its form open in place.
// `ledger?show=overdue` opens the list filtered (the home screen's count), `ledger?open=<id>` one entry.
import { Alert, Button, Card, EmptyState, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconBook2, IconPlus } from '@tabler/icons-react';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ledgerShows, type LedgerCounts, type LedgerShow } from '../../../../src-shared/api/ledger';
import { useRouteParams } from '../../app/navigate';
import { useSession } from '../../app/session';
import { QueryError } from '../../components/QueryError';
import { ScreenTitle } from '../../components/ScreenTitle';
import { EntryForm } from './EntryForm';
import { EntryView } from './EntryView';
import { LedgerExportButtons } from './ExportButtons';
import { LedgerTable } from './LedgerTable';
import { useLedgerList } from './queries';

type Shown = { kind: 'ledger' } | { kind: 'new' } | { kind: 'entry'; id: string };

export function LedgerScreen() {
  const params = useRouteParams();
  const asked = params.get('show') as LedgerShow | null;
  const opened = params.get('open');
  const [shown, setShown] = useState<Shown>(opened ? { kind: 'entry', id: opened } : { kind: 'ledger' });
  // The filter outlives the entry opened from it.
  const [show, setShow] = useState<LedgerShow>(asked && ledgerShows.includes(asked) ? asked : 'current');
  const back = useCallback(() => setShown({ kind: 'ledger' }), []);
  const open = useCallback((id: string) => setShown({ kind: 'entry', id }), []);
  if (shown.kind === 'entry') return <EntryView key={shown.id} id={shown.id} onBack={back} />;
  if (shown.kind === 'new') return <EntryForm existing={null} onSaved={open} onCancel={back} />;
  return <LedgerList show={show} setShow={setShow} onOpen={open} onNew={() => setShown({ kind: 'new' })} />;
}

function filterLabel(t: (key: string) => string, show: LedgerShow, counts: LedgerCounts | undefined): string {
  const label = t(`ledger.filters.${show}`);
  const n = counts && show !== 'all' ? counts[show] : undefined;
  return n !== undefined && show !== 'current' ? `${label} (${n})` : label;
}

function LedgerList({ show, setShow, onOpen, onNew }: { show: LedgerShow; setShow: (s: LedgerShow) => void; onOpen: (id: string) => void; onNew: () => void }) {
  const { t } = useTranslation();
  const session = useSession();
  const list = useLedgerList(show);
  const canWrite = session.permissions.includes('ledger.write');
  const rows = list.data?.rows ?? [];
  const counts = list.data?.counts;
  const nothingYet = counts !== undefined && counts.current + counts.retired === 0;
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <ScreenTitle title={t('ledger.title')} intro={t('ledger.intro')} />
        {canWrite && (
          <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={onNew}>
            {t('ledger.add')}
          </Button>
        )}
      </Group>
      <QueryError error={list.error} />
      {nothingYet ? (
        <Card withBorder radius="md" padding="xl">
          <EmptyState icon={<IconBook2 size={28} aria-hidden />} variant="light" title={t('ledger.emptyTitle')} description={canWrite ? t('ledger.emptyNext') : t('ledger.emptyNextReadOnly')} data-testid="ledger-empty">
            {canWrite && (
              <EmptyState.Actions>
                <Button variant="light" leftSection={<IconPlus size={16} aria-hidden />} onClick={onNew}>
                  {t('ledger.add')}
                </Button>
              </EmptyState.Actions>
            )}
          </EmptyState>
        </Card>
      ) : (
        <>
          <SegmentedControl
            value={show}
            onChange={(v) => setShow(v as LedgerShow)}
            data={ledgerShows.map((s) => ({ value: s, label: filterLabel(t, s, counts) }))}
            aria-label={t('ledger.filters.label')}
            data-testid="ledger-filter"
            style={{ alignSelf: 'flex-start' }}
          />
          <Group justify="space-between" align="flex-start" gap="md">
            <Text size="sm" fw={600} data-testid="ledger-count" aria-live="polite" mt={8}>
              {list.data ? t('ledger.listCount', { count: rows.length }) : '\u00a0'}
            </Text>
            <LedgerExportButtons includeRetired={show === 'retired' || show === 'all'} />
          </Group>
          {show === 'overdue' && rows.length > 0 && (
            <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} py="xs" data-testid="overdue-note">
              <Text size="sm">{t('ledger.overdueNote')}</Text>
            </Alert>
          )}
          <Card withBorder radius="md" padding={0}>
            <LedgerTable rows={rows} onOpen={onOpen} empty={list.isPending ? t('common.loading') : t('ledger.emptyFiltered')} />
          </Card>
        </>
      )}
    </Stack>
  );
}
