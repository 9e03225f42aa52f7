// Exporting the ledger for the office's files and its auditor: an Excel workbook or a PDF in the exports folder; the
// file written is named on screen.
import { Alert, Button, CopyButton, Group, Stack, Text } from '@mantine/core';
import { IconCheck, IconCopy, IconFileTypePdf, IconFileTypeXls } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeskErrorData } from '../../../../src-shared/errors';
import { useClient } from '../../app/client-context';
import { ErrorAlert } from '../../components/ErrorAlert';

type Format = 'xlsx' | 'pdf';

function folderOf(path: string): string {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return cut < 0 ? '' : path.slice(0, cut);
}

export function LedgerExportButtons({ includeRetired }: { includeRetired: boolean }) {
  const { t } = useTranslation();
  const client = useClient();
  const [busy, setBusy] = useState<Format | null>(null);
  const [failure, setFailure] = useState<DeskErrorData | null>(null);
  const [written, setWritten] = useState<{ file: string; name: string; entries: number; format: Format } | null>(null);

  const run = async (format: Format) => {
    setBusy(format);
    setFailure(null);
    setWritten(null);
    const result = await client.call('ledger.export', { format, includeRetired });
    setBusy(null);
    if (!result.ok) return setFailure(result.error);
    setWritten({ ...result.value, format });
  };

  const folder = written ? folderOf(written.file) : '';
  return (
    <Stack gap="xs" align="flex-end">
      <Group gap="sm">
        <Button variant="default" leftSection={<IconFileTypeXls size={18} aria-hidden />} loading={busy === 'xlsx'} disabled={busy !== null} onClick={() => void run('xlsx')}>
          {t('ledger.export.xlsx')}
        </Button>
        <Button variant="default" leftSection={<IconFileTypePdf size={18} aria-hidden />} loading={busy === 'pdf'} disabled={busy !== null} onClick={() => void run('pdf')}>
          {t('ledger.export.pdf')}
        </Button>
      </Group>
      <ErrorAlert error={failure} />
      {written && (
        <Alert color="teal" variant="light" maw={640} icon={<IconCheck aria-hidden />} withCloseButton onClose={() => setWritten(null)} closeButtonLabel={t('ledger.export.close')} data-testid="ledger-export-written" data-path={written.file} data-format={written.format}>
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              {t('ledger.export.written', { count: written.entries })}
            </Text>
            <Text size="sm" ff="monospace" data-testid="ledger-export-name" style={{ overflowWrap: 'anywhere' }}>
              {written.name}
            </Text>
            {folder && (
              <Group gap="xs" wrap="nowrap">
                <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                  {t('ledger.export.folder', { folder })}
                </Text>
                <CopyButton value={folder}>
                  {({ copied, copy }) => (
                    <Button size="compact-xs" variant="subtle" onClick={copy} leftSection={copied ? <IconCheck size={14} aria-hidden /> : <IconCopy size={14} aria-hidden />}>
                      {copied ? t('ledger.export.copied') : t('ledger.export.copyFolder')}
                    </Button>
                  )}
                </CopyButton>
              </Group>
            )}
          </Stack>
        </Alert>
      )}
    </Stack>
  );
}
