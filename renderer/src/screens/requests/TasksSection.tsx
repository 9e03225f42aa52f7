// The company's other systems that must act on an approved correction, erasure or cessation: each owner's confirmation, or the officer's waiver.
import { Badge, Button, Card, Group, Modal, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconCircleCheck, IconCircleOff } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeskErrorData } from '../../../../src-shared/errors';
import type { RequestDetail, SystemTask } from '../../../../src-shared/requests';
import { useClient } from '../../app/client-context';
import { showCustomerError } from '../customers/form-errors';
import { useSession } from '../../app/session';
import { requiredError } from '../../app/validate';
import { cellBadge } from '../../components/badge';
import { formatDateTime } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Translated } from '../../components/Translated';
import { Section } from '../customers/RecordSections';
import { Field } from './RequestDetails';
import { useRequestChanged } from './queries';

const taskColor = { open: 'orange', confirmed: 'teal', waived: 'gray' } as const;
type TaskDialog = { kind: 'confirm' | 'waive'; task: SystemTask };

export function TasksSection({ request }: { request: RequestDetail }) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<TaskDialog | null>(null);
  if (request.tasks.length === 0 && (request.kind === 'disclosure' || request.state === 'withdrawn')) return null;
  return (
    <Section id="tasks" title={t('requestView.sections.tasks')}>
      <Stack gap="sm">
        <Text size="xs" c="dimmed">
          {t('requestView.tasks.note')}
        </Text>
        {request.tasks.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('requestView.tasks.empty')}
          </Text>
        ) : (
          <Stack gap="sm" data-testid="request-tasks">
            {request.tasks.map((task) => (
              <TaskCard key={task.id} task={task} onAction={(kind) => setDialog({ kind, task })} />
            ))}
          </Stack>
        )}
      </Stack>
      <Modal opened={dialog !== null} onClose={() => setDialog(null)} title={dialog ? t(`requestView.tasks.${dialog.kind}Title`, { system: dialog.task.systemName }) : ''} size="lg" closeOnClickOutside={false}>
        {dialog && <TaskForm dialog={dialog} onClose={() => setDialog(null)} />}
      </Modal>
    </Section>
  );
}

function TaskCard({ task, onAction }: { task: SystemTask; onAction: (kind: 'confirm' | 'waive') => void }) {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const lang = i18n.language;
  return (
    <Card withBorder radius="sm" padding="sm" data-task-state={task.state} data-system={task.systemName}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Group gap="sm">
            <Text size="sm" fw={700}>
              {task.systemName}
            </Text>
            <Badge {...cellBadge} color={taskColor[task.state]} variant="light">
              {t(`requestView.tasks.states.${task.state}`)}
            </Badge>
          </Group>
          {task.state === 'open' && (
            <Group gap="xs">
              {session.permissions.includes('tasks.confirm') && (
                <Button size="compact-sm" variant="light" color="teal" leftSection={<IconCircleCheck size={14} aria-hidden />} onClick={() => onAction('confirm')}>
                  {t('requestView.tasks.confirm')}
                </Button>
              )}
              {session.permissions.includes('tasks.waive') && (
                <Button size="compact-sm" variant="default" leftSection={<IconCircleOff size={14} aria-hidden />} onClick={() => onAction('waive')}>
                  {t('requestView.tasks.waive')}
                </Button>
              )}
            </Group>
          )}
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
          <Field label={t('requestView.tasks.owner')}>
            {task.ownerName} <Text span size="xs" c="dimmed">{task.ownerContact}</Text>
          </Field>
          <Field label={t('requestView.tasks.order')}>
            <Text span size="xs" ff="monospace">
              {task.orderFile}
            </Text>
          </Field>
          {task.state === 'confirmed' && (
            <Field label={t('requestView.tasks.confirmedBy')}>
              {t('requestView.tasks.confirmedLine', { who: task.confirmedBy ?? '—', at: formatDateTime(task.confirmedAt, lang), by: task.recordedByName ?? '—' })}
            </Field>
          )}
          {task.evidence && <Field label={t('requestView.tasks.evidence')}>{task.evidence}</Field>}
          {task.waiveReason && <Field label={t('requestView.tasks.waiveReason')}>{task.waiveReason}</Field>}
        </SimpleGrid>
      </Stack>
    </Card>
  );
}

function TaskForm({ dialog, onClose }: { dialog: TaskDialog; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useClient();
  const changed = useRequestChanged();
  const [failure, setFailure] = useState<DeskErrorData | null>(null);
  const [busy, setBusy] = useState(false);
  const confirming = dialog.kind === 'confirm';
  const form = useForm({
    initialValues: { confirmedBy: dialog.task.ownerName, evidence: '', reason: '' },
    validate: {
      confirmedBy: (v) => (confirming ? requiredError(v) : null),
      evidence: (v) => (confirming ? requiredError(v) : null),
      reason: (v) => (confirming ? null : requiredError(v)),
    },
  });
  const submit = form.onSubmit(async (v) => {
    setFailure(null);
    setBusy(true);
    const result = confirming
      ? await client.call('tasks.confirm', { id: dialog.task.id, confirmedBy: v.confirmedBy.trim(), evidence: v.evidence.trim() })
      : await client.call('tasks.waive', { id: dialog.task.id, reason: v.reason.trim() });
    setBusy(false);
    if (!result.ok) return setFailure(showCustomerError(form, result.error));
    changed(result.value);
    notifications.show({ color: 'teal', message: <Translated k={`requestView.tasks.${dialog.kind}Done`} values={{ system: dialog.task.systemName }} /> });
    onClose();
  });
  return (
    <form onSubmit={submit} noValidate aria-label={t(`requestView.tasks.${dialog.kind}Title`, { system: dialog.task.systemName })}>
      <Stack gap="md">
        <Text size="sm">{t(`requestView.tasks.${dialog.kind}Explain`)}</Text>
        {confirming ? (
          <>
            <TextInput required label={t('requestView.tasks.confirmedBy')} maxLength={100} {...form.getInputProps('confirmedBy')} />
            <Textarea required label={t('requestView.tasks.evidence')} description={t('requestView.tasks.evidenceHint')} autosize minRows={3} maxLength={2000} {...form.getInputProps('evidence')} />
          </>
        ) : (
          <Textarea required label={t('requestView.tasks.waiveReason')} autosize minRows={3} maxLength={2000} {...form.getInputProps('reason')} />
        )}
        <ErrorAlert error={failure} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={busy} color={confirming ? 'teal' : undefined}>
            {t(`requestView.tasks.${dialog.kind}Submit`)}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
