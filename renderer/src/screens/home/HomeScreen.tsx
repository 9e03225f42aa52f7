// Home: a welcome, the Privacy Mark records that are due, the manager-in-charge, the idle lock in effect, and what
// the person's role may do.
import { Card, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
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
