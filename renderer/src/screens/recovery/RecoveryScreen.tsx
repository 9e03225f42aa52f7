// A lost password: login id, the recovery key stored offline, and a new password.
import { Anchor, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeskErrorData } from '../../../../src-shared/errors';
import { loginId, recoveryKey } from '../../../../src-shared/api/fields';
import { useClient } from '../../app/client-context';
import { ErrorText, showErrorOnForm } from '../../app/errors';
import { useSessionActions } from '../../app/session';
import { confirmationError, fromSchema, newPasswordError } from '../../app/validate';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PasswordField } from '../../components/PasswordField';
import { PasswordHints } from '../../components/PasswordHints';
import { PublicLayout } from '../../components/PublicLayout';
import { RecoveryKeyField } from '../../components/RecoveryKeyField';

export function RecoveryScreen() {
  const { t } = useTranslation();
  const client = useClient();
  const { showSignIn } = useSessionActions();
  const [failure, setFailure] = useState<DeskErrorData | null>(null);
  const form = useForm({
    initialValues: { loginId: '', recoveryKey: '', newPassword: '', newPasswordConfirm: '' },
    validate: {
      loginId: fromSchema(loginId),
      recoveryKey: fromSchema(recoveryKey),
      newPassword: (value, values) => newPasswordError(value, values.loginId),
      newPasswordConfirm: (value, values) => confirmationError(value, values.newPassword),
    },
  });

  const submit = form.onSubmit(async ({ newPasswordConfirm: _confirm, ...values }) => {
    setFailure(null);
    const result = await client.call('auth.recover', values);
    if (result.ok) {
      form.reset();
      return showSignIn({ kind: 'recovered' });
    }
    const fieldOf = { 'password.rule': 'newPassword' };
    if (result.error.message === 'auth.wrongRecoveryKey') {
      form.setFieldError('recoveryKey', <ErrorText error={result.error} />);
      return;
    }
    if (result.error.message === 'auth.recoverUnknownLogin') {
      form.setFieldError('loginId', <ErrorText error={result.error} />);
      return;
    }
    setFailure(showErrorOnForm(form, result.error, fieldOf));
  });

  return (
    <PublicLayout title={t('recovery.title')} width={560}>
      <Text size="sm">{t('recovery.intro')}</Text>
      <form onSubmit={submit} noValidate aria-label={t('recovery.title')}>
        <Stack gap="md">
          <TextInput required label={t('fields.loginId')} autoComplete="username" autoFocus {...form.getInputProps('loginId')} />
          <RecoveryKeyField {...form.getInputProps('recoveryKey')} />
          <PasswordField required label={t('fields.newPassword')} autoComplete="new-password" aria-describedby="recovery-password-hints" {...form.getInputProps('newPassword')} />
          <PasswordField required label={t('fields.newPasswordConfirm')} autoComplete="new-password" {...form.getInputProps('newPasswordConfirm')} />
          <PasswordHints id="recovery-password-hints" password={form.values.newPassword} loginId={form.values.loginId} />
          <ErrorAlert error={failure} />
          <Group justify="space-between" align="center">
            <Anchor component="button" type="button" size="sm" onClick={() => showSignIn()}>
              {t('recovery.back')}
            </Anchor>
            <Button type="submit" loading={form.submitting}>
              {t('recovery.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </PublicLayout>
  );
}
