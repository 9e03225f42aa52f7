// An evaluation's evidence files: kind, name, size and fingerprint, each saved out on demand (the bytes never stay in
// the window's cache, and each download is in the audit trail).
import { Button, Table, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvidenceInfo } from '../../../../src-shared/api/outsourcees';
import type { DeskErrorData } from '../../../../src-shared/errors';
import { useClient } from '../../app/client-context';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatBytes, saveBytes } from '../requests/files';

export function EvidenceTable({ evidence }: { evidence: EvidenceInfo[] }) {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<DeskErrorData | null>(null);
  if (evidence.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('outsourceeView.noEvidence')}
      </Text>
    );
  }
  const download = async (file: EvidenceInfo) => {
    setFailure(null);
    setBusy(file.id);
    const result = await client.call('outsourcees.evidence', { evidenceId: file.id });
    setBusy(null);
    if (!result.ok) return setFailure(result.error);
    saveBytes(result.value.fileName, result.value.mimeType, result.value.dataBase64);
  };
  return (
    <>
      <Table.ScrollContainer minWidth={600}>
        <Table fz="sm" verticalSpacing={4} data-testid="record-evidence">
          <Table.Tbody>
            {evidence.map((f) => (
              <Table.Tr key={f.id} data-file={f.fileName}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{t(`outsourcees.evidenceKinds.${f.kind}`)}</Table.Td>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>
                  {f.fileName}
                  <Text size="xs" c="dimmed" ff="monospace" title={f.sha256}>
                    SHA-256 {f.sha256.slice(0, 16)}…
                  </Text>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatBytes(f.bytes, i18n.language)}</Table.Td>
                <Table.Td ta="right">
                  <Button size="compact-sm" variant="default" loading={busy === f.id} leftSection={<IconDownload size={14} aria-hidden />} onClick={() => void download(f)} aria-label={t('outsourceeView.saveNamed', { name: f.fileName })}>
                    {t('outsourceeView.save')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <ErrorAlert error={failure} />
    </>
  );
}
