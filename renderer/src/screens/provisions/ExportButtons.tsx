// Exporting a register as it is filtered, for an auditor or a regulator's inquiry: CSV (UTF-8 with BOM, for Excel in
// Japan) or PDF in the exports folder; the file written is named on screen.
import { Alert, Button, CopyButton, Group, Stack, Text } from '@mantine/core';
import { IconCheck, IconCopy, IconFileTypeCsv, IconFileTypePdf } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeskErrorData } from '../../../../src-shared/errors';
import { useClient } from '../../app/client-context';
import { ErrorAlert } from '../../components/ErrorAlert';

export interface ExportFilters {
  partnerId?: string;
  customerId?: string;
  from?: string;
  to?: string;
}

function splitPath(path: string): { folder: string; name: string } {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return cut < 0 ? { folder: '', name: path } : { folder: path.slice(0, cut), name: path.slice(cut + 1) };
}

export function ExportButtons({ register, filters }: { register: 'provisions' | 'receipts'; filters: ExportFilters }) {
  const { t } = useTranslation();
  const client = useClient();
  const [busy, setBusy] = useState<'csv' | 'pdf' | null>(null);
  const [failure, setFailure] = useState<DeskErrorData | null>(null);
  const [written, setWritten] = useState<{ file: string; rows: number; format: 'csv' | 'pdf' } | null>(null);

  const run = async (format: 'csv' | 'pdf') => {
    setBusy(format);
    setFailure(null);
    setWritten(null);
    const input = { ...filters, format };
    const result = register === 'provisions' ? await client.call('provisions.export', input) : await client.call('receipts.export', input);
    setBusy(null);
    if (!result.ok) return setFailure(result.error);
    setWritten({ ...result.value, format });
  };

  const { folder, name } = written ? splitPath(written.file) : { folder: '', name: '' };
  return (
    <Stack gap="xs" align="flex-end">
      <Group gap="sm">
        <Button variant="default" leftSection={<IconFileTypeCsv size={18} aria-hidden />} loading={busy === 'csv'} disabled={busy !== null} onClick={() => void run('csv')}>
          {t('registerExport.csv')}
        </Button>
        <Button variant="default" leftSection={<IconFileTypePdf size={18} aria-hidden />} loading={busy === 'pdf'} disabled={busy !== null} onClick={() => void run('pdf')}>
          {t('registerExport.pdf')}
        </Button>
      </Group>
      <ErrorAlert error={failure} />
      {written && (
        <Alert color="teal" variant="light" maw={640} icon={<IconCheck aria-hidden />} withCloseButton onClose={() => setWritten(null)} closeButtonLabel={t('registerExport.close')} data-testid="export-written" data-path={written.file} data-format={written.format}>
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              {t(written.format === 'csv' ? 'registerExport.writtenCsv' : 'registerExport.writtenPdf', { count: written.rows })}
            </Text>
            <Text size="sm" ff="monospace" data-testid="export-file-name" style={{ overflowWrap: 'anywhere' }}>
              {name}
            </Text>
            {folder && (
              <Group gap="xs" wrap="nowrap">
                <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                  {t('registerExport.folder', { folder })}
                </Text>
                <CopyButton value={folder}>
                  {({ copied, copy }) => (
                    <Button size="compact-xs" variant="subtle" onClick={copy} leftSection={copied ? <IconCheck size={14} aria-hidden /> : <IconCopy size={14} aria-hidden />}>
                      {copied ? t('registerExport.copied') : t('registerExport.copyFolder')}
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
