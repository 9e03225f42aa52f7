// The home screen's card for internal audit and corrective actions: what is due or overdue, each figure linking to its filtered list (issue #10).
import { Anchor, Card, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCircleCheck, IconClipboardCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from '../../app/navigate';
import { useSession } from '../../app/session';
import { formatDay } from '../../components/dates';
import { QueryError } from '../../components/QueryError';
import { useAuditDue } from './queries';

export function InternalAuditDueCard() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const session = useSession();
  const due = useAuditDue();
  const d = due.data;
  const own = !session.permissions.includes('internalAudit.read');
  // Staff cannot verify: their reported actions wait for the officer and ask nothing of them.
  const awaiting = own ? 0 : (d?.awaitingVerification ?? 0);
  const reviewDue = d?.review?.due ?? null;
  const calm = d !== undefined && d.overdue === 0 && awaiting === 0 && reviewDue === null;
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="internal-audit-due-title" data-testid="internal-audit-due-card">
      <Stack gap="sm">
        <Group gap="xs" wrap="nowrap">
          <ThemeIcon variant="light" color="cyan" size="md" radius="md">
            <IconClipboardCheck size={18} aria-hidden />
          </ThemeIcon>
          <Title order={3} size="h5" id="internal-audit-due-title">
            {t(own ? 'internalAudit.dueCard.titleOwn' : 'internalAudit.dueCard.title')}
          </Title>
        </Group>
        <QueryError error={due.error} />
        {d &&
          (calm ? (
            <Group gap={6} wrap="nowrap" data-testid="internal-audit-due-none">
              <IconCircleCheck size={18} color="var(--mantine-color-teal-6)" aria-hidden />
              <Text size="sm">{t('internalAudit.dueCard.none')}</Text>
            </Group>
          ) : (
            <Stack gap={6}>
              {d.overdue > 0 && (
                <Anchor component="button" type="button" ta="left" c="red.8" fw={600} size="sm" onClick={() => navigate('internal-audit?show=overdue')} data-testid="internal-audit-due-overdue">
                  {t('internalAudit.dueCard.overdue', { count: d.overdue })}
                </Anchor>
              )}
              {awaiting > 0 && (
                <Anchor component="button" type="button" ta="left" c="violet.8" fw={600} size="sm" onClick={() => navigate('internal-audit?show=awaitingVerification')} data-testid="internal-audit-due-verify">
                  {t('internalAudit.dueCard.awaitingVerification', { count: awaiting })}
                </Anchor>
              )}
              {reviewDue && (
                <Anchor component="button" type="button" ta="left" c="orange.8" fw={600} size="sm" onClick={() => navigate('internal-audit?tab=reviews')} data-testid="internal-audit-due-review">
                  {t(`internalAudit.dueCard.review.${reviewDue}`, { last: formatDay(d.review?.lastHeldOn, i18n.language), next: formatDay(d.review?.nextReviewOn, i18n.language) })}
                </Anchor>
              )}
            </Stack>
          ))}
        {d && (
          <Anchor component="button" type="button" ta="left" size="xs" c="dimmed" onClick={() => navigate('internal-audit?show=active')} data-testid="internal-audit-due-active">
            {t(own ? 'internalAudit.dueCard.activeOwn' : 'internalAudit.dueCard.active', { count: d.active })}
          </Anchor>
        )}
      </Stack>
    </Card>
  );
}
