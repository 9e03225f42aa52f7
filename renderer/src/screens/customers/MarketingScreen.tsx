// The marketing list (マーケティング配信リスト): customers with a standing prior approval of purpose 3.6, paged by the server.
import { Alert, Card, Group, Stack, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerRow } from '../../../../src-shared/customers';
import { QueryError } from '../../components/QueryError';
import { CountText, CustomerTable } from './CustomerTable';
import { CustomerRecordView } from './CustomerRecordView';
import { useMarketingList } from './queries';
import { StatementRequired, statementRequired } from './StatementRequired';
import { ScreenTitle } from '../../components/ScreenTitle';

export function MarketingScreen() {
  const [open, setOpen] = useState<string | null>(null);
  const back = useCallback(() => setOpen(null), []);
  if (open) return <CustomerRecordView key={open} id={open} onBack={back} />;
  return <MarketingList onOpen={setOpen} />;
}

function MarketingList({ onOpen }: { onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const list = useMarketingList();
  const first = list.data?.pages[0];
  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.rows) ?? [], [list.data]);
  const open = useCallback((row: CustomerRow) => onOpen(row.id), [onOpen]);

  const refused = statementRequired(list.error);
  if (refused) return <StatementRequired error={refused} />;

  return (
    <Stack gap="md">
      <ScreenTitle title={t('marketing.title')} intro={t('marketing.intro')} />
      <Alert variant="light" color="grape" icon={<IconInfoCircle aria-hidden />} data-testid="marketing-note">
        {t('marketing.note')}
      </Alert>
      <QueryError error={list.error} />
      <Group>{first ? <CountText total={first.total} capped={first.capped} /> : <Text size="sm">&nbsp;</Text>}</Group>
      <Card withBorder radius="md" padding={0}>
        <CustomerTable
          rows={rows}
          onOpen={open}
          caption={t('marketing.title')}
          testId="marketing-table"
          empty={list.isPending ? t('common.loading') : t('marketing.empty')}
          hasMore={list.hasNextPage}
          loadingMore={list.isFetchingNextPage}
          onLoadMore={() => void list.fetchNextPage()}
        />
      </Card>
    </Stack>
  );
}
