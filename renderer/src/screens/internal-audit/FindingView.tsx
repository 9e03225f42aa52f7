// One finding whole: its grade, requirement, what was found and what it concerns, with the corrective actions opened
// for it. The officer opens actions here; the finding's facts may be put right until the first one is opened.
import { Alert, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconInfoCircle, IconPencil, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { nonconformities } from '../../../../src-shared/api/internal-audit';
import { useSession } from '../../app/session';
import { formatDay } from '../../components/dates';
import { QueryError } from '../../components/QueryError';
import { CorrectionFormDialog, type CorrectionDialog } from './CorrectionFormDialog';
import { CorrectionTable } from './CorrectionTable';
import { Fact } from './Fact';
import { FindingFormDialog, type FindingDialog } from './FindingFormDialog';
import { FindingStatusBadge, GradeBadge, TargetText } from './labels';
import { useFinding } from './queries';

export function FindingView({ id, onBack, onOpenAction }: { id: string; onBack: () => void; onOpenAction: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const finding = useFinding(id);
  const [editing, setEditing] = useState<FindingDialog | null>(null);
  const [opening, setOpening] = useState<CorrectionDialog | null>(null);
  const canRecord = session.permissions.includes('internalAudit.record');
  const canManage = session.permissions.includes('corrections.manage');
  const f = finding.data;
  const lang = i18n.language;
  return (
    <Stack gap="md" maw={1100}>
      <Group>
        <Button variant="subtle" leftSection={<IconArrowLeft size={16} aria-hidden />} onClick={onBack} px={4}>
          {t('internalAudit.findingView.back')}
        </Button>
      </Group>
      <QueryError error={finding.error} />
      {f && (
        <>
          <Group justify="space-between" align="flex-start">
            <Stack gap={6}>
              <Group gap="sm">
                <Title order={1} size="h2">
                  {t('internalAudit.findingView.title', { number: f.number })}
                </Title>
                <GradeBadge grade={f.grade} />
                <FindingStatusBadge status={f.status} />
              </Group>
              <Text size="sm" c="dimmed">
                {t('internalAudit.findingView.recorded', { day: formatDay(f.foundOn, lang), name: f.recordedBy.displayName })}
              </Text>
            </Stack>
            {canRecord && f.editable && (
              <Button variant="default" leftSection={<IconPencil size={16} aria-hidden />} onClick={() => setEditing({ kind: 'edit', finding: f })}>
                {t('internalAudit.findingView.edit')}
              </Button>
            )}
          </Group>
          <Card withBorder radius="md" padding="lg">
            <Stack gap="md">
              <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
                <Fact label={t('internalAudit.findingView.plan')}>{f.planYear ? t('internalAudit.plans.title', { year: f.planYear }) : t('internalAudit.findingForm.noPlan')}</Fact>
                <Fact label={t('internalAudit.findingView.requirement')}>{f.requirement}</Fact>
                <Fact label={t('internalAudit.findingView.target')}>
                  <TargetText target={f.target} />
                </Fact>
              </SimpleGrid>
              <Fact label={t('internalAudit.findingView.description')} testId="finding-description">
                {f.description}
              </Fact>
            </Stack>
          </Card>
          <Group justify="space-between" align="center">
            <Title order={2} size="h4">
              {t('internalAudit.findingView.actions')}
            </Title>
            {canManage && (
              <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setOpening({ kind: 'open', finding: f })}>
                {t('internalAudit.findingView.openAction')}
              </Button>
            )}
          </Group>
          {f.status === 'awaitingAction' && (
            <Alert color="orange" variant="light" icon={<IconInfoCircle aria-hidden />} data-testid="awaiting-action">
              {t(canManage ? 'internalAudit.findingView.awaitingAction' : 'internalAudit.findingView.awaitingActionReadOnly')}
            </Alert>
          )}
          {f.status === 'noActionNeeded' && !nonconformities.includes(f.grade) && (
            <Text size="sm" c="dimmed">
              {t('internalAudit.findingView.noActionNeeded')}
            </Text>
          )}
          {f.corrections.length > 0 && (
            <Card withBorder radius="md" padding={0}>
              <CorrectionTable rows={f.corrections} onOpen={onOpenAction} empty="" withFinding={false} />
            </Card>
          )}
        </>
      )}
      <FindingFormDialog dialog={editing} onClose={() => setEditing(null)} />
      <CorrectionFormDialog dialog={opening} onClose={() => setOpening(null)} onOpened={onOpenAction} />
    </Stack>
  );
}
