// The home screen's card for personal information ledger: entries overdue for their yearly review, due within 30 days,
// and risk assessments awaiting approval, each figure linking to its filtered list (issue #10).
import { Anchor, Card, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconBook2, IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from '../../app/navigate';
import { QueryError } from '../../components/QueryError';
import { useLedgerDue } from './queries';

export function LedgerDueCard() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const due = useLedgerDue();
  const d = due.data;
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="ledger-due-title" data-testid="ledger-due-card">
      <Stack gap="sm">
        <Group gap="xs" wrap="nowrap">
          <ThemeIcon variant="light" color="blue" size="md" radius="md">
            <IconBook2 size={18} aria-hidden />
          </ThemeIcon>
          <Title order={3} size="h5" id="ledger-due-title">
            {t('ledger.due.title')}
          </Title>
        </Group>
        <QueryError error={due.error} />
        {d &&
          (d.overdue + d.dueSoon + d.awaitingApproval === 0 ? (
            <Group gap={6} wrap="nowrap" data-testid="ledger-due-none">
              <IconCircleCheck size={18} color="var(--mantine-color-teal-6)" aria-hidden />
              <Text size="sm">{t('ledger.due.none')}</Text>
            </Group>
          ) : (
            <Stack gap={6}>
              {d.overdue > 0 && (
                <Anchor component="button" type="button" ta="left" c="red.8" fw={600} size="sm" onClick={() => navigate('ledger?show=overdue')} data-testid="ledger-due-overdue">
                  {t('ledger.due.overdue', { count: d.overdue })}
                </Anchor>
              )}
              {d.dueSoon > 0 && (
                <Anchor component="button" type="button" ta="left" c="orange.8" fw={600} size="sm" onClick={() => navigate('ledger?show=dueSoon')} data-testid="ledger-due-soon">
                  {t('ledger.due.dueSoon', { count: d.dueSoon })}
                </Anchor>
              )}
              {d.awaitingApproval > 0 && (
                <Anchor component="button" type="button" ta="left" c="orange.8" fw={600} size="sm" onClick={() => navigate('ledger?show=awaitingApproval')} data-testid="ledger-due-approval">
                  {t('ledger.due.awaitingApproval', { count: d.awaitingApproval })}
                </Anchor>
              )}
            </Stack>
          ))}
        {d && (
          <Anchor component="button" type="button" ta="left" size="xs" c="dimmed" onClick={() => navigate('ledger')} data-testid="ledger-due-open">
            {t('ledger.due.open')}
          </Anchor>
        )}
      </Stack>
    </Card>
  );
}
