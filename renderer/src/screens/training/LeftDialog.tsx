// Taking a person without an account off the training lists (left the company, or no longer handles personal data).
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EmployeeTraining } from '../../../../src-shared/api/training';
import type { DeskErrorData } from '../../../../src-shared/errors';
import { useClient } from '../../app/client-context';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Translated } from '../../components/Translated';
import { useTrainingChanged } from './queries';

export function LeftDialog({ person, onClose }: { person: EmployeeTraining | null; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useClient();
  const changed = useTrainingChanged();
  const [failure, setFailure] = useState<DeskErrorData | null>(null);
  const [busy, setBusy] = useState(false);

  const close = () => {
    setFailure(null);
    onClose();
  };
  const confirm = async () => {
    if (!person) return;
    setBusy(true);
    const result = await client.call('training.setLeft', { key: person.key, left: true });
    setBusy(false);
    if (!result.ok) return setFailure(result.error);
    changed();
    notifications.show({ color: 'teal', message: <Translated k="training.left.done" values={{ name: person.name }} /> });
    close();
  };

  return (
    <Modal opened={person !== null} onClose={close} title={t('training.left.title')} size="md">
      {person && (
        <Stack gap="md">
          <Text size="sm">{t('training.left.confirm', { name: person.name })}</Text>
          <Text size="sm" c="dimmed">
            {t('training.left.explain')}
          </Text>
          <ErrorAlert error={failure} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button color="red" loading={busy} onClick={() => void confirm()}>
              {t('training.left.submit')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
