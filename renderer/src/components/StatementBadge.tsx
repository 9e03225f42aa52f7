// Where a person stands with their written confidentiality statement, as a coloured badge with the renewal date.
import { Badge, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { StatementState } from '../../../src-shared/domain';
import { formatDay } from './dates';
import { cellBadge } from './badge';

export const statementColor: Record<StatementState | 'superseded', string> = {
  current: 'teal',
  dueSoon: 'yellow',
  overdue: 'red',
  none: 'gray',
  superseded: 'gray',
};

export function StatementBadge({ state, renewalOn }: { state: StatementState; renewalOn: string | null }) {
  const { t, i18n } = useTranslation();
  return (
    <Stack gap={2} align="flex-start" data-statement-state={state}>
      <Badge {...cellBadge} color={statementColor[state]} variant={state === 'overdue' ? 'filled' : 'light'}>
        {t(`accounts.statementState.${state}`)}
      </Badge>
      {renewalOn && (
        <Text size="xs" c={state === 'overdue' ? 'red.8' : 'dimmed'} style={{ whiteSpace: 'nowrap' }}>
          {t('accounts.renewalOn', { date: formatDay(renewalOn, i18n.language) })}
        </Text>
      )}
    </Stack>
  );
}
