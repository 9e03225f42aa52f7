// First run: the officer's account and the manager-in-charge, then the recovery key shown once; or a restore from a backup.
import { Alert, Button, Divider, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconDatabaseImport } from '@tabler/icons-react';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeskErrorData } from '../../../../src-shared/errors';
import { displayName, loginId, manager } from '../../../../src-shared/api/fields';
import { useClient } from '../../app/client-context';
import { showErrorOnForm } from '../../app/errors';
import { useSessionActions } from '../../app/session';
import { confirmationError, fromSchema, newPasswordError } from '../../app/validate';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PasswordField } from '../../components/PasswordField';
import { ManagerFields } from '../../components/ManagerFields';
import { PasswordHints } from '../../components/PasswordHints';
import { PublicLayout } from '../../components/PublicLayout';
import { RecoveryKeyReveal } from '../../components/RecoveryKeyReveal';
import { RestoreForm } from './RestoreForm';

export function SetupScreen() {
  const { t } = useTranslation();
  const client = useClient();
  const { setupDone } = useSessionActions();
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);
  const [failure, setFailure] = useState<DeskErrorData | null>(null);
  const [restoring, setRestoring] = useState(false);

  const form = useForm({
    initialValues: {
      displayName: '',
      loginId: '',
      password: '',
      passwordConfirm: '',
      manager: { name: '', title: '', email: '', phone: '' },
    },
    validate: {
      displayName: fromSchema(displayName),
      loginId: fromSchema(loginId),
      password: (value, values) => newPasswordError(value, values.loginId),
      passwordConfirm: (value, values) => confirmationError(value, values.password),
      manager: {
        name: fromSchema(manager.shape.name),
        title: fromSchema(manager.shape.title),
        email: fromSchema(manager.shape.email),
        phone: fromSchema(manager.shape.phone),
      },
    },
  });

  const submit = form.onSubmit(async ({ passwordConfirm: _confirm, ...values }) => {
    setFailure(null);
    const result = await client.call('setup.createOfficer', values);
    if (result.ok) {
      form.reset(); // the password leaves memory with the form
      setRecoveryKey(result.value.recoveryKey);
    } else if (result.error.message === 'setup.alreadyDone') {
      setupDone();
    } else {
      setFailure(showErrorOnForm(form, result.error, { 'password.rule': 'password' }));
    }
  });

  if (recoveryKey) {
    return (
      <PublicLayout title={t('recoveryKey.title')} width={720}>
        <RecoveryKeyReveal recoveryKey={recoveryKey} onContinue={setupDone} />
      </PublicLayout>
    );
  }

  if (restoring) {
    return (
      <PublicLayout title={t('restore.title')} width={720}>
        <RestoreForm onBack={() => setRestoring(false)} />
      </PublicLayout>
    );
  }

  return (
    <PublicLayout title={t('setup.title')} width={720}>
      <Text size="sm">{t('setup.intro')}</Text>
      <Alert color="gray" variant="light" icon={<IconDatabaseImport aria-hidden />}>
        <Group justify="space-between" align="center" gap="sm">
          <Text size="sm" style={{ flex: '1 1 320px' }}>
            {t('restore.offer')}
          </Text>
          <Button variant="default" size="xs" onClick={() => setRestoring(true)}>
            {t('restore.open')}
          </Button>
        </Group>
      </Alert>
      <form onSubmit={submit} noValidate aria-label={t('setup.title')}>
        <Stack gap="md">
          <Title order={2} size="h4">
            {t('setup.officerSection')}
          </Title>
          <TextInput required label={t('fields.displayName')} description={t('fields.displayNameHint')} autoComplete="name" {...form.getInputProps('displayName')} />
          <TextInput required label={t('fields.loginId')} description={t('fields.loginIdHint')} autoComplete="username" {...form.getInputProps('loginId')} />
          <Group grow align="flex-start" wrap="wrap">
            <PasswordField required label={t('fields.password')} autoComplete="new-password" aria-describedby="setup-password-hints" {...form.getInputProps('password')} />
            <PasswordField required label={t('fields.passwordConfirm')} autoComplete="new-password" {...form.getInputProps('passwordConfirm')} />
          </Group>
          <PasswordHints id="setup-password-hints" password={form.values.password} loginId={form.values.loginId} related={[form.values.displayName]} />
          <Divider my="xs" />
          <Title order={2} size="h4">
            {t('setup.managerSection')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('setup.managerExplain')} {t('setup.managerChangeLater')}
          </Text>
          <ManagerFields inputProps={(field) => form.getInputProps(`manager.${field}`)} />
          <ErrorAlert error={failure} />
          <Group justify="flex-end">
            <Button type="submit" loading={form.submitting}>
              {t('setup.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </PublicLayout>
  );
}
