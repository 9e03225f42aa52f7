// Regenerating the recovery key: the password again, then the new key shown once; the old key stops working.
import { Alert, Button, Group, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeskErrorData } from '../../../../src-shared/errors';
import { useClient } from '../../app/client-context';
import { ErrorText } from '../../app/errors';
import { requiredError } from '../../app/validate';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PasswordField } from '../../components/PasswordField';
import { Translated } from '../../components/Translated';
import { RecoveryKeyReveal } from '../../components/RecoveryKeyReveal';

export function RegenerateRecoveryKey() {
  const { t } = useTranslation();
  const client = useClient();
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);
  const [failure, setFailure] = useState<DeskErrorData | null>(null);
  const form = useForm({ initialValues: { password: '' }, validate: { password: (v) => requiredError(v) } });

  const submit = form.onSubmit(async ({ password }) => {
    setFailure(null);
    const result = await client.call('settings.regenerateRecoveryKey', { password });
    form.reset();
    if (result.ok) return setRecoveryKey(result.value.recoveryKey);
    if (result.error.message === 'auth.wrongPassword') form.setFieldError('password', <ErrorText error={result.error} />);
    else setFailure(result.error);
  });

  if (recoveryKey) {
    return (
      <RecoveryKeyReveal
        recoveryKey={recoveryKey}
        extraWarning={t('settings.recovery.warning')}
        onContinue={() => {
          setRecoveryKey(null);
          notifications.show({ color: 'teal', message: <Translated k="settings.recovery.done" /> });
        }}
      />
    );
  }

  return (
    <form onSubmit={submit} noValidate aria-label={t('settings.recovery.title')}>
      <Stack gap="md" maw={480}>
        <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />}>
          {t('settings.recovery.warning')}
        </Alert>
        <PasswordField required label={t('fields.currentPassword')} autoComplete="current-password" {...form.getInputProps('password')} />
        <ErrorAlert error={failure} />
        <Group>
          <Button type="submit" color="orange" loading={form.submitting}>
            {t('settings.recovery.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
