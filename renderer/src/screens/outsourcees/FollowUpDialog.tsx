// Recording a finding's follow-up: the day it was done and what was done; once recorded it stands.
import { Alert, Button, Group, Modal, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { followUpInput, type FindingDetail } from '../../../../src-shared/api/outsourcees';
import type { DeskErrorData } from '../../../../src-shared/errors';
import { useClient } from '../../app/client-context';
import { fromSchema } from '../../app/validate';
import { today } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Translated } from '../../components/Translated';
import { showCustomerError } from '../customers/form-errors';
import { useOutsourceeChanged } from './queries';

export function FollowUpDialog({ finding, evaluatedOn, onClose }: { finding: FindingDetail | null; evaluatedOn: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={finding !== null} onClose={onClose} size="lg" title={t('followUp.title')}>
      {finding && <FollowUpForm key={finding.id} finding={finding} evaluatedOn={evaluatedOn} onClose={onClose} />}
    </Modal>
  );
}

function FollowUpForm({ finding, evaluatedOn, onClose }: { finding: FindingDetail; evaluatedOn: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useClient();
  const changed = useOutsourceeChanged();
  const [failure, setFailure] = useState<DeskErrorData | null>(null);
  const shape = followUpInput.shape;
  const form = useForm({ initialValues: { doneOn: today(), note: '' }, validate: { doneOn: fromSchema(shape.doneOn), note: fromSchema(shape.note) } });
  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    const result = await client.call('outsourcees.followUp', { findingId: finding.id, doneOn: values.doneOn, note: values.note });
    if (!result.ok) return setFailure(showCustomerError(form, result.error));
    changed(result.value);
    notifications.show({ color: 'teal', message: <Translated k="followUp.recorded" /> });
    onClose();
  });
  return (
    <form onSubmit={submit} noValidate aria-label={t('followUp.title')}>
      <Stack gap="md">
        <Alert color="gray" variant="light" p="sm">
          <Stack gap={4}>
            <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
              {finding.finding}
            </Text>
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {t('followUp.asked', { action: finding.action, owner: finding.owner })}
            </Text>
          </Stack>
        </Alert>
        <TextInput required type="date" min={evaluatedOn ?? undefined} max={today()} label={t('followUp.doneOn')} {...form.getInputProps('doneOn')} w={220} />
        <Textarea required autosize minRows={3} label={t('followUp.note')} description={t('followUp.noteHint')} {...form.getInputProps('note')} />
        <Text size="xs" c="dimmed">
          {t('followUp.final')}
        </Text>
        <ErrorAlert error={failure} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={form.submitting}>
            {t('followUp.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
