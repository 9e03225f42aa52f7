// How a finding's grade and status, an action's state and its due day, and what a finding concerns look wherever shown.
import { Badge, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconClock, IconClockHour4 } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { CorrectionRow, FindingGrade, FindingStatus, FindingTarget, TargetOption } from '../../../../src-shared/api/internal-audit';
import { cellBadge } from '../../components/badge';
import { formatDay } from '../../components/dates';

const gradeColors: Record<FindingGrade, string> = { majorNonconformity: 'red', minorNonconformity: 'orange', observation: 'blue', improvement: 'teal' };

export function GradeBadge({ grade }: { grade: FindingGrade }) {
  const { t } = useTranslation();
  return (
    <Badge {...cellBadge} color={gradeColors[grade]} variant={grade === 'majorNonconformity' ? 'filled' : 'light'} data-grade={grade}>
      {t(`internalAudit.grades.${grade}`)}
    </Badge>
  );
}

const statusColors: Record<FindingStatus, string> = { awaitingAction: 'red', inProgress: 'blue', closed: 'gray', noActionNeeded: 'gray' };

export function FindingStatusBadge({ status }: { status: FindingStatus }) {
  const { t } = useTranslation();
  return (
    <Badge {...cellBadge} color={statusColors[status]} variant="light" data-status={status}>
      {t(`internalAudit.findingStatus.${status}`)}
    </Badge>
  );
}

export function CorrectionStateBadge({ row }: { row: Pick<CorrectionRow, 'state' | 'overdue'> }) {
  const { t } = useTranslation();
  const color = row.state === 'closed' ? 'gray' : row.state === 'reported' ? 'violet' : row.overdue ? 'red' : 'blue';
  return (
    <Badge {...cellBadge} color={color} variant={row.overdue ? 'filled' : 'light'} data-state={row.state}>
      {t(`internalAudit.correctionStates.${row.state}`)}
    </Badge>
  );
}

/** 期限 2026/12/10（あと5日 / 本日 / 3日超過）: red when late, orange within a week, with an icon as well as a colour. */
export function DueDay({ row }: { row: Pick<CorrectionRow, 'dueOn' | 'daysLeft'> }) {
  const { t, i18n } = useTranslation();
  const days = row.daysLeft;
  const late = days !== null && days < 0;
  const soon = days !== null && days >= 0 && days <= 7;
  const Icon = late ? IconAlertTriangle : soon ? IconClockHour4 : IconClock;
  const color = late ? 'red.8' : soon ? 'orange.8' : undefined;
  const when = days === null ? null : days < 0 ? t('internalAudit.due.late', { count: -days }) : days === 0 ? t('internalAudit.due.today') : t('internalAudit.due.left', { count: days });
  return (
    <Group gap={4} wrap="nowrap" data-testid="due-day" data-days={days ?? ''}>
      {days !== null && <Icon size={14} aria-hidden color={color ? `var(--mantine-color-${color.replace('.', '-')})` : 'var(--mantine-color-dimmed)'} />}
      <Text size="sm" c={color} fw={late ? 700 : 500} style={{ whiteSpace: 'nowrap' }}>
        {when ? t('internalAudit.due.dayWith', { day: formatDay(row.dueOn, i18n.language), when }) : formatDay(row.dueOn, i18n.language)}
      </Text>
    </Group>
  );
}

/** リクエスト R-2026-0003 / アカウント 佐藤 健 / 台帳 顧客マスタ; a record no longer in the desk says so. */
export function TargetText({ target }: { target: FindingTarget | null }) {
  const { t } = useTranslation();
  if (!target) {
    return (
      <Text size="sm" c="dimmed">
        {t('internalAudit.targets.none')}
      </Text>
    );
  }
  // A number is read whole (R-2026-0001 never breaks); a ledger entry's or a person's name may wrap.
  const numbered = target.kind === 'request' || target.kind === 'incident';
  return (
    <Stack gap={0} data-testid="finding-target" data-kind={target.kind}>
      <Text size="xs" c="dimmed">
        {t(`internalAudit.targets.kinds.${target.kind}`)}
      </Text>
      <Text size="sm" ff={numbered ? 'monospace' : undefined} style={numbered ? { whiteSpace: 'nowrap' } : { overflowWrap: 'anywhere' }}>
        {target.label ?? t('internalAudit.targets.gone')}
      </Text>
    </Stack>
  );
}

/** A record offered in the picker: number or name, with the request's kind and day, the incident's state, the account's role. */
export function targetOptionLabel(t: TFunction, language: string, kind: FindingTarget['kind'], o: TargetOption): string {
  const code = o.code === null ? null : kind === 'request' ? t(`requests.kinds.${o.code}`) : kind === 'incident' ? t(`incidents.states.${o.code}`) : kind === 'account' ? t(`roles.${o.code}`) : null;
  return [o.label, code, o.on ? formatDay(o.on, language) : null].filter(Boolean).join(' · ');
}
