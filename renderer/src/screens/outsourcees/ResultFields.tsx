// The result of a check: the score as the core will compute it, live from the checklist, what it suggests, and the
// officer's decision with its conditions.
import { Badge, Card, Group, Progress, SegmentedControl, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { checklistScore, evaluationCriteria, evaluationResults, ratings, suggestedResult, type EvaluationResult, type Rating } from '../../../../src-shared/api/outsourcees';
import { cellBadge } from '../../components/badge';
import type { EvaluationValues } from './form-values';
import { ratingColors, ResultBadge } from './labels';

type Form = UseFormReturnType<EvaluationValues>;

export function liveScore(values: EvaluationValues) {
  const rated = Object.fromEntries(evaluationCriteria.flatMap((c) => (values.criteria[c].rating ? [[c, { rating: values.criteria[c].rating as Rating }]] : [])));
  const unanswered = evaluationCriteria.filter((c) => !values.criteria[c].rating).length;
  const anyNonconformity = evaluationCriteria.some((c) => values.criteria[c].rating === 'doesNot');
  const score = checklistScore(rated);
  return { score, unanswered, anyNonconformity, suggested: unanswered === 0 ? suggestedResult(score, anyNonconformity) : null };
}

export function ResultFields({ form }: { form: Form }) {
  const { t } = useTranslation();
  const { score, unanswered, anyNonconformity, suggested } = liveScore(form.values);
  const tally = (r: Rating) => evaluationCriteria.filter((c) => form.values.criteria[c].rating === r).length;
  const color = score === null ? 'gray' : score >= 80 ? 'teal' : score >= 50 ? 'yellow' : 'red';
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="result-title">
      <Title order={2} size="h4" id="result-title" mb="sm">
        {t('evaluationForm.resultTitle')}
      </Title>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
        <Stack gap="xs" data-testid="live-score" data-score={score ?? ''}>
          <Group align="baseline" gap="xs">
            <Text size="2.2rem" fw={800} lh={1} c={score === null ? 'dimmed' : undefined}>
              {score ?? '—'}
            </Text>
            <Text size="sm" c="dimmed">
              {t('evaluationForm.outOf100')}
            </Text>
          </Group>
          <Progress value={score ?? 0} color={color} size="md" aria-label={t('evaluationForm.scoreLabel')} />
          <Group gap={6}>
            {ratings.map((r) => (
              <Badge key={r} {...cellBadge} size="sm" variant="light" color={ratingColors[r]} autoContrast>
                {t(`outsourcees.ratings.${r}`)} {tally(r)}
              </Badge>
            ))}
          </Group>
          <Text size="xs" c="dimmed">
            {t('evaluationForm.scoreRule')}
          </Text>
          {unanswered > 0 ? (
            <Text size="sm" c="orange.8" fw={600} data-testid="unanswered">
              {t('evaluationForm.unanswered', { count: unanswered })}
            </Text>
          ) : (
            suggested && (
              <Group gap={6} data-testid="suggested-result">
                <Text size="sm">{t('evaluationForm.suggested')}</Text>
                <ResultBadge result={suggested} />
              </Group>
            )
          )}
        </Stack>
        <Stack gap="sm">
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('evaluationForm.result')}
            </Text>
            <SegmentedControl
              aria-label={t('evaluationForm.result')}
              value={form.values.result}
              onChange={(v) => form.setFieldValue('result', v as EvaluationResult)}
              data={evaluationResults.map((r) => ({ value: r, label: t(`outsourcees.results.${r}`), disabled: r === 'approved' && anyNonconformity }))}
              data-testid="result-choice"
            />
            {anyNonconformity && (
              <Text size="xs" c="dimmed">
                {t('evaluationForm.approvedNotPossible')}
              </Text>
            )}
            {form.errors.result && (
              <Text size="xs" c="red.8" role="alert">
                {form.errors.result}
              </Text>
            )}
          </Stack>
          {form.values.result === 'conditional' && <Textarea required autosize minRows={2} label={t('evaluationForm.conditions')} description={t('evaluationForm.conditionsHint')} {...form.getInputProps('conditions')} />}
          <Textarea autosize minRows={2} label={t('evaluationForm.summary')} description={t('evaluationForm.summaryHint')} {...form.getInputProps('summary')} />
        </Stack>
      </SimpleGrid>
    </Card>
  );
}
