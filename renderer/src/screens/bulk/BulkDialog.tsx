// The three steps of every bulk action on requests: what to do, the preview per row, then the confirmed run's result per row.
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconListCheck } from '@tabler/icons-react';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { BulkResult, BulkStep } from '../../../../src-shared/api/bulk';
import type { DeskErrorData, Result } from '../../../../src-shared/errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { BulkRows, OutcomeCounts } from './BulkRows';

export interface BulkDialogProps {
  opened: boolean;
  onClose: () => void;
  title: string;
  /** How many rows are selected: said before anything is asked. */
  count: number;
  /** The action's own fields (a reason, an assignee, a notice kind). */
  children: ReactNode;
  /** The fields are filled in: the preview can be asked for. */
  ready: boolean;
  call: (step: BulkStep) => Promise<Result<BulkResult>>;
  /** The heading of the "before → after" column (due date, assignee); none for notices. */
  changeLabel?: string;
  confirmLabel: string;
  /** After a run: the lists are asked again, the selection cleared. */
  onRan: (result: BulkResult) => void;
}

export function BulkDialog({ opened, onClose, title, count, children, ready, call, changeLabel, confirmLabel, onRan }: BulkDialogProps) {
  const { t } = useTranslation();
  const [preview, setPreview] = useState<BulkResult | null>(null);
  const [result, setResult] = useState<BulkResult | null>(null);
  const [failure, setFailure] = useState<DeskErrorData | null>(null);
  const [busy, setBusy] = useState(false);

  const close = () => {
    setPreview(null);
    setResult(null);
    setFailure(null);
    onClose();
  };
  const ask = async (step: BulkStep) => {
    setFailure(null);
    setBusy(true);
    const answer = await call(step);
    setBusy(false);
    if (!answer.ok) return setFailure(answer.error);
    if (step === 'preview') return setPreview(answer.value);
    setResult(answer.value);
    onRan(answer.value);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (ready) void ask('preview');
  };

  return (
    <Modal opened={opened} onClose={close} title={title} size="xl" closeOnClickOutside={false} closeButtonProps={{ 'aria-label': t('bulk.dialog.close') }} data-testid="bulk-dialog">
      {result ? (
        <Stack gap="md" data-testid="bulk-result">
          <Text size="sm">{t('bulk.dialog.resultIntro')}</Text>
          <OutcomeCounts result={result} />
          {result.counts.failed > 0 && (
            <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />}>
              {t('bulk.dialog.someFailed')}
            </Alert>
          )}
          <BulkRows result={result} changeLabel={changeLabel} />
          <Group justify="flex-end">
            <Button onClick={close} data-autofocus>
              {t('bulk.dialog.close')}
            </Button>
          </Group>
        </Stack>
      ) : preview ? (
        <Stack gap="md" data-testid="bulk-preview">
          <Text size="sm">{t('bulk.dialog.previewIntro')}</Text>
          <OutcomeCounts result={preview} />
          <BulkRows result={preview} changeLabel={changeLabel} />
          <ErrorAlert error={failure} />
          {preview.counts.will === 0 && (
            <Alert color="gray" variant="light">
              {t('bulk.dialog.nothingToDo')}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setPreview(null)}>
              {t('bulk.dialog.back')}
            </Button>
            <Button onClick={() => void ask('run')} loading={busy} disabled={preview.counts.will === 0} data-testid="bulk-confirm" data-autofocus>
              {t('bulk.dialog.confirm', { action: confirmLabel, count: preview.counts.will })}
            </Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit}>
          <Stack gap="md">
            <Text size="sm" fw={600}>
              {t('bulk.dialog.selected', { count })}
            </Text>
            {children}
            <ErrorAlert error={failure} />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={busy} disabled={!ready} leftSection={<IconListCheck size={16} aria-hidden />} data-testid="bulk-preview-button">
                {t('bulk.dialog.preview')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
