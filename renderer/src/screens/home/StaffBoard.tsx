// A staff member's own work: the open requests they handle with due dates and days left, what the officer decided
// on their proposals, and whether their written statement is current (without it the desk refuses them customers).
import { Alert, Badge, Grid, Group, Stack, Table, Text } from '@mantine/core';
import { IconFileCertificate, IconGitPullRequest, IconInbox, IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { MyRequest, StaffDashboard } from '../../../../src-shared/api/dashboard';
import { useSession } from '../../app/session';
import { formatDateTime, formatDay } from '../../components/dates';
import { StatementBadge } from '../../components/StatementBadge';
import { AllClear, DashCard, FigureLink } from './Figure';
import { links } from './links';

export function StaffBoard({ board }: { board: StaffDashboard }) {
  const { t } = useTranslation();
  return (
    <Stack gap="lg">
      {board.statement.blockedBy && (
        <Alert color="red" icon={<IconLock size={18} aria-hidden />} data-testid="dash-blocked">
          {t(`dashboard.staff.blocked.${board.statement.blockedBy}`)}
        </Alert>
      )}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <MyRequestsCard board={board} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="lg">
            <StatementCard board={board} />
            <ProposalsCard board={board} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

function DaysLeft({ r }: { r: MyRequest }) {
  const { t } = useTranslation();
  if (r.overdue) return <Badge color="red" variant="filled">{t('dashboard.staff.overdue')}</Badge>;
  if (r.businessDaysLeft === 0) return <Badge color="orange" variant="light">{t('dashboard.staff.dueToday')}</Badge>;
  return (
    <Text size="sm" c={r.businessDaysLeft !== null && r.businessDaysLeft <= 3 ? 'orange.9' : undefined} style={{ whiteSpace: 'nowrap' }}>
      {t('dashboard.staff.daysLeft', { count: r.businessDaysLeft ?? 0 })}
    </Text>
  );
}

function MyRequestsCard({ board }: { board: StaffDashboard }) {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const mine = board.myRequests;
  return (
    <DashCard id="dash-my-requests" title={t('dashboard.staff.myRequests')} icon={IconInbox} testId="dash-my-requests">
      {mine === null ? null : mine.total === 0 ? (
        <AllClear>{t('dashboard.staff.noRequests')}</AllClear>
      ) : (
        <>
          <Group gap="lg">
            <FigureLink to={links.myRequests(session.accountId)} testId="dash-my-open">
              {t('dashboard.staff.myRequestsCount', { count: mine.total })}
            </FigureLink>
            {mine.overdue > 0 && (
              <FigureLink to={links.requestsOverdue(session.accountId)} tone="alarm" testId="dash-my-overdue">
                {t('dashboard.staff.myOverdue', { count: mine.overdue })}
              </FigureLink>
            )}
          </Group>
          <Table.ScrollContainer minWidth={480}>
            <Table striped verticalSpacing={6} data-testid="dash-my-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('dashboard.staff.columns.number')}</Table.Th>
                  <Table.Th>{t('dashboard.staff.columns.kind')}</Table.Th>
                  <Table.Th>{t('dashboard.staff.columns.state')}</Table.Th>
                  <Table.Th>{t('dashboard.staff.columns.dueOn')}</Table.Th>
                  <Table.Th>{t('dashboard.staff.columns.left')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {mine.rows.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td>
                      <FigureLink to={links.request(r.id)} testId={`dash-my-request-${r.number}`} label={t('dashboard.staff.openRequest', { number: r.number })}>
                        {r.number}
                      </FigureLink>
                    </Table.Td>
                    <Table.Td>{t(`requests.kinds.${r.kind}`)}</Table.Td>
                    <Table.Td>{t(`requests.states.${r.state}`)}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDay(r.dueOn, i18n.language)}</Table.Td>
                    <Table.Td>
                      <DaysLeft r={r} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {mine.total > mine.rows.length && (
            <FigureLink to={links.myRequests(session.accountId)} testId="dash-my-all">
              {t('dashboard.staff.showAll')}
            </FigureLink>
          )}
        </>
      )}
    </DashCard>
  );
}

function StatementCard({ board }: { board: StaffDashboard }) {
  const { t } = useTranslation();
  const s = board.statement;
  return (
    <DashCard id="dash-my-statement" title={t('dashboard.staff.statement')} icon={IconFileCertificate} colour="teal" testId="dash-my-statement">
      {s.state === 'none' ? <Text size="sm">{t('dashboard.staff.noStatement')}</Text> : <StatementBadge state={s.state} renewalOn={s.renewalOn} />}
    </DashCard>
  );
}

function ProposalsCard({ board }: { board: StaffDashboard }) {
  const { t, i18n } = useTranslation();
  return (
    <DashCard id="dash-my-proposals" title={t('dashboard.staff.proposals')} icon={IconGitPullRequest} colour="grape" testId="dash-my-proposals">
      <Text size="xs" c="dimmed">
        {t('dashboard.staff.proposalsHint')}
      </Text>
      {board.decidedProposals.length === 0 ? (
        <Text size="sm">{t('dashboard.staff.noDecided')}</Text>
      ) : (
        <Stack gap={6}>
          {board.decidedProposals.map((p) => (
            <Group key={p.id} gap="xs" wrap="nowrap" justify="space-between">
              <Stack gap={0}>
                <FigureLink to={links.request(p.requestId)} testId={`dash-proposal-${p.requestNumber}`} label={t('dashboard.staff.openRequest', { number: p.requestNumber })}>
                  {p.requestNumber} · {t(`dashboard.staff.proposalKind.${p.kind}`)}
                </FigureLink>
                <Text size="xs" c="dimmed">
                  {t('dashboard.staff.decidedOn', { date: formatDateTime(p.decidedAt, i18n.language) })}
                </Text>
              </Stack>
              <Badge color={p.outcome === 'approved' ? 'teal' : 'red'} variant="light">
                {t(`dashboard.staff.outcome.${p.outcome}`)}
              </Badge>
            </Group>
          ))}
        </Stack>
      )}
      {board.openProposals > 0 && (
        <Text size="sm" fw={600}>
          {t('dashboard.staff.openProposals', { count: board.openProposals })}
        </Text>
      )}
    </DashCard>
  );
}
