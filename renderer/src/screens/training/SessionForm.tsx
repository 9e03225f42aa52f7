// Recording a session held, or correcting one: day, topic, trainer, notes, the comprehension test, the material and
// who attended. Opens in place of the list: the attendance of an all-staff session needs the room.
import { Button, Card, Center, Checkbox, FileInput, Group, Loader, NumberInput, SimpleGrid, Stack, Switch, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconFileUpload } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { sessionInput, type TrainingSessionDetail } from '../../../../src-shared/api/training';
import type { DeskErrorData } from '../../../../src-shared/errors';
import { useClient } from '../../app/client-context';
import { ErrorText, FieldMessage } from '../../app/errors';
import { fromSchema } from '../../app/validate';
import { today } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { QueryError } from '../../components/QueryError';
import { Translated } from '../../components/Translated';
import { AttendeesField, type Attendee } from './AttendeesField';
import { fileSize, materialAccept, materialProblem, readMaterial } from './material-file';
import { useTrainingChanged, useTrainingSession } from './queries';

interface Values {
  heldOn: string;
  topic: string;
  trainer: string;
  notes: string;
  withTest: boolean;
  passMark: number | string;
  material: File | null;
  removeMaterial: boolean;
  attendees: Attendee[];
}

/** The pass mark offered for a new test: eight questions out of ten, as most offices set it. */
const usualPassMark = 80;

function valuesOf(detail: TrainingSessionDetail | null): Values {
  return {
    heldOn: detail?.heldOn ?? today(),
    topic: detail?.topic ?? '',
    trainer: detail?.trainer ?? '',
    notes: detail?.notes ?? '',
    withTest: detail ? detail.passMark !== null : false,
    passMark: detail?.passMark ?? usualPassMark,
    material: null,
    removeMaterial: false,
    attendees: (detail?.attendees ?? []).map((a) => ({ key: a.key, accountId: a.accountId, name: a.name, department: a.department ?? '', score: a.score ?? '' })),
  };
}

export function SessionForm({ id, onSaved, onCancel }: { id?: string; onSaved: (id: string) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <Button variant="subtle" leftSection={<IconArrowLeft size={16} aria-hidden />} onClick={onCancel} px={0} style={{ alignSelf: 'flex-start' }}>
        {id ? t('training.form.backToSession') : t('training.view.back')}
      </Button>
      {id ? <EditSession id={id} onSaved={onSaved} onCancel={onCancel} /> : <SessionFields detail={null} onSaved={onSaved} onCancel={onCancel} />}
    </Stack>
  );
}

function EditSession({ id, onSaved, onCancel }: { id: string; onSaved: (id: string) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const detail = useTrainingSession(id);
  if (detail.error) return <QueryError error={detail.error} />;
  if (!detail.data) {
    return (
      <Center py="xl">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  return <SessionFields detail={detail.data} onSaved={onSaved} onCancel={onCancel} />;
}

const shape = sessionInput.shape;
const score = (v: number | string) => (v === '' || (Number.isInteger(Number(v)) && Number(v) >= 0 && Number(v) <= 100) ? null : <FieldMessage message="training.score" />);
const materialField = /^material(\.|$)/;

function SessionFields({ detail, onSaved, onCancel }: { detail: TrainingSessionDetail | null; onSaved: (id: string) => void; onCancel: () => void }) {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const changed = useTrainingChanged();
  const [failure, setFailure] = useState<DeskErrorData | null>(null);
  const day = today();
  const form = useForm<Values>({
    initialValues: valuesOf(detail),
    validate: {
      heldOn: (v) => (!v ? <FieldMessage message="date.format" /> : v > day ? <FieldMessage message="training.heldInFuture" /> : null),
      topic: fromSchema(shape.topic),
      trainer: fromSchema(shape.trainer),
      passMark: (v, values) => (values.withTest ? (v === '' ? <FieldMessage message="training.passMarkRequired" /> : score(v)) : null),
      material: (file) => {
        const problem = materialProblem(file);
        return problem ? <FieldMessage message={problem} /> : null;
      },
      attendees: {
        score: (v, values) => (values.withTest ? score(v) : null),
      },
    },
  });
  // The list needs one entry at least; a message of its own, since the field is a list and not an input.
  const [attendeesError, setAttendeesError] = useState<ReactNode>(null);

  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    if (values.attendees.length === 0) return setAttendeesError(<FieldMessage message="training.noAttendees" />);
    setAttendeesError(null);
    let material;
    try {
      material = values.material ? await readMaterial(values.material) : undefined;
    } catch {
      return form.setFieldError('material', <ErrorText error={{ code: 'VALIDATION', message: 'trainingMaterial.unreadable' }} />);
    }
    const session = {
      heldOn: values.heldOn,
      topic: values.topic,
      trainer: values.trainer,
      notes: values.notes.trim() || undefined,
      passMark: values.withTest ? Number(values.passMark) : undefined,
      attendees: values.attendees.map((a) => ({
        ...(a.accountId ? { accountId: a.accountId } : { personName: a.name, department: a.department.trim() || undefined }),
        ...(values.withTest && a.score !== '' ? { score: Number(a.score) } : {}),
      })),
    };
    const result = detail
      ? await client.call('training.update', { id: detail.id, session, material: values.removeMaterial ? null : material })
      : await client.call('training.record', { ...session, material });
    if (!result.ok) return setFailure(placeError(result.error));
    changed();
    notifications.show({ color: 'teal', message: <Translated k={detail ? 'training.form.updated' : 'training.form.recorded'} values={{ number: result.value.number }} /> });
    onSaved(result.value.id);
  });

  /** Puts a refusal next to its field where it has one, and returns what the form's alert should say. */
  function placeError(error: DeskErrorData): DeskErrorData | null {
    const at = (path: string) => path.replace(/^session\./, '');
    if (error.code === 'VALIDATION' && error.message === 'validation.input') {
      const issues = (error.details?.issues as { path: string; message: string }[] | undefined) ?? [];
      for (const issue of issues) {
        const path = at(issue.path);
        if (path === 'attendees' || /^attendees\.\d+\.(accountId|personName|department)$/.test(path)) setAttendeesError(<FieldMessage message={issue.message} />);
        else if (materialField.test(path)) form.setFieldError('material', <FieldMessage message={issue.message} />);
        else form.setFieldError(path, <FieldMessage message={issue.message} />);
      }
      return issues.length ? null : error;
    }
    const path = typeof error.details?.path === 'string' ? at(error.details.path) : '';
    const shown = <ErrorText error={error} />;
    if (materialField.test(path) || error.message.startsWith('trainingMaterial.')) form.setFieldError('material', shown);
    else if (path === 'heldOn') form.setFieldError('heldOn', shown);
    else if (/^attendees\.\d+\.score$/.test(path)) form.setFieldError(path, shown);
    else if (path.startsWith('attendees')) setAttendeesError(shown);
    else return error;
    return null;
  }

  const title = detail ? t('training.form.editTitle', { number: detail.number }) : t('training.form.recordTitle');
  return (
    <form onSubmit={submit} noValidate aria-label={title}>
      <Stack gap="md" maw={980}>
        <Title order={1} size="h2">
          {title}
        </Title>
        <Card withBorder radius="md" padding="lg">
          <Stack gap="md">
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md" style={{ alignItems: 'end' }}>
              <TextInput required type="date" max={day} label={t('training.form.heldOn')} {...form.getInputProps('heldOn')} />
              <TextInput required label={t('training.form.topic')} maxLength={200} placeholder={t('training.form.topicPlaceholder')} {...form.getInputProps('topic')} style={{ gridColumn: 'span 2' }} />
            </SimpleGrid>
            <TextInput required label={t('training.form.trainer')} description={t('training.form.trainerHint')} maxLength={100} {...form.getInputProps('trainer')} />
            <Textarea autosize minRows={2} maxRows={8} maxLength={4000} label={t('training.form.notes')} description={t('training.form.notesHint')} {...form.getInputProps('notes')} />
            <Group align="flex-end" gap="lg">
              <Switch label={t('training.form.withTest')} {...form.getInputProps('withTest', { type: 'checkbox' })} mb={8} />
              {form.values.withTest && (
                <NumberInput required w={160} min={0} max={100} allowDecimal={false} allowNegative={false} label={t('training.form.passMark')} suffix={t('training.form.pointsSuffix')} {...form.getInputProps('passMark')} />
              )}
            </Group>
            {form.values.withTest && (
              <Text size="xs" c="dimmed" mt={-8}>
                {t('training.form.testHint')}
              </Text>
            )}
            <Stack gap={6}>
              <FileInput
                clearable
                accept={materialAccept}
                label={detail?.material ? t('training.form.replaceMaterial') : t('training.form.material')}
                description={t('training.form.materialHint')}
                placeholder={t('training.form.materialPlaceholder')}
                leftSection={<IconFileUpload size={16} aria-hidden />}
                disabled={form.values.removeMaterial}
                {...form.getInputProps('material')}
              />
              {detail?.material && (
                <Group gap="md">
                  <Text size="xs" c="dimmed">
                    {t('training.form.currentMaterial', { fileName: detail.material.fileName, size: fileSize(detail.material.bytes, i18n.language) })}
                  </Text>
                  <Checkbox size="xs" label={t('training.form.removeMaterial')} {...form.getInputProps('removeMaterial', { type: 'checkbox' })} />
                </Group>
              )}
            </Stack>
          </Stack>
        </Card>
        <Card withBorder radius="md" padding="lg">
          <AttendeesField
            value={form.values.attendees}
            onChange={(attendees) => {
              form.setFieldValue('attendees', attendees);
              if (attendees.length) setAttendeesError(null);
            }}
            withTest={form.values.withTest}
            error={attendeesError}
            scoreError={(i) => form.errors[`attendees.${i}.score`]}
          />
        </Card>
        <ErrorAlert error={failure} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={form.submitting}>
            {detail ? t('training.form.saveChanges') : t('training.form.submitRecord')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
