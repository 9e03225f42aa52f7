// The two reports to the PPC (rules Art. 8): when each is due, how many days are left, what it must say, and the reports made.
import { Alert, Badge, Button, Card, Group, Modal, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCircleCheck, IconInfoCircle, IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { finalReportDays, preliminaryReportDays, type IncidentDetail } from '../../../../src-shared/registers';
import { FieldMessage } from '../../app/errors';
import { cellBadge } from '../../components/badge';
import { formatDateTime, formatDay } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { showCustomerError } from '../customers/form-errors';
import { Section } from '../customers/RecordSections';
import { daysUntil, nextReport, type ReportKind } from './deadlines';
import { instantOf, localInput } from './facts-values';
import { Countdown } from './labels';
import { useIncidentUpdate } from './useIncidentUpdate';

export function DeadlinesSection({ incident, canWrite }: { incident: IncidentDetail; canWrite: boolean }) {
  const { t } = useTranslation();
  const [recording, setRecording] = useState<ReportKind | null>(null);
  return (
    <Section id="incident-deadlines" title={t('incidentView.sections.deadlines')}>
      {!incident.reportable && !incident.preliminaryReportedAt && !incident.finalReportedAt ? (
        <Alert color="gray" variant="light" icon={<IconInfoCircle aria-hidden />} data-testid="no-deadlines">
          <Text size="sm">{t('incidentView.deadlines.none')}</Text>
        </Alert>
      ) : (
        <Stack gap="sm">
          <Deadline incident={incident} kind="preliminary" canWrite={canWrite} onRecord={setRecording} />
          <Deadline incident={incident} kind="final" canWrite={canWrite} onRecord={setRecording} />
          <Text size="xs" c="dimmed">
            {t('incidentView.deadlines.how')}
          </Text>
        </Stack>
      )}
      <Modal opened={recording !== null} onClose={() => setRecording(null)} title={recording ? t(`incidentView.report.title.${recording}`) : ''} size="md" closeOnClickOutside={false}>
        {recording && <ReportForm incident={incident} kind={recording} onClose={() => setRecording(null)} />}
      </Modal>
    </Section>
  );
}

function Deadline({ incident, kind, canWrite, onRecord }: { incident: IncidentDetail; kind: ReportKind; canWrite: boolean; onRecord: (k: ReportKind) => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const dueOn = kind === 'preliminary' ? incident.preliminaryDueOn : incident.finalDueOn;
  const reportedAt = kind === 'preliminary' ? incident.preliminaryReportedAt : incident.finalReportedAt;
  const next = nextReport(incident);
  const days = dueOn ? (next?.kind === kind ? next.days : daysUntil(dueOn)) : null;
  const due =
    kind === 'preliminary'
      ? t('incidentView.deadlines.preliminaryRule', { target: preliminaryReportDays.target, latest: preliminaryReportDays.latest })
      : incident.unlawfulSuspected
        ? t('incidentView.deadlines.finalRuleUnlawful', { days: finalReportDays.unlawful })
        : t('incidentView.deadlines.finalRule', { days: finalReportDays.normal });
  return (
    <Card withBorder radius="sm" padding="sm" data-testid={`deadline-${kind}`} data-reported={String(reportedAt !== null)}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Stack gap={0}>
            <Text fw={700}>{t(`incidents.reportKinds.${kind}`)}</Text>
            <Text size="xs" c="dimmed">
              {due}
            </Text>
          </Stack>
          {dueOn && (
            <Stack gap={0} align="flex-end">
              <Text size="xs" c="dimmed">
                {t('incidentView.deadlines.dueOn')}
              </Text>
              <Text size="sm" fw={700} style={{ whiteSpace: 'nowrap' }} data-testid="due-on">
                {formatDay(dueOn, lang)}
              </Text>
            </Stack>
          )}
        </Group>
        <Text size="sm">{t(`incidentView.deadlines.contents.${kind}`)}</Text>
        <Group justify="space-between" wrap="wrap">
          {reportedAt ? (
            <Badge {...cellBadge} color="teal" variant="light" size="lg" leftSection={<IconCircleCheck size={14} aria-hidden />} data-testid="reported">
              {t('incidentView.deadlines.reported', { at: formatDateTime(reportedAt, lang) })}
            </Badge>
          ) : days !== null && incident.state === 'open' ? (
            <Countdown kind={kind} days={days} size="md" />
          ) : (
            <span />
          )}
          {canWrite && !reportedAt && (kind === 'preliminary' || incident.preliminaryReportedAt !== null) && (
            <Button size="xs" variant="light" leftSection={<IconSend size={14} aria-hidden />} onClick={() => onRecord(kind)} data-testid={`record-${kind}`}>
              {t(`incidentView.report.button.${kind}`)}
            </Button>
          )}
        </Group>
      </Stack>
    </Card>
  );
}

function ReportForm({ incident, kind, onClose }: { incident: IncidentDetail; kind: ReportKind; onClose: () => void }) {
  const { t } = useTranslation();
  const { update, failure, busy } = useIncidentUpdate(incident);
  const form = useForm({
    initialValues: { at: localInput(new Date().toISOString()), note: '' },
    validate: {
      at: (v: string) => (v === '' ? <FieldMessage message="required" /> : new Date(v) > new Date() ? <FieldMessage message="incident.inFuture" /> : null),
    },
  });
  const submit = form.onSubmit(async (v) => {
    const done = await update(
      { reportMade: { kind, at: instantOf(v.at), ...(v.note.trim() ? { note: v.note.trim() } : {}) } },
      `incidentView.report.done.${kind}`,
      (e) => showCustomerError(form, e, (path) => (path === 'reportMade.at' ? 'at' : path === 'reportMade.note' ? 'note' : null)),
    );
    if (done) onClose();
  });
  return (
    <form onSubmit={submit} noValidate aria-label={t(`incidentView.report.title.${kind}`)}>
      <Stack gap="md">
        <Text size="sm">{t(`incidentView.report.explain.${kind}`)}</Text>
        <TextInput type="datetime-local" required data-autofocus label={t('incidentView.report.at')} maw={280} {...form.getInputProps('at')} />
        <Textarea label={t('incidentView.report.note')} description={t('incidentView.report.noteHint')} autosize minRows={2} maxLength={2000} {...form.getInputProps('note')} />
        <ErrorAlert error={failure} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={busy}>
            {t('incidentView.report.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
