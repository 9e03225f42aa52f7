// Changing one's own password: current password, new password and its confirmation, with the live hints.
import { Button, Group, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeskErrorData } from '../../../../src-shared/errors';
import type { SessionInfo } from '../../../../src-shared/domain';
import { useClient } from '../../app/client-context';
import { ErrorText, showErrorOnForm } from '../../app/errors';
import { confirmationError, newPasswordError, requiredError } from '../../app/validate';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PasswordField } from '../../components/PasswordField';
import { PasswordHints } from '../../components/PasswordHints';

export function ChangePasswordForm({ loginId, displayName, onChanged }: { loginId: string; displayName: string; onChanged: (session: SessionInfo) => void }) {
  const { t } = useTranslation();
  const client = useClient();
  const [failure, setFailure] = useState<DeskErrorData | null>(null);
  const form = useForm({
    initialValues: { currentPassword: '', newPassword: '', newPasswordConfirm: '' },
    validate: {
      currentPassword: (v) => requiredError(v),
      newPassword: (v) => newPasswordError(v, loginId),
      newPasswordConfirm: (v, values) => confirmationError(v, values.newPassword),
    },
  });

  const submit = form.onSubmit(async ({ currentPassword, newPassword }) => {
    setFailure(null);
    const result = await client.call('auth.changePassword', { currentPassword, newPassword });
    if (result.ok) {
      form.reset();
      return onChanged(result.value);
    }
    form.setFieldValue('currentPassword', '');
    if (result.error.message === 'auth.wrongCredentials') {
      form.setFieldError('currentPassword', <ErrorText error={result.error} />);
      return;
    }
    setFailure(showErrorOnForm(form, result.error, { 'password.rule': 'newPassword' }));
  });

  return (
    <form onSubmit={submit} noValidate aria-label={t('account.title')}>
      <Stack gap="md" maw={480}>
        <PasswordField required label={t('fields.currentPassword')} autoComplete="current-password" {...form.getInputProps('currentPassword')} />
        <PasswordField required label={t('fields.newPassword')} autoComplete="new-password" aria-describedby="change-password-hints" {...form.getInputProps('newPassword')} />
        <PasswordField required label={t('fields.newPasswordConfirm')} autoComplete="new-password" {...form.getInputProps('newPasswordConfirm')} />
        <PasswordHints id="change-password-hints" password={form.values.newPassword} loginId={loginId} related={[displayName]} />
        <ErrorAlert error={failure} />
        <Group>
          <Button type="submit" loading={form.submitting}>
            {t('account.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
