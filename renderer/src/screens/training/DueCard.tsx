// The home screen's card for training: who is untrained (over 12 months, or never) and whose training runs out within
// 30 days, each figure linking to that list; whether customer records need a training.
import { Anchor, Card, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCircleCheck, IconSchool } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from '../../app/navigate';
import { QueryError } from '../../components/QueryError';
import { useTrainingDue } from './queries';

export function TrainingDueCard() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const due = useTrainingDue();
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="training-due-title" data-testid="training-due-card">
      <Stack gap="sm">
        <Group gap="xs" wrap="nowrap">
          <ThemeIcon variant="light" color="indigo" size="md" radius="md">
            <IconSchool size={18} aria-hidden />
          </ThemeIcon>
          <Title order={3} size="h5" id="training-due-title">
            {t('training.due.title')}
          </Title>
        </Group>
        <QueryError error={due.error} />
        {due.data &&
          (due.data.untrained + due.data.dueSoon === 0 ? (
            <Group gap={6} wrap="nowrap" data-testid="training-due-none">
              <IconCircleCheck size={18} color="var(--mantine-color-teal-6)" aria-hidden />
              <Text size="sm">{t('training.due.none')}</Text>
            </Group>
          ) : (
            <Stack gap={6}>
              {due.data.untrained > 0 && (
                <Anchor component="button" type="button" ta="left" c="red.8" fw={600} size="sm" onClick={() => navigate('training?show=untrained')} data-testid="training-due-untrained">
                  {t('training.due.untrained', { count: due.data.untrained })}
                </Anchor>
              )}
              {due.data.dueSoon > 0 && (
                <Anchor component="button" type="button" ta="left" c="yellow.9" fw={600} size="sm" onClick={() => navigate('training?show=dueSoon')} data-testid="training-due-soon">
                  {t('training.due.dueSoon', { count: due.data.dueSoon })}
                </Anchor>
              )}
            </Stack>
          ))}
        {due.data && (
          <Text size="xs" c="dimmed">
            {due.data.requiredForCustomers ? t('training.due.requiredOn') : t('training.due.requiredOff')}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
