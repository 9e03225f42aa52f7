// Finds the customer record a request is about with the desk's Japanese search (masked for staff) and picks one.
import { Button, Card, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconCheck, IconSearch, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../components/QueryError';
import { useCustomerLookup } from '../customers/queries';
import type { ChosenCustomer } from './intake-handoff';

const shown = 8;

export function CustomerPicker({ value, onChange, initialQuery = '' }: { value: ChosenCustomer | null; onChange: (c: ChosenCustomer | null) => void; initialQuery?: string }) {
  const { t } = useTranslation();
  if (value) {
    return (
      <Card withBorder radius="sm" padding="sm" bg="var(--mantine-color-teal-light)" data-testid="chosen-customer">
        <Group justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <IconCheck size={18} aria-hidden color="var(--mantine-color-teal-7)" />
            <Stack gap={0}>
              <Text size="sm" fw={700}>
                {value.name}
                <Text span size="xs" c="dimmed" ml={6}>
                  {value.nameKana}
                </Text>
              </Text>
              <Text size="xs" ff="monospace" c="dimmed">
                {t('customerRecord.customerNo', { no: value.customerNo })}
              </Text>
            </Stack>
          </Group>
          <Button size="compact-sm" variant="default" leftSection={<IconX size={14} aria-hidden />} onClick={() => onChange(null)}>
            {t('requests.picker.change')}
          </Button>
        </Group>
      </Card>
    );
  }
  return <PickerSearch onChange={onChange} initialQuery={initialQuery} />;
}

function PickerSearch({ onChange, initialQuery }: { onChange: (c: ChosenCustomer) => void; initialQuery: string }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState(initialQuery);
  const { search, asked, rows } = useCustomerLookup(query, shown, 'picker');
  return (
    <Stack gap="xs">
      <TextInput
        type="search"
        label={t('requests.picker.search')}
        description={t('requests.picker.hint')}
        placeholder={t('customers.searchPlaceholder')}
        leftSection={<IconSearch size={16} aria-hidden />}
        value={query}
        onChange={(e) => setQuery(e.currentTarget.value)}
        maxLength={200}
        data-testid="customer-picker-search"
      />
      <QueryError error={search.error} />
      {asked && search.data && (
        <>
          {rows.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('customers.empty')}
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={560}>
              <Table fz="sm" verticalSpacing={4} highlightOnHover data-testid="customer-picker-results">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('customers.columns.customerNo')}</Table.Th>
                    <Table.Th>{t('customers.columns.name')}</Table.Th>
                    <Table.Th>{t('customers.columns.area')}</Table.Th>
                    <Table.Th>{t('customers.columns.phone')}</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((c) => (
                    <Table.Tr key={c.id} data-customer-no={c.customerNo}>
                      <Table.Td ff="monospace">{c.customerNo}</Table.Td>
                      <Table.Td>
                        <Text size="sm" fw={600}>
                          {c.name}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {c.nameKana}
                        </Text>
                      </Table.Td>
                      <Table.Td>{c.area}</Table.Td>
                      <Table.Td ff="monospace">{c.phone ?? ''}</Table.Td>
                      <Table.Td ta="right">
                        <Button size="compact-sm" variant="light" onClick={() => onChange({ id: c.id, customerNo: c.customerNo, name: c.name, nameKana: c.nameKana })} aria-label={t('requests.picker.chooseNamed', { name: c.name })}>
                          {t('requests.picker.choose')}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          {search.data.total > rows.length && (
            <Text size="xs" c="dimmed">
              {t('requests.picker.more', { count: search.data.total })}
            </Text>
          )}
        </>
      )}
    </Stack>
  );
}
