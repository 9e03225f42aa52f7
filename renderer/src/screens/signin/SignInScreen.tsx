// Sign-in: login id and password; wrong passwords, the lockout (until when), the way to recovery, and damaged files
// named with the steps back (set the data folder aside, restore the latest backup).
import { Alert, Anchor, Button, Group, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCircleCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from '../../app/client-context';
import { useSessionActions, type SignInNotice } from '../../app/session';
import { requiredError } from '../../app/validate';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PasswordField } from '../../components/PasswordField';
import { PublicLayout } from '../../components/PublicLayout';
import { RecoverySteps } from '../startup/RecoverySteps';
import type { DeskErrorData } from '../../../../src-shared/errors';

export function SignInScreen({ notice }: { notice?: SignInNotice }) {
  const { t } = useTranslation();
  const client = useClient();
  const { signedIn, showRecovery, start } = useSessionActions();
  const [failure, setFailure] = useState<DeskErrorData | null>(notice?.kind === 'error' ? notice.error : null);
  const form = useForm({
    initialValues: { loginId: '', password: '' },
    validate: { loginId: (v) => requiredError(v), password: (v) => requiredError(v) },
  });

  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    const result = await client.call('auth.login', values);
    form.setFieldValue('password', '');
    if (result.ok) return signedIn(result.value);
    // Another window of this desk is already signed in: take up that session (it may be locked).
    if (result.error.message === 'auth.alreadySignedIn') return start();
    setFailure(result.error);
  });

  const success = notice && notice.kind !== 'error' ? t(`signin.${notice.kind}`) : null;
  // A damaged file is not a wrong password: the alert says what happened, the steps below it the way back.
  const damaged = failure?.code === 'INTEGRITY' ? failure : null;

  return (
    <PublicLayout title={t('signin.title')} width={damaged ? 620 : undefined}>
      {success && !failure && (
        <Alert color="teal" variant="light" icon={<IconCircleCheck aria-hidden />} role="status">
          {success}
        </Alert>
      )}
      <form onSubmit={submit} noValidate aria-label={t('signin.title')}>
        <Stack gap="md">
          <TextInput required label={t('fields.loginId')} autoComplete="username" data-autofocus autoFocus {...form.getInputProps('loginId')} />
          <PasswordField required label={t('fields.password')} autoComplete="current-password" {...form.getInputProps('password')} />
          <ErrorAlert error={failure} title={damaged ? t('errors.integrityTitle') : undefined} />
          {damaged && <RecoverySteps error={damaged} />}
          <Group justify="space-between" align="center">
            <Anchor component="button" type="button" size="sm" onClick={showRecovery}>
              {t('signin.forgot')}
            </Anchor>
            <Button type="submit" loading={form.submitting}>
              {t('signin.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </PublicLayout>
  );
}
