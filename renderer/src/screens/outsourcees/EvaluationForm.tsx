// 選定時の確認・定期評価の記録 (recording a selection check or a yearly evaluation): how and by whom, the checklist
// with its live score, the contract's clauses, evidence, findings and the result; a correction starts from the record.
import { Alert, Button, Card, Center, Group, Loader, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { contractClauses, evaluationCriteria, evaluationMethods, findingInput, type EvaluationDetail, type EvaluationKind, type OutsourceeDetail } from '../../../../src-shared/api/outsourcees';
import { day } from '../../../../src-shared/api/customer-input';
import type { DeskErrorData } from '../../../../src-shared/errors';
import { useClient } from '../../app/client-context';
import { FieldMessage } from '../../app/errors';
import { useSession } from '../../app/session';
import { fromSchema, requiredError } from '../../app/validate';
import { today } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { QueryError } from '../../components/QueryError';
import { ScreenTitle } from '../../components/ScreenTitle';
import { Translated } from '../../components/Translated';
import { showCustomerError } from '../customers/form-errors';
import { ChecklistFields, ClauseFields } from './ChecklistFields';
import { EvidenceFields } from './EvidenceFields';
import { FindingFields } from './FindingFields';
import { blankValues, fieldOf, inputOf, valuesFrom, type EvaluationValues } from './form-values';
import { useOutsourcee, useOutsourceeChanged } from './queries';
import { ResultFields } from './ResultFields';

interface Props {
  partnerId: string;
  kind: EvaluationKind;
  corrects?: string;
  onDone: () => void;
}

export function EvaluationForm(props: Props) {
  const { t } = useTranslation();
  const detail = useOutsourcee(props.partnerId);
  if (!detail.data) {
    return (
      <Stack gap="md">
        <QueryError error={detail.error} />
        {detail.isPending && (
          <Center py="xl">
            <Group gap="sm" role="status">
              <Loader size="sm" aria-hidden />
              <Text size="sm">{t('common.loading')}</Text>
            </Group>
          </Center>
        )}
      </Stack>
    );
  }
  const corrected = props.corrects ? detail.data.evaluations.find((e) => e.id === props.corrects) : undefined;
  return <Form {...props} detail={detail.data} corrected={corrected} />;
}

function validate(v: EvaluationValues, correcting: boolean): Record<string, ReactNode> {
  const errors: Record<string, ReactNode> = {};
  const message = (key: string) => <FieldMessage message={key} />;
  const dayError = fromSchema(day)(v.evaluatedOn);
  if (dayError) errors.evaluatedOn = dayError;
  else if (v.evaluatedOn > today()) errors.evaluatedOn = message('outsourcee.evaluatedOn');
  if (!v.method) errors.method = message('outsourcee.method');
  if (requiredError(v.evaluator)) errors.evaluator = requiredError(v.evaluator);
  for (const c of evaluationCriteria) if (!v.criteria[c].rating) errors[`criteria.${c}.rating`] = message('outsourcee.rating');
  for (const c of contractClauses) if (!v.clauses[c].present) errors[`clauses.${c}.present`] = message('outsourcee.clause');
  if (!v.result) errors.result = message('outsourcee.result');
  if (v.result === 'conditional' && !v.conditions.trim()) errors.conditions = message('outsourcee.conditionsRequired');
  if (v.kind === 'periodic' && v.evidence.length + v.keepEvidence.length === 0) errors.evidence = message('outsourcee.evidenceRequired');
  v.findings.forEach((f, i) => {
    for (const field of ['finding', 'action', 'owner', 'dueOn'] as const) {
      const problem = fromSchema(findingInput.shape[field])(f[field]);
      if (problem) errors[`findings.${i}.${field}`] = problem;
    }
    if (!errors[`findings.${i}.dueOn`] && f.dueOn < v.evaluatedOn) errors[`findings.${i}.dueOn`] = message('outsourcee.findingDueBeforeEvaluation');
  });
  if (correcting && !v.correctionReason.trim()) errors.correctionReason = message('outsourcee.correctionReasonRequired');
  return errors;
}

function Form({ partnerId, kind, corrects, onDone, detail, corrected }: Props & { detail: OutsourceeDetail; corrected: EvaluationDetail | undefined }) {
  const { t } = useTranslation();
  const client = useClient();
  const session = useSession();
  const changed = useOutsourceeChanged();
  const [failure, setFailure] = useState<DeskErrorData | null>(null);
  const form = useForm<EvaluationValues>({
    initialValues: corrected ? valuesFrom(corrected) : blankValues(kind, session.displayName, today()),
    validate: (values) => validate(values, corrected !== undefined),
  });
  const name = detail.outsourcee.name;

  const submit = form.onSubmit(
    async (values) => {
      setFailure(null);
      const result = await client.call('outsourcees.evaluate', await inputOf(partnerId, values, corrects));
      if (!result.ok) return setFailure(showCustomerError(form, result.error, fieldOf));
      changed(result.value);
      const recorded = result.value.evaluations[0];
      notifications.show({ color: 'teal', message: <Translated k="evaluationForm.recorded" values={{ number: recorded?.number ?? '' }} /> });
      onDone();
    },
    () => setFailure({ code: 'VALIDATION', message: 'outsourcee.formIncomplete' }),
  );

  return (
    <form onSubmit={submit} noValidate aria-label={t(`evaluationForm.title.${kind}`, { name })}>
      <Stack gap="md" maw={1180}>
        <Group>
          <Button variant="subtle" leftSection={<IconArrowLeft size={16} aria-hidden />} onClick={onDone} px={4}>
            {t('evaluationForm.back', { name })}
          </Button>
        </Group>
        <ScreenTitle title={t(`evaluationForm.title.${kind}`, { name })} intro={t(`evaluationForm.intro.${kind}`)} maw={880} />
        {corrected && (
          <Alert color="blue" variant="light" title={t('evaluationForm.correcting', { number: corrected.number })}>
            <Stack gap="xs">
              <Text size="sm">{t('evaluationForm.correctingHint')}</Text>
              <Textarea required autosize minRows={2} label={t('evaluationForm.correctionReason')} {...form.getInputProps('correctionReason')} />
            </Stack>
          </Alert>
        )}
        <Card withBorder radius="md" padding="lg">
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
            <TextInput required type="date" max={today()} label={t('evaluationForm.evaluatedOn')} {...form.getInputProps('evaluatedOn')} />
            <Select
              required
              label={t('evaluationForm.method')}
              placeholder={t('evaluationForm.methodPlaceholder')}
              allowDeselect={false}
              data={evaluationMethods.map((m) => ({ value: m, label: t(`outsourcees.methods.${m}`) }))}
              {...form.getInputProps('method')}
            />
            <TextInput required label={t('evaluationForm.evaluator')} placeholder={t('evaluationForm.evaluatorHint')} {...form.getInputProps('evaluator')} />
          </SimpleGrid>
        </Card>
        <ChecklistFields form={form} />
        <ClauseFields form={form} />
        <EvidenceFields form={form} kept={corrected?.evidence ?? []} />
        <FindingFields form={form} />
        <ResultFields form={form} />
        <ErrorAlert error={failure} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={form.submitting} size="md">
            {t('evaluationForm.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
