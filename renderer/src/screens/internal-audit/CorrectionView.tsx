// One corrective action: the finding it answers, the cause, what is done and by whom, the due day, the owner's report,
// the officer's verification, and its history. The owner reports it done; only the officer verifies and closes it.
import { Alert, Anchor, Button, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconArrowBackUp, IconChecks, IconPencil, IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CorrectionDetail } from '../../../../src-shared/api/internal-audit';
import { useSession } from '../../app/session';
import { formatDateTime, formatDay } from '../../components/dates';
import { QueryError } from '../../components/QueryError';
import { Section } from '../customers/RecordSections';
import { ReportDialog, VerifyDialog } from './CorrectionSteps';
import { CorrectionFormDialog, type CorrectionDialog } from './CorrectionFormDialog';
import { Fact } from './Fact';
import { CorrectionStateBadge, DueDay, GradeBadge } from './labels';
import { useCorrection } from './queries';

export function CorrectionView({ id, backTo, onBack, onOpenFinding }: { id: string; backTo: 'finding' | 'list'; onBack: () => void; onOpenFinding?: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const correction = useCorrection(id);
  const [editing, setEditing] = useState<CorrectionDialog | null>(null);
  const [step, setStep] = useState<'report' | 'verify' | null>(null);
  const c = correction.data;
  const lang = i18n.language;
  const canManage = session.permissions.includes('corrections.manage');
  // The owner reports their own; the officer may report for anyone (the router and the core check it again).
  const canReport = c !== undefined && c.state === 'open' && session.permissions.includes('corrections.report') && (canManage || c.owner.id === session.accountId);
  return (
    <Stack gap="md" maw={1100}>
      <Group>
        <Button variant="subtle" leftSection={<IconArrowLeft size={16} aria-hidden />} onClick={onBack} px={4}>
          {t(backTo === 'finding' ? 'internalAudit.correctionView.backToFinding' : 'internalAudit.correctionView.back')}
        </Button>
      </Group>
      <QueryError error={correction.error} />
      {c && (
        <>
          <Group justify="space-between" align="flex-start">
            <Stack gap={6}>
              <Group gap="sm">
                <Title order={1} size="h2">
                  {t('internalAudit.correctionView.title', { number: c.number })}
                </Title>
                <CorrectionStateBadge row={c} />
              </Group>
              <Text size="sm" c="dimmed">
                {t('internalAudit.correctionView.opened', { at: formatDateTime(c.openedAt, lang) })}
              </Text>
            </Stack>
            <Group gap="xs">
              {canManage && c.state === 'open' && (
                <Button variant="default" leftSection={<IconPencil size={16} aria-hidden />} onClick={() => setEditing({ kind: 'edit', correction: c })}>
                  {t('internalAudit.correctionView.edit')}
                </Button>
              )}
              {canReport && (
                <Button leftSection={<IconSend size={16} aria-hidden />} onClick={() => setStep('report')}>
                  {t('internalAudit.correctionView.report')}
                </Button>
              )}
              {canManage && c.state === 'reported' && (
                <Button color="teal" leftSection={<IconChecks size={16} aria-hidden />} onClick={() => setStep('verify')}>
                  {t('internalAudit.correctionView.verify')}
                </Button>
              )}
            </Group>
          </Group>
          {c.state === 'open' && c.verificationNote && (
            <Alert color="orange" variant="light" icon={<IconArrowBackUp aria-hidden />} title={t('internalAudit.correctionView.returnedTitle')} data-testid="returned-note">
              <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {c.verificationNote}
              </Text>
            </Alert>
          )}
          <FindingCard c={c} onOpenFinding={onOpenFinding} />
          <Section id="correction-work" title={t('internalAudit.correctionView.work')}>
            <Stack gap="md">
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                <Fact label={t('internalAudit.correctionForm.owner')} testId="correction-owner">
                  {c.owner.displayName}
                </Fact>
                <Fact label={t('internalAudit.correctionForm.dueOn')}>
                  <DueDay row={c} />
                </Fact>
              </SimpleGrid>
              <Fact label={t('internalAudit.correctionForm.cause')}>{c.cause}</Fact>
              <Fact label={t('internalAudit.correctionForm.action')}>{c.action}</Fact>
            </Stack>
          </Section>
          {c.state !== 'open' && <OutcomeSection c={c} />}
          <HistorySection c={c} />
        </>
      )}
      <CorrectionFormDialog dialog={editing} onClose={() => setEditing(null)} />
      {c && <ReportDialog correction={step === 'report' ? c : null} onClose={() => setStep(null)} />}
      {c && <VerifyDialog correction={step === 'verify' ? c : null} onClose={() => setStep(null)} />}
    </Stack>
  );
}

function FindingCard({ c, onOpenFinding }: { c: CorrectionDetail; onOpenFinding?: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  const number = onOpenFinding ? (
    <Anchor component="button" type="button" ff="monospace" fw={700} onClick={() => onOpenFinding(c.findingId)}>
      {c.finding.number}
    </Anchor>
  ) : (
    <Text span ff="monospace" fw={700}>
      {c.finding.number}
    </Text>
  );
  return (
    <Card withBorder radius="md" padding="lg" bg="var(--mantine-color-gray-light)" data-testid="correction-finding">
      <Stack gap="xs">
        <Group gap="sm">
          <Text size="sm" fw={600}>
            {t('internalAudit.correctionView.finding')}
          </Text>
          {number}
          <GradeBadge grade={c.finding.grade} />
          <Text size="xs" c="dimmed">
            {formatDay(c.finding.foundOn, i18n.language)} · {c.finding.requirement}
          </Text>
        </Group>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {c.finding.description}
        </Text>
      </Stack>
    </Card>
  );
}

function OutcomeSection({ c }: { c: CorrectionDetail }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <Section id="correction-outcome" title={t('internalAudit.correctionView.outcome')}>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        {c.reportedOn && (
          <Fact label={t('internalAudit.correctionView.reported', { day: formatDay(c.reportedOn, lang) })} testId="report-note">
            {c.reportNote ?? ''}
          </Fact>
        )}
        {c.closedOn && (
          <Fact label={t('internalAudit.correctionView.closed', { day: formatDay(c.closedOn, lang) })} testId="verification-note">
            {c.verificationNote ?? ''}
          </Fact>
        )}
        {c.state === 'reported' && (
          <Text size="sm" c="violet.8" fw={600}>
            {t('internalAudit.correctionView.awaitingVerification')}
          </Text>
        )}
      </SimpleGrid>
    </Section>
  );
}

function HistorySection({ c }: { c: CorrectionDetail }) {
  const { t, i18n } = useTranslation();
  return (
    <Section id="correction-history" title={t('internalAudit.correctionView.history')}>
      <Table.ScrollContainer minWidth={560}>
        <Table fz="sm" verticalSpacing={4} data-testid="correction-history">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('internalAudit.correctionView.historyAt')}</Table.Th>
              <Table.Th>{t('internalAudit.correctionView.historyActor')}</Table.Th>
              <Table.Th>{t('internalAudit.correctionView.historyKind')}</Table.Th>
              <Table.Th>{t('internalAudit.correctionView.historyNote')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {c.history.map((e, i) => (
              <Table.Tr key={`${e.at}-${i}`} data-kind={e.kind}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(e.at, i18n.language)}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{e.actor ?? '—'}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {t(`internalAudit.historyKinds.${e.kind}`)}
                  {e.fields.length > 0 && (
                    <Text span size="xs" c="dimmed" ml={6}>
                      {e.fields.map((f) => t(`internalAudit.changedFields.${f}`)).join('・')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{e.note ?? ''}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Section>
  );
}
