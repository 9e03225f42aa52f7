// How a ledger entry's count, review and risk look wherever the entry is shown: the list, the entry, the home card.
import { Badge, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconClockHour4, IconDatabase, IconPencil } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { scoreLevel, type LedgerCount, type LedgerRow, type ResidualRisk, type RiskState } from '../../../../src-shared/api/ledger';
import { cellBadge } from '../../components/badge';
import { formatDay } from '../../components/dates';

/** 1,234人 / 1,234 people: the number grouped as the language writes it. */
export function peopleText(t: TFunction, people: number, language: string): string {
  return t('ledger.people', { count: people, people: people.toLocaleString(language) });
}

export const residualColor: Record<ResidualRisk, string> = { low: 'teal', medium: 'yellow', high: 'red' };

/** 1,234人 with where it comes from: the desk (counted now) or a typed count and its day. */
export function CountCell({ count }: { count: LedgerCount }) {
  const { t, i18n } = useTranslation();
  return (
    <Stack gap={2} miw={150} maw={220} data-testid="ledger-count" data-source={count.source ?? 'typed'} data-people={count.people}>
      <Text size="sm" fw={700} style={{ whiteSpace: 'nowrap' }}>
        {peopleText(t, count.people, i18n.language)}
      </Text>
      <Group gap={4} wrap="nowrap" align="flex-start">
        {count.source ? <IconDatabase size={14} aria-label={t('ledger.countLive')} style={{ flexShrink: 0, marginTop: 2 }} /> : <IconPencil size={14} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />}
        <Text size="xs" c="dimmed">
          {count.source ? t(`ledger.sources.${count.source}`) : t('ledger.countTyped', { day: formatDay(count.asOf, i18n.language) })}
        </Text>
      </Group>
    </Stack>
  );
}

export function ReviewBadge({ row }: { row: Pick<LedgerRow, 'review' | 'retiredOn'> }) {
  const { t } = useTranslation();
  if (row.retiredOn) return <Badge {...cellBadge} size="sm" color="gray" variant="filled" data-testid="retired-badge">{t('ledger.badges.retired')}</Badge>;
  if (row.review.overdue) {
    return (
      <Badge {...cellBadge} size="sm" color="red" variant="filled" leftSection={<IconAlertTriangle size={12} aria-hidden />} data-testid="overdue-badge">
        {t('ledger.badges.overdue')}
      </Badge>
    );
  }
  if (row.review.dueSoon) {
    return (
      <Badge {...cellBadge} size="sm" color="orange" variant="light" leftSection={<IconClockHour4 size={12} aria-hidden />} data-testid="due-soon-badge">
        {t('ledger.badges.dueSoon')}
      </Badge>
    );
  }
  return null;
}

/** The last confirmation: in the desk (when, by whom), on paper before the desk, or never; then the next due day. */
export function ReviewCell({ row }: { row: Pick<LedgerRow, 'review' | 'retiredOn' | 'changedSinceConfirmed'> }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const v = row.review;
  return (
    <Stack gap={2} align="flex-start" data-testid="ledger-review" data-basis={v.basis} data-overdue={String(v.overdue)}>
      {v.basis === 'confirmed' && (
        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
          {formatDay(localDayOf(v.lastConfirmedAt!), lang)} {v.lastConfirmedByName}
        </Text>
      )}
      {v.basis === 'paper' && (
        <>
          <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
            {formatDay(v.paperReviewedOn, lang)} {v.paperReviewedBy}
          </Text>
          <Text size="xs" c="dimmed">
            {t('ledger.review.paper')}
          </Text>
        </>
      )}
      {v.basis === 'registered' && (
        <Text size="sm" c="dimmed">
          {t('ledger.review.never')}
        </Text>
      )}
      {row.retiredOn ? (
        <Text size="xs" c="dimmed">
          {t('ledger.review.retiredOn', { day: formatDay(row.retiredOn, lang) })}
        </Text>
      ) : (
        <Text size="xs" c={v.overdue ? 'red.8' : 'dimmed'} fw={v.overdue ? 700 : undefined} style={{ whiteSpace: 'nowrap' }}>
          {t('ledger.review.dueOn', { day: formatDay(v.dueOn, lang) })}
        </Text>
      )}
      <ReviewBadge row={row} />
      {row.changedSinceConfirmed && !row.retiredOn && (
        <Badge {...cellBadge} size="xs" color="gray" variant="outline">
          {t('ledger.badges.changed')}
        </Badge>
      )}
    </Stack>
  );
}

/** The local calendar day of an instant, as YYYY-MM-DD. */
export function localDayOf(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function RiskStateBadge({ state }: { state: RiskState }) {
  const { t } = useTranslation();
  const color = state === 'approved' ? 'teal' : state === 'awaitingApproval' ? 'orange' : 'gray';
  return (
    <Badge {...cellBadge} size="sm" color={color} variant={state === 'none' ? 'outline' : 'light'} data-testid="risk-state" data-state={state}>
      {t(`ledger.risk.states.${state}`)}
    </Badge>
  );
}

/** リスク値 6 (高): the score with its level, in the level's colour. */
export function ScoreBadge({ score }: { score: number }) {
  const { t } = useTranslation();
  const level = scoreLevel(score);
  return (
    <Badge {...cellBadge} size="sm" color={residualColor[level]} variant="filled" data-testid="risk-score" data-score={score}>
      {t('ledger.risk.scoreWithLevel', { score, level: t(`ledger.risk.residual.${level}`) })}
    </Badge>
  );
}

export function RiskCell({ row }: { row: Pick<LedgerRow, 'risk'> }) {
  const { t } = useTranslation();
  const r = row.risk;
  return (
    <Stack gap={4} align="flex-start">
      <RiskStateBadge state={r.state} />
      {r.score !== null && <ScoreBadge score={r.score} />}
      {r.residual && (
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          {t('ledger.risk.residualLabel', { level: t(`ledger.risk.residual.${r.residual}`) })}
        </Text>
      )}
    </Stack>
  );
}
