// My account: the person's own display settings (language, date style), their password, and the keyboard's shortcuts.
import { List, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useSession, useSessionActions } from '../../app/session';
import { Translated } from '../../components/Translated';
import { ChangePasswordForm } from './ChangePasswordForm';
import { PreferencesCard } from './PreferencesCard';

export function MyAccountScreen() {
  const { t } = useTranslation();
  const session = useSession();
  const { sessionChanged } = useSessionActions();
  return (
    <Stack gap="lg">
      <Title order={1} size="h2">
        {t('myAccount.title')}
      </Title>
      <Text size="sm" maw={640}>
        {t('myAccount.intro')}
      </Text>
      <PreferencesCard />
      <Paper withBorder p="lg" radius="md" maw={640} component="section" aria-labelledby="password-title">
        <Stack gap="md">
          <Title order={2} size="h4" id="password-title">
            {t('account.title')}
          </Title>
          <Text size="sm">{t('account.intro')}</Text>
          <ChangePasswordForm
            loginId={session.loginId}
            displayName={session.displayName}
            onChanged={(next) => {
              sessionChanged(next);
              notifications.show({ color: 'teal', message: <Translated k="account.changed" /> });
            }}
          />
        </Stack>
      </Paper>
      <Paper withBorder p="lg" radius="md" maw={640} component="section" aria-labelledby="keyboard-title">
        <Stack gap="xs">
          <Title order={2} size="h4" id="keyboard-title">
            {t('keyboard.title')}
          </Title>
          <List size="sm" spacing={4}>
            <List.Item>{t('keyboard.search')}</List.Item>
            <List.Item>{t('keyboard.rows')}</List.Item>
            <List.Item>{t('keyboard.back')}</List.Item>
            <List.Item>{t('keyboard.lock')}</List.Item>
          </List>
        </Stack>
      </Paper>
    </Stack>
  );
}
