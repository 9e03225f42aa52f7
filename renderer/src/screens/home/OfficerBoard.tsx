// The officer's day at a glance: requests by state and due, decisions waiting, incidents' report countdowns,
// statements, ID copies awaiting erasure, locked accounts and refused calls; each figure opens the list it counts.
import { Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconAlertOctagon, IconFileCertificate, IconGavel, IconId, IconInbox, IconShieldLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { IncidentCountdown, OfficerDashboard } from '../../../../src-shared/api/dashboard';
import { closedRequestStates, openRequestStates } from '../../../../src-shared/requests';
import { formatDay } from '../../components/dates';
import { formatNumber } from '../../components/numbers';
import { AllClear, DashCard, FigureLink } from './Figure';
import { links } from './links';

export function OfficerBoard({ board }: { board: OfficerDashboard }) {
  return (
    <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} spacing="lg">
      <RequestsCard board={board} />
      <DecisionsCard board={board} />
      <IncidentsCard board={board} />
      <StatementsCard board={board} />
      <IdCopiesCard board={board} />
      <SecurityCard board={board} />
    </SimpleGrid>
  );
}

function RequestsCard({ board }: { board: OfficerDashboard }) {
  const { t, i18n } = useTranslation();
  const r = board.requests;
  const state = (s: (typeof openRequestStates)[number] | (typeof closedRequestStates)[number]) => (
    <FigureLink key={s} to={links.requestsInState(s)} testId={`dash-state-${s}`}>
      {t('dashboard.requests.state', { state: t(`requests.states.${s}`), n: formatNumber(r.byState[s], i18n.language) })}
    </FigureLink>
  );
  return (
    <DashCard id="dash-requests" title={t('dashboard.requests.title')} icon={IconInbox} testId="dash-requests">
      <Stack gap={4}>
        <FigureLink to={links.requestsOverdue()} tone={r.overdue > 0 ? 'alarm' : 'plain'} testId="dash-overdue">
          {t('dashboard.requests.overdue', { count: r.overdue })}
        </FigureLink>
        <FigureLink to={links.requestsDueBy(r.dueBy)} tone={r.dueSoon > 0 ? 'warn' : 'plain'} testId="dash-due-soon">
          {t('dashboard.requests.dueSoon', { count: r.dueSoon, date: formatDay(r.dueBy, i18n.language) })}
        </FigureLink>
        <Text size="xs" c="dimmed">
          {t('dashboard.requests.dueSoonHint')}
        </Text>
      </Stack>
      <Stack gap={2}>
        <Text size="xs" fw={600} c="dimmed">
          {t('dashboard.requests.byState')}
        </Text>
        <Group gap="md">{openRequestStates.map(state)}</Group>
        <Group gap="md">{closedRequestStates.map(state)}</Group>
      </Stack>
    </DashCard>
  );
}

function DecisionsCard({ board }: { board: OfficerDashboard }) {
  const { t } = useTranslation();
  const d = board.decisions;
  return (
    <DashCard id="dash-decisions" title={t('dashboard.decisions.title')} icon={IconGavel} colour="grape" testId="dash-decisions">
      {d.proposals + d.provisionExceptions === 0 ? (
        <AllClear testId="dash-decisions-none">{t('dashboard.decisions.none')}</AllClear>
      ) : (
      <Stack gap={4}>
        <FigureLink to={links.requestsInState('awaitingApproval')} tone={d.proposals > 0 ? 'warn' : 'plain'} testId="dash-proposals">
          {t('dashboard.decisions.proposals', { count: d.proposals })}
        </FigureLink>
        <FigureLink to={links.provisionsAwaitingApproval()} tone={d.provisionExceptions > 0 ? 'warn' : 'plain'} testId="dash-provision-exceptions">
          {t('dashboard.decisions.provisionExceptions', { count: d.provisionExceptions })}
        </FigureLink>
      </Stack>
      )}
    </DashCard>
  );
}

function Countdown({ c }: { c: IncidentCountdown }) {
  const { t, i18n } = useTranslation();
  const report = t(`dashboard.incidents.report.${c.report}`);
  const date = formatDay(c.dueOn, i18n.language);
  const left = c.daysLeft < 0 ? t('dashboard.incidents.late', { count: -c.daysLeft }) : c.daysLeft === 0 ? t('dashboard.incidents.dueToday') : t('dashboard.incidents.daysLeft', { count: c.daysLeft });
  return (
    <Group gap="xs" wrap="nowrap" justify="space-between">
      <FigureLink to={links.incident(c.id)} testId={`dash-incident-${c.number}`} label={t('dashboard.incidents.openIncident', { number: c.number, report, date })}>
        {t('dashboard.incidents.countdown', { number: c.number, report, date })}
      </FigureLink>
      <Text size="sm" fw={700} c={c.daysLeft <= 1 ? 'red.8' : 'orange.9'} style={{ whiteSpace: 'nowrap' }}>
        {left}
      </Text>
    </Group>
  );
}

function IncidentsCard({ board }: { board: OfficerDashboard }) {
  const { t } = useTranslation();
  const i = board.incidents;
  return (
    <DashCard id="dash-incidents" title={t('dashboard.incidents.title')} icon={IconAlertOctagon} colour="red" testId="dash-incidents">
      {i.open === 0 ? (
        <AllClear>{t('dashboard.incidents.none')}</AllClear>
      ) : (
        <FigureLink to={links.incidentsOpen()} testId="dash-incidents-open">
          {t('dashboard.incidents.open', { count: i.open })}
        </FigureLink>
      )}
      {i.countdowns.length > 0 && (
        <Stack gap={4}>
          {i.countdowns.map((c) => (
            <Countdown key={c.id} c={c} />
          ))}
        </Stack>
      )}
    </DashCard>
  );
}

function StatementsCard({ board }: { board: OfficerDashboard }) {
  const { t } = useTranslation();
  const s = board.statements;
  return (
    <DashCard id="dash-statements" title={t('dashboard.statements.title')} icon={IconFileCertificate} colour="teal" testId="dash-statements">
      {s.overdue + s.dueSoon + s.missing === 0 ? (
        <AllClear>{t('dashboard.statements.none')}</AllClear>
      ) : (
        <Stack gap={4}>
          <FigureLink to="statements" tone={s.overdue > 0 ? 'alarm' : 'plain'} testId="dash-statements-overdue">
            {t('dashboard.statements.overdue', { count: s.overdue })}
          </FigureLink>
          <FigureLink to="statements" tone={s.dueSoon > 0 ? 'warn' : 'plain'} testId="dash-statements-due">
            {t('dashboard.statements.dueSoon', { count: s.dueSoon })}
          </FigureLink>
          <FigureLink to="statements" tone={s.missing > 0 ? 'warn' : 'plain'} testId="dash-statements-missing">
            {t('dashboard.statements.missing', { count: s.missing })}
          </FigureLink>
        </Stack>
      )}
    </DashCard>
  );
}

function IdCopiesCard({ board }: { board: OfficerDashboard }) {
  const { t, i18n } = useTranslation();
  const c = board.idCopies;
  return (
    <DashCard id="dash-idcopies" title={t('dashboard.idCopies.title')} icon={IconId} colour="indigo" testId="dash-idcopies">
      {c.awaitingErasure === 0 ? (
        <AllClear>{t('dashboard.idCopies.none')}</AllClear>
      ) : (
        <Stack gap={2}>
          <Text size="sm" fw={600} data-testid="dash-idcopies-awaiting">
            {t('dashboard.idCopies.awaiting', { count: c.awaitingErasure })}
          </Text>
          {c.nextEraseOn && (
            <Text size="sm" c="dimmed">
              {t('dashboard.idCopies.next', { date: formatDay(c.nextEraseOn, i18n.language) })}
            </Text>
          )}
        </Stack>
      )}
      <FigureLink to="request-settings" testId="dash-idcopies-settings">
        {t('dashboard.idCopies.settings')}
      </FigureLink>
    </DashCard>
  );
}

function SecurityCard({ board }: { board: OfficerDashboard }) {
  const { t, i18n } = useTranslation();
  const { accounts, deniedCalls } = board;
  return (
    <DashCard id="dash-security" title={t('dashboard.security.title')} icon={IconShieldLock} colour="gray" testId="dash-security">
      <Stack gap={4}>
        {accounts.locked === 0 ? (
          <AllClear>{t('dashboard.security.noLocked')}</AllClear>
        ) : (
          <FigureLink to="accounts" tone="warn" testId="dash-locked">
            {t('dashboard.security.locked', { count: accounts.locked })}
          </FigureLink>
        )}
        {deniedCalls.count === 0 ? (
          <AllClear>{t('dashboard.security.noDenied')}</AllClear>
        ) : (
          <FigureLink to={links.deniedCalls(deniedCalls.fromDay)} tone="warn" testId="dash-denied">
            {t('dashboard.security.denied', { count: deniedCalls.count, date: formatDay(deniedCalls.fromDay, i18n.language) })}
          </FigureLink>
        )}
      </Stack>
    </DashCard>
  );
}
