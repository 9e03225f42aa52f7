// The backup folder: a full path the officer types (the edge's folder dialog may fill it), checked writable by the core.
import { Button, Group, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconFolder } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { DeskErrorData } from '../../../../src-shared/errors';
import { useClient } from '../../app/client-context';
import { ErrorText, showErrorOnForm } from '../../app/errors';
import { fromSchema } from '../../app/validate';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Translated } from '../../components/Translated';
import { useBackupsChanged } from './queries';
import { Section } from './Section';

const folderField = z.string().trim().min(1, { message: 'path.required' }).max(1024, { message: 'path.tooLong' });

export function FolderCard({ folder }: { folder: string }) {
  const { t } = useTranslation();
  const client = useClient();
  const changed = useBackupsChanged();
  const [failure, setFailure] = useState<DeskErrorData | null>(null);
  const form = useForm({ initialValues: { folder }, validate: { folder: fromSchema(folderField) } });

  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    const result = await client.call('backup.setFolder', { folder: values.folder });
    if (!result.ok) {
      const rest = showErrorOnForm(form, result.error);
      // What is wrong with the folder belongs next to it.
      if (rest && result.error.message.startsWith('backup.')) form.setFieldError('folder', <ErrorText error={result.error} />);
      else setFailure(rest);
      return;
    }
    changed();
    notifications.show({ color: 'teal', message: <Translated k="backup.folder.saved" /> });
  });

  return (
    <Section id="backup-folder" title={t('backup.folder.title')} description={t('backup.folder.description')}>
      <form onSubmit={submit} noValidate aria-label={t('backup.folder.title')}>
        <Stack gap="md">
          <TextInput
            required
            label={t('backup.folder.label')}
            description={t('backup.folder.hint')}
            leftSection={<IconFolder size={16} aria-hidden />}
            spellCheck={false}
            ff="monospace"
            {...form.getInputProps('folder')}
          />
          <ErrorAlert error={failure} />
          <Group>
            <Button type="submit" variant="default" loading={form.submitting} disabled={!form.isDirty()}>
              {t('backup.folder.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Section>
  );
}
