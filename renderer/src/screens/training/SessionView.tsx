// One session: when and what, who taught it, the material to download, and who attended with their test results.
import { Badge, Button, Card, Center, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconDownload, IconFileText, IconPencil } from '@tabler/icons-react';
import { createColumnHelper, tableFeatures, useTable } from '@tanstack/react-table';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttendanceResult, TrainingAttendee, TrainingSessionDetail } from '../../../../src-shared/api/training';
import type { DeskErrorData } from '../../../../src-shared/errors';
import { useClient } from '../../app/client-context';
import { useSession } from '../../app/session';
import { cellBadge } from '../../components/badge';
import { DataTable } from '../../components/DataTable';
import { formatDateTime, formatDay } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { QueryError } from '../../components/QueryError';
import { fileSize } from './material-file';
import { useTrainingSession } from './queries';
import { useBackOnEscape } from '../../app/useBackOnEscape';

const features = tableFeatures({});
const helper = createColumnHelper<typeof features, TrainingAttendee>();
const resultColor: Record<AttendanceResult, string> = { attended: 'teal', passed: 'teal', failed: 'red', notTaken: 'gray' };

export function SessionView({ id, onBack, onEdit }: { id: string; onBack: () => void; onEdit: () => void }) {
  useBackOnEscape(onBack);
  const { t } = useTranslation();
  const session = useSession();
  const detail = useTrainingSession(id);
  const canManage = session.permissions.includes('training.manage');
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Button variant="subtle" leftSection={<IconArrowLeft size={16} aria-hidden />} onClick={onBack} px={0}>
          {t('training.view.back')}
        </Button>
        {canManage && detail.data && (
          <Button variant="light" leftSection={<IconPencil size={16} aria-hidden />} onClick={onEdit}>
            {t('training.view.edit')}
          </Button>
        )}
      </Group>
      <QueryError error={detail.error} />
      {detail.data ? (
        <SessionDetail detail={detail.data} />
      ) : (
        !detail.error && (
          <Center py="xl">
            <Loader aria-label={t('common.loading')} />
          </Center>
        )
      )}
    </Stack>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </Stack>
  );
}

function SessionDetail({ detail }: { detail: TrainingSessionDetail }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const columns = useMemo(
    () =>
      helper.columns([
        helper.accessor('name', {
          header: () => t('training.view.columns.person'),
          cell: ({ row }) => (
            <Text size="sm" fw={600}>
              {row.original.name}
            </Text>
          ),
        }),
        helper.accessor('department', {
          header: () => t('training.view.columns.department'),
          cell: ({ row }) => (
            <Text size="sm">{[row.original.department, row.original.role ? t(`roles.${row.original.role}`) : t('training.employees.noAccount')].filter(Boolean).join(' · ')}</Text>
          ),
        }),
        ...(detail.passMark !== null
          ? [
              helper.accessor('score', {
                header: () => t('training.view.columns.score'),
                cell: ({ getValue }) => <Text size="sm">{getValue() === null ? '—' : t('training.view.points', { score: getValue() })}</Text>,
              }),
            ]
          : []),
        helper.accessor('result', {
          header: () => t('training.view.columns.result'),
          cell: ({ getValue }) => (
            <Badge {...cellBadge} size="sm" variant="light" color={resultColor[getValue()]} data-result={getValue()}>
              {t(`training.result.${getValue()}`)}
            </Badge>
          ),
        }),
      ]),
    [t, detail.passMark],
  );
  const table = useTable({ features, columns, data: detail.attendees, getRowId: (row) => row.key });

  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Text size="sm" c="dimmed" ff="monospace">
          {detail.number}
        </Text>
        <Title order={1} size="h2">
          {detail.topic}
        </Title>
      </Stack>
      <Card withBorder radius="md" padding="lg">
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="lg">
          <Fact label={t('training.view.heldOn')}>{formatDay(detail.heldOn, lang)}</Fact>
          <Fact label={t('training.view.trainer')}>{detail.trainer}</Fact>
          <Fact label={t('training.view.test')}>{detail.passMark === null ? t('training.sessions.noTest') : t('training.view.testWith', { mark: detail.passMark, passed: detail.passedCount, count: detail.attendeeCount })}</Fact>
          <Fact label={t('training.view.recorded')}>
            {t('training.view.recordedBy', { at: formatDateTime(detail.recordedAt, lang), name: detail.recordedByName ?? '—' })}
            {detail.updatedAt !== detail.recordedAt && (
              <Text size="xs" c="dimmed">
                {t('training.view.updatedBy', { at: formatDateTime(detail.updatedAt, lang), name: detail.updatedByName ?? '—' })}
              </Text>
            )}
          </Fact>
        </SimpleGrid>
        {detail.notes && (
          <Stack gap={2} mt="md">
            <Text size="xs" c="dimmed">
              {t('training.view.notes')}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {detail.notes}
            </Text>
          </Stack>
        )}
      </Card>
      <MaterialCard detail={detail} />
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t('training.view.attendees', { count: detail.attendeeCount })}
        </Title>
        <Card withBorder radius="md" padding={0}>
          <DataTable table={table} caption={t('training.view.attendees', { count: detail.attendeeCount })} testId="attendees-table" empty="—" rowProps={(a) => ({ 'data-person': a.name, 'data-result': a.result })} />
        </Card>
      </Stack>
    </Stack>
  );
}

/** The material, fetched when asked for and handed to the browser as a download: the window embeds no documents. */
function MaterialCard({ detail }: { detail: TrainingSessionDetail }) {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<DeskErrorData | null>(null);
  const material = detail.material;

  const download = async () => {
    setFailure(null);
    setBusy(true);
    const result = await client.call('training.material', { id: detail.id });
    setBusy(false);
    if (!result.ok) return setFailure(result.error);
    const bytes = Uint8Array.from(atob(result.value.dataBase64), (c) => c.charCodeAt(0));
    const url = URL.createObjectURL(new Blob([bytes], { type: result.value.mimeType }));
    const link = document.createElement('a');
    link.href = url;
    link.download = result.value.fileName;
    document.body.append(link);
    link.click();
    link.remove();
    // The browser has taken the file by the next turn; the bytes need not wait in memory.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  };

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="material-title">
      <Stack gap="xs">
        <Title order={2} size="h4" id="material-title">
          {t('training.view.material')}
        </Title>
        {material ? (
          <Group justify="space-between" wrap="wrap" gap="sm">
            <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
              <IconFileText size={20} aria-hidden style={{ flexShrink: 0 }} />
              <Stack gap={0} style={{ minWidth: 0 }}>
                <Text size="sm" fw={600} truncate="end">
                  {material.fileName}
                </Text>
                <Text size="xs" c="dimmed">
                  {fileSize(material.bytes, i18n.language)}
                </Text>
              </Stack>
            </Group>
            <Button leftSection={<IconDownload size={16} aria-hidden />} loading={busy} onClick={() => void download()} data-testid="material-download">
              {t('training.view.download')}
            </Button>
          </Group>
        ) : (
          <Text size="sm" c="dimmed">
            {t('training.view.noMaterial')}
          </Text>
        )}
        {material && (
          <Text size="xs" c="dimmed">
            {t('training.view.downloadNote')}
          </Text>
        )}
        <ErrorAlert error={failure} />
      </Stack>
    </Card>
  );
}
