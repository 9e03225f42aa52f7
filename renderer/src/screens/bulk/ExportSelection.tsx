// Exporting the selected rows as a CSV: what the file will hold (masked as the list shows it), the save dialog, where it went.
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { IconFileSpreadsheet, IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeskErrorData, Result } from '../../../../src-shared/errors';
import { useSaveTarget } from '../../app/useSaveTarget';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ExportWritten } from '../../components/ExportWritten';

export interface ExportSelectionProps {
  opened: boolean;
  onClose: () => void;
  count: number;
  /** What the file holds, already translated: masked columns, names or not. */
  contents: string;
  /** The save dialog's starting name (`requests`, `customers`): never a person's name. */
  name: string;
  call: (saveTo: string | undefined) => Promise<Result<{ file: string; rows: number }>>;
}

export function ExportSelectionDialog({ opened, onClose, count, contents, name, call }: ExportSelectionProps) {
  const { t } = useTranslation();
  const saveTarget = useSaveTarget();
  const [failure, setFailure] = useState<DeskErrorData | null>(null);
  const [written, setWritten] = useState<{ file: string; rows: number } | null>(null);
  const [busy, setBusy] = useState(false);
  const close = () => {
    setFailure(null);
    setWritten(null);
    onClose();
  };
  const run = async () => {
    setFailure(null);
    setBusy(true);
    const saveTo = await saveTarget.choose('selectionCsv', { name });
    // Cancelled in the dialog (or it could not open: its error shows): nothing written.
    if (saveTo === null) return setBusy(false);
    const result = await call(saveTo);
    setBusy(false);
    if (!result.ok) return setFailure(result.error);
    setWritten(result.value);
  };
  return (
    <Modal opened={opened} onClose={close} title={t('bulk.export.title')} size="lg" closeOnClickOutside={false} closeButtonProps={{ 'aria-label': t('bulk.dialog.close') }}>
      <Stack gap="md">
        {written ? (
          <ExportWritten file={written.file} title={t('bulk.export.written', { count: written.rows })} onClose={close} testId="bulk-export-written" />
        ) : (
          <>
            <Text size="sm" fw={600}>
              {t('bulk.dialog.selected', { count })}
            </Text>
            <Alert color="gray" variant="light" icon={<IconInfoCircle aria-hidden />}>
              <Text size="sm">{contents}</Text>
            </Alert>
            <Text size="sm">{t('bulk.export.audited')}</Text>
          </>
        )}
        <ErrorAlert error={failure ?? saveTarget.failure} />
        <Group justify="flex-end">
          {written ? (
            <Button onClick={close}>{t('bulk.dialog.close')}</Button>
          ) : (
            <>
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button leftSection={<IconFileSpreadsheet size={16} aria-hidden />} loading={busy} onClick={() => void run()} data-testid="bulk-export-confirm" data-autofocus>
                {t('bulk.export.confirm')}
              </Button>
            </>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
