// Exporting the audit trail (the current date range): the four files written, and how an auditor checks them without the app.
import { Alert, Button, Code, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { IconCircleCheck, IconFileExport } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf, Api } from '../../../../src-shared/api';
import type { DeskErrorData } from '../../../../src-shared/errors';
import { useClient } from '../../app/client-context';
import { useSaveTarget } from '../../app/useSaveTarget';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAuditStatus } from './queries';

type Exported = OutputOf<Api['audit.export']>;

export function ExportDialog({ opened, range, rangeText, onClose }: { opened: boolean; range: { from?: string; to?: string }; rangeText: string; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useClient();
  const status = useAuditStatus();
  const saveTarget = useSaveTarget();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<DeskErrorData | null>(null);
  const [exported, setExported] = useState<Exported | null>(null);

  const close = () => {
    setExported(null);
    setFailure(null);
    onClose();
  };
  const run = async () => {
    setBusy(true);
    setFailure(null);
    // The save dialog proposes the exports folder; the CSV, the signature and allowed_signers go beside the chosen file.
    const saveTo = await saveTarget.choose('auditJsonl');
    if (saveTo === null) return setBusy(false);
    const result = await client.call('audit.export', { ...range, saveTo });
    setBusy(false);
    if (!result.ok) return setFailure(result.error);
    setExported(result.value);
    // The export is itself an event: the chain has grown.
    void status.refetch();
  };

  return (
    <Modal opened={opened} onClose={close} size="xl" title={exported ? t('audit.export.title') : t('audit.export.button')}>
      {!exported ? (
        <Stack gap="md">
          <Text size="sm">{t('audit.export.range', { range: rangeText })}</Text>
          <ErrorAlert error={saveTarget.failure ?? failure} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button leftSection={<IconFileExport size={16} aria-hidden />} loading={busy} onClick={() => void run()}>
              {t('audit.export.button')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <Stack gap="md" data-testid="audit-export-result">
          <Alert color="teal" variant="light" icon={<IconCircleCheck aria-hidden />}>
            {t('audit.export.events', { events: exported.events })}
          </Alert>
          <Table variant="vertical" layout="fixed" withTableBorder>
            <Table.Tbody>
              {(
                [
                  ['file', exported.path, 'audit-export-path'],
                  ['csv', exported.csvPath, 'audit-export-csv'],
                  ['sig', exported.sigPath, 'audit-export-sig'],
                  ['allowedSigners', exported.allowedSignersPath, 'audit-export-allowed-signers'],
                ] as const
              ).map(([key, path, testId]) => (
                <Table.Tr key={key}>
                  <Table.Th w={220}>{t(`audit.export.${key}`)}</Table.Th>
                  <Table.Td>
                    <Text size="xs" ff="monospace" data-testid={testId} style={{ wordBreak: 'break-all' }}>
                      {path}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Stack gap={6}>
            <Text size="sm" fw={600}>
              {t('audit.export.howTo')}
            </Text>
            <Text size="sm">{t('audit.export.withTool')}</Text>
            <Code block data-testid="verify-command" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
              {`npm run verify-audit -- "${exported.path}"`}
            </Code>
            <Text size="sm">{t('audit.export.withSsh')}</Text>
            <Code block style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
              {`ssh-keygen -Y verify -f "${exported.allowedSignersPath}" -I ${status.data?.installationId ?? '<installation id>'} -n privacy-desk-audit -s "${exported.sigPath}" < "${exported.path}"`}
            </Code>
            <Text size="sm" c="dimmed">
              {t('audit.export.compare')}
            </Text>
          </Stack>
          <Group justify="flex-end">
            <Button onClick={close}>{t('audit.export.close')}</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
