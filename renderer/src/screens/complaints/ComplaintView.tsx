// One complaint: what was said and by whom, the customer it concerns, the countdown, the response, what followed
import { useBackOnEscape } from '../../app/useBackOnEscape';
// (requests, incidents) and its history. Closed, it is read-only; only the officer reopens it.
import { Alert, Button, Card, Center, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconEraser, IconLock, IconLockOpen, IconPencil } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComplaintDetail } from '../../../../src-shared/api/complaints';
import { useSession } from '../../app/session';
import { formatDateTime, formatDay } from '../../components/dates';
import { QueryError } from '../../components/QueryError';
import { StatementRequired, statementRequired } from '../customers/StatementRequired';
import { CloseDialog, ReopenDialog } from './ComplaintActions';
import { ComplaintForm } from './ComplaintForm';
import type { Shown } from './ComplaintsScreen';
import { ContentSection, HistorySection, PersonSection, ResponseSection } from './ComplaintSections';
import { DaysLeft, KindBadge, OverdueBadge, StateBadge } from './labels';
import { LinksSection } from './LinksSection';
import { useComplaint } from './queries';

export function ComplaintView({ id, onBack, show }: { id: string; onBack: () => void; show: (shown: Shown) => void }) {
  useBackOnEscape(onBack);
  const { t } = useTranslation();
  const complaint = useComplaint(id);
  const [editing, setEditing] = useState(false);
  const refused = statementRequired(complaint.error);
  if (refused) return <StatementRequired error={refused} />;
  const c = complaint.data;
  if (c && editing) return <ComplaintForm existing={c} onSaved={() => setEditing(false)} onCancel={() => setEditing(false)} />;
  return (
    <Stack gap="md" data-testid="complaint-view" data-number={c?.number} data-state={c?.state}>
      <Group>
        <Button variant="subtle" leftSection={<IconArrowLeft size={16} aria-hidden />} onClick={onBack} px={4}>
          {t('complaintView.back')}
        </Button>
      </Group>
      <QueryError error={complaint.error} />
      {!c && complaint.isPending && (
        <Center py="xl">
          <Group gap="sm" role="status">
            <Loader size="sm" aria-hidden />
            <Text size="sm">{t('common.loading')}</Text>
          </Group>
        </Center>
      )}
      {c && <ComplaintBody complaint={c} onEdit={() => setEditing(true)} show={show} />}
    </Stack>
  );
}

function ComplaintBody({ complaint, onEdit, show }: { complaint: ComplaintDetail; onEdit: () => void; show: (shown: Shown) => void }) {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const canWrite = session.permissions.includes('complaints.write') && complaint.state === 'open';
  return (
    <>
      <ComplaintHeader complaint={complaint} canWrite={canWrite} onEdit={onEdit} />
      {complaint.state === 'closed' && (
        <Alert color="gray" variant="light" icon={<IconLock aria-hidden />} data-testid="closed-note">
          {t('complaintView.closedNote', { day: formatDay(complaint.closedOn, i18n.language), name: complaint.closedByName ?? '—' })}
        </Alert>
      )}
      {complaint.personalDataErasedAt ? (
        <Alert color="gray" variant="light" icon={<IconEraser aria-hidden />} data-testid="erased-note">
          {t('complaintView.erasedNote', { at: formatDateTime(complaint.personalDataErasedAt, i18n.language), customerNo: complaint.customerNo ?? '—' })}
        </Alert>
      ) : (
        complaint.customerErased && (
          <Alert color="orange" variant="light" icon={<IconEraser aria-hidden />} data-testid="customer-erased-note">
            {t('complaintView.customerErasedNote', { customerNo: complaint.customerNo ?? '—' })}
          </Alert>
        )
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <ContentSection complaint={complaint} />
        <PersonSection complaint={complaint} />
      </SimpleGrid>
      <ResponseSection complaint={complaint} canWrite={canWrite} />
      <LinksSection complaint={complaint} canWrite={canWrite} show={show} />
      <HistorySection complaint={complaint} />
    </>
  );
}

function ComplaintHeader({ complaint, canWrite, onEdit }: { complaint: ComplaintDetail; canWrite: boolean; onEdit: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const session = useSession();
  const [dialog, setDialog] = useState<'close' | 'reopen' | null>(null);
  return (
    <Card withBorder radius="md" padding="lg" data-testid="complaint-header">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="lg">
        <Stack gap={4} maw={640}>
          <Text size="sm" c="dimmed" ff="monospace" data-testid="complaint-number">
            {complaint.number}
          </Text>
          <Title order={1} size="h2" style={{ overflowWrap: 'anywhere' }}>
            {complaint.subject}
          </Title>
          <Group gap={6} mt={4}>
            <KindBadge kind={complaint.kind} />
            <StateBadge state={complaint.state} />
            {complaint.overdue && <OverdueBadge />}
          </Group>
        </Stack>
        <Stack gap="sm" align="flex-end">
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xl" verticalSpacing={4}>
            <Fact label={t('complaints.columns.receivedOn')}>{formatDay(complaint.receivedOn, lang)}</Fact>
            <Fact label={t('complaintForm.channel')}>{t(`complaints.channels.${complaint.channel}`)}</Fact>
            <Fact label={t('complaints.columns.dueOn')} testId="complaint-due">
              {formatDay(complaint.dueOn, lang)}
            </Fact>
            <Fact label={t('complaints.columns.handler')}>{complaint.handlerName ?? '—'}</Fact>
          </SimpleGrid>
          <DaysLeft row={complaint} />
          <Group gap="xs">
            {canWrite && (
              <>
                <Button variant="default" leftSection={<IconPencil size={16} aria-hidden />} onClick={onEdit}>
                  {t('complaintView.edit')}
                </Button>
                <Button leftSection={<IconLock size={16} aria-hidden />} onClick={() => setDialog('close')} data-testid="close-complaint">
                  {t('complaintView.close.button')}
                </Button>
              </>
            )}
            {complaint.state === 'closed' && session.role === 'officer' && (
              <Button variant="default" leftSection={<IconLockOpen size={16} aria-hidden />} onClick={() => setDialog('reopen')}>
                {t('complaintView.reopen.button')}
              </Button>
            )}
          </Group>
        </Stack>
      </Group>
      <CloseDialog complaint={complaint} opened={dialog === 'close'} onClose={() => setDialog(null)} />
      <ReopenDialog complaint={complaint} opened={dialog === 'reopen'} onClose={() => setDialog(null)} />
    </Card>
  );
}

function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
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
