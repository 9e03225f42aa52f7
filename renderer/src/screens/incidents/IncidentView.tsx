// One incident: what is known, whether the PPC must be told and why, the two report deadlines, the people told, the timeline.
import { Alert, Button, Card, Center, Group, Loader, Modal, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconArrowLeft, IconLock } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { IncidentDetail } from '../../../../src-shared/registers';
import { useSession } from '../../app/session';
import { formatDateTime } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PrintButton } from '../../components/PrintButton';
import { QueryError } from '../../components/QueryError';
import { ComplaintOrigin } from '../complaints/ComplaintOrigin';
import { StatementRequired, statementRequired } from '../customers/StatementRequired';
import { DeadlinesSection } from './DeadlinesSection';
import { nextReport } from './deadlines';
import { FactsSection } from './FactsSection';
import { Countdown, IncidentStateBadge, ReportableBadge } from './labels';
import { PeopleSection } from './PeopleSection';
import { useIncident } from './queries';
import { ReportabilitySection } from './ReportabilitySection';
import { TimelineSection } from './TimelineSection';
import { useIncidentUpdate } from './useIncidentUpdate';
import { useBackOnEscape } from '../../app/useBackOnEscape';

export function IncidentView({ id, onBack }: { id: string; onBack: () => void }) {
  useBackOnEscape(onBack);
  const { t } = useTranslation();
  const incident = useIncident(id);
  const refused = statementRequired(incident.error);
  if (refused) return <StatementRequired error={refused} />;
  const i = incident.data;
  return (
    <Stack gap="md" data-testid="incident-view" data-number={i?.number} data-state={i?.state} data-reportable={i ? String(i.reportable) : undefined}>
      <Group justify="space-between">
        <Button variant="subtle" leftSection={<IconArrowLeft size={16} aria-hidden />} onClick={onBack} px={4}>
          {t('incidentView.back')}
        </Button>
        {i && <PrintButton type="incident" id={i.id} />}
      </Group>
      <QueryError error={incident.error} />
      {!i && incident.isPending && (
        <Center py="xl">
          <Group gap="sm" role="status">
            <Loader size="sm" aria-hidden />
            <Text size="sm">{t('common.loading')}</Text>
          </Group>
        </Center>
      )}
      {i && <IncidentBody incident={i} />}
    </Stack>
  );
}

function IncidentBody({ incident }: { incident: IncidentDetail }) {
  const session = useSession();
  const canWrite = session.permissions.includes('incidents.write') && incident.state === 'open';
  return (
    <>
      <IncidentHeader incident={incident} canWrite={canWrite} />
      <ComplaintOrigin incidentId={incident.id} />
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <ReportabilitySection incident={incident} />
        <DeadlinesSection incident={incident} canWrite={canWrite} />
      </SimpleGrid>
      <FactsSection incident={incident} canWrite={canWrite} />
      <PeopleSection incident={incident} canWrite={canWrite} />
      <TimelineSection incident={incident} canWrite={canWrite} />
    </>
  );
}

function IncidentHeader({ incident, canWrite }: { incident: IncidentDetail; canWrite: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [closing, setClosing] = useState(false);
  const next = nextReport(incident);
  return (
    <Card withBorder radius="md" padding="lg" data-testid="incident-header">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="lg">
        <Stack gap={4} maw={640}>
          <Text size="sm" c="dimmed" ff="monospace" data-testid="incident-number">
            {incident.number}
          </Text>
          <Title order={1} size="h2">
            {t('incidentView.title')}
          </Title>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} lineClamp={3}>
            {incident.summary}
          </Text>
          <Group gap={6} mt={4} align="flex-start">
            <IncidentStateBadge state={incident.state} />
            <ReportableBadge row={incident} />
          </Group>
        </Stack>
        <Stack gap="sm" align="flex-end">
          <SimpleGrid cols={2} spacing="xl" verticalSpacing={4}>
            <Fact label={t('incidents.columns.discoveredAt')}>{formatDateTime(incident.discoveredAt, lang)}</Fact>
            <Fact label={t('incidents.columns.peopleCount')}>{t('incidents.people', { count: incident.peopleCount, formatted: incident.peopleCount.toLocaleString(lang) })}</Fact>
          </SimpleGrid>
          {next && (
            <div data-testid="header-countdown">
              <Countdown kind={next.kind} days={next.days} size="md" />
            </div>
          )}
          {canWrite && (
            <Button variant="default" leftSection={<IconLock size={16} aria-hidden />} onClick={() => setClosing(true)}>
              {t('incidentView.close.button')}
            </Button>
          )}
        </Stack>
      </Group>
      <Modal opened={closing} onClose={() => setClosing(false)} title={t('incidentView.close.title', { number: incident.number })} size="lg" closeOnClickOutside={false}>
        {closing && <CloseForm incident={incident} onClose={() => setClosing(false)} />}
      </Modal>
    </Card>
  );
}

function CloseForm({ incident, onClose }: { incident: IncidentDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const { update, failure, busy } = useIncidentUpdate(incident);
  const [note, setNote] = useState('');
  // A reportable incident stays open until the PPC has its final report: closing must not stop the countdown.
  const reportsOutstanding = incident.reportable && incident.finalReportedAt === null;
  const unnotified = incident.people.filter((p) => !p.notifiedAt).length;
  return (
    <Stack gap="md">
      <Text size="sm">{t('incidentView.close.explain')}</Text>
      {reportsOutstanding && (
        <Alert color="red" variant="light" role="alert" data-testid="close-blocked">
          {t('incidentView.close.reportsOutstanding')}
        </Alert>
      )}
      {unnotified > 0 && (
        <Alert color="orange" variant="light">
          {t('incidentView.close.unnotified', { count: unnotified })}
        </Alert>
      )}
      <Textarea label={t('incidentView.close.note')} autosize minRows={2} maxLength={2000} value={note} onChange={(e) => setNote(e.currentTarget.value)} data-autofocus />
      <ErrorAlert error={failure} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button
          loading={busy}
          disabled={reportsOutstanding}
          onClick={async () => {
            if (await update({ close: true, ...(note.trim() ? { note: note.trim() } : {}) }, 'incidentView.close.done')) onClose();
          }}
        >
          {t('incidentView.close.submit')}
        </Button>
      </Group>
    </Stack>
  );
}

export function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
        {label}
      </Text>
      <Text size="sm" component="div" data-testid={testId} style={{ whiteSpace: 'nowrap' }}>
        {children}
      </Text>
    </Stack>
  );
}
