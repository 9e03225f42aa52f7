// One selection check or evaluation as recorded: how and by whom, the checklist, the contract's clauses, the
// evidence files to save, and the findings with their follow-ups.
import { Alert, Badge, Button, Group, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { IconCheck, IconPencil, IconX } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { contractClauses, evaluationCriteria, type EvaluationDetail } from '../../../../src-shared/api/outsourcees';
import { useSession } from '../../app/session';
import { cellBadge } from '../../components/badge';
import { formatDateTime, formatDay } from '../../components/dates';
import { EvidenceTable } from './EvidenceTable';
import { RatingBadge } from './labels';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div" style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-line' }}>
        {children}
      </Text>
    </Stack>
  );
}

const top = { verticalAlign: 'top' } as const;

export function EvaluationRecord({ evaluation: e, canCorrect, onCorrect }: { evaluation: EvaluationDetail; canCorrect: boolean; onCorrect: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const session = useSession();
  const missing = contractClauses.filter((c) => !e.clauses[c].present);
  return (
    <Stack gap="md" data-testid="evaluation-body">
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
        <Fact label={t('evaluationForm.method')}>{t(`outsourcees.methods.${e.method}`)}</Fact>
        <Fact label={t('evaluationForm.evaluator')}>{e.evaluator}</Fact>
        <Fact label={t('outsourceeView.recorded')}>
          {e.recordedByName ?? '—'}
          <Text size="xs" c="dimmed">
            {formatDateTime(e.recordedAt, lang)}
          </Text>
        </Fact>
      </SimpleGrid>
      {e.corrects && e.correctionReason && (
        <Alert color="blue" variant="light" p="sm" title={t('outsourceeView.corrects', { number: e.corrects.number })}>
          <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
            {e.correctionReason}
          </Text>
        </Alert>
      )}
      {e.conditions && (
        <Alert color="yellow" variant="light" p="sm" title={t('evaluationForm.conditions')} data-testid="record-conditions">
          <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
            {e.conditions}
          </Text>
        </Alert>
      )}
      {e.summary && <Fact label={t('evaluationForm.summary')}>{e.summary}</Fact>}
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <Stack gap={4}>
          <Text size="sm" fw={700}>
            {t('evaluationForm.checklist')}
          </Text>
          <Table fz="sm" verticalSpacing={4} data-testid="record-checklist">
            <Table.Tbody>
              {evaluationCriteria.map((c) => (
                <Table.Tr key={c} data-criterion={c} data-rating={e.criteria[c].rating}>
                  <Table.Td style={{ ...top, overflowWrap: 'anywhere' }}>
                    {t(`outsourcees.criteria.${c}.label`)}
                    {e.criteria[c].note && (
                      <Text size="xs" c="dimmed">
                        {e.criteria[c].note}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td style={top} ta="right">
                    <RatingBadge rating={e.criteria[c].rating} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
        <Stack gap={4}>
          <Group gap="xs">
            <Text size="sm" fw={700}>
              {t('evaluationForm.clauses')}
            </Text>
            {missing.length > 0 && (
              <Badge {...cellBadge} size="xs" color="orange" variant="light" data-testid="missing-clauses">
                {t('outsourceeView.missingClauses', { count: missing.length })}
              </Badge>
            )}
          </Group>
          <Table fz="sm" verticalSpacing={4} data-testid="record-clauses">
            <Table.Tbody>
              {contractClauses.map((c) => (
                <Table.Tr key={c} data-clause={c} data-present={String(e.clauses[c].present)}>
                  <Table.Td style={top} w={28}>
                    {e.clauses[c].present ? <IconCheck size={16} color="var(--mantine-color-teal-7)" aria-label={t('evaluationForm.clausePresent')} /> : <IconX size={16} color="var(--mantine-color-red-7)" aria-label={t('evaluationForm.clauseMissing')} />}
                  </Table.Td>
                  <Table.Td style={{ ...top, overflowWrap: 'anywhere' }}>
                    {t(`outsourcees.clauses.${c}`)}
                    {e.clauses[c].note && (
                      <Text size="xs" c="dimmed">
                        {e.clauses[c].note}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      </SimpleGrid>
      <Stack gap={4}>
        <Text size="sm" fw={700}>
          {t('evaluationForm.evidence')}
        </Text>
        <EvidenceTable evidence={e.evidence} />
      </Stack>
      <Stack gap={4}>
        <Text size="sm" fw={700}>
          {t('evaluationForm.findings')}
        </Text>
        {e.findings.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('outsourceeView.noFindings')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={720}>
            <Table fz="sm" verticalSpacing={4} data-testid="record-findings">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('outsourceeView.findings.finding')}</Table.Th>
                  <Table.Th>{t('outsourceeView.findings.action')}</Table.Th>
                  <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('outsourceeView.findings.dueOn')}</Table.Th>
                  <Table.Th>{t('outsourceeView.findings.followUpColumn')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {e.findings.map((f) => (
                  <Table.Tr key={f.id} data-finding={f.finding} data-done={String(f.doneOn !== null)}>
                    <Table.Td style={{ ...top, overflowWrap: 'anywhere' }}>{f.finding}</Table.Td>
                    <Table.Td style={{ ...top, overflowWrap: 'anywhere' }}>
                      {f.action}
                      <Text size="xs" c="dimmed">
                        {f.owner}
                      </Text>
                    </Table.Td>
                    <Table.Td style={{ ...top, whiteSpace: 'nowrap' }}>{formatDay(f.dueOn, lang)}</Table.Td>
                    <Table.Td style={{ ...top, overflowWrap: 'anywhere' }}>
                      {f.doneOn ? (
                        <Stack gap={2}>
                          <Badge {...cellBadge} size="xs" color="teal" variant="light">
                            {t('outsourceeView.findings.doneOn', { day: formatDay(f.doneOn, lang) })}
                          </Badge>
                          <Text size="xs">{f.doneNote}</Text>
                          <Text size="xs" c="dimmed">
                            {f.followedUpByName}
                          </Text>
                        </Stack>
                      ) : f.superseded ? (
                        <Text size="xs" c="dimmed">
                          {t('outsourceeView.findings.superseded')}
                        </Text>
                      ) : (
                        <Badge {...cellBadge} size="xs" color={f.overdue ? 'red' : 'yellow'} variant={f.overdue ? 'filled' : 'light'} autoContrast>
                          {f.overdue ? t('outsourceeView.findings.overdue') : t('outsourceeView.findings.open')}
                        </Badge>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
      {canCorrect && session.permissions.includes('outsourcees.evaluate') && (
        <Group justify="flex-end">
          <Button size="compact-sm" variant="subtle" leftSection={<IconPencil size={14} aria-hidden />} onClick={onCorrect} aria-label={t('outsourceeView.correctNamed', { number: e.number })}>
            {t('outsourceeView.correct')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
