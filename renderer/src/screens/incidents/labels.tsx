// How an incident's reportability, countdown and state look wherever an incident is shown.
import { Badge, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconClockHour4, IconClock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { IncidentRow, IncidentState } from '../../../../src-shared/registers';
import { cellBadge } from '../../components/badge';
import { urgencyOf, type ReportKind } from './deadlines';

/** 報告対象 with the reasons in words, or 報告対象外: the reason is what the officer has to defend to the PPC. */
export function ReportableBadge({ row, withReasons = true }: { row: Pick<IncidentRow, 'reportable' | 'reportableBecause'>; withReasons?: boolean }) {
  const { t } = useTranslation();
  if (!row.reportable) {
    return (
      <Badge {...cellBadge} color="gray" variant="light" data-testid="reportable-badge" data-reportable="false">
        {t('incidents.notReportable')}
      </Badge>
    );
  }
  return (
    <Stack gap={2} align="flex-start">
      <Badge {...cellBadge} color="red" variant="filled" leftSection={<IconAlertTriangle size={12} aria-hidden />} data-testid="reportable-badge" data-reportable="true">
        {t('incidents.reportable')}
      </Badge>
      {withReasons && row.reportableBecause.length > 0 && (
        <Text size="xs" c="red.9" data-testid="reportable-reasons">
          {row.reportableBecause.map((r) => t(`incidents.reportableBecause.${r}`, { defaultValue: r })).join('・')}
        </Text>
      )}
    </Stack>
  );
}

/** 速報: あと3日 / 速報: 本日が期限 / 速報: 期限超過 2日 — red when late, orange within two days, with an icon as well as a colour. */
export function Countdown({ kind, days, size = 'sm' }: { kind: ReportKind; days: number; size?: 'xs' | 'sm' | 'md' }) {
  const { t } = useTranslation();
  const urgency = urgencyOf(days);
  const when = days < 0 ? t('incidents.countdown.late', { count: -days }) : days === 0 ? t('incidents.countdown.today') : t('incidents.countdown.left', { count: days });
  const color = urgency === 'late' ? 'red.8' : urgency === 'soon' ? 'orange.8' : undefined;
  const Icon = urgency === 'late' ? IconAlertTriangle : urgency === 'soon' ? IconClockHour4 : IconClock;
  return (
    <Group gap={4} wrap="nowrap" data-testid="countdown" data-kind={kind} data-days={days} data-urgency={urgency}>
      <Icon size={size === 'md' ? 18 : 14} aria-hidden color={color ? `var(--mantine-color-${color.replace('.', '-')})` : 'var(--mantine-color-dimmed)'} />
      <Text size={size} c={color} fw={urgency === 'calm' ? 500 : 700} style={{ whiteSpace: 'nowrap' }}>
        {t(`incidents.reportKinds.${kind}`)}: {when}
      </Text>
    </Group>
  );
}

export function IncidentStateBadge({ state }: { state: IncidentState }) {
  const { t } = useTranslation();
  return (
    <Badge {...cellBadge} color={state === 'open' ? 'blue' : 'gray'} variant="light" data-state={state}>
      {t(`incidents.states.${state}`)}
    </Badge>
  );
}
