// How a request's state, due date and flags look wherever a request is shown: the colours and the small badges.
import { Badge, Group, Text } from '@mantine/core';
import { IconAlertTriangle, IconCopy, IconShieldCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { RequestRow, RequestState } from '../../../../src-shared/requests';
import { cellBadge } from '../../components/badge';

export const stateColor: Record<RequestState, string> = {
  received: 'blue',
  identityCheck: 'violet',
  inProgress: 'indigo',
  awaitingApproval: 'orange',
  completed: 'teal',
  refused: 'red',
  withdrawn: 'gray',
};

export function StateBadge({ state }: { state: RequestState }) {
  const { t } = useTranslation();
  return (
    <Badge {...cellBadge} color={stateColor[state]} variant="light" data-state={state}>
      {t(`requests.states.${state}`)}
    </Badge>
  );
}

/** 期限超過: filled red, so an overdue request is seen before it is read (the office's promise of "without delay", APPI Art. 33–35). */
export function OverdueBadge() {
  const { t } = useTranslation();
  return (
    <Badge {...cellBadge} color="red" variant="filled" leftSection={<IconAlertTriangle size={12} aria-hidden />} data-testid="overdue-badge">
      {t('requests.flags.overdue')}
    </Badge>
  );
}

export function VerifiedBadge() {
  const { t } = useTranslation();
  return (
    <Badge {...cellBadge} color="teal" variant="light" leftSection={<IconShieldCheck size={12} aria-hidden />} data-testid="verified-badge">
      {t('requests.flags.verified')}
    </Badge>
  );
}

export function DuplicateBadge() {
  const { t } = useTranslation();
  return (
    <Badge {...cellBadge} color="yellow" variant="filled" c="dark" leftSection={<IconCopy size={12} aria-hidden />} data-testid="duplicate-badge">
      {t('requests.flags.duplicate')}
    </Badge>
  );
}

/** "あと3営業日" / "2営業日超過" / "本日が期限"; nothing once the request is closed. */
export function DaysLeft({ row, size = 'sm' }: { row: Pick<RequestRow, 'businessDaysLeft' | 'overdue'>; size?: 'xs' | 'sm' }) {
  const { t } = useTranslation();
  const n = row.businessDaysLeft;
  if (n === null) return null;
  const text = n < 0 ? t('requests.daysLeft.over', { count: -n }) : n === 0 ? t('requests.daysLeft.today') : t('requests.daysLeft.left', { count: n });
  return (
    <Text size={size} c={row.overdue || n < 0 ? 'red.8' : n <= 3 ? 'orange.8' : undefined} fw={row.overdue || n <= 3 ? 700 : undefined} style={{ whiteSpace: 'nowrap' }} data-testid="days-left">
      {text}
    </Text>
  );
}

export function FlagBadges({ row }: { row: Pick<RequestRow, 'overdue' | 'duplicateOf' | 'identityVerified'> }) {
  return (
    <Group gap={4} wrap="wrap">
      {row.overdue && <OverdueBadge />}
      {row.duplicateOf && <DuplicateBadge />}
      {row.identityVerified && <VerifiedBadge />}
    </Group>
  );
}
