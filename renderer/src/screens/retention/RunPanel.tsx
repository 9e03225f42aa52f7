// A retention run: 確認 counts what would go per kind (never who); then 消去を実行 after a confirmation, or 中止.
import { Alert, Button, Card, Group, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconListSearch, IconTrash, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeskErrorData } from '../../../../src-shared/errors';
import { retentionKinds, type RetentionPreview } from '../../../../src-shared/registers';
import { useClient } from '../../app/client-context';
import { formatDateTime } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { usePreviewChanged } from './queries';

export function totalOf(counts: Record<string, number>): number {
  return Object.values(counts).reduce((a, b) => a + b, 0);
}

export function RunPanel({ previews }: { previews: RetentionPreview[] }) {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const changed = usePreviewChanged();
  const [failure, setFailure] = useState<DeskErrorData | null>(null);
  const [busy, setBusy] = useState<'preview' | 'run' | 'cancel' | null>(null);
  const [confirming, setConfirming] = useState(false);
  // The newest preview not yet decided is the one the officer is looking at.
  const open = previews.find((p) => p.state === 'previewed') ?? null;

  const preview = async () => {
    setFailure(null);
    setBusy('preview');
    const result = await client.call('retention.preview', {});
    setBusy(null);
    if (!result.ok) return setFailure(result.error);
    changed(result.value);
  };
  const decide = async (decision: 'run' | 'cancel') => {
    if (!open) return;
    setFailure(null);
    setBusy(decision);
    const result = await client.call('retention.run', { previewId: open.id, decision });
    setBusy(null);
    setConfirming(false);
    if (!result.ok) return setFailure(result.error);
    changed(result.value);
  };

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="retention-run" data-testid="retention-run">
      <Stack gap="md">
        <Stack gap={2}>
          <Title order={2} size="h4" id="retention-run">
            {t('retention.run.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('retention.run.intro')}
          </Text>
        </Stack>
        {open ? (
          <Stack gap="sm" data-testid="retention-preview" data-preview-id={open.id}>
            <Text size="sm" fw={600}>
              {t('retention.run.previewOf', { at: formatDateTime(open.createdAt, i18n.language), name: open.createdByName ?? '—' })}
            </Text>
            <CountsTable counts={open.counts} testId="preview-counts" />
            {totalOf(open.counts) === 0 && (
              <Text size="sm" c="dimmed" data-testid="nothing-to-erase">
                {t('retention.run.nothing')}
              </Text>
            )}
            <Group>
              <Button color="red" leftSection={<IconTrash size={16} aria-hidden />} disabled={totalOf(open.counts) === 0} loading={busy === 'run'} onClick={() => setConfirming(true)} data-testid="run-erase">
                {t('retention.run.erase')}
              </Button>
              <Button variant="default" leftSection={<IconX size={16} aria-hidden />} loading={busy === 'cancel'} onClick={() => void decide('cancel')} data-testid="run-cancel">
                {t('retention.run.cancel')}
              </Button>
            </Group>
          </Stack>
        ) : (
          <Group>
            <Button leftSection={<IconListSearch size={16} aria-hidden />} loading={busy === 'preview'} onClick={() => void preview()} data-testid="run-preview">
              {t('retention.run.preview')}
            </Button>
          </Group>
        )}
        <ErrorAlert error={failure} />
      </Stack>
      <Modal opened={confirming && open !== null} onClose={() => setConfirming(false)} title={t('retention.confirm.title')} size="md" closeOnClickOutside={false}>
        {open && (
          <Stack gap="md" data-testid="retention-confirm">
            <Text size="sm">{t('retention.confirm.body', { count: totalOf(open.counts) })}</Text>
            <CountsTable counts={open.counts} testId="confirm-counts" onlyNonZero />
            <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} role="alert">
              <Text size="sm" fw={700}>
                {t('retention.confirm.irreversible')}
              </Text>
            </Alert>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setConfirming(false)} data-autofocus>
                {t('common.cancel')}
              </Button>
              <Button color="red" leftSection={<IconTrash size={16} aria-hidden />} loading={busy === 'run'} onClick={() => void decide('run')}>
                {t('retention.confirm.submit', { count: totalOf(open.counts) })}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Card>
  );
}

export function CountsTable({ counts, testId, onlyNonZero }: { counts: Record<string, number>; testId: string; onlyNonZero?: boolean }) {
  const { t, i18n } = useTranslation();
  const kinds = retentionKinds.filter((k) => !onlyNonZero || (counts[k] ?? 0) > 0);
  return (
    <Table withTableBorder maw={560} verticalSpacing={4} fz="sm" data-testid={testId}>
      <Table.Tbody>
        {kinds.map((k) => (
          <Table.Tr key={k} data-kind={k} data-count={counts[k] ?? 0}>
            <Table.Td>{t(`retention.kinds.${k}.label`)}</Table.Td>
            <Table.Td ta="right" fw={700} style={{ whiteSpace: 'nowrap' }}>
              {t('retention.count', { count: counts[k] ?? 0, formatted: (counts[k] ?? 0).toLocaleString(i18n.language) })}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
