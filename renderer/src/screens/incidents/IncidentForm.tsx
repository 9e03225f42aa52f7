// 事案の記録 (recording a leak incident): the facts as known at discovery; the desk then says whether the PPC must be told.
import { Button, Group, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeskErrorData } from '../../../../src-shared/errors';
import { useClient } from '../../app/client-context';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ScreenTitle } from '../../components/ScreenTitle';
import { Translated } from '../../components/Translated';
import { StatementRequired, statementRequired } from '../customers/StatementRequired';
import { showFactsError } from './facts-errors';
import { blankFacts, factsInput, type FactsValues } from './facts-values';
import { FactsFields, factsValidation } from './FactsFields';
import { useIncidentChanged } from './queries';

export function IncidentForm({ onCreated, onCancel }: { onCreated: (id: string) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const client = useClient();
  const changed = useIncidentChanged();
  const [failure, setFailure] = useState<DeskErrorData | null>(null);
  const form = useForm<FactsValues>({ initialValues: blankFacts(), validate: factsValidation });

  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    const input = factsInput(values);
    const result = await client.call('incidents.create', input);
    if (!result.ok) return setFailure(statementRequired(result.error) ?? showFactsError(form, result.error, input));
    changed(result.value);
    notifications.show({ color: 'teal', message: <Translated k="incidentForm.created" values={{ number: result.value.number }} /> });
    onCreated(result.value.id);
  });

  const refused = statementRequired(failure);
  if (refused) return <StatementRequired error={refused} />;

  return (
    <form onSubmit={submit} noValidate aria-label={t('incidentForm.title')}>
      <Stack gap="md" maw={1040}>
        <Group>
          <Button variant="subtle" leftSection={<IconArrowLeft size={16} aria-hidden />} onClick={onCancel} px={4}>
            {t('incidentView.back')}
          </Button>
        </Group>
        <ScreenTitle title={t('incidentForm.title')} intro={t('incidentForm.intro')} />
        <FactsFields form={form} />
        <ErrorAlert error={failure} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={form.submitting} size="md" color="red">
            {t('incidentForm.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
