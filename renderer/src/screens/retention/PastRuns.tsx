// Past previews and runs of the retention job: when, by whom, what was found and what was erased (counts, never who).
import { Badge, Card, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { retentionKinds, type RetentionPreview } from '../../../../src-shared/registers';
import { cellBadge } from '../../components/badge';
import { formatDateTime } from '../../components/dates';

const stateColor = { previewed: 'blue', run: 'red', cancelled: 'gray' } as const;

export function PastRuns({ previews }: { previews: RetentionPreview[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const counts = (c: Record<string, number> | null) =>
    c === null
      ? '—'
      : retentionKinds
          .filter((k) => (c[k] ?? 0) > 0)
          .map((k) => `${t(`retention.kinds.${k}.short`)} ${c[k]}`)
          .join(' / ') || t('retention.history.none');
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="retention-history">
      <Stack gap="sm">
        <Title order={2} size="h4" id="retention-history">
          {t('retention.history.title')}
        </Title>
        {previews.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('retention.history.empty')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={760}>
            <Table fz="sm" verticalSpacing={4} striped data-testid="retention-history">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('retention.history.previewed')}</Table.Th>
                  <Table.Th>{t('retention.history.state')}</Table.Th>
                  <Table.Th>{t('retention.history.found')}</Table.Th>
                  <Table.Th>{t('retention.history.erased')}</Table.Th>
                  <Table.Th>{t('retention.history.decided')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {previews.map((p) => (
                  <Table.Tr key={p.id} data-state={p.state}>
                    <Table.Td>
                      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                        {formatDateTime(p.createdAt, lang)}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {p.createdByName ?? '—'}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge {...cellBadge} color={stateColor[p.state]} variant="light">
                        {t(`retention.states.${p.state}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{counts(p.counts)}</Table.Td>
                    <Table.Td fw={p.erased ? 700 : undefined} data-testid="erased-counts">
                      {counts(p.erased)}
                    </Table.Td>
                    <Table.Td>
                      {p.runAt ? (
                        <>
                          <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                            {formatDateTime(p.runAt, lang)}
                          </Text>
                          <Text size="xs" c="dimmed">
                            {p.runByName ?? '—'}
                          </Text>
                        </>
                      ) : (
                        '—'
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Card>
  );
}
