// The provision register's table: number, date (or the period of a combined record), recipient, basis, state, how many
// customers were provided and how many were left out; a row opens with a click or Enter.
import { Badge, Group, Stack, Text } from '@mantine/core';
import { createColumnHelper, tableFeatures, useTable } from '@tanstack/react-table';
import { useMemo, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProvisionRow } from '../../../../src-shared/registers';
import { cellBadge } from '../../components/badge';
import { DataTable } from '../../components/DataTable';
import { formatDay } from '../../components/dates';
import { countryLabel, isAbroad } from '../partners/countries';
import { AbroadBadge } from '../partners/PartnerTable';
import { BasisBadge, ProvidedOn, ProvisionStateBadge } from './labels';

const features = tableFeatures({});
const helper = createColumnHelper<typeof features, ProvisionRow>();

export function ProvisionTable({ rows, onOpen, empty }: { rows: ProvisionRow[]; onOpen: (id: string) => void; empty: ReactNode }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const columns = useMemo(
    () =>
      helper.columns([
        helper.accessor('number', {
          header: () => t('provisions.columns.number'),
          cell: ({ getValue }) => (
            <Text size="sm" ff="monospace" fw={700} style={{ whiteSpace: 'nowrap' }}>
              {getValue()}
            </Text>
          ),
        }),
        helper.accessor('providedOn', {
          header: () => t('provisions.columns.providedOn'),
          cell: ({ row }) => (
            <Stack gap={2} align="flex-start">
              <ProvidedOn row={row.original} stacked />
              {row.original.combined && (
                <Badge {...cellBadge} size="xs" color="cyan" variant="light">
                  {t('provisions.combined')}
                </Badge>
              )}
            </Stack>
          ),
        }),
        helper.accessor('partnerName', {
          header: () => t('provisions.columns.partner'),
          cell: ({ row }) => (
            <Stack gap={2} align="flex-start">
              <Text size="sm" fw={600}>
                {row.original.partnerName}
              </Text>
              <Group gap={4} wrap="nowrap">
                <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                  {countryLabel(row.original.partnerCountry, lang)}
                </Text>
                {isAbroad(row.original.partnerCountry) && <AbroadBadge />}
              </Group>
            </Stack>
          ),
        }),
        helper.accessor('basis', { header: () => t('provisions.columns.basis'), cell: ({ getValue }) => <BasisBadge basis={getValue()} /> }),
        helper.accessor('state', { header: () => t('provisions.columns.state'), cell: ({ getValue }) => <ProvisionStateBadge state={getValue()} /> }),
        helper.accessor('customerCount', {
          header: () => t('provisions.columns.customers'),
          cell: ({ getValue }) => (
            <Text size="sm" ta="right" fw={600} data-testid="customer-count">
              {t('provisions.peopleCell', { count: getValue() })}
            </Text>
          ),
        }),
        helper.accessor('excludedCount', {
          header: () => t('provisions.columns.excluded'),
          cell: ({ getValue }) => (
            <Text size="sm" ta="right" c={getValue() > 0 ? 'red.8' : 'dimmed'} fw={getValue() > 0 ? 700 : undefined} data-testid="excluded-count">
              {t('provisions.peopleCell', { count: getValue() })}
            </Text>
          ),
        }),
        helper.accessor('recordedByName', {
          header: () => t('provisions.columns.recordedBy'),
          cell: ({ row }) => (
            <Stack gap={0}>
              <Text size="sm">{row.original.recordedByName ?? '—'}</Text>
              <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                {t('provisions.keepUntilShort', { on: formatDay(row.original.keepUntil, lang) })}
              </Text>
            </Stack>
          ),
        }),
      ]),
    [t, lang],
  );
  const table = useTable({ features, columns, data: rows, getRowId: (row) => row.id });
  return (
    <DataTable
      table={table}
      caption={t('provisions.title')}
      testId="provisions-table"
      empty={empty}
      rowProps={(r) => ({
        'data-number': r.number,
        'data-state': r.state,
        tabIndex: 0,
        'aria-label': t('provisions.openRow', { number: r.number, partner: r.partnerName }),
        onClick: () => onOpen(r.id),
        onKeyDown: (e: KeyboardEvent<HTMLTableRowElement>) => {
          if (e.key === 'Enter' && e.target === e.currentTarget) onOpen(r.id);
        },
        style: {
          cursor: 'pointer',
          // An exception waiting for the officer stands out by more than colour: an orange edge as well as the badge.
          ...(r.state === 'awaitingApproval' ? { backgroundColor: 'var(--mantine-color-orange-light)', boxShadow: 'inset 4px 0 0 var(--mantine-color-orange-filled)' } : {}),
        },
      })}
    />
  );
}
