// The signed statement's scan: an image is shown; a PDF is offered to save and open, since the CSP lets no frame or object into the window.
import { Alert, Button, Center, Group, Image, Loader, Modal, Stack, Text } from '@mantine/core';
import { IconDownload, IconInfoCircle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { StatementRow } from '../../../../src-shared/domain';
import { unwrap } from '../../app/client';
import { useClient } from '../../app/client-context';
import { QueryError } from '../../components/QueryError';

export function ScanViewer({ statement, onClose }: { statement: StatementRow | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={statement !== null} onClose={onClose} size="xl" title={statement ? t('statements.scanViewer.title', { name: statement.personName }) : ''}>
      {statement && <ScanContent statement={statement} onClose={onClose} />}
    </Modal>
  );
}

function ScanContent({ statement, onClose }: { statement: StatementRow; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useClient();
  // Opening a scan is a read the core audits: asked each time, never kept in the cache after the viewer closes.
  const scan = useQuery({
    queryKey: ['statements', 'scan', statement.id],
    queryFn: () => unwrap(client.call('statements.scan', { id: statement.id })),
    gcTime: 0,
    staleTime: 0,
  });
  const url = useMemo(() => {
    if (!scan.data) return null;
    const bytes = Uint8Array.from(atob(scan.data.dataBase64), (c) => c.charCodeAt(0));
    return URL.createObjectURL(new Blob([bytes], { type: scan.data.mimeType }));
  }, [scan.data]);
  useEffect(() => () => void (url && URL.revokeObjectURL(url)), [url]);

  if (scan.error) return <QueryError error={scan.error} />;
  if (!scan.data || !url) {
    return (
      <Center py="xl">
        <Stack align="center" gap="xs" role="status">
          <Loader aria-hidden />
          <Text size="sm">{t('statements.scanViewer.loading')}</Text>
        </Stack>
      </Center>
    );
  }
  const isImage = scan.data.mimeType.startsWith('image/');
  return (
    <Stack gap="md">
      {isImage ? (
        <Image src={url} alt={scan.data.fileName} fit="contain" mah="70vh" data-testid="scan-image" />
      ) : (
        <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden />}>
          <Stack gap={4}>
            <Text size="sm">{t('statements.scanViewer.pdfNote')}</Text>
            <Text size="sm" c="dimmed">
              {t('statements.scanViewer.saveNote')}
            </Text>
          </Stack>
        </Alert>
      )}
      <Group justify="space-between">
        <Button component="a" href={url} download={scan.data.fileName} variant={isImage ? 'default' : 'filled'} leftSection={<IconDownload size={16} aria-hidden />} data-testid="scan-download">
          {t('statements.scanViewer.save', { fileName: scan.data.fileName })}
        </Button>
        <Button variant="default" onClick={onClose}>
          {t('statements.scanViewer.close')}
        </Button>
      </Group>
    </Stack>
  );
}
