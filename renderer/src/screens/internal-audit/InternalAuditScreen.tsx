// 内部監査と是正処置 (JIS Q 15001): the year's audit plans, the findings, the corrective actions and the management
// reviews, in tabs; a finding opens with its actions, an action with its history. `internal-audit?show=overdue` opens
// the actions filtered, `?tab=reviews` the reviews. Staff see their own actions only.
import { Stack, Tabs } from '@mantine/core';
import { IconCalendarStats, IconChecklist, IconPresentation, IconTool } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { correctionShows, type CorrectionShow } from '../../../../src-shared/api/internal-audit';
import { useRouteParams } from '../../app/navigate';
import { useSession } from '../../app/session';
import { ScreenTitle } from '../../components/ScreenTitle';
import { CorrectionsPanel } from './CorrectionsPanel';
import { CorrectionView } from './CorrectionView';
import { FindingsPanel } from './FindingsPanel';
import { FindingView } from './FindingView';
import { PlansPanel } from './PlansPanel';
import { ReviewsPanel } from './ReviewsPanel';

const tabs = ['plans', 'findings', 'corrections', 'reviews'] as const;
type Tab = (typeof tabs)[number];
const tabIcons = { plans: IconCalendarStats, findings: IconChecklist, corrections: IconTool, reviews: IconPresentation } as const;

type Shown = { kind: 'tabs' } | { kind: 'finding'; id: string } | { kind: 'correction'; id: string; fromFinding: string | null };

export function InternalAuditScreen() {
  const { t } = useTranslation();
  const session = useSession();
  const params = useRouteParams();
  const readsAudit = session.permissions.includes('internalAudit.read');
  const asked = params.get('show');
  const askedShow = correctionShows.includes(asked as CorrectionShow) ? (asked as CorrectionShow) : null;
  const askedTab = params.get('tab');
  const [tab, setTab] = useState<Tab>(askedShow || !readsAudit ? 'corrections' : tabs.includes(askedTab as Tab) ? (askedTab as Tab) : 'plans');
  // The filters outlive the record opened from them.
  const [show, setShow] = useState<CorrectionShow>(askedShow ?? 'active');
  const [planFilter, setPlanFilter] = useState<string | null>(null);
  const [shown, setShown] = useState<Shown>(() => {
    const finding = params.get('finding');
    const action = params.get('action');
    if (action) return { kind: 'correction', id: action, fromFinding: null };
    if (finding && readsAudit) return { kind: 'finding', id: finding };
    return { kind: 'tabs' };
  });
  const toTabs = () => setShown({ kind: 'tabs' });

  if (shown.kind === 'finding') {
    return <FindingView key={shown.id} id={shown.id} onBack={toTabs} onOpenAction={(id) => setShown({ kind: 'correction', id, fromFinding: shown.id })} />;
  }
  if (shown.kind === 'correction') {
    const back = shown.fromFinding;
    return (
      <CorrectionView
        key={shown.id}
        id={shown.id}
        backTo={back ? 'finding' : 'list'}
        onBack={back ? () => setShown({ kind: 'finding', id: back }) : toTabs}
        onOpenFinding={readsAudit ? (id) => setShown({ kind: 'finding', id }) : undefined}
      />
    );
  }

  const openFinding = (id: string) => setShown({ kind: 'finding', id });
  const openAction = (id: string) => setShown({ kind: 'correction', id, fromFinding: null });
  const showFindingsOf = (planId: string) => {
    setPlanFilter(planId);
    setTab('findings');
  };
  const corrections = <CorrectionsPanel show={show} onShow={setShow} onOpen={openAction} />;

  return (
    <Stack gap="md">
      <ScreenTitle title={t('internalAudit.title')} intro={t(readsAudit ? 'internalAudit.intro' : 'internalAudit.introOwner')} maw={860} />
      {readsAudit ? (
        <Tabs value={tab} onChange={(v) => v && setTab(v as Tab)} keepMounted={false} variant="outline">
          <Tabs.List>
            {tabs.map((name) => {
              const Icon = tabIcons[name];
              return (
                <Tabs.Tab key={name} value={name} leftSection={<Icon size={16} aria-hidden />} data-testid={`tab-${name}`}>
                  {t(`internalAudit.tabs.${name}`)}
                </Tabs.Tab>
              );
            })}
          </Tabs.List>
          <Tabs.Panel value="plans" pt="md">
            <PlansPanel onShowFindings={showFindingsOf} />
          </Tabs.Panel>
          <Tabs.Panel value="findings" pt="md">
            <FindingsPanel planId={planFilter} onPlan={setPlanFilter} onOpen={openFinding} />
          </Tabs.Panel>
          <Tabs.Panel value="corrections" pt="md">
            {corrections}
          </Tabs.Panel>
          <Tabs.Panel value="reviews" pt="md">
            <ReviewsPanel />
          </Tabs.Panel>
        </Tabs>
      ) : (
        corrections
      )}
    </Stack>
  );
}
