// 重複の可能性: the imported customers who may be someone the desk already held, both records side by side, and the
// office's decision — two people, or one person with two records. Nothing is merged here (a merge is a correction request).
import { Alert, Badge, Button, Card, Group, SegmentedControl, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconInfoCircle } from '@tabler/icons-react';
import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportReviewRow, ReviewCustomer, ReviewStatus } from '../../../../src-shared/api/customer-import';
import type { DeskErrorData } from '../../../../src-shared/errors';
import { unwrap } from '../../app/client';
import { useClient } from '../../app/client-context';
import { useSession } from '../../app/session';
import { formatDateTime } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { QueryError } from '../../components/QueryError';
import { Translated } from '../../components/Translated';
import { StatementRequired, statementRequired } from '../customers/StatementRequired';

const pageSize = 20;
const reviewKeys = { list: (status: ReviewStatus) => ['customers', 'importReviews', status] as const };

export function ReviewsScreen() {
  const { t } = useTranslation();
  const client = useClient();
  const [status, setStatus] = useState<ReviewStatus>('open');
  const list = useInfiniteQuery({
    queryKey: reviewKeys.list(status),
    queryFn: ({ pageParam }) => unwrap(client.call('customers.importReviews', { status, page: pageParam, pageSize })),
    initialPageParam: 0,
    getNextPageParam: (last, pages) => (pages.length * pageSize < last.total && last.rows.length === pageSize ? pages.length : undefined),
    staleTime: 0,
  });
  const refused = statementRequired(list.error);
  if (refused) return <StatementRequired error={refused} />;
  const rows = list.data?.pages.flatMap((p) => p.rows) ?? [];
  const total = list.data?.pages[0]?.total;

  return (
    <Stack gap="md" maw={1000}>
      <Stack gap={4}>
        <Title order={1} size="h2">
          {t('reviews.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('reviews.intro')}
        </Text>
      </Stack>
      <Alert variant="light" color="blue" icon={<IconInfoCircle aria-hidden />} data-testid="reviews-note">
        {t('reviews.samePersonExplain')}
      </Alert>
      <Group justify="space-between">
        <SegmentedControl
          aria-label={t('reviews.filter')}
          value={status}
          onChange={(v) => setStatus(v as ReviewStatus)}
          data={(['open', 'distinct', 'samePerson'] as const).map((s) => ({ value: s, label: t(`reviews.statuses.${s}`) }))}
        />
        {total !== undefined && (
          <Text size="sm" data-testid="reviews-total">
            {t('reviews.total', { count: total })}
          </Text>
        )}
      </Group>
      <QueryError error={list.error} />
      <Stack gap="md" data-testid="reviews-list" data-status={status}>
        {list.isPending && <Text size="sm">{t('common.loading')}</Text>}
        {!list.isPending && rows.length === 0 && !list.error && (
          <Text size="sm" c="dimmed">
            {status === 'open' ? t('reviews.empty') : t('reviews.emptyDecided')}
          </Text>
        )}
        {rows.map((review) => (
          <ReviewCard key={`${review.id}-${review.status}`} review={review} />
        ))}
      </Stack>
      {list.hasNextPage && (
        <Group>
          <Button variant="default" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
            {t('reviews.more')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

const fields = ['customerNo', 'name', 'nameKana', 'birthDate', 'email', 'phone', 'area'] as const satisfies readonly (keyof ReviewCustomer)[];

function ReviewCard({ review }: { review: ImportReviewRow }) {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const queryClient = useQueryClient();
  const session = useSession();
  const mayDecide = session.permissions.includes('customers.write');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<DeskErrorData | null>(null);
  const people = [review.newCustomer, ...review.existing];
  const value = (c: ReviewCustomer, f: (typeof fields)[number]) => {
    const v = c[f];
    return v === null || v === '' ? t('reviews.none') : String(v);
  };

  const decide = async (decision: 'distinct' | 'samePerson') => {
    setBusy(true);
    setFailure(null);
    const result = await client.call('customers.decideReview', { id: review.id, decision, ...(note.trim() ? { note: note.trim() } : {}) });
    setBusy(false);
    if (!result.ok) return setFailure(result.error);
    notifications.show({ color: 'teal', message: <Translated k={decision === 'distinct' ? 'reviews.decidedDistinct' : 'reviews.decidedSamePerson'} /> });
    await queryClient.invalidateQueries({ queryKey: ['customers'] });
  };

  return (
    <Card withBorder radius="md" padding="md" data-testid="review" data-review-id={review.id} data-customer-no={review.newCustomer.customerNo}>
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Group gap="xs">
            <Text size="sm" fw={600}>
              {t('reviews.reasonsLabel')}:
            </Text>
            {review.reasons.map((r) => (
              <Badge key={r} color="orange" variant="light" data-reason={r}>
                {t(`reviews.reasons.${r}`)}
              </Badge>
            ))}
          </Group>
          <Text size="xs" c="dimmed">
            {t('reviews.importedAt', { at: formatDateTime(review.importedAt, i18n.language) })}
          </Text>
        </Group>
        <Table withTableBorder withColumnBorders layout="fixed" captionSide="top" data-testid="review-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={150} />
              <Table.Th>{t('reviews.imported')}</Table.Th>
              {review.existing.map((c) => (
                <Table.Th key={c.id}>{t('reviews.existing')}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {fields.map((f) => (
              <Table.Tr key={f} data-field={f}>
                <Table.Th scope="row" fw={500} c="dimmed" fz="sm">
                  {t(`reviews.${f}`)}
                </Table.Th>
                {people.map((c, i) => {
                  const same = i > 0 && c[f] !== null && String(c[f]).toLowerCase() === String(review.newCustomer[f] ?? '').toLowerCase();
                  return (
                    <Table.Td key={c.id} fz="sm" fw={same && f !== 'area' ? 700 : undefined} style={{ wordBreak: 'break-all' }}>
                      {value(c, f)}
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {review.status === 'open' ? (
          mayDecide && (
            <Stack gap="xs">
              <TextInput label={t('reviews.note')} placeholder={t('reviews.notePlaceholder')} value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={1000} />
              <Group>
                <Button onClick={() => void decide('distinct')} loading={busy}>
                  {t('reviews.distinct')}
                </Button>
                <Button variant="light" color="grape" onClick={() => void decide('samePerson')} disabled={busy}>
                  {t('reviews.samePerson')}
                </Button>
              </Group>
              <ErrorAlert error={failure} />
            </Stack>
          )
        ) : (
          <Group gap="xs">
            <Badge color={review.status === 'distinct' ? 'teal' : 'grape'} variant="light">
              {t(`reviews.statuses.${review.status}`)}
            </Badge>
            <Text size="xs" c="dimmed" data-testid="review-decided">
              {t('reviews.decided', { at: formatDateTime(review.decidedAt, i18n.language), by: review.decidedBy ?? '' })}
            </Text>
            {review.note && (
              <Text size="xs" data-testid="review-note">
                {t('reviews.note')}: {review.note}
              </Text>
            )}
          </Group>
        )}
      </Stack>
    </Card>
  );
}
