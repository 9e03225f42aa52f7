// The parts of a complaint's view: what was said, who said it and which customer it concerns, the response and the
// problem it revealed, and its history.
import { Badge, Button, Card, Group, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { IconDeviceFloppy, IconUser } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComplaintDetail } from '../../../../src-shared/api/complaints';
import { cellBadge } from '../../components/badge';
import { formatDateTime } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useComplaintCall } from './useComplaintCall';

export function Section({ title, children, testId, action }: { title: string; children: ReactNode; testId?: string; action?: ReactNode }) {
  return (
    <Card withBorder radius="md" padding="lg" component="section" data-testid={testId}>
      <Group justify="space-between" align="center" mb="sm" gap="xs">
        <Title order={2} size="h4">
          {title}
        </Title>
        {action}
      </Group>
      {children}
    </Card>
  );
}

const longText = { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' } as const;

export function ContentSection({ complaint }: { complaint: ComplaintDetail }) {
  const { t } = useTranslation();
  return (
    <Section title={t('complaintView.sections.content')} testId="complaint-content">
      <Text size="sm" style={longText}>
        {complaint.content}
      </Text>
    </Section>
  );
}

export function PersonSection({ complaint }: { complaint: ComplaintDetail }) {
  const { t } = useTranslation();
  const customer = complaint.customer;
  return (
    <Section title={t('complaintView.sections.person')} testId="complaint-person">
      <Stack gap="sm">
        <Group gap="xl" align="flex-start">
          <Labelled label={t('complaintForm.complainantName')}>{complaint.complainantName ?? t('complaintView.notGiven')}</Labelled>
          <Labelled label={t('complaintForm.complainantContact')}>{complaint.complainantContact ?? t('complaintView.notGiven')}</Labelled>
        </Group>
        {customer ? (
          <Card withBorder radius="sm" padding="sm" data-testid="complaint-customer">
            <Group gap="sm" wrap="nowrap" align="flex-start">
              <IconUser size={18} aria-hidden color="var(--mantine-color-dimmed)" />
              <Stack gap={2}>
                <Text size="sm" fw={700}>
                  {customer.name}
                  <Text span size="xs" c="dimmed" ml={6}>
                    {customer.nameKana}
                  </Text>
                </Text>
                <Text size="xs" c="dimmed" ff="monospace">
                  {t('customerRecord.customerNo', { no: customer.customerNo })}
                </Text>
                <Text size="xs" c="dimmed">
                  {[customer.area, customer.phone, customer.email].filter(Boolean).join(' · ')}
                </Text>
                {customer.masked && (
                  <Badge {...cellBadge} size="xs" color="gray" variant="light">
                    {t('complaintView.masked')}
                  </Badge>
                )}
              </Stack>
            </Group>
          </Card>
        ) : (
          <Text size="sm" c="dimmed" data-testid="complaint-no-customer">
            {complaint.customerErased ? t('complaintView.customerErased', { customerNo: complaint.customerNo ?? '—' }) : t('complaintView.noCustomer')}
          </Text>
        )}
      </Stack>
    </Section>
  );
}

function Labelled({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" style={longText}>
        {children}
      </Text>
    </Stack>
  );
}

export function ResponseSection({ complaint, canWrite }: { complaint: ComplaintDetail; canWrite: boolean }) {
  const { t } = useTranslation();
  const closed = complaint.state === 'closed';
  return (
    <Section title={t('complaintView.sections.response')} testId="complaint-response">
      <Stack gap="md">
        {canWrite ? (
          <ResponseDraft complaint={complaint} />
        ) : (
          <Text size="sm" style={longText} c={complaint.response ? undefined : 'dimmed'} data-testid="response-text">
            {complaint.response ?? t('complaintView.noResponse')}
          </Text>
        )}
        {closed && (
          <Group gap="xs" data-testid="problem-found" data-found={String(complaint.problemFound)}>
            <Badge {...cellBadge} color={complaint.problemFound ? 'orange' : 'teal'} variant="light">
              {complaint.problemFound ? t('complaintView.problemFound') : t('complaintView.noProblem')}
            </Badge>
          </Group>
        )}
        {complaint.problemFound && complaint.problemDescription && (
          <Labelled label={t('complaintView.problemDescription')}>{complaint.problemDescription}</Labelled>
        )}
      </Stack>
    </Section>
  );
}

/** The response being prepared, kept on the complaint until it is closed with the answer given. */
function ResponseDraft({ complaint }: { complaint: ComplaintDetail }) {
  const { t } = useTranslation();
  const [text, setText] = useState(complaint.response ?? '');
  const { call, failure, busy } = useComplaintCall();
  const unchanged = text.trim() === (complaint.response ?? '');
  return (
    <Stack gap="sm">
      <Textarea
        label={t('complaintView.responseDraft')}
        description={t('complaintView.responseDraftHint')}
        autosize
        minRows={3}
        maxLength={8000}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
      />
      <ErrorAlert error={failure} />
      <Group justify="flex-end">
        <Button variant="default" leftSection={<IconDeviceFloppy size={16} aria-hidden />} disabled={unchanged} loading={busy} onClick={() => void call('complaints.update', { id: complaint.id, response: text.trim() }, 'complaintView.responseSaved')}>
          {t('complaintView.saveResponse')}
        </Button>
      </Group>
    </Stack>
  );
}

export function HistorySection({ complaint }: { complaint: ComplaintDetail }) {
  const { t, i18n } = useTranslation();
  return (
    <Section title={t('complaintView.sections.history')} testId="complaint-history">
      <Table.ScrollContainer minWidth={520}>
        <Table fz="sm" verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('complaintView.historyColumns.at')}</Table.Th>
              <Table.Th>{t('complaintView.historyColumns.who')}</Table.Th>
              <Table.Th>{t('complaintView.historyColumns.what')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {complaint.history.map((h, i) => (
              <Table.Tr key={i} data-action={h.action}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(h.at, i18n.language)}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{h.actorName ?? '—'}</Table.Td>
                <Table.Td style={longText}>{t(`complaints.history.${h.action}`, { note: h.note ?? '', defaultValue: h.action })}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Section>
  );
}
