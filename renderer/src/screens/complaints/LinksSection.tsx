// What followed a complaint: the requests and incidents registered from it or linked to it, each one click away; the
// actions that register a request or record an incident from it, or link an existing one by its number.
import { Anchor, Badge, Button, Group, Modal, SegmentedControl, Stack, Table, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertOctagon, IconFilePlus, IconLink, IconUnlink } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComplaintDetail } from '../../../../src-shared/api/complaints';
import { showErrorOnForm } from '../../app/errors';
import { useSession } from '../../app/session';
import { cellBadge } from '../../components/badge';
import { formatDateTime } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { IncidentStateBadge } from '../incidents/labels';
import { StateBadge as RequestStateBadge } from '../requests/labels';
import type { Shown } from './ComplaintsScreen';
import { Section } from './ComplaintSections';
import { useComplaintCall } from './useComplaintCall';

export function LinksSection({ complaint, canWrite, show }: { complaint: ComplaintDetail; canWrite: boolean; show: (shown: Shown) => void }) {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const [linking, setLinking] = useState(false);
  const { call, failure } = useComplaintCall();
  const none = complaint.requests.length === 0 && complaint.incidents.length === 0;
  const unlink = (target: { requestId: string } | { incidentId: string }) => void call('complaints.unlink', { id: complaint.id, ...target }, 'complaintView.links.unlinked');
  const howLabel = (how: 'registered' | 'linked', linkedAt: string, by: string | null) => t(`complaintView.links.how.${how}`, { at: formatDateTime(linkedAt, i18n.language), name: by ?? '—' });
  return (
    <Section
      title={t('complaintView.sections.links')}
      testId="complaint-links"
      action={
        canWrite && (
          <Group gap="xs">
            {session.permissions.includes('requests.write') && (
              <Button size="xs" leftSection={<IconFilePlus size={14} aria-hidden />} onClick={() => show({ kind: 'newRequest', from: complaint.id })} data-testid="register-request">
                {t('complaintView.links.registerRequest')}
              </Button>
            )}
            {session.permissions.includes('incidents.write') && (
              <Button size="xs" variant="light" color="red" leftSection={<IconAlertOctagon size={14} aria-hidden />} onClick={() => show({ kind: 'newIncident', from: complaint.id })}>
                {t('complaintView.links.registerIncident')}
              </Button>
            )}
            <Button size="xs" variant="default" leftSection={<IconLink size={14} aria-hidden />} onClick={() => setLinking(true)}>
              {t('complaintView.links.linkExisting')}
            </Button>
          </Group>
        )
      }
    >
      {none ? (
        <Text size="sm" c="dimmed">
          {canWrite ? t('complaintView.links.noneOpen') : t('complaintView.links.none')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table fz="sm" verticalSpacing={6}>
            <Table.Tbody>
              {complaint.requests.map((r) => (
                <Table.Tr key={r.id} data-request-number={r.number}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Anchor component="button" type="button" ff="monospace" fw={700} onClick={() => show({ kind: 'request', id: r.id })} aria-label={t('complaintView.links.openRequest', { number: r.number })}>
                      {r.number}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Badge {...cellBadge} variant="outline" color="indigo">
                      {t('complaintView.links.request', { kind: t(`requests.kinds.${r.kind}`) })}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <RequestStateBadge state={r.state} />
                  </Table.Td>
                  <Table.Td c="dimmed">{howLabel(r.how, r.linkedAt, r.linkedByName)}</Table.Td>
                  <Table.Td ta="right">{canWrite && r.how === 'linked' && <UnlinkButton number={r.number} onClick={() => unlink({ requestId: r.id })} />}</Table.Td>
                </Table.Tr>
              ))}
              {complaint.incidents.map((i) => (
                <Table.Tr key={i.id} data-incident-number={i.number}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Anchor component="button" type="button" ff="monospace" fw={700} c="red.8" onClick={() => show({ kind: 'incident', id: i.id })} aria-label={t('complaintView.links.openIncident', { number: i.number })}>
                      {i.number}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Badge {...cellBadge} variant="outline" color="red">
                      {t('complaintView.links.incident')}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <IncidentStateBadge state={i.state} />
                  </Table.Td>
                  <Table.Td c="dimmed">{howLabel(i.how, i.linkedAt, i.linkedByName)}</Table.Td>
                  <Table.Td ta="right">{canWrite && i.how === 'linked' && <UnlinkButton number={i.number} onClick={() => unlink({ incidentId: i.id })} />}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <ErrorAlert error={failure} />
      <Modal opened={linking} onClose={() => setLinking(false)} title={t('complaintView.links.linkTitle', { number: complaint.number })} size="md">
        {linking && <LinkForm complaint={complaint} onClose={() => setLinking(false)} />}
      </Modal>
    </Section>
  );
}

function UnlinkButton({ number, onClick }: { number: string; onClick: () => void }) {
  const { t } = useTranslation();
  return (
    <Button size="compact-xs" variant="subtle" color="gray" leftSection={<IconUnlink size={12} aria-hidden />} onClick={onClick} aria-label={t('complaintView.links.unlinkNamed', { number })}>
      {t('complaintView.links.unlink')}
    </Button>
  );
}

function LinkForm({ complaint, onClose }: { complaint: ComplaintDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const { call, failure, busy } = useComplaintCall();
  const form = useForm({ initialValues: { target: 'request' as 'request' | 'incident', number: '' } });
  const submit = form.onSubmit(async (v) => {
    const number = v.number.trim().toUpperCase();
    const input = v.target === 'request' ? { id: complaint.id, requestNumber: number } : { id: complaint.id, incidentNumber: number };
    const place = (error: Parameters<typeof showErrorOnForm>[1]) => showErrorOnForm(form, error, { requestNumber: 'number', incidentNumber: 'number' });
    if (await call('complaints.link', input, 'complaintView.links.linked', place)) onClose();
  });
  return (
    <form onSubmit={submit} noValidate aria-label={t('complaintView.links.linkTitle', { number: complaint.number })}>
      <Stack gap="md">
        <Text size="sm">{t('complaintView.links.linkExplain')}</Text>
        <SegmentedControl
          data={[
            { value: 'request', label: t('complaintView.links.targetRequest') },
            { value: 'incident', label: t('complaintView.links.targetIncident') },
          ]}
          value={form.values.target}
          onChange={(v) => form.setFieldValue('target', v as 'request' | 'incident')}
          aria-label={t('complaintView.links.target')}
          style={{ alignSelf: 'flex-start' }}
        />
        <TextInput
          required
          label={t('complaintView.links.number')}
          placeholder={form.values.target === 'request' ? 'R-2026-0001' : 'I-2026-0001'}
          maw={240}
          ff="monospace"
          data-autofocus
          {...form.getInputProps('number')}
        />
        <ErrorAlert error={failure} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={busy} leftSection={<IconLink size={16} aria-hidden />}>
            {t('complaintView.links.linkSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
