// The request's proposals and decisions (policy §7.2, four eyes): propose what fits the request, and each proposal —
// open, approved, rejected or superseded — with what it changes, who proposed and who decided, and when.
import { Alert, Badge, Button, Card, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconGavel, IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isOpenState, proposalKindFor, type ProposalRow, type RequestDetail } from '../../../../src-shared/requests';
import { useSession } from '../../app/session';
import { cellBadge } from '../../components/badge';
import { formatDateTime } from '../../components/dates';
import { FieldValueText } from './ProposalChangeEditor';
import { ProposalCreateDialog } from './ProposalCreateDialog';
import { ProposalDecision } from './ProposalDecision';

const stateColor = { open: 'blue', approved: 'teal', rejected: 'red', superseded: 'gray' } as const;

export function ProposalsPanel({ request }: { request: RequestDetail }) {
  const { t } = useTranslation();
  const session = useSession();
  const [creating, setCreating] = useState(false);
  const open = isOpenState(request.state) && request.personalDataErasedAt === null;
  // A stale open proposal (the record changed since) can never be approved: a new one may take its place.
  const hasOpen = request.proposals.some((p) => p.state === 'open' && !p.stale);
  const hasApproved = request.proposals.some((p) => p.state === 'approved');
  const mayPropose = session.permissions.includes('proposals.create') && open && !hasOpen && !hasApproved;
  const kind = proposalKindFor[request.kind];

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="proposals-title" data-testid="proposals-panel">
      <Group justify="space-between" mb="sm" wrap="nowrap">
        <Title order={2} size="h4" id="proposals-title">
          {t('proposals.title')}
        </Title>
        {mayPropose && request.customerId && (
          <Button leftSection={<IconGavel size={18} aria-hidden />} onClick={() => setCreating(true)}>
            {t(`proposals.create.open.${kind}`)}
          </Button>
        )}
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        {t('proposals.intro')}
      </Text>
      {mayPropose && !request.customerId && (
        <Alert color="gray" variant="light" icon={<IconInfoCircle aria-hidden />} mb="sm" data-testid="proposal-needs-customer">
          {t('proposals.needsCustomer')}
        </Alert>
      )}
      {mayPropose && request.customerId && !request.identityVerified && (
        <Alert color="orange" variant="light" icon={<IconInfoCircle aria-hidden />} mb="sm">
          {t('proposals.identityFirst')}
        </Alert>
      )}
      {request.proposals.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('proposals.none')}
        </Text>
      ) : (
        <Stack gap="sm">
          {[...request.proposals].reverse().map((p) => (
            <ProposalItem key={p.id} request={request} proposal={p} />
          ))}
        </Stack>
      )}
      {mayPropose && request.customerId && <ProposalCreateDialog request={request} opened={creating} onClose={() => setCreating(false)} />}
    </Card>
  );
}

function ProposalItem({ request, proposal }: { request: RequestDetail; proposal: ProposalRow }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <Paper withBorder radius="sm" p="md" data-proposal-id={proposal.id} data-state={proposal.state} data-testid="proposal">
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Stack gap={2}>
            <Group gap="xs">
              <Text fw={600}>{t(`proposals.kinds.${proposal.kind}`)}</Text>
              <Badge {...cellBadge} variant="light" color={stateColor[proposal.state]} data-testid="proposal-state">
                {t(`proposals.states.${proposal.state}`)}
              </Badge>
              {proposal.stale && (
                <Badge {...cellBadge} variant="light" color="orange" data-testid="proposal-stale">
                  {t('proposals.stale')}
                </Badge>
              )}
            </Group>
            <Text size="xs" c="dimmed">
              {t('proposals.proposedBy', { name: proposal.proposedByName ?? '—', at: formatDateTime(proposal.proposedAt, lang) })}
            </Text>
            {proposal.decidedAt && proposal.state !== 'superseded' && (
              <Text size="xs" c="dimmed" data-testid="proposal-decided">
                {t(proposal.state === 'approved' ? 'proposals.approvedBy' : 'proposals.rejectedBy', { name: proposal.decidedByName ?? '—', at: formatDateTime(proposal.decidedAt, lang) })}
              </Text>
            )}
          </Stack>
        </Group>
        <ProposalContent proposal={proposal} />
        {proposal.note && <Text size="sm">{t('proposals.noteShown', { note: proposal.note })}</Text>}
        {proposal.state === 'rejected' && proposal.refusalGround && (
          <Alert color="red" variant="light" p="xs">
            <Text size="sm" fw={600}>
              {t(`proposals.grounds.${proposal.refusalGround}`)}
            </Text>
            {proposal.reasonText && <Text size="sm">{proposal.reasonText}</Text>}
          </Alert>
        )}
        {proposal.state === 'open' && isOpenState(request.state) && <ProposalDecision request={request} proposal={proposal} />}
      </Stack>
    </Paper>
  );
}

function ProposalContent({ proposal }: { proposal: ProposalRow }) {
  const { t } = useTranslation();
  if (proposal.kind === 'change') {
    return (
      <Table verticalSpacing={4} fz="sm" withTableBorder data-testid="proposal-changes">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('proposals.change.field')}</Table.Th>
            <Table.Th>{t('proposals.change.from')}</Table.Th>
            <Table.Th>{t('proposals.change.to')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {proposal.changes.map((c) => (
            <Table.Tr key={c.field} data-field={c.field}>
              <Table.Td>{t(`proposals.fields.${c.field}`)}</Table.Td>
              <Table.Td>
                <FieldValueText value={c.from} />
              </Table.Td>
              <Table.Td>
                <FieldValueText value={c.to} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    );
  }
  if (proposal.kind === 'cease' && proposal.cessation) {
    return (
      <Text size="sm">
        {t(`proposals.scopes.${proposal.cessation.scope}`)}
        {proposal.cessation.purposeId ? ` (${t('proposals.purposeNo', { id: proposal.cessation.purposeId })})` : ''}
      </Text>
    );
  }
  return <Text size="sm">{t(`proposals.describe.${proposal.kind}`)}</Text>;
}
