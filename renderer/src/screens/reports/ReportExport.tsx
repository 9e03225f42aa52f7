// Saving the report: a PDF with the charts, or one CSV per table, where the officer chooses in the save dialog.
import { Button, Group, Stack } from '@mantine/core';
import { IconFileTypeCsv, IconFileTypePdf } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportFile } from '../../../../src-shared/api/reports';
import type { DeskErrorData } from '../../../../src-shared/errors';
import { useClient } from '../../app/client-context';
import { useSaveTarget } from '../../app/useSaveTarget';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ExportWritten } from '../../components/ExportWritten';
import { reportName } from './period';

type Format = 'pdf' | 'csv';

export function ReportExport({ range }: { range: { from: string; to: string } | null }) {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const saveTarget = useSaveTarget();
  const [busy, setBusy] = useState<Format | null>(null);
  const [failure, setFailure] = useState<DeskErrorData | null>(null);
  const [written, setWritten] = useState<{ format: Format; files: ReportFile[] } | null>(null);

  const run = async (format: Format) => {
    if (!range) return;
    setBusy(format);
    setFailure(null);
    setWritten(null);
    try {
      const saveTo = await saveTarget.choose(format === 'pdf' ? 'reportPdf' : 'reportCsv', { name: reportName(range) });
      // Cancelled in the dialog: nothing written, nothing to say.
      if (saveTo === null) return;
      // The PDF and the CSVs are in the language the person reads the desk in.
      const input = { ...range, language: i18n.language === 'en' ? ('en' as const) : ('ja' as const), saveTo };
      if (format === 'pdf') {
        const result = await client.call('reports.exportPdf', input);
        if (!result.ok) return setFailure(result.error);
        setWritten({ format, files: [result.value] });
      } else {
        const result = await client.call('reports.exportCsv', input);
        if (!result.ok) return setFailure(result.error);
        setWritten({ format, files: result.value.files });
      }
    } finally {
      setBusy(null);
    }
  };

  return (
    <Stack gap="xs" align="flex-end">
      <Group gap="sm">
        <Button leftSection={<IconFileTypePdf size={18} aria-hidden />} loading={busy === 'pdf'} disabled={!range || busy !== null} onClick={() => void run('pdf')} data-testid="report-export-pdf">
          {t('reports.exportPdf')}
        </Button>
        <Button variant="default" leftSection={<IconFileTypeCsv size={18} aria-hidden />} loading={busy === 'csv'} disabled={!range || busy !== null} onClick={() => void run('csv')} data-testid="report-export-csv">
          {t('reports.exportCsv')}
        </Button>
      </Group>
      <ErrorAlert error={saveTarget.failure ?? failure} />
      {written && (
        <ExportWritten
          file={written.files[0]!.file}
          companions={written.files.slice(1).map((f) => f.name)}
          title={written.format === 'pdf' ? t('reports.pdfWritten') : t('reports.csvWritten', { count: written.files.length })}
          onClose={() => setWritten(null)}
          testId="report-written"
          data={{ 'data-format': written.format }}
        />
      )}
    </Stack>
  );
}
