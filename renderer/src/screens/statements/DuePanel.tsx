// Statements that need the officer: overdue (red), due for renewal within 30 days, and active accounts with none.
import { Alert, Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconClockHour4, IconUserQuestion } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { StatementRow } from '../../../../src-shared/domain';
import { formatDay } from '../../components/dates';
import { QueryError } from '../../components/QueryError';
import { useDueStatements } from './queries';
import { cellBadge } from '../../components/badge';

export function DuePanel({ onRenew, onRecord }: { onRenew: (s: StatementRow) => void; onRecord: (accountId: string) => void }) {
  const { t, i18n } = useTranslation();
  const due = useDueStatements();
  if (due.error) return <QueryError error={due.error} />;
  if (!due.data) return null;
  const { overdue, dueSoon, missing } = due.data;
  const lang = i18n.language;

  if (overdue.length + dueSoon.length + missing.length === 0) {
    return (
      <Alert color="teal" variant="light" icon={<IconCircleCheck aria-hidden />} data-testid="due-panel">
        {t('statements.due.none')}
      </Alert>
    );
  }

  const statementItem = (s: StatementRow, color: string) => (
    <Group key={s.id} justify="space-between" wrap="nowrap" gap="xs" data-statement-id={s.id}>
      <Stack gap={0}>
        <Text size="sm" fw={600}>
          {s.personName}
        </Text>
        <Text size="xs" c={color === 'red' ? 'red.8' : 'dimmed'} fw={color === 'red' ? 600 : undefined}>
          {t('statements.due.renewalOn', { date: formatDay(s.renewalOn, lang) })}
        </Text>
      </Stack>
      <Button size="compact-sm" variant="light" color={color} onClick={() => onRenew(s)}>
        {t('statements.due.renew')}
      </Button>
    </Group>
  );

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="due-title" data-testid="due-panel">
      <Title order={2} size="h4" id="due-title" mb="md">
        {t('statements.due.title')}
      </Title>
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="lg">
        <DueColumn testId="due-overdue" color="red" icon={<IconAlertTriangle size={18} aria-hidden />} title={t('statements.due.overdue')} count={overdue.length}>
          {overdue.map((s) => statementItem(s, 'red'))}
        </DueColumn>
        <DueColumn testId="due-soon" color="yellow" icon={<IconClockHour4 size={18} aria-hidden />} title={t('statements.due.dueSoon')} count={dueSoon.length}>
          {dueSoon.map((s) => statementItem(s, 'yellow'))}
        </DueColumn>
        <DueColumn testId="due-missing" color="gray" icon={<IconUserQuestion size={18} aria-hidden />} title={t('statements.due.missing')} count={missing.length}>
          {missing.map((m) => (
            <Group key={m.accountId} justify="space-between" wrap="nowrap" gap="xs">
              <Stack gap={0}>
                <Text size="sm" fw={600}>
                  {m.displayName}
                </Text>
                <Text size="xs" c="dimmed">
                  {t(`roles.${m.role}`, { defaultValue: m.role })}
                </Text>
              </Stack>
              <Button size="compact-sm" variant="light" color="gray" onClick={() => onRecord(m.accountId)}>
                {t('statements.due.recordFor')}
              </Button>
            </Group>
          ))}
        </DueColumn>
      </SimpleGrid>
    </Card>
  );
}

function DueColumn({ title, icon, color, count, children, testId }: { title: string; icon: ReactNode; color: string; count: number; children: ReactNode; testId: string }) {
  return (
    <Stack gap="xs" data-testid={testId}>
      <Group gap={6} c={count > 0 ? `${color}.8` : 'dimmed'} wrap="nowrap" align="flex-start">
        {icon}
        <Text size="sm" fw={700}>
          {title}
        </Text>
        <Badge {...cellBadge} size="sm" color={count > 0 ? color : 'gray'} variant={count > 0 && color === 'red' ? 'filled' : 'light'}>
          {count}
        </Badge>
      </Group>
      {children}
    </Stack>
  );
}
