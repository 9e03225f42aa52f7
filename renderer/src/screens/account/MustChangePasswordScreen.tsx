// After signing in with a temporary password: nothing else until the password is changed.
import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSession, useSessionActions } from '../../app/session';
import { PublicLayout } from '../../components/PublicLayout';
import { ChangePasswordForm } from './ChangePasswordForm';

export function MustChangePasswordScreen() {
  const { t } = useTranslation();
  const session = useSession();
  const { sessionChanged, signOut } = useSessionActions();
  return (
    <PublicLayout title={t('mustChange.title')} width={560}>
      <Text size="sm">{t('mustChange.intro')}</Text>
      <ChangePasswordForm loginId={session.loginId} displayName={session.displayName} onChanged={sessionChanged} />
      <Group justify="flex-end">
        <Button variant="subtle" color="gray" onClick={() => void signOut()}>
          {t('shell.signOut')}
        </Button>
      </Group>
    </PublicLayout>
  );
}
