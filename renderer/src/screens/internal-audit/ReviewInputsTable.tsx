// The counts put before the representative at a management review, as the desk gathered them for the period.
import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { findingGrades, type ReviewInputs } from '../../../../src-shared/api/internal-audit';
import { requestKinds } from '../../../../src-shared/requests';

export function ReviewInputsTable({ inputs }: { inputs: ReviewInputs }) {
  const { t } = useTranslation();
  const n = (count: number) => t('internalAudit.inputs.n', { count });
  const sep = t('internalAudit.inputs.separator');
  const kinds = requestKinds.filter((k) => (inputs.requests.byKind[k] ?? 0) > 0).map((k) => `${t(`requests.kinds.${k}`)} ${n(inputs.requests.byKind[k]!)}`);
  // The registers of issue #10 came later: a review recorded before them has no such counts, and shows no such row.
  const later = (['complaints', 'training', 'outsourcees', 'ledger'] as const).flatMap((key): [string, string, string][] => {
    const counts = inputs[key];
    return counts ? [[key, t(`internalAudit.inputs.${key}`), t(`internalAudit.inputs.${key}Text`, counts)]] : [];
  });
  const rows: [string, string, string][] = [
    ['audits', t('internalAudit.inputs.audits'), t('internalAudit.inputs.auditsText', { planned: inputs.audits.planned, done: inputs.audits.done })],
    ['findings', t('internalAudit.inputs.findings'), findingGrades.map((g) => `${t(`internalAudit.grades.${g}`)} ${n(inputs.findings[g])}`).join(sep)],
    ['corrections', t('internalAudit.inputs.corrections'), t('internalAudit.inputs.correctionsText', inputs.corrections)],
    ['incidents', t('internalAudit.inputs.incidents'), t('internalAudit.inputs.incidentsText', inputs.incidents)],
    [
      'requests',
      t('internalAudit.inputs.requests'),
      [t('internalAudit.inputs.requestsText', { received: inputs.requests.received, closed: inputs.requests.closed, closedLate: inputs.requests.closedLate, openNow: inputs.requests.openNow, overdueNow: inputs.requests.overdueNow }), kinds.length ? t('internalAudit.inputs.byKind', { kinds: kinds.join(sep) }) : ''].filter(Boolean).join('\n'),
    ],
    ...later,
  ];
  return (
    <Table withTableBorder withColumnBorders fz="sm" verticalSpacing={6} data-testid="review-inputs">
      <Table.Tbody>
        {rows.map(([key, label, text]) => (
          <Table.Tr key={key} data-input={key}>
            <Table.Th w={180} style={{ verticalAlign: 'top', whiteSpace: 'nowrap' }}>
              {label}
            </Table.Th>
            <Table.Td>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {text}
              </Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
