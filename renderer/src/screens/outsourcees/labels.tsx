// How a check's kind, result, score and ratings, and an outsourcee's next due day, look wherever they are shown.
import { Badge, Group, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconClock, IconClockHour4 } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { EvaluationDue, EvaluationKind, EvaluationResult, Rating } from '../../../../src-shared/api/outsourcees';
import { cellBadge } from '../../components/badge';

const resultColors: Record<EvaluationResult, string> = { approved: 'teal', conditional: 'yellow', notApproved: 'red' };
export const ratingColors: Record<Rating, string> = { conforms: 'teal', partly: 'yellow', doesNot: 'red', notApplicable: 'gray' };

export function ResultBadge({ result, size = 'sm' }: { result: EvaluationResult; size?: 'xs' | 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation();
  return (
    <Badge {...cellBadge} size={size} color={resultColors[result]} variant={result === 'approved' ? 'light' : 'filled'} autoContrast data-testid="result-badge" data-result={result}>
      {t(`outsourcees.results.${result}`)}
    </Badge>
  );
}

export function KindBadge({ kind }: { kind: EvaluationKind }) {
  const { t } = useTranslation();
  return (
    <Badge {...cellBadge} size="sm" color={kind === 'selection' ? 'grape' : 'indigo'} variant="outline" data-kind={kind}>
      {t(`outsourcees.kinds.${kind}`)}
    </Badge>
  );
}

export function RatingBadge({ rating }: { rating: Rating }) {
  const { t } = useTranslation();
  return (
    <Badge {...cellBadge} size="sm" color={ratingColors[rating]} variant={rating === 'doesNot' ? 'filled' : 'light'} autoContrast data-rating={rating}>
      {t(`outsourcees.ratings.${rating}`)}
    </Badge>
  );
}

/** 81点 / 81 points: the score of 100 the core computed from the checklist. */
export function Score({ score, size = 'sm' }: { score: number; size?: 'sm' | 'md' | 'xl' }) {
  const { t } = useTranslation();
  return (
    <Text size={size} fw={700} style={{ whiteSpace: 'nowrap' }} data-testid="score" data-score={score}>
      {t('outsourcees.score', { score })}
    </Text>
  );
}

/**
 * 期限超過 32日 / 本日が期限 / あと12日 / 評価の記録なし: red when late or never made, orange within 30 days, with an
 * icon as well as a colour.
 */
export function DueLabel({ due, daysToDue, size = 'sm' }: { due: EvaluationDue; daysToDue: number | null; size?: 'xs' | 'sm' | 'md' }) {
  const { t } = useTranslation();
  const late = due === 'overdue' || due === 'never';
  const color = late ? 'red.8' : due === 'dueSoon' ? 'orange.8' : undefined;
  const Icon = late ? IconAlertTriangle : due === 'dueSoon' ? IconClockHour4 : due === 'current' ? IconCircleCheck : IconClock;
  const words =
    due === 'never' ? t('outsourcees.due.never') : daysToDue! < 0 ? t('outsourcees.due.overdue', { count: -daysToDue! }) : daysToDue === 0 ? t('outsourcees.due.today') : t('outsourcees.due.left', { count: daysToDue! });
  return (
    <Group gap={4} wrap="nowrap" data-testid="due-label" data-due={due} data-days={daysToDue ?? undefined}>
      <Icon size={size === 'md' ? 18 : 14} aria-hidden color={color ? `var(--mantine-color-${color.replace('.', '-')})` : 'var(--mantine-color-teal-7)'} />
      <Text size={size} c={color} fw={late || due === 'dueSoon' ? 700 : 500} style={{ whiteSpace: 'nowrap' }}>
        {words}
      </Text>
    </Group>
  );
}

export function SelectionMissingBadge() {
  const { t } = useTranslation();
  return (
    <Badge {...cellBadge} size="sm" color="red" variant="outline" leftSection={<IconAlertTriangle size={12} aria-hidden />} data-testid="selection-missing">
      {t('outsourcees.selectionMissing')}
    </Badge>
  );
}
