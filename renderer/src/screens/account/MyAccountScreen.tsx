// My account: change one's own password.
import { Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useSession, useSessionActions } from '../../app/session';
import { Translated } from '../../components/Translated';
import { ChangePasswordForm } from './ChangePasswordForm';

export function MyAccountScreen() {
  const { t } = useTranslation();
  const session = useSession();
  const { sessionChanged } = useSessionActions();
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('account.title')}
      </Title>
      <Text size="sm" maw={640}>
        {t('account.intro')}
      </Text>
      <ChangePasswordForm
        loginId={session.loginId}
        displayName={session.displayName}
        onChanged={(next) => {
          sessionChanged(next);
          notifications.show({ color: 'teal', message: <Translated k="account.changed" /> });
        }}
      />
    </Stack>
  );
}
