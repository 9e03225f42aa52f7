// The outsourcees with their last selection check and evaluation, when the next is due, and findings still open.
import { Badge, Button, Group, Stack, Text, VisuallyHidden } from '@mantine/core';
import { createColumnHelper, tableFeatures, useTable } from '@tanstack/react-table';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvaluationBrief, OutsourceeRow } from '../../../../src-shared/api/outsourcees';
import { cellBadge } from '../../components/badge';
import { DataTable } from '../../components/DataTable';
import { formatDay } from '../../components/dates';
import { AbroadBadge } from '../partners/PartnerTable';
import { isAbroad } from '../partners/countries';
import { DueLabel, ResultBadge, Score, SelectionMissingBadge } from './labels';

const features = tableFeatures({});
const helper = createColumnHelper<typeof features, OutsourceeRow>();

function Brief({ brief, missing }: { brief: EvaluationBrief | null; missing: ReactNode }) {
  const { i18n } = useTranslation();
  if (!brief) return <>{missing}</>;
  return (
    <Stack gap={2} align="flex-start">
      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
        {formatDay(brief.evaluatedOn, i18n.language)}
      </Text>
      <Group gap={6} wrap="nowrap">
        <Score score={brief.score} />
        <ResultBadge result={brief.result} size="xs" />
      </Group>
    </Stack>
  );
}

export function OutsourceeTable({ rows, onOpen, empty }: { rows: OutsourceeRow[]; onOpen: (partnerId: string) => void; empty: ReactNode }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const columns = useMemo(
    () =>
      helper.columns([
        helper.accessor('name', {
          header: () => t('outsourcees.columns.name'),
          cell: ({ row }) => (
            <Stack gap={4} miw={170} align="flex-start">
              <Text size="sm" fw={700}>
                {row.original.name}
              </Text>
              <Group gap={4}>
                {isAbroad(row.original.country) && <AbroadBadge />}
                {row.original.endedOn && (
                  <Badge {...cellBadge} size="xs" color="gray" variant="filled">
                    {t('outsourcees.ended', { day: formatDay(row.original.endedOn, lang) })}
                  </Badge>
                )}
                {!row.original.isOutsourcee && (
                  <Badge {...cellBadge} size="xs" color="gray" variant="outline">
                    {t('outsourcees.noLongerOutsourcee')}
                  </Badge>
                )}
              </Group>
            </Stack>
          ),
        }),
        helper.accessor('lastSelection', {
          header: () => t('outsourcees.columns.selection'),
          cell: ({ row }) => <Brief brief={row.original.lastSelection} missing={<SelectionMissingBadge />} />,
        }),
        helper.accessor('lastEvaluation', {
          header: () => t('outsourcees.columns.evaluation'),
          cell: ({ row }) => (
            <Brief
              brief={row.original.lastEvaluation}
              missing={
                <Text size="sm" c="dimmed">
                  {t('outsourcees.noEvaluation')}
                </Text>
              }
            />
          ),
        }),
        helper.accessor('nextDueOn', {
          header: () => t('outsourcees.columns.nextDue'),
          cell: ({ row }) => (
            <Stack gap={2} align="flex-start">
              {row.original.nextDueOn && (
                <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                  {formatDay(row.original.nextDueOn, lang)}
                </Text>
              )}
              <DueLabel due={row.original.due} daysToDue={row.original.daysToDue} size="xs" />
            </Stack>
          ),
        }),
        helper.accessor('openFindings', {
          header: () => t('outsourcees.columns.findings'),
          cell: ({ row }) =>
            row.original.openFindings === 0 ? (
              <Text size="sm" c="dimmed">
                {t('outsourcees.findingsNone')}
              </Text>
            ) : (
              <Stack gap={2} align="flex-start" data-testid="open-findings" data-open={row.original.openFindings} data-late={row.original.findingsOverdue}>
                <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                  {t('outsourcees.findingsOpen', { count: row.original.openFindings })}
                </Text>
                {row.original.findingsOverdue > 0 && (
                  <Badge {...cellBadge} size="xs" color="red" variant="filled">
                    {t('outsourcees.findingsLate', { count: row.original.findingsOverdue })}
                  </Badge>
                )}
              </Stack>
            ),
        }),
        helper.display({
          id: 'actions',
          header: () => <VisuallyHidden>{t('outsourcees.columns.actions')}</VisuallyHidden>,
          cell: ({ row }) => (
            <Button size="compact-sm" variant="light" onClick={() => onOpen(row.original.partnerId)} aria-label={t('outsourcees.openNamed', { name: row.original.name })}>
              {t('outsourcees.open')}
            </Button>
          ),
        }),
      ]),
    [t, lang, onOpen],
  );
  const table = useTable({ features, columns, data: rows, getRowId: (row) => row.partnerId });
  return (
    <DataTable
      table={table}
      caption={t('outsourcees.title')}
      testId="outsourcees-table"
      empty={empty}
      rowProps={(r) => ({ 'data-outsourcee': r.name, 'data-due': r.due, 'data-selection-missing': String(r.selectionMissing), style: r.endedOn ? { opacity: 0.7 } : undefined })}
    />
  );
}
