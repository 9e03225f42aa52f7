// Home: a welcome, the manager-in-charge, the idle lock in effect, and what the person's role may do.
import { Card, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSettings } from '../../app/queries';
import { useSession } from '../../app/session';
import { ManagerCard } from '../../components/ManagerCard';
import { QueryError } from '../../components/QueryError';

export function HomeScreen() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  // A permission added by a later feature shows once its sentence is written, never as a raw key.
  const described = session.permissions.filter((p) => i18n.exists(`permissions.${p}`));
  const canReadSettings = session.permissions.includes('settings.read');
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
