// Who attended: chosen from the accounts and the people without one the desk already knows, or added by name and
// department; with the test's score beside each when the session had a test.
import { ActionIcon, Button, Card, Group, Input, MultiSelect, NumberInput, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconUserPlus, IconUsersPlus, IconX } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { personKey, type EmployeeTraining } from '../../../../src-shared/api/training';
import { useEmployees } from './queries';

export interface Attendee {
  key: string;
  accountId: string | null;
  name: string;
  department: string;
  score: number | string;
}

export function attendeeOf(p: Pick<EmployeeTraining, 'key' | 'accountId' | 'name' | 'department'>, score: number | string = ''): Attendee {
  return { key: p.key, accountId: p.accountId, name: p.name, department: p.department ?? '', score };
}

interface Props {
  value: Attendee[];
  onChange: (attendees: Attendee[]) => void;
  withTest: boolean;
  error?: ReactNode;
  scoreError: (index: number) => ReactNode;
}

export function AttendeesField({ value, onChange, withTest, error, scoreError }: Props) {
  const { t } = useTranslation();
  const employees = useEmployees('all');
  const [newName, setNewName] = useState('');
  const [newDepartment, setNewDepartment] = useState('');
  const known = employees.data?.rows ?? [];
  const label = (p: { name: string; department: string | null }) => (p.department ? `${p.name}（${p.department}）` : p.name);
  // People already chosen stay choosable even when the lists no longer show them (a disabled account, someone who left).
  const extra = value.filter((a) => !known.some((k) => k.key === a.key));
  const option = (p: { key: string; name: string; department: string | null }) => ({ value: p.key, label: label(p) });
  const data = [
    { group: t('training.form.accounts'), items: [...known.filter((k) => k.accountId), ...extra.filter((a) => a.accountId).map((a) => ({ ...a, department: a.department || null }))].map(option) },
    { group: t('training.form.withoutAccount'), items: [...known.filter((k) => !k.accountId), ...extra.filter((a) => !a.accountId).map((a) => ({ ...a, department: a.department || null }))].map(option) },
  ].filter((g) => g.items.length > 0);

  const choose = (keys: string[]) => {
    const byKey = new Map([...known.map((k) => [k.key, attendeeOf(k)] as const), ...value.map((a) => [a.key, a] as const)]);
    onChange(keys.flatMap((k) => (byKey.has(k) ? [byKey.get(k)!] : [])));
  };
  const addEveryAccount = () => {
    const missing = known.filter((k) => k.accountId && !value.some((a) => a.key === k.key)).map((k) => attendeeOf(k));
    onChange([...value, ...missing]);
  };
  const addNamed = () => {
    const name = newName.trim();
    if (!name) return;
    const department = newDepartment.trim();
    // Spelled with other spaces or widths, a person already known is that person, not a second one.
    const key = personKey(name, department);
    if (!value.some((a) => a.key === key)) {
      const knownPerson = known.find((k) => k.key === key);
      onChange([...value, knownPerson ? attendeeOf(knownPerson) : { key, accountId: null, name, department, score: '' }]);
    }
    setNewName('');
    setNewDepartment('');
  };
  const setScore = (index: number, score: number | string) => onChange(value.map((a, i) => (i === index ? { ...a, score } : a)));

  return (
    <Input.Wrapper label={t('training.form.attendees')} description={t('training.form.attendeesHint')} error={error} required>
      <Stack gap="sm" mt={6}>
        <Group align="flex-end" gap="sm" wrap="nowrap">
          <MultiSelect
            searchable
            clearable
            hidePickedOptions
            style={{ flex: 1 }}
            aria-label={t('training.form.choose')}
            placeholder={t('training.form.choosePlaceholder')}
            data={data}
            value={value.map((a) => a.key)}
            onChange={choose}
            nothingFoundMessage={t('training.form.nothingFound')}
            comboboxProps={{ withinPortal: true }}
            data-testid="attendee-picker"
          />
          <Button variant="light" leftSection={<IconUsersPlus size={16} aria-hidden />} onClick={addEveryAccount} disabled={!known.some((k) => k.accountId && !value.some((a) => a.key === k.key))}>
            {t('training.form.addEveryAccount')}
          </Button>
        </Group>
        <Card withBorder radius="sm" padding="sm" bg="var(--mantine-color-gray-0)">
          <Text size="xs" c="dimmed" mb={6}>
            {t('training.form.addNamedHint')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm" style={{ alignItems: 'end' }}>
            <TextInput label={t('training.form.personName')} value={newName} maxLength={100} onChange={(e) => setNewName(e.currentTarget.value)} autoComplete="off" />
            <TextInput label={t('training.form.department')} value={newDepartment} maxLength={100} onChange={(e) => setNewDepartment(e.currentTarget.value)} autoComplete="off" />
            <Button variant="default" leftSection={<IconUserPlus size={16} aria-hidden />} onClick={addNamed} disabled={!newName.trim()}>
              {t('training.form.addNamed')}
            </Button>
          </SimpleGrid>
        </Card>
        {value.length > 0 && (
          <Table.ScrollContainer minWidth={480}>
            <Table verticalSpacing={4} data-testid="attendee-list" aria-label={t('training.form.attendees')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('training.view.columns.person')}</Table.Th>
                  <Table.Th>{t('training.view.columns.department')}</Table.Th>
                  {withTest && <Table.Th>{t('training.view.columns.score')}</Table.Th>}
                  <Table.Th style={{ width: 40 }} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {value.map((a, i) => (
                  <Table.Tr key={a.key} data-person={a.name}>
                    <Table.Td>
                      <Text size="sm" fw={600}>
                        {a.name}
                      </Text>
                      {!a.accountId && (
                        <Text size="xs" c="dimmed">
                          {t('training.employees.noAccount')}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{a.department || '—'}</Text>
                    </Table.Td>
                    {withTest && (
                      <Table.Td>
                        <NumberInput
                          size="xs"
                          w={110}
                          min={0}
                          max={100}
                          allowDecimal={false}
                          allowNegative={false}
                          aria-label={t('training.form.scoreOf', { name: a.name })}
                          placeholder={t('training.form.notTaken')}
                          value={a.score}
                          onChange={(v) => setScore(i, v)}
                          error={scoreError(i)}
                        />
                      </Table.Td>
                    )}
                    <Table.Td>
                      <ActionIcon variant="subtle" color="gray" onClick={() => onChange(value.filter((_, j) => j !== i))} aria-label={t('training.form.remove', { name: a.name })}>
                        <IconX size={16} aria-hidden />
                      </ActionIcon>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <Text size="xs" c="dimmed" aria-live="polite">
          {t('training.form.attendeeCount', { count: value.length })}
        </Text>
      </Stack>
    </Input.Wrapper>
  );
}
