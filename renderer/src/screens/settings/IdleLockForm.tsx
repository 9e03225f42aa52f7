// The idle lock: minutes without input (1–60) before the desk locks itself.
import { Button, Group, NumberInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeskErrorData } from '../../../../src-shared/errors';
import { idleLockMinutes } from '../../../../src-shared/api/fields';
import { idleLockBounds } from '../../../../src-shared/domain';
import { useClient } from '../../app/client-context';
import { showErrorOnForm } from '../../app/errors';
import { queryKeys } from '../../app/queries';
import { useSession, useSessionActions } from '../../app/session';
import { fromSchema } from '../../app/validate';
import { Translated } from '../../components/Translated';
import { ErrorAlert } from '../../components/ErrorAlert';

export function IdleLockForm({ minutes }: { minutes: number }) {
  const { t } = useTranslation();
  const client = useClient();
  const queryClient = useQueryClient();
  const session = useSession();
  const { sessionChanged } = useSessionActions();
  const [failure, setFailure] = useState<DeskErrorData | null>(null);
  const form = useForm<{ idleLockMinutes: number | string }>({
    initialValues: { idleLockMinutes: minutes },
    validate: { idleLockMinutes: fromSchema(idleLockMinutes) },
  });

  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    const result = await client.call('settings.update', { idleLockMinutes: Number(values.idleLockMinutes) });
    if (!result.ok) return setFailure(showErrorOnForm(form, result.error));
    queryClient.setQueryData(queryKeys.settings, result.value);
    form.resetDirty();
    // The new minutes apply to this session at once (the core changed it too); the idle timer follows the session.
    sessionChanged({ ...session, idleLockMinutes: result.value.idleLockMinutes });
    notifications.show({ color: 'teal', message: <Translated k="settings.idleLock.saved" values={{ count: result.value.idleLockMinutes }} /> });
  });

  return (
    <form onSubmit={submit} noValidate aria-label={t('settings.idleLock.title')}>
      <Stack gap="md" maw={320}>
        <NumberInput
          required
          label={t('fields.idleLockMinutes')}
          min={idleLockBounds.min}
          max={idleLockBounds.max}
          step={1}
          allowDecimal={false}
          allowNegative={false}
          clampBehavior="none"
          {...form.getInputProps('idleLockMinutes')}
        />
        <ErrorAlert error={failure} />
        <Group>
          <Button type="submit" loading={form.submitting}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
