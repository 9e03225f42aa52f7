// What the consent check found, customer by customer: who would be provided and who is left out and why, never silently.
import { Alert, Badge, Group, ScrollArea, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconCircleCheck, IconUserX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ProvisionExclusionReason } from '../../../../src-shared/registers';

export interface Excluded {
  customerNo: string;
  reason: ProvisionExclusionReason;
}

/**
 * How many customers a list draws: an imported list may hold 100,000, and the page must stay usable. The counts above
 * the lists are always whole, and the record keeps every one.
 */
const drawnNumbers = 500;
const drawnExclusions = 1000;

function More({ total, shown }: { total: number; shown: number }) {
  const { t } = useTranslation();
  if (total <= shown) return null;
  return (
    <Text size="xs" c="dimmed" mt={4} data-testid="list-capped">
      {t('recordProvision.check.more', { shown, count: total })}
    </Text>
  );
}

export function ExcludedTable({ excluded, testId = 'excluded-list' }: { excluded: Excluded[]; testId?: string }) {
  const { t } = useTranslation();
  return (
    <>
      <ScrollArea.Autosize mah={360} type="auto">
        <Table fz="sm" verticalSpacing={4} withTableBorder data-testid={testId}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={180}>{t('provisions.customerNo')}</Table.Th>
              <Table.Th>{t('provisions.exclusionReason')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {excluded.slice(0, drawnExclusions).map((e) => (
              <Table.Tr key={e.customerNo} data-customer-no={e.customerNo} data-reason={e.reason}>
                <Table.Td ff="monospace">{e.customerNo}</Table.Td>
                <Table.Td>{t(`provisions.exclusions.${e.reason}`)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
      <More total={excluded.length} shown={drawnExclusions} />
    </>
  );
}

/** Customer numbers as small chips: many fit on screen, each one can be read and searched for on the page. */
export function CustomerNumbers({ numbers, testId }: { numbers: string[]; testId: string }) {
  return (
    <>
      <ScrollArea.Autosize mah={220} type="auto">
        <Group gap={4} data-testid={testId}>
          {numbers.slice(0, drawnNumbers).map((n) => (
            <Badge key={n} tt="none" variant="outline" color="gray" ff="monospace" fw={500} radius="sm" data-customer-no={n}>
              {n}
            </Badge>
          ))}
        </Group>
      </ScrollArea.Autosize>
      <More total={numbers.length} shown={drawnNumbers} />
    </>
  );
}

export function CheckResult({ included, excluded }: { included: string[]; excluded: Excluded[] }) {
  const { t } = useTranslation();
  const byReason = new Map<ProvisionExclusionReason, number>();
  for (const e of excluded) byReason.set(e.reason, (byReason.get(e.reason) ?? 0) + 1);
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md" data-testid="check-result">
      <Stack gap="sm">
        <Group gap="xs">
          <IconCircleCheck size={22} color="var(--mantine-color-teal-7)" aria-hidden />
          <Title order={3} size="h4" data-testid="included-count">
            {t('recordProvision.check.included', { count: included.length })}
          </Title>
        </Group>
        {included.length === 0 ? (
          <Alert color="red" variant="light">
            {t('recordProvision.check.noneIncluded')}
          </Alert>
        ) : (
          <CustomerNumbers numbers={included} testId="included-list" />
        )}
      </Stack>
      <Stack gap="sm">
        <Group gap="xs">
          <IconUserX size={22} color={excluded.length > 0 ? 'var(--mantine-color-red-7)' : 'var(--mantine-color-gray-6)'} aria-hidden />
          <Title order={3} size="h4" c={excluded.length > 0 ? 'red.8' : undefined} data-testid="excluded-count">
            {t('recordProvision.check.excluded', { count: excluded.length })}
          </Title>
        </Group>
        {excluded.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('recordProvision.check.noneExcluded')}
          </Text>
        ) : (
          <>
            <Text size="sm" data-testid="excluded-summary">
              {[...byReason].map(([reason, n]) => t('recordProvision.check.reasonCount', { reason: t(`provisions.exclusions.${reason}`), count: n })).join(t('recordProvision.listSeparator'))}
            </Text>
            <ExcludedTable excluded={excluded} />
          </>
        )}
      </Stack>
    </SimpleGrid>
  );
}
