// How a provision's state, basis and exclusions read wherever a provision is shown.
import { Badge, Text } from '@mantine/core';
import { IconHourglass } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ProvisionBasis, ProvisionRow, ProvisionState } from '../../../../src-shared/registers';
import { provisionExceptions } from '../../../../src-shared/registers';
import { cellBadge } from '../../components/badge';
import { formatDay } from '../../components/dates';

export function isException(basis: ProvisionBasis): boolean {
  return (provisionExceptions as readonly string[]).includes(basis);
}

/** 承認待ち is filled orange: an exception nobody has approved yet must be seen before it is read (policy §5.1, four eyes). */
export function ProvisionStateBadge({ state, size = 'sm' }: { state: ProvisionState; size?: 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation();
  if (state === 'awaitingApproval') {
    return (
      <Badge {...cellBadge} size={size} color="orange" variant="filled" leftSection={<IconHourglass size={12} aria-hidden />} data-state={state}>
        {t('provisions.states.awaitingApproval')}
      </Badge>
    );
  }
  return (
    <Badge {...cellBadge} size={size} color={state === 'recorded' ? 'teal' : 'red'} variant="light" data-state={state}>
      {t(`provisions.states.${state}`)}
    </Badge>
  );
}

export function BasisBadge({ basis }: { basis: ProvisionBasis }) {
  const { t } = useTranslation();
  return (
    <Badge {...cellBadge} size="sm" color={basis === 'consent' ? 'indigo' : 'grape'} variant={basis === 'consent' ? 'light' : 'outline'} data-basis={basis}>
      {t(`provisions.bases.${basis}`)}
    </Badge>
  );
}

/**
 * "2026/11/25", or "2026/11/01〜2026/11/25" for a combined record under a contract (rules Art. 19(2)); `stacked` puts
 * the last day on a line of its own, for the register's narrow column.
 */
export function ProvidedOn({ row, size = 'sm', stacked = false }: { row: Pick<ProvisionRow, 'providedOn' | 'lastProvidedOn'>; size?: 'xs' | 'sm'; stacked?: boolean }) {
  const { t, i18n } = useTranslation();
  const from = formatDay(row.providedOn, i18n.language);
  const to = row.lastProvidedOn ? formatDay(row.lastProvidedOn, i18n.language) : null;
  return (
    <Text size={size} style={{ whiteSpace: 'nowrap' }}>
      {to === null ? (
        from
      ) : stacked ? (
        <>
          {t('provisions.periodFrom', { from })}
          <br />
          {to}
        </>
      ) : (
        t('provisions.combinedPeriod', { from, to })
      )}
    </Text>
  );
}
