// The officer's decision on an open proposal (policy §7.2, four eyes): approve, or reject with a ground of APPI Art. 33(2),
// 34, 35 or 37 and the text that goes into the notice. The proposer sees why they cannot decide; a record changed since
// the proposal shows what moved.
import { Alert, Button, Group, Modal, Select, Stack, Table, Text, Textarea } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconId, IconLock, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeskErrorData } from '../../../../src-shared/errors';
import { refusalGrounds, type CorrectableField, type FieldValue, type ProposalRow, type RefusalGround, type RequestDetail } from '../../../../src-shared/requests';
import { useClient } from '../../app/client-context';
import { useSession } from '../../app/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FieldValueText } from './ProposalChangeEditor';
import { useRequestChanged } from './queries';

interface Moved {
  field: CorrectableField;
  proposed: FieldValue;
  current: FieldValue;
}

/** The fields that moved, as the core's CONFLICT names them (field, the value proposed, the value now). */
function movedOf(error: DeskErrorData): Moved[] {
  const fields = error.details?.fields;
  if (!Array.isArray(fields)) return [];
  return fields.filter((f): f is Moved => typeof f === 'object' && f !== null && typeof (f as Moved).field === 'string');
}

export function ProposalDecision({ request, proposal }: { request: RequestDetail; proposal: ProposalRow }) {
  const { t } = useTranslation();
  const session = useSession();
  const client = useClient();
  const changed = useRequestChanged();
  const [confirming, setConfirming] = useState(false);
  const [rejecting, setRejecting] = useState(false);
  const [failure, setFailure] = useState<DeskErrorData | null>(null);
  const [busy, setBusy] = useState(false);
  const [asked, setAsked] = useState(false);

  if (!session.permissions.includes('proposals.decide')) {
    return (
      <Text size="sm" c="dimmed" data-testid="decision-waiting">
        {proposal.proposedById === session.accountId ? t('proposals.decision.yoursWaiting') : t('proposals.decision.waiting')}
      </Text>
    );
  }
  const own = proposal.proposedById === session.accountId;

  // A proposal made against an older record cannot be approved again: the officer asks for a new one instead.
  const conflict = failure?.code === 'CONFLICT' && failure.message === 'proposal.recordChanged' ? failure : null;

  const approve = async () => {
    setBusy(true);
    setFailure(null);
    try {
      const result = await client.call('proposals.decide', { id: proposal.id, decision: 'approve' });
      setConfirming(false);
      if (!result.ok) return setFailure(result.error);
      changed(result.value);
    } finally {
      setBusy(false);
    }
  };

  // The stale proposal cannot be approved: the officer leaves word on the request (field names only, no values).
  const askForNew = async (moved: Moved[]) => {
    setBusy(true);
    try {
      const fields = moved.map((m) => t(`proposals.fields.${m.field}`)).join(t('proposals.listSeparator'));
      const result = await client.call('requests.comment', { id: request.id, text: t('proposals.conflict.comment', { fields }) });
      if (!result.ok) return setFailure(result.error);
      changed(result.value);
      setAsked(true);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="sm" data-testid="proposal-decision">
      {own ? (
        <Group gap="sm" wrap="nowrap" align="center">
          <Button disabled leftSection={<IconLock size={16} aria-hidden />}>
            {t('proposals.decision.approve')}
          </Button>
          <Text size="sm" c="dimmed" data-testid="decision-own">
            {t('proposals.decision.ownProposal')}
          </Text>
        </Group>
      ) : (
        <Group gap="sm">
          <Button color="teal" leftSection={<IconCheck size={16} aria-hidden />} onClick={() => setConfirming(true)} loading={busy && !rejecting} disabled={conflict !== null}>
            {t('proposals.decision.approve')}
          </Button>
          <Button color="red" variant="light" leftSection={<IconX size={16} aria-hidden />} onClick={() => setRejecting(true)}>
            {t('proposals.decision.reject')}
          </Button>
        </Group>
      )}
      {conflict ? (
        <ConflictView proposal={proposal} moved={movedOf(conflict)} asked={asked} busy={busy} onAsk={(m) => void askForNew(m)} />
      ) : failure?.message === 'proposal.identityNotVerified' ? (
        <Alert color="orange" variant="light" icon={<IconId aria-hidden />} role="alert" data-error={failure.message} title={t('proposals.decision.identityTitle')}>
          {t('errors.proposal.identityNotVerified')}
        </Alert>
      ) : (
        <ErrorAlert error={failure} />
      )}
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('proposals.decision.confirmTitle')} size="md">
        <Stack gap="md">
          <Text size="sm">{t(`proposals.decision.confirm.${proposal.kind}`)}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </Button>
            <Button color="teal" onClick={() => void approve()} loading={busy}>
              {t('proposals.decision.approveNow')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <RejectDialog proposal={proposal} opened={rejecting} onClose={() => setRejecting(false)} />
    </Stack>
  );
}

function ConflictView({ proposal, moved, asked, busy, onAsk }: { proposal: ProposalRow; moved: Moved[]; asked: boolean; busy: boolean; onAsk: (m: Moved[]) => void }) {
  const { t } = useTranslation();
  const fromOf = (field: CorrectableField) => proposal.changes.find((c) => c.field === field)?.from ?? null;
  return (
    <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />} title={t('proposals.conflict.title')} role="alert" data-testid="proposal-conflict">
      <Stack gap="sm">
        <Text size="sm">{t('errors.proposal.recordChanged')}</Text>
        <Table verticalSpacing={4} fz="sm" withTableBorder bg="white" data-testid="conflict-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('proposals.change.field')}</Table.Th>
              <Table.Th>{t('proposals.conflict.proposedFrom')}</Table.Th>
              <Table.Th>{t('proposals.conflict.proposedTo')}</Table.Th>
              <Table.Th>{t('proposals.conflict.current')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {moved.map((m) => (
              <Table.Tr key={m.field} data-field={m.field}>
                <Table.Td>{t(`proposals.fields.${m.field}`)}</Table.Td>
                <Table.Td>
                  <FieldValueText value={fromOf(m.field)} />
                </Table.Td>
                <Table.Td>
                  <FieldValueText value={m.proposed} />
                </Table.Td>
                <Table.Td fw={600}>
                  <FieldValueText value={m.current} dimmedWhenEmpty={false} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Group gap="sm">
          <Button size="compact-md" variant="white" color="orange" onClick={() => onAsk(moved)} loading={busy} disabled={asked}>
            {t('proposals.conflict.askNew')}
          </Button>
          {asked && (
            <Text size="sm" data-testid="conflict-asked">
              {t('proposals.conflict.asked')}
            </Text>
          )}
        </Group>
      </Stack>
    </Alert>
  );
}

function RejectDialog({ proposal, opened, onClose }: { proposal: ProposalRow; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('proposals.reject.title')} size="lg" closeOnClickOutside={false}>
      {opened && <RejectForm proposal={proposal} onClose={onClose} />}
    </Modal>
  );
}

function RejectForm({ proposal, onClose }: { proposal: ProposalRow; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useClient();
  const changed = useRequestChanged();
  const [ground, setGround] = useState<RefusalGround | null>(null);
  const [text, setText] = useState('');
  const [tried, setTried] = useState(false);
  const [failure, setFailure] = useState<DeskErrorData | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    setTried(true);
    if (!ground || !text.trim()) return;
    setBusy(true);
    setFailure(null);
    try {
      const result = await client.call('proposals.decide', { id: proposal.id, decision: 'reject', reason: { ground, text: text.trim() } });
      if (!result.ok) return setFailure(result.error);
      changed(result.value);
      onClose();
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="md">
      <Text size="sm">{t('proposals.reject.explain')}</Text>
      <Select
        label={t('proposals.reject.ground')}
        required
        data={refusalGrounds.map((g) => ({ value: g, label: t(`proposals.grounds.${g}`) }))}
        value={ground}
        onChange={(v) => setGround(v as RefusalGround | null)}
        comboboxProps={{ withinPortal: true }}
        error={tried && !ground ? t('fieldErrors.required') : undefined}
        maxDropdownHeight={320}
      />
      <Textarea
        label={t('proposals.reject.text')}
        description={t('proposals.reject.textHint')}
        required
        autosize
        minRows={3}
        maxLength={2000}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        error={tried && !text.trim() ? t('fieldErrors.required') : undefined}
      />
      <ErrorAlert error={failure} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button color="red" onClick={() => void submit()} loading={busy}>
          {t('proposals.reject.submit')}
        </Button>
      </Group>
    </Stack>
  );
}
