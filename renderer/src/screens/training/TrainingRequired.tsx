// What a staff member without a training in the last 12 months sees where customers' records open, once the officer
// has made training a condition: why, since when, and whom to ask (the core's `training.required` refusal).
import { Alert, Card, Stack, Text, Title } from '@mantine/core';
import { IconSchool } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { DeskErrorData } from '../../../../src-shared/errors';
import { DeskCallError } from '../../app/client';
import { formatDay } from '../../components/dates';
import { AskWhom } from '../../components/AskWhom';

export function trainingRequired(error: unknown): DeskErrorData | null {
  const data = error instanceof DeskCallError ? error.error : (error as DeskErrorData | null);
  return data && data.code === 'FORBIDDEN' && data.message === 'training.required' ? data : null;
}

export function TrainingRequired({ error }: { error: DeskErrorData }) {
  const { t, i18n } = useTranslation();
  const detail = (key: string) => (typeof error.details?.[key] === 'string' && error.details[key] !== '' ? (error.details[key] as string) : null);
  const last = detail('lastTrainedOn');
  return (
    <Card withBorder radius="md" padding="xl" maw={760} data-testid="training-required" component="section" aria-labelledby="training-required-title">
      <Stack gap="md">
        <Title order={1} size="h2" id="training-required-title">
          {t('trainingRequired.title')}
        </Title>
        <Alert color="orange" variant="light" icon={<IconSchool aria-hidden />} role="alert">
          <Stack gap={4}>
            <Text size="sm">{t('trainingRequired.explain')}</Text>
            <Text size="sm" fw={600} data-testid="training-last">
              {last ? t('trainingRequired.last', { date: formatDay(last, i18n.language) }) : t('trainingRequired.never')}
            </Text>
          </Stack>
        </Alert>
        <AskWhom error={error} intro={t('trainingRequired.ask')} testId="training-ask" />
      </Stack>
    </Card>
  );
}
