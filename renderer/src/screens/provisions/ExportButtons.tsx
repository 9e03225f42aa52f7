// Exporting a register as it is filtered, for an auditor or a regulator's inquiry: CSV (UTF-8 with BOM, for Excel in
// Japan) or PDF, saved where the officer chooses in the save dialog (the exports folder by default).
import { Button, Group, Stack } from '@mantine/core';
import { IconFileTypeCsv, IconFileTypePdf } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeskErrorData } from '../../../../src-shared/errors';
import { useClient } from '../../app/client-context';
import { useSaveTarget } from '../../app/useSaveTarget';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ExportWritten } from '../../components/ExportWritten';

export interface ExportFilters {
  partnerId?: string;
  customerId?: string;
  from?: string;
  to?: string;
}

const kinds = {
  provisions: { csv: 'provisionsCsv', pdf: 'provisionsPdf' },
  receipts: { csv: 'receiptsCsv', pdf: 'receiptsPdf' },
} as const;

export function ExportButtons({ register, filters }: { register: 'provisions' | 'receipts'; filters: ExportFilters }) {
  const { t } = useTranslation();
  const client = useClient();
  const saveTarget = useSaveTarget();
  const [busy, setBusy] = useState<'csv' | 'pdf' | null>(null);
  const [failure, setFailure] = useState<DeskErrorData | null>(null);
  const [written, setWritten] = useState<{ file: string; rows: number; format: 'csv' | 'pdf' } | null>(null);

  const run = async (format: 'csv' | 'pdf') => {
    setBusy(format);
    setFailure(null);
    setWritten(null);
    try {
      const saveTo = await saveTarget.choose(kinds[register][format]);
      // Cancelled in the dialog: nothing written, nothing to say.
      if (saveTo === null) return;
      const input = { ...filters, format, saveTo };
      const result = register === 'provisions' ? await client.call('provisions.export', input) : await client.call('receipts.export', input);
      if (!result.ok) return setFailure(result.error);
      setWritten({ ...result.value, format });
    } finally {
      setBusy(null);
    }
  };

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
      <ErrorAlert error={saveTarget.failure ?? failure} />
      {written && (
        <ExportWritten
          file={written.file}
          title={t(written.format === 'csv' ? 'registerExport.writtenCsv' : 'registerExport.writtenPdf', { count: written.rows })}
          onClose={() => setWritten(null)}
          testId="export-written"
          nameTestId="export-file-name"
          data={{ 'data-format': written.format }}
        />
      )}
    </Stack>
  );
}
