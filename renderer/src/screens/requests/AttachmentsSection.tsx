// Documents that came with a request (a letter, a power of attorney): uploaded into the encrypted database, saved out on demand.
import { Button, FileButton, Group, Stack, Table, Text } from '@mantine/core';
import { IconDownload, IconPaperclip } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeskErrorData } from '../../../../src-shared/errors';
import { isOpenState, type RequestAttachment, type RequestDetail } from '../../../../src-shared/requests';
import { useClient } from '../../app/client-context';
import { useSession } from '../../app/session';
import { formatDateTime } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Section } from '../customers/RecordSections';
import { attachmentProblem, formatBytes, readAttachment, saveBytes } from './files';
import { useRequestChanged } from './queries';

export function AttachmentsSection({ request }: { request: RequestDetail }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const session = useSession();
  const client = useClient();
  const changed = useRequestChanged();
  const [failure, setFailure] = useState<DeskErrorData | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const upload = async (file: File | null) => {
    setFailure(null);
    const problem = attachmentProblem(file);
    if (problem) return setFailure({ code: 'VALIDATION', message: problem });
    setBusy('upload');
    try {
      const result = await client.call('requests.attach', { id: request.id, file: await readAttachment(file!) });
      if (!result.ok) return setFailure(result.error);
      changed(result.value);
    } finally {
      setBusy(null);
    }
  };

  // Asked each time and handed straight to the download: the bytes are never kept in the cache.
  const download = async (a: RequestAttachment) => {
    setFailure(null);
    setBusy(a.id);
    const result = await client.call('requests.attachment', { id: request.id, attachmentId: a.id });
    setBusy(null);
    if (!result.ok) return setFailure(result.error);
    saveBytes(result.value.fileName, result.value.mediaType, result.value.dataBase64);
  };

  return (
    <Section
      id="attachments"
      title={t('requestView.sections.attachments')}
      action={
        session.permissions.includes('requests.write') && isOpenState(request.state) ? (
          <FileButton onChange={(f) => void upload(f)} accept="application/pdf,image/png,image/jpeg,image/webp">
            {(props) => (
              <Button {...props} size="compact-sm" variant="light" loading={busy === 'upload'} leftSection={<IconPaperclip size={14} aria-hidden />} data-testid="attach-file">
                {t('requestView.attachments.add')}
              </Button>
            )}
          </FileButton>
        ) : undefined
      }
    >
      <Stack gap="sm">
        <Text size="xs" c="dimmed">
          {t('requestView.attachments.note')}
        </Text>
        {request.attachments.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('requestView.attachments.empty')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={520}>
            <Table fz="sm" verticalSpacing={4} data-testid="request-attachments">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('requestView.attachments.fileName')}</Table.Th>
                  <Table.Th>{t('requestView.attachments.size')}</Table.Th>
                  <Table.Th>{t('requestView.attachments.added')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {request.attachments.map((a) => (
                  <Table.Tr key={a.id}>
                    <Table.Td style={{ overflowWrap: 'anywhere' }}>{a.fileName}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatBytes(a.bytes, lang)}</Table.Td>
                    <Table.Td>
                      {a.actorName ?? '—'}
                      <Text size="xs" c="dimmed">
                        {formatDateTime(a.at, lang)}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right">
                      {a.erased ? (
                        <Text size="xs" c="dimmed">
                          {t('requestView.attachments.erased')}
                        </Text>
                      ) : (
                        <Group justify="flex-end">
                          <Button size="compact-sm" variant="default" loading={busy === a.id} leftSection={<IconDownload size={14} aria-hidden />} onClick={() => void download(a)} aria-label={t('requestView.attachments.downloadNamed', { name: a.fileName })}>
                            {t('requestView.attachments.download')}
                          </Button>
                        </Group>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <ErrorAlert error={failure} />
      </Stack>
    </Section>
  );
}
