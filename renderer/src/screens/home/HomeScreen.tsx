// Home, the first screen after sign-in: the day's work by role (the dashboard), the Privacy Mark records that are due,
// the manager-in-charge, the idle lock in effect, and what the person's role may do.
import { Button, Card, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSettings } from '../../app/queries';
import { useSession } from '../../app/session';
import { ManagerCard } from '../../components/ManagerCard';
import { QueryError } from '../../components/QueryError';
import type { Permission } from '../../../../src-shared/roles';
import { ComplaintsDueCard } from '../complaints/DueCard';
import { InternalAuditDueCard } from '../internal-audit/DueCard';
import { LedgerDueCard } from '../ledger/DueCard';
import { OutsourceesDueCard } from '../outsourcees/DueCard';
import { TrainingDueCard } from '../training/DueCard';
import { formatDay } from '../../components/dates';
import { AuditorBoard } from './AuditorBoard';
import { OfficerBoard } from './OfficerBoard';
import { useDashboard } from './queries';
import { StaffBoard } from './StaffBoard';

/** What the JIS Q 15001 records ask of the person today: each card counts what is due and links to that list. */
const dueCards: { permission: Permission; DueCard: () => React.ReactNode }[] = [
  { permission: 'ledger.read', DueCard: LedgerDueCard },
  { permission: 'complaints.read', DueCard: ComplaintsDueCard },
  { permission: 'training.read', DueCard: TrainingDueCard },
  { permission: 'outsourcees.read', DueCard: OutsourceesDueCard },
  { permission: 'corrections.read', DueCard: InternalAuditDueCard },
];

export function HomeScreen() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  // A permission added by a later feature shows once its sentence is written, never as a raw key.
  const described = session.permissions.filter((p) => i18n.exists(`permissions.${p}`));
  const canReadSettings = session.permissions.includes('settings.read');
  const cards = dueCards.filter((c) => session.permissions.includes(c.permission));
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1} size="h2">
          {t('home.welcome', { name: session.displayName })}
        </Title>
        <Text size="sm" c="dimmed" maw={720}>
          {t('home.intro')}
        </Text>
      </Stack>
      <Dashboard />
      {cards.length > 0 && (
        <Stack gap="xs" component="section" aria-labelledby="records-due-title">
          <Title order={2} size="h4" id="records-due-title">
            {t('home.recordsDueTitle')}
          </Title>
          <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} spacing="lg">
            {cards.map(({ permission, DueCard }) => (
              <DueCard key={permission} />
            ))}
          </SimpleGrid>
        </Stack>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        {canReadSettings && <ManagerSection />}
        <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="idle-lock-title">
          <Title order={2} size="h4" id="idle-lock-title" mb="xs">
            {t('home.idleLockTitle')}
          </Title>
          <Text size="sm" data-testid="idle-lock-in-effect">
            {t('home.idleLock', { count: session.idleLockMinutes })}
          </Text>
          <Text size="sm" c="dimmed" mt="xs">
            {t('home.lockNow')}
          </Text>
        </Card>
        <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="role-title">
          <Title order={2} size="h4" id="role-title" mb="xs">
            {t('home.roleTitle')}
          </Title>
          <Text size="sm" mb="xs">
            {t('home.role', { role: t(`roles.${session.role}`) })}
          </Text>
          <List size="sm" spacing={4}>
            {described.map((permission) => (
              <List.Item key={permission}>{t(`permissions.${permission}`)}</List.Item>
            ))}
          </List>
        </Card>
      </SimpleGrid>
    </Stack>
  );
}

function ManagerSection() {
  const settings = useSettings();
  if (settings.error) return <QueryError error={settings.error} />;
  return <ManagerCard manager={settings.data?.manager} loading={settings.isPending} />;
}

/** The role's own figures, with the day they were counted; loading and failure say what happens next. */
function Dashboard() {
  const { t, i18n } = useTranslation();
  const dashboard = useDashboard();
  const board = dashboard.data;
  return (
    <Stack gap="xs" component="section" aria-labelledby="dashboard-title" data-testid="dashboard" aria-busy={dashboard.isFetching}>
      <Group justify="space-between" align="baseline">
        <Title order={2} size="h4" id="dashboard-title">
          {t('dashboard.title')}
        </Title>
        {board && (
          <Text size="sm" c="dimmed" data-testid="dashboard-as-of">
            {t('dashboard.asOf', { date: formatDay(board.today, i18n.language) })}
          </Text>
        )}
      </Group>
      {dashboard.isPending && (
        <Text size="sm" c="dimmed" role="status">
          {t('dashboard.loading')}
        </Text>
      )}
      {dashboard.error && (
        <Stack gap="xs" align="flex-start">
          <QueryError error={dashboard.error} />
          <Button variant="light" size="xs" leftSection={<IconRefresh size={14} aria-hidden />} onClick={() => void dashboard.refetch()}>
            {t('dashboard.retry')}
          </Button>
        </Stack>
      )}
      {board?.role === 'officer' && <OfficerBoard board={board} />}
      {board?.role === 'staff' && <StaffBoard board={board} />}
      {board?.role === 'auditor' && <AuditorBoard board={board} />}
    </Stack>
  );
}
