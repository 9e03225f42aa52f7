// 委託先の監督 (outsourcee supervision, APPI Art. 25): the outsourcees with what is due; an outsourcee opens in place
// with its history, and the officer records a selection check or an evaluation from there.
import { Button, Card, EmptyState, Group, SegmentedControl, Stack, Switch, Text } from '@mantine/core';
import { IconBuildingFactory2 } from '@tabler/icons-react';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { outsourceeFilters, type EvaluationKind, type OutsourceeFilter } from '../../../../src-shared/api/outsourcees';
import { useNavigate, useRouteParams } from '../../app/navigate';
import { useSession } from '../../app/session';
import { QueryError } from '../../components/QueryError';
import { ScreenTitle } from '../../components/ScreenTitle';
import { EvaluationForm } from './EvaluationForm';
import { OutsourceeTable } from './OutsourceeTable';
import { OutsourceeView } from './OutsourceeView';
import { useOutsourcees } from './queries';

export type Shown = { kind: 'list' } | { kind: 'outsourcee'; partnerId: string } | { kind: 'form'; partnerId: string; evaluationKind: EvaluationKind; corrects?: string };

function filterOf(value: string | null): OutsourceeFilter {
  return (outsourceeFilters as readonly string[]).includes(value ?? '') ? (value as OutsourceeFilter) : 'all';
}

export function OutsourceesScreen() {
  const params = useRouteParams();
  const [shown, setShown] = useState<Shown>({ kind: 'list' });
  // Opened from the home screen's card, the list starts filtered to what the card counted; the filter outlives an
  // outsourcee opened from it.
  const [show, setShow] = useState<OutsourceeFilter>(() => filterOf(params.get('show')));
  const [includeEnded, setIncludeEnded] = useState(false);
  const back = useCallback(() => setShown({ kind: 'list' }), []);
  const open = useCallback((partnerId: string) => setShown({ kind: 'outsourcee', partnerId }), []);
  if (shown.kind === 'outsourcee') return <OutsourceeView key={shown.partnerId} partnerId={shown.partnerId} onBack={back} onRecord={(evaluationKind, corrects) => setShown({ kind: 'form', partnerId: shown.partnerId, evaluationKind, corrects })} />;
  if (shown.kind === 'form') return <EvaluationForm key={`${shown.partnerId}:${shown.evaluationKind}:${shown.corrects ?? ''}`} partnerId={shown.partnerId} kind={shown.evaluationKind} corrects={shown.corrects} onDone={() => open(shown.partnerId)} />;
  return <OutsourceeList show={show} setShow={setShow} includeEnded={includeEnded} setIncludeEnded={setIncludeEnded} onOpen={open} />;
}

function OutsourceeList(props: { show: OutsourceeFilter; setShow: (f: OutsourceeFilter) => void; includeEnded: boolean; setIncludeEnded: (v: boolean) => void; onOpen: (id: string) => void }) {
  const { show, setShow, includeEnded, setIncludeEnded, onOpen } = props;
  const { t } = useTranslation();
  const navigate = useNavigate();
  const session = useSession();
  const list = useOutsourcees(show, includeEnded);
  const rows = list.data?.rows ?? [];
  const nothingYet = list.data !== undefined && list.data.counts.outsourcees === 0 && !includeEnded;
  return (
    <Stack gap="md">
      <ScreenTitle title={t('outsourcees.title')} intro={t('outsourcees.intro')} maw={880} />
      <Group justify="space-between" align="center" gap="md">
        <SegmentedControl
          value={show}
          onChange={(v) => setShow(v as OutsourceeFilter)}
          data={outsourceeFilters.map((f) => ({ value: f, label: t(`outsourcees.filters.${f}`) }))}
          aria-label={t('outsourcees.filters.label')}
          data-testid="outsourcee-filter"
        />
        <Group gap="lg">
          <Switch label={t('outsourcees.filters.includeEnded')} checked={includeEnded} onChange={(e) => setIncludeEnded(e.currentTarget.checked)} />
          <Text size="sm" fw={600} data-testid="outsourcee-count" aria-live="polite">
            {list.data ? t('outsourcees.count', { count: rows.length }) : '\u00a0'}
          </Text>
        </Group>
      </Group>
      <QueryError error={list.error} />
      {nothingYet ? (
        <Card withBorder radius="md" padding="xl">
          <EmptyState
            icon={<IconBuildingFactory2 size={28} aria-hidden />}
            variant="light"
            title={t('outsourcees.emptyTitle')}
            description={t('outsourcees.emptyNext')}
            data-testid="outsourcees-empty"
          >
            {session.permissions.includes('partners.read') && (
              <EmptyState.Actions>
                <Button variant="light" onClick={() => navigate('partners?role=outsourcee')}>
                  {t('outsourcees.openPartners')}
                </Button>
              </EmptyState.Actions>
            )}
          </EmptyState>
        </Card>
      ) : (
        <Card withBorder radius="md" padding={0}>
          <OutsourceeTable rows={rows} onOpen={onOpen} empty={list.isPending ? t('common.loading') : t('outsourcees.emptyFiltered')} />
        </Card>
      )}
    </Stack>
  );
}
