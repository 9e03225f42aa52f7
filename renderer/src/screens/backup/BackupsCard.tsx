// 今すぐバックアップ, the result of the last one, and the backups found in the folder (date, size, audit events).
import { Alert, Button, Code, Group, Stack, Table, Text } from '@mantine/core';
import { IconDatabaseExport, IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupFile, BackupSettings } from '../../../../src-shared/api/backup';
import type { DeskErrorData } from '../../../../src-shared/errors';
import { useClient } from '../../app/client-context';
import { formatDateTime } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { QueryError } from '../../components/QueryError';
import { formatBytes, useBackupList, useBackupsChanged } from './queries';
import { Section } from './Section';

const fileName = (path: string) => path.split(/[\\/]/).pop() ?? path;

export function BackupsCard({ settings }: { settings: BackupSettings }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const client = useClient();
  const changed = useBackupsChanged();
  const list = useBackupList();
  const [busy, setBusy] = useState(false);
  const [made, setMade] = useState<BackupFile | null>(null);
  const [failure, setFailure] = useState<DeskErrorData | null>(null);

  const backUp = async () => {
    setFailure(null);
    setMade(null);
    setBusy(true);
    const result = await client.call('backup.create', {});
    setBusy(false);
    if (!result.ok) return setFailure(result.error);
    setMade(result.value);
    changed();
  };

  return (
    <Section id="backup-create" title={t('backup.create.title')} description={t('backup.create.description')}>
      <Group gap="md" align="center">
        <Button leftSection={<IconDatabaseExport size={16} aria-hidden />} loading={busy} onClick={() => void backUp()} data-testid="backup-now">
          {t('backup.create.submit')}
        </Button>
        <Text size="sm" c="dimmed" data-testid="backup-last">
          {settings.last ? t('backup.create.last', { at: formatDateTime(settings.last.createdAt, lang), size: formatBytes(settings.last.bytes, lang) }) : t('backup.create.never')}
        </Text>
      </Group>
      {made && (
        <Alert color="teal" variant="light" role="status" data-testid="backup-made">
          <Text size="sm">{t('backup.create.done', { file: fileName(made.file), size: formatBytes(made.bytes, lang), events: made.events })}</Text>
          <Code fz="xs" mt={4} display="block" style={{ wordBreak: 'break-all' }} data-testid="backup-made-file">
            {made.file}
          </Code>
        </Alert>
      )}
      <ErrorAlert error={failure} />
      <Stack gap="xs">
        <Group justify="space-between" align="center">
          <Text fw={600} size="sm" id="backup-list-title">
            {t('backup.list.title')}
          </Text>
          <Button variant="subtle" size="xs" leftSection={<IconRefresh size={14} aria-hidden />} onClick={() => void list.refetch()} loading={list.isFetching}>
            {t('backup.list.refresh')}
          </Button>
        </Group>
        <Code fz="xs" style={{ wordBreak: 'break-all' }}>
          {list.data?.folder ?? settings.folder}
        </Code>
        <QueryError error={list.error} />
        {list.data && list.data.backups.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('backup.list.empty')}
          </Text>
        )}
        {list.data && list.data.backups.length > 0 && (
          <Table.ScrollContainer minWidth={640}>
            <Table fz="sm" verticalSpacing={4} striped aria-labelledby="backup-list-title" data-testid="backup-list">
              <Table.Caption>{t('backup.list.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('backup.list.createdAt')}</Table.Th>
                  <Table.Th ta="right">{t('backup.list.size')}</Table.Th>
                  <Table.Th ta="right">{t('backup.list.events')}</Table.Th>
                  <Table.Th>{t('backup.list.file')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.backups.map((b) => (
                  <Table.Tr key={b.file}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(b.createdAt, lang, true)}</Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                      {formatBytes(b.bytes, lang)}
                    </Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                      {t('backup.list.eventsCount', { count: b.events })}
                    </Table.Td>
                    <Table.Td>
                      <Text size="xs" ff="monospace" style={{ wordBreak: 'break-all' }}>
                        {fileName(b.file)}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Section>
  );
}
