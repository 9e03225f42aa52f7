// The lock screen: who is signed in, the password to unlock, or sign out. Nothing of the desk's data is rendered here.
import { Button, Group, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconLock } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeskErrorData } from '../../../../src-shared/errors';
import { useClient } from '../../app/client-context';
import { useSession, useSessionActions } from '../../app/session';
import { requiredError } from '../../app/validate';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PasswordField } from '../../components/PasswordField';
import { PublicLayout } from '../../components/PublicLayout';

export function LockScreen() {
  const { t } = useTranslation();
  const client = useClient();
  const session = useSession();
  const { signedIn, signOut } = useSessionActions();
  const [failure, setFailure] = useState<DeskErrorData | null>(null);
  const form = useForm({ initialValues: { password: '' }, validate: { password: (v) => requiredError(v) } });

  const submit = form.onSubmit(async ({ password }) => {
    setFailure(null);
    const result = await client.call('auth.unlock', { password });
    form.setFieldValue('password', '');
    if (result.ok) return signedIn(result.value);
    // LOCKED (five wrong passwords) ends the session: the client's signal takes the screen to sign-in.
    setFailure(result.error);
  });

  return (
    <PublicLayout title={t('lock.title')}>
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <IconLock size={32} aria-hidden color="var(--mantine-color-gray-6)" />
        <Stack gap={4}>
          <Text fw={500} data-testid="locked-person">
            {t('lock.signedInAs', { name: session.displayName, loginId: session.loginId, role: t(`roles.${session.role}`) })}
          </Text>
          <Text size="sm" c="dimmed">
            {t('lock.intro')}
          </Text>
        </Stack>
      </Group>
      <form onSubmit={submit} noValidate aria-label={t('lock.title')}>
        <Stack gap="md">
          <PasswordField required autoFocus label={t('fields.password')} autoComplete="current-password" {...form.getInputProps('password')} />
          <ErrorAlert error={failure} />
          <Group justify="space-between">
            <Button variant="default" onClick={() => void signOut()}>
              {t('shell.signOut')}
            </Button>
            <Button type="submit" loading={form.submitting}>
              {t('lock.unlock')}
            </Button>
          </Group>
        </Stack>
      </form>
    </PublicLayout>
  );
}
