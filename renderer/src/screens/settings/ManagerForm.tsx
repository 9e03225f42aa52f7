// Editing the manager-in-charge of personal information.
import { Button, Group, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeskErrorData } from '../../../../src-shared/errors';
import { manager as managerSchema } from '../../../../src-shared/api/fields';
import type { ManagerInCharge } from '../../../../src-shared/domain';
import { useClient } from '../../app/client-context';
import { showErrorOnForm } from '../../app/errors';
import { queryKeys } from '../../app/queries';
import { fromSchema } from '../../app/validate';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Translated } from '../../components/Translated';
import { ManagerFields } from '../../components/ManagerFields';

export function ManagerForm({ manager }: { manager: ManagerInCharge }) {
  const { t } = useTranslation();
  const client = useClient();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<DeskErrorData | null>(null);
  const form = useForm({
    initialValues: { manager },
    validate: {
      manager: {
        name: fromSchema(managerSchema.shape.name),
        title: fromSchema(managerSchema.shape.title),
        email: fromSchema(managerSchema.shape.email),
        phone: fromSchema(managerSchema.shape.phone),
      },
    },
  });

  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    const result = await client.call('settings.update', { manager: values.manager });
    if (!result.ok) return setFailure(showErrorOnForm(form, result.error));
    queryClient.setQueryData(queryKeys.settings, result.value);
    form.setInitialValues({ manager: result.value.manager });
    form.setValues({ manager: result.value.manager });
    notifications.show({ color: 'teal', message: <Translated k="settings.manager.saved" /> });
  });

  return (
    <form onSubmit={submit} noValidate aria-label={t('settings.manager.title')}>
      <Stack gap="md">
        <ManagerFields inputProps={(field) => form.getInputProps(`manager.${field}`)} />
        <ErrorAlert error={failure} />
        <Group>
          <Button type="submit" loading={form.submitting} disabled={!form.isDirty()}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
