// 「この苦情から事案を記録」: a leak the complaint revealed (a parcel at the old address, a mail to the wrong person),
// recorded with the incidents' own form and code, and linked to the complaint in one step.
import { Button, Card, Center, Group, Loader, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconArrowLeft } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ComplaintDetail } from '../../../../src-shared/api/complaints';
import { ErrorAlert } from '../../components/ErrorAlert';
import { QueryError } from '../../components/QueryError';
import { ScreenTitle } from '../../components/ScreenTitle';
import { StatementRequired, statementRequired } from '../customers/StatementRequired';
import { showFactsError } from '../incidents/facts-errors';
import { blankFacts, factsInput, localInput, type FactsValues } from '../incidents/facts-values';
import { FactsFields, factsValidation } from '../incidents/FactsFields';
import { useComplaint } from './queries';
import { useComplaintCall } from './useComplaintCall';

export function IncidentFromComplaint({ complaintId, onDone }: { complaintId: string; onDone: () => void }) {
  const complaint = useComplaint(complaintId);
  const refused = statementRequired(complaint.error);
  if (refused) return <StatementRequired error={refused} />;
  if (!complaint.data) {
    return (
      <Stack>
        <QueryError error={complaint.error} />
        {complaint.isPending && (
          <Center py="xl">
            <Loader size="sm" />
          </Center>
        )}
      </Stack>
    );
  }
  return <FactsFromComplaint complaint={complaint.data} onDone={onDone} />;
}

/** The office learned of it when the complaint was recorded; the person it concerns is the complaint's customer. */
function prefilled(c: ComplaintDetail): FactsValues {
  return { ...blankFacts(), discoveredAt: localInput(c.createdAt), customerNos: c.customer?.customerNo ?? '', peopleCount: c.customer ? 1 : '' };
}

function FactsFromComplaint({ complaint, onDone }: { complaint: ComplaintDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const { call, failure, busy } = useComplaintCall();
  const form = useForm<FactsValues>({ initialValues: prefilled(complaint), validate: factsValidation });
  const submit = form.onSubmit(async (values) => {
    const input = factsInput(values);
    const place = (error: Parameters<typeof showFactsError>[1]) => {
      if (statementRequired(error)) return error;
      // The contract nests the facts under `incident.`: the form's paths are the incident form's.
      const issues = Array.isArray(error.details?.issues) ? (error.details.issues as { path: string; message: string }[]).map((i) => ({ ...i, path: i.path.replace(/^incident\./, '') })) : undefined;
      return showFactsError(form, issues ? { ...error, details: { ...error.details, issues } } : error, input);
    };
    if (await call('complaints.registerIncident', { id: complaint.id, incident: input }, 'complaintView.links.incidentRegistered', place)) onDone();
  });
  const refused = statementRequired(failure);
  if (refused) return <StatementRequired error={refused} />;
  return (
    <form onSubmit={submit} noValidate aria-label={t('incidentFromComplaint.title', { number: complaint.number })}>
      <Stack gap="md" maw={1040}>
        <Group>
          <Button variant="subtle" leftSection={<IconArrowLeft size={16} aria-hidden />} onClick={onDone} px={4}>
            {t('complaintView.backToComplaint')}
          </Button>
        </Group>
        <ScreenTitle title={t('incidentFromComplaint.title', { number: complaint.number })} intro={t('incidentFromComplaint.intro')} />
        <Card withBorder radius="md" padding="sm" bg="var(--mantine-color-gray-light)">
          <Text size="sm" fw={600}>
            {complaint.number} · {complaint.subject}
          </Text>
        </Card>
        <FactsFields form={form} />
        <ErrorAlert error={failure} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={busy} size="md" color="red">
            {t('incidentForm.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
