// Exporting the ledger for the office's files and its auditor: an Excel workbook or a PDF, saved where the officer
// chooses in the save dialog (the exports folder by default); the file written is named on screen.
import { Button, Group, Stack } from '@mantine/core';
import { IconFileTypePdf, IconFileTypeXls } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeskErrorData } from '../../../../src-shared/errors';
import { useClient } from '../../app/client-context';
import { useSaveTarget } from '../../app/useSaveTarget';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ExportWritten } from '../../components/ExportWritten';

type Format = 'xlsx' | 'pdf';

export function LedgerExportButtons({ includeRetired }: { includeRetired: boolean }) {
  const { t } = useTranslation();
  const client = useClient();
  const saveTarget = useSaveTarget();
  const [busy, setBusy] = useState<Format | null>(null);
  const [failure, setFailure] = useState<DeskErrorData | null>(null);
  const [written, setWritten] = useState<{ file: string; entries: number; format: Format } | null>(null);

  const run = async (format: Format) => {
    setBusy(format);
    setFailure(null);
    setWritten(null);
    try {
      const saveTo = await saveTarget.choose(format === 'xlsx' ? 'ledgerXlsx' : 'ledgerPdf');
      // Cancelled in the dialog: nothing written, nothing to say.
      if (saveTo === null) return;
      const result = await client.call('ledger.export', { format, includeRetired, saveTo });
      if (!result.ok) return setFailure(result.error);
      setWritten({ ...result.value, format });
    } finally {
      setBusy(null);
    }
  };

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
      <ErrorAlert error={saveTarget.failure ?? failure} />
      {written && (
        <ExportWritten
          file={written.file}
          title={t('ledger.export.written', { count: written.entries })}
          onClose={() => setWritten(null)}
          testId="ledger-export-written"
          nameTestId="ledger-export-name"
          data={{ 'data-format': written.format }}
        />
      )}
    </Stack>
  );
}
