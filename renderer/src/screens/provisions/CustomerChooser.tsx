// The customers of a provision: chosen one by one from the desk's search (masked for staff), and/or pasted as customer
// numbers, one a line (a list exported from another system). Nobody is checked here: the core checks each one.
import { Badge, Button, Checkbox, CloseButton, Group, SimpleGrid, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../components/QueryError';
import { useCustomerLookup } from '../customers/queries';
import type { ChosenCustomer } from '../requests/intake-handoff';

const shown = 10;

/** The pasted numbers, one a line (commas and tabs also split, as a spreadsheet's column or row pastes), each once. */
export function pastedNumbers(text: string): { numbers: string[]; duplicates: number } {
  const all = text.split(/[\s,、，;]+/u).map((s) => s.trim()).filter((s) => s !== '');
  const numbers = [...new Set(all)];
  return { numbers, duplicates: all.length - numbers.length };
}

export function CustomerChooser({ chosen, onChosen, pasted, onPasted, error }: { chosen: ChosenCustomer[]; onChosen: (c: ChosenCustomer[]) => void; pasted: string; onPasted: (text: string) => void; error?: ReactNode }) {
  const { t } = useTranslation();
  const parsed = pastedNumbers(pasted);
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <CustomerSearch chosen={chosen} onChosen={onChosen} />
        <Stack gap={4}>
          <Textarea
            label={t('recordProvision.pasted')}
            description={t('recordProvision.pastedHint')}
            autosize
            minRows={6}
            maxRows={14}
            value={pasted}
            onChange={(e) => onPasted(e.currentTarget.value)}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            data-testid="pasted-numbers"
          />
          <Text size="xs" c="dimmed" data-testid="pasted-count" aria-live="polite">
            {parsed.numbers.length > 0 ? t('recordProvision.pastedCount', { count: parsed.numbers.length }) : ''}
            {parsed.duplicates > 0 ? ` ${t('recordProvision.pastedDuplicates', { count: parsed.duplicates })}` : ''}
          </Text>
        </Stack>
      </SimpleGrid>
      {chosen.length > 0 && (
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            {t('recordProvision.chosen', { count: chosen.length })}
          </Text>
          <Group gap={6} data-testid="chosen-customers">
            {chosen.map((c) => (
              <Badge
                key={c.id}
                tt="none"
                variant="light"
                size="lg"
                data-customer-no={c.customerNo}
                rightSection={<CloseButton size="xs" onClick={() => onChosen(chosen.filter((x) => x.id !== c.id))} aria-label={t('recordProvision.removeNamed', { no: c.customerNo })} />}
              >
                <Text span size="xs" ff="monospace" mr={6}>
                  {c.customerNo}
                </Text>
                {c.name}
              </Badge>
            ))}
          </Group>
        </Stack>
      )}
      {error && (
        <Text size="sm" c="red.8" role="alert">
          {error}
        </Text>
      )}
    </Stack>
  );
}

function CustomerSearch({ chosen, onChosen }: { chosen: ChosenCustomer[]; onChosen: (c: ChosenCustomer[]) => void }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const { search, asked, rows } = useCustomerLookup(query, shown, 'provision');
  const ids = new Set(chosen.map((c) => c.id));
  const toggle = (c: ChosenCustomer, on: boolean) => onChosen(on ? [...chosen, c] : chosen.filter((x) => x.id !== c.id));
  return (
    <Stack gap="xs">
      <TextInput
        type="search"
        label={t('recordProvision.search')}
        description={t('recordProvision.searchHint')}
        placeholder={t('customers.searchPlaceholder')}
        leftSection={<IconSearch size={16} aria-hidden />}
        value={query}
        onChange={(e) => setQuery(e.currentTarget.value)}
        maxLength={200}
        data-testid="provision-customer-search"
      />
      <QueryError error={search.error} />
      {asked && search.data && (
        <>
          {rows.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('customers.empty')}
            </Text>
          ) : (
            <Table fz="sm" verticalSpacing={4} highlightOnHover data-testid="provision-search-results">
              <Table.Tbody>
                {rows.map((c) => (
                  <Table.Tr key={c.id} data-customer-no={c.customerNo}>
                    <Table.Td w={32}>
                      <Checkbox
                        checked={ids.has(c.id)}
                        onChange={(e) => toggle({ id: c.id, customerNo: c.customerNo, name: c.name, nameKana: c.nameKana }, e.currentTarget.checked)}
                        aria-label={t('recordProvision.chooseNamed', { name: c.name, no: c.customerNo })}
                      />
                    </Table.Td>
                    <Table.Td ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                      {c.customerNo}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" fw={600}>
                        {c.name}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {c.area}
                      </Text>
                    </Table.Td>
                    <Table.Td ff="monospace" c="dimmed">
                      {c.email ?? c.phone ?? ''}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          {search.data.total > rows.length && (
            <Text size="xs" c="dimmed">
              {t('requests.picker.more', { count: search.data.total })}
            </Text>
          )}
          {rows.length > 1 && (
            <Group>
              <Button
                size="compact-sm"
                variant="subtle"
                onClick={() => onChosen([...chosen, ...rows.filter((r) => !ids.has(r.id)).map((r) => ({ id: r.id, customerNo: r.customerNo, name: r.name, nameKana: r.nameKana }))])}
              >
                {t('recordProvision.chooseAllShown', { count: rows.length })}
              </Button>
            </Group>
          )}
        </>
      )}
    </Stack>
  );
}
