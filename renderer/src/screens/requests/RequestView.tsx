// One request, opened from the register or after intake: header, flags, actions, who asked what, the check, the work, notices and history.
import { Alert, Anchor, Button, Center, Group, Loader, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconArrowLeft, IconBan, IconCopy, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { RequestDetail } from '../../../../src-shared/requests';
import { formatDateTime } from '../../components/dates';
import { PrintButton } from '../../components/PrintButton';
import { QueryError } from '../../components/QueryError';
import { ComplaintOrigin } from '../complaints/ComplaintOrigin';
import { StatementRequired, statementRequired } from '../customers/StatementRequired';
import { AttachmentsSection } from './AttachmentsSection';
import { CommentsSection } from './CommentsSection';
import { HistorySection } from './HistorySection';
import { IdCopyPanel } from './IdCopyPanel';
import { NoticesSection } from './NoticesSection';
import { PackagePanel } from './PackagePanel';
import { ProposalsPanel } from './ProposalsPanel';
import { useRequest } from './queries';
import { RequestActions } from './RequestActions';
import { AskedSection, CustomerLinkSection, ExtensionNote, RequesterSection } from './RequestDetails';
import { RequestHeader } from './RequestHeader';
import { TasksSection } from './TasksSection';
import { useBackOnEscape } from '../../app/useBackOnEscape';

export function RequestView({ id, onBack, onOpen }: { id: string; onBack: () => void; onOpen: (id: string) => void }) {
  useBackOnEscape(onBack);
  const { t } = useTranslation();
  const request = useRequest(id);
  const refused = statementRequired(request.error);
  if (refused) return <StatementRequired error={refused} />;
  const r = request.data;
  return (
    <Stack gap="md" data-testid="request-view" data-number={r?.number} data-state={r?.state}>
      <Group justify="space-between">
        <Button variant="subtle" leftSection={<IconArrowLeft size={16} aria-hidden />} onClick={onBack} px={4}>
          {t('requestView.back')}
        </Button>
        {r && <PrintButton type="request" id={r.id} />}
      </Group>
      <QueryError error={request.error} />
      {!r && request.isPending && (
        <Center py="xl">
          <Group gap="sm" role="status">
            <Loader size="sm" aria-hidden />
            <Text size="sm">{t('requestView.loading')}</Text>
          </Group>
        </Center>
      )}
      {r && <RequestBody request={r} onOpen={onOpen} />}
    </Stack>
  );
}

function RequestBody({ request, onOpen }: { request: RequestDetail; onOpen: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  const dup = request.duplicateOf;
  const closedNote = request.state === 'withdrawn' ? request.history.find((h) => h.toState === 'withdrawn')?.note : null;
  return (
    <>
      <RequestHeader request={request} />
      <ComplaintOrigin requestId={request.id} />
      {dup && (
        <Alert color="yellow" variant="filled" icon={<IconCopy aria-hidden />} title={t('requestView.duplicate.title')} data-testid="duplicate-warning" role="alert">
          <Stack gap={4}>
            <Text size="sm">{t('requestView.duplicate.body', { number: dup.number })}</Text>
            <Anchor component="button" type="button" size="sm" fw={700} c="dark" onClick={() => onOpen(dup.id)} style={{ alignSelf: 'flex-start' }}>
              {t('requestView.duplicate.open', { number: dup.number })}
            </Anchor>
          </Stack>
        </Alert>
      )}
      {request.state === 'refused' && (
        <Alert color="red" variant="light" icon={<IconX aria-hidden />} title={t('requestView.refused.title')} data-testid="refusal-outcome">
          <Stack gap={4}>
            {request.outcome?.ground && <Text size="sm" fw={600}>{t(`requests.refusalGrounds.${request.outcome.ground}`)}</Text>}
            {request.outcome?.text && <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{request.outcome.text}</Text>}
          </Stack>
        </Alert>
      )}
      {request.state === 'withdrawn' && (
        <Alert color="gray" variant="light" icon={<IconBan aria-hidden />} title={t('requestView.withdrawn.title', { at: formatDateTime(request.closedAt, i18n.language) })} data-testid="withdrawn-outcome">
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {closedNote ?? request.outcome?.text ?? ''}
          </Text>
        </Alert>
      )}
      <ExtensionNote request={request} />
      <RequestActions request={request} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <RequesterSection request={request} />
        <AskedSection request={request} />
      </SimpleGrid>
      <CustomerLinkSection request={request} />
      <IdCopyPanel request={request} />
      <ProposalsPanel request={request} />
      <TasksSection request={request} />
      <PackagePanel request={request} />
      <NoticesSection request={request} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <CommentsSection request={request} />
        <AttachmentsSection request={request} />
      </SimpleGrid>
      <HistorySection request={request} />
    </>
  );
}
