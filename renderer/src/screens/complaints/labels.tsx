// How a complaint's kind, state and countdown look wherever a complaint is shown.
import { Badge, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ComplaintKind, ComplaintRow, ComplaintState } from '../../../../src-shared/api/complaints';
import { complaintDueSoonBusinessDays } from '../../../../src-shared/api/complaints';
import { cellBadge } from '../../components/badge';

export function KindBadge({ kind }: { kind: ComplaintKind }) {
  const { t } = useTranslation();
  return (
    <Badge {...cellBadge} color={kind === 'complaint' ? 'grape' : 'cyan'} variant="light" data-kind={kind}>
      {t(`complaints.kinds.${kind}`)}
    </Badge>
  );
}

export function StateBadge({ state }: { state: ComplaintState }) {
  const { t } = useTranslation();
  return (
    <Badge {...cellBadge} color={state === 'open' ? 'blue' : 'gray'} variant="light" data-state={state}>
      {t(`complaints.states.${state}`)}
    </Badge>
  );
}

/** 期限超過: filled red, seen before it is read (Art. 40 asks for prompt handling). */
export function OverdueBadge() {
  const { t } = useTranslation();
  return (
    <Badge {...cellBadge} color="red" variant="filled" leftSection={<IconAlertTriangle size={12} aria-hidden />} data-testid="overdue-badge">
      {t('complaints.overdue')}
    </Badge>
  );
}

/** "あと3営業日" / "本日が期限" / "2営業日超過"; nothing once closed. */
export function DaysLeft({ row, size = 'sm' }: { row: Pick<ComplaintRow, 'businessDaysLeft' | 'overdue'>; size?: 'xs' | 'sm' }) {
  const { t } = useTranslation();
  const n = row.businessDaysLeft;
  if (n === null) return null;
  // Past the due date over a weekend the business days between are still 0: overdue all the same.
  const text = row.overdue ? t('complaints.daysLeft.over', { count: Math.max(1, -n) }) : n === 0 ? t('complaints.daysLeft.today') : t('complaints.daysLeft.left', { count: n });
  const soon = !row.overdue && n <= complaintDueSoonBusinessDays;
  return (
    <Text size={size} c={row.overdue ? 'red.8' : soon ? 'orange.8' : undefined} fw={row.overdue || soon ? 700 : undefined} style={{ whiteSpace: 'nowrap' }} data-testid="days-left">
      {text}
    </Text>
  );
}
