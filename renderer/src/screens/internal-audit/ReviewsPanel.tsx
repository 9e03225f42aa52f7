// マネジメントレビュー: the representative's reviews of the whole system, newest first, with the counts put before
// them, what they decided and when the next is. The officer records them; the desk says when one is due.
import { Alert, Button, Card, EmptyState, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconPencil, IconPlus, IconPresentation } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ManagementReview } from '../../../../src-shared/api/internal-audit';
import { useSession } from '../../app/session';
import { formatDay } from '../../components/dates';
import { QueryError } from '../../components/QueryError';
import { Fact } from './Fact';
import { useAuditDue, useReviews } from './queries';
import { ReviewFormDialog, type ReviewDialog } from './ReviewFormDialog';
import { ReviewInputsTable } from './ReviewInputsTable';

export function ReviewsPanel() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const reviews = useReviews();
  const due = useAuditDue();
  const canManage = session.permissions.includes('corrections.manage');
  const [dialog, setDialog] = useState<ReviewDialog | null>(null);
  const rows = reviews.data?.rows ?? [];
  const review = due.data?.review;
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Text size="sm" c="dimmed" maw={700}>
          {t('internalAudit.reviews.explain')}
        </Text>
        {canManage && (
          <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setDialog({ kind: 'record', last: rows[0] ?? null })}>
            {t('internalAudit.reviews.record')}
          </Button>
        )}
      </Group>
      {review?.due && (
        <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />} data-testid="review-due">
          {t(`internalAudit.reviewDue.${review.due}`, { last: formatDay(review.lastHeldOn, i18n.language), next: formatDay(review.nextReviewOn, i18n.language) })}
        </Alert>
      )}
      <QueryError error={reviews.error ?? due.error} />
      {reviews.data && rows.length === 0 && (
        <Card withBorder radius="md" padding="xl">
          <EmptyState icon={<IconPresentation size={28} aria-hidden />} variant="light" title={t('internalAudit.reviews.emptyTitle')} description={canManage ? t('internalAudit.reviews.emptyNext') : t('internalAudit.reviews.emptyNextReadOnly')} data-testid="reviews-empty" />
        </Card>
      )}
      {rows.map((r) => (
        <ReviewCard key={r.id} review={r} canManage={canManage} onEdit={() => setDialog({ kind: 'edit', review: r })} />
      ))}
      <ReviewFormDialog dialog={dialog} onClose={() => setDialog(null)} />
    </Stack>
  );
}

function ReviewCard({ review: r, canManage, onEdit }: { review: ManagementReview; canManage: boolean; onEdit: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <Card withBorder radius="md" padding="lg" component="article" aria-label={t('internalAudit.reviews.title', { day: formatDay(r.heldOn, lang) })} data-testid="review-card">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={2}>
            <Title order={3} size="h4">
              {t('internalAudit.reviews.title', { day: formatDay(r.heldOn, lang) })}
            </Title>
            <Text size="xs" c="dimmed">
              {t('internalAudit.reviews.recordedBy', { name: r.recordedBy.displayName })}
            </Text>
          </Stack>
          {canManage && (
            <Button size="xs" variant="default" leftSection={<IconPencil size={14} aria-hidden />} onClick={onEdit}>
              {t('internalAudit.reviews.edit')}
            </Button>
          )}
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
          <Fact label={t('internalAudit.reviewForm.representative')}>{r.representative}</Fact>
          <Fact label={t('internalAudit.reviewForm.period')}>{t('internalAudit.plans.periodRange', { from: formatDay(r.inputs.periodFrom, lang), to: formatDay(r.inputs.periodTo, lang) })}</Fact>
          <Fact label={t('internalAudit.reviewForm.nextReviewOn')} testId="review-next">
            {formatDay(r.nextReviewOn, lang)}
          </Fact>
        </SimpleGrid>
        <Fact label={t('internalAudit.reviewForm.attendees')}>{r.attendees}</Fact>
        <Fact label={t('internalAudit.reviewForm.inputs')}>
          <ReviewInputsTable inputs={r.inputs} />
        </Fact>
        {r.otherInputs && <Fact label={t('internalAudit.reviewForm.otherInputs')}>{r.otherInputs}</Fact>}
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <Fact label={t('internalAudit.reviewForm.decisions')} testId="review-decisions">
            {r.decisions}
          </Fact>
          <Fact label={t('internalAudit.reviewForm.improvements')}>{r.improvements}</Fact>
        </SimpleGrid>
      </Stack>
    </Card>
  );
}
