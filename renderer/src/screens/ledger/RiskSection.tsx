// The entry's risk assessment: the newest one with its score, the one in force while a newer one awaits the officer's
// approval, and the history; the office drafts, the officer approves.
import { Alert, Badge, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconInfoCircle, IconShieldCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LedgerEntry, RiskAssessment } from '../../../../src-shared/api/ledger';
import type { DeskErrorData } from '../../../../src-shared/errors';
import { useClient } from '../../app/client-context';
import { cellBadge } from '../../components/badge';
import { formatDateTime } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { residualColor, ScoreBadge } from './labels';
import { useLedgerChanged } from './queries';
import { RiskDialog } from './RiskDialog';

function StateBadge({ assessment, inForce }: { assessment: RiskAssessment; inForce: boolean }) {
  const { t } = useTranslation();
  const color = assessment.state === 'approved' ? 'teal' : assessment.state === 'awaitingApproval' ? 'orange' : 'gray';
  return (
    <Group gap={4}>
      <Badge {...cellBadge} size="sm" color={color} variant="light" data-testid="assessment-state" data-state={assessment.state}>
        {t(`ledgerRisk.states.${assessment.state}`)}
      </Badge>
      {inForce && (
        <Badge {...cellBadge} size="sm" color="teal" variant="filled">
          {t('ledgerRisk.inForce')}
        </Badge>
      )}
    </Group>
  );
}

/** One assessment in full: threats, likelihood × impact, measures, residual risk, who drafted and approved it. */
function AssessmentCard({ assessment: a, inForce, testId }: { assessment: RiskAssessment; inForce: boolean; testId: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <Card withBorder radius="sm" padding="md" data-testid={testId} data-version={a.version} data-state={a.state}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Group gap="xs">
            <Text size="sm" fw={700}>
              {t('ledgerRisk.version', { version: a.version })}
            </Text>
            <StateBadge assessment={a} inForce={inForce} />
          </Group>
          <Group gap="xs">
            <Text size="sm" data-testid="risk-formula">
              {t('ledgerRisk.likelihood')} × {t('ledgerRisk.impact')} = {t('ledgerRisk.scoreFormula', { likelihood: a.likelihood, impact: a.impact, score: a.score })}
            </Text>
            <ScoreBadge score={a.score} />
          </Group>
        </Group>
        <Group gap={4}>
          <Text size="sm" c="dimmed" mr={4}>
            {t('ledgerRisk.threats')}:
          </Text>
          {a.threats.map((th) => (
            <Badge key={th} {...cellBadge} size="sm" variant="light" color="red">
              {t(`ledger.risk.threats.${th}`)}
            </Badge>
          ))}
        </Group>
        {a.threatNotes && (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            <Text span c="dimmed">
              {t('ledgerRisk.threatNotes')}:{' '}
            </Text>
            {a.threatNotes}
          </Text>
        )}
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          <Text span c="dimmed">
            {t('ledgerRisk.measures')}:{' '}
          </Text>
          {a.measures}
        </Text>
        <Group gap="xs">
          <Text size="sm" c="dimmed">
            {t('ledgerRisk.residual')}:
          </Text>
          <Badge {...cellBadge} size="sm" color={residualColor[a.residual]} variant="light" data-testid="residual" data-residual={a.residual}>
            {t(`ledger.risk.residual.${a.residual}`)}
          </Badge>
        </Group>
        <Text size="xs" c="dimmed">
          {t('ledgerRisk.drafted', { time: formatDateTime(a.draftedAt, lang), name: a.draftedByName ?? '—' })}
          {a.approvedAt && `　${t('ledgerRisk.approved', { time: formatDateTime(a.approvedAt, lang), name: a.approvedByName ?? '—' })}`}
        </Text>
      </Stack>
    </Card>
  );
}

export function RiskSection({ entry, canWrite, canApprove }: { entry: LedgerEntry; canWrite: boolean; canApprove: boolean }) {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const changed = useLedgerChanged();
  const [drafting, setDrafting] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<DeskErrorData | null>(null);
  const live = entry.assessments.filter((a) => a.state !== 'superseded');
  const newest = live[0];
  const inForce = live.find((a) => a.state === 'approved');
  const pending = newest?.state === 'awaitingApproval' ? newest : undefined;
  const shownIds = new Set([newest?.id, inForce?.id]);
  const history = entry.assessments.filter((a) => !shownIds.has(a.id));

  const approve = async (a: RiskAssessment) => {
    setBusy(true);
    setFailure(null);
    const result = await client.call('ledger.approveRisk', { id: a.id });
    setBusy(false);
    if (!result.ok) return setFailure(result.error);
    changed(result.value);
    notifications.show({ color: 'teal', message: t('ledgerRisk.approvedToast') });
  };

  return (
    <Card withBorder radius="md" padding="lg" data-testid="ledger-risk" data-state={entry.risk.state} component="section" aria-label={t('ledgerRisk.title')}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Stack gap={2} maw={720}>
            <Title order={2} size="h4">
              {t('ledgerRisk.title')}
            </Title>
            <Text size="xs" c="dimmed">
              {t('ledgerRisk.intro')}
            </Text>
          </Stack>
          <Group gap="sm">
            {canApprove && pending && (
              <Button color="teal" leftSection={<IconShieldCheck size={16} aria-hidden />} loading={busy} onClick={() => void approve(pending)}>
                {t('ledgerRisk.approve')}
              </Button>
            )}
            {canWrite && (
              <Button variant={newest ? 'default' : 'filled'} onClick={() => setDrafting(true)}>
                {newest ? t('ledgerRisk.reassess') : t('ledgerRisk.assess')}
              </Button>
            )}
          </Group>
        </Group>
        <ErrorAlert error={failure} />
        {!newest && (
          <Text size="sm" c="dimmed" data-testid="risk-none">
            {t('ledgerRisk.none')}
          </Text>
        )}
        {pending && inForce && (
          <Alert color="orange" variant="light" icon={<IconInfoCircle aria-hidden />} py="xs">
            <Text size="sm">{t('ledgerRisk.awaitingNote')}</Text>
          </Alert>
        )}
        {newest && <AssessmentCard assessment={newest} inForce={newest === inForce} testId="assessment-newest" />}
        {pending && inForce && <AssessmentCard assessment={inForce} inForce testId="assessment-in-force" />}
        {history.length > 0 && (
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              {t('ledgerRisk.history')}
            </Text>
            <Table striped verticalSpacing={4} data-testid="assessment-history" fz="sm">
              <Table.Tbody>
                {history.map((a) => (
                  <Table.Tr key={a.id}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{t('ledgerRisk.version', { version: a.version })}</Table.Td>
                    <Table.Td>
                      <StateBadge assessment={a} inForce={false} />
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{t('ledgerRisk.scoreFormula', { likelihood: a.likelihood, impact: a.impact, score: a.score })}</Table.Td>
                    <Table.Td>{t(`ledger.risk.residual.${a.residual}`)}</Table.Td>
                    <Table.Td c="dimmed">{t('ledgerRisk.drafted', { time: formatDateTime(a.draftedAt, i18n.language), name: a.draftedByName ?? '—' })}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Stack>
        )}
      </Stack>
      <RiskDialog entry={drafting ? entry : null} onClose={() => setDrafting(false)} />
    </Card>
  );
}
