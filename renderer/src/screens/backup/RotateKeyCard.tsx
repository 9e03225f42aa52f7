// The data key's rotation: what it does, in plain words, then the officer's password; the result or the reason it waits.
import { Alert, Button, Group, List, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconKey } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeskErrorData } from '../../../../src-shared/errors';
import { useClient } from '../../app/client-context';
import { ErrorText } from '../../app/errors';
import { requiredError } from '../../app/validate';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PasswordField } from '../../components/PasswordField';
import { Section } from './Section';

export function RotateKeyCard() {
  const { t } = useTranslation();
  const client = useClient();
  const [failure, setFailure] = useState<DeskErrorData | null>(null);
  const [rotated, setRotated] = useState<{ accounts: number } | null>(null);
  const form = useForm({ initialValues: { password: '' }, validate: { password: (v) => requiredError(v) } });

  const submit = form.onSubmit(async ({ password }) => {
    setFailure(null);
    setRotated(null);
    const result = await client.call('keys.rotate', { password });
    // The password leaves memory with the form, whatever the answer.
    form.reset();
    if (result.ok) return setRotated({ accounts: result.value.accounts });
    if (result.error.message === 'auth.wrongPassword') form.setFieldError('password', <ErrorText error={result.error} />);
    else setFailure(result.error);
  });

  return (
    <Section id="key-rotation" title={t('backup.rotate.title')} description={t('backup.rotate.description')}>
      <List size="sm" spacing={4}>
        {(['what1', 'what2', 'what3', 'what4'] as const).map((k) => (
          <List.Item key={k}>{t(`backup.rotate.${k}`)}</List.Item>
        ))}
      </List>
      <form onSubmit={submit} noValidate aria-label={t('backup.rotate.title')}>
        <Stack gap="md" maw={480}>
          <PasswordField required label={t('backup.rotate.password')} autoComplete="current-password" {...form.getInputProps('password')} />
          <ErrorAlert error={failure} />
          {rotated && (
            <Alert color="teal" variant="light" role="status" data-testid="key-rotated">
              {t('backup.rotate.done', { accounts: rotated.accounts })}
            </Alert>
          )}
          <Group>
            <Button type="submit" color="orange" leftSection={<IconKey size={16} aria-hidden />} loading={form.submitting}>
              {t('backup.rotate.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Section>
  );
}
