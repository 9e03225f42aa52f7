// On a fresh installation: a backup file (its full path) and the recovery key of the backup's day bring the desk back;
// then everyone signs in with the passwords they had at that time.
import { Alert, Anchor, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCircleCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { RestoreResult } from '../../../../src-shared/api/backup';
import { recoveryKey } from '../../../../src-shared/api/fields';
import type { DeskErrorData } from '../../../../src-shared/errors';
import { useClient } from '../../app/client-context';
import { ErrorText, showErrorOnForm } from '../../app/errors';
import { useSessionActions } from '../../app/session';
import { fromSchema } from '../../app/validate';
import { formatDateTime } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { RecoveryKeyField } from '../../components/RecoveryKeyField';

const backupFile = z.string().trim().min(1, { message: 'path.required' }).max(1024, { message: 'path.tooLong' });

/** Errors that are about the file go next to the file; a wrong recovery key next to the key. */
const fileErrors = new Set(['backup.fileNotFound', 'backup.notReadable', 'backup.notABackup', 'backup.pathNotAbsolute']);

export function RestoreForm({ onBack }: { onBack(): void }) {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const { showSignIn } = useSessionActions();
  const [failure, setFailure] = useState<DeskErrorData | null>(null);
  const [restored, setRestored] = useState<RestoreResult | null>(null);
  const form = useForm({
    initialValues: { file: '', recoveryKey: '' },
    validate: { file: fromSchema(backupFile), recoveryKey: fromSchema(recoveryKey) },
  });

  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    const result = await client.call('backup.restore', values);
    if (result.ok) {
      form.reset(); // the recovery key leaves memory with the form
      return setRestored(result.value);
    }
    const { message } = result.error;
    if (message === 'backup.wrongRecoveryKey') form.setFieldError('recoveryKey', <ErrorText error={result.error} />);
    else if (fileErrors.has(message)) form.setFieldError('file', <ErrorText error={result.error} />);
    else setFailure(showErrorOnForm(form, result.error));
  });

  if (restored) {
    return (
      <Stack gap="md" data-testid="restore-done">
        <Alert color="teal" variant="light" role="status" icon={<IconCircleCheck aria-hidden />} title={t('restore.doneTitle')}>
          <Stack gap={4}>
            <Text size="sm">{t('restore.done', { at: formatDateTime(restored.createdAt, i18n.language) })}</Text>
            <Text size="sm">{t('restore.summary', { accounts: restored.accounts, customers: restored.customers, events: restored.events })}</Text>
          </Stack>
        </Alert>
        <Text size="sm">{t('restore.next')}</Text>
        <Group justify="flex-end">
          <Button onClick={() => showSignIn()}>{t('restore.toSignIn')}</Button>
        </Group>
      </Stack>
    );
  }

  return (
    <form onSubmit={submit} noValidate aria-label={t('restore.title')}>
      <Stack gap="md">
        <Text size="sm">{t('restore.intro')}</Text>
        <TextInput required label={t('restore.file')} description={t('restore.fileHint')} spellCheck={false} ff="monospace" autoFocus {...form.getInputProps('file')} />
        <RecoveryKeyField {...form.getInputProps('recoveryKey')} />
        <ErrorAlert error={failure} />
        <Group justify="space-between" align="center">
          <Anchor component="button" type="button" size="sm" onClick={onBack}>
            {t('restore.back')}
          </Anchor>
          <Button type="submit" loading={form.submitting}>
            {t('restore.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
