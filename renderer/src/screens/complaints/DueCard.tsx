// The home screen's card for complaints and consultations: what is open, due within three business days and overdue,
// each figure linking to that list (issue #10).
import { Anchor, Card, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCircleCheck, IconMessageReport } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from '../../app/navigate';
import { QueryError } from '../../components/QueryError';
import { useComplaintDue } from './queries';

export function ComplaintsDueCard() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const due = useComplaintDue();
  const d = due.data;
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="complaints-due-title" data-testid="complaints-due-card">
      <Stack gap="sm">
        <Group gap="xs" wrap="nowrap">
          <ThemeIcon variant="light" color="grape" size="md" radius="md">
            <IconMessageReport size={18} aria-hidden />
          </ThemeIcon>
          <Title order={3} size="h5" id="complaints-due-title">
            {t('complaints.due.title')}
          </Title>
        </Group>
        <QueryError error={due.error} />
        {d &&
          (d.overdue + d.dueSoon === 0 ? (
            <Group gap={6} wrap="nowrap" data-testid="complaints-due-none">
              <IconCircleCheck size={18} color="var(--mantine-color-teal-6)" aria-hidden />
              <Text size="sm">{t('complaints.due.none')}</Text>
            </Group>
          ) : (
            <Stack gap={6}>
              {d.overdue > 0 && (
                <Anchor component="button" type="button" ta="left" c="red.8" fw={600} size="sm" onClick={() => navigate('complaints?show=overdue')} data-testid="complaints-due-overdue">
                  {t('complaints.due.overdue', { count: d.overdue })}
                </Anchor>
              )}
              {d.dueSoon > 0 && (
                <Anchor component="button" type="button" ta="left" c="orange.8" fw={600} size="sm" onClick={() => navigate('complaints?show=dueSoon')} data-testid="complaints-due-soon">
                  {t('complaints.due.dueSoon', { count: d.dueSoon })}
                </Anchor>
              )}
            </Stack>
          ))}
        {d && (
          <Anchor component="button" type="button" ta="left" size="xs" c="dimmed" onClick={() => navigate('complaints?show=open')} data-testid="complaints-due-open">
            {t('complaints.due.open', { count: d.open })}
          </Anchor>
        )}
      </Stack>
    </Card>
  );
}
