// Statements (officer): what is due, the list (with renewed ones as history), record, renew, view a scan; the text and blank forms.
import { Badge, Button, Card, Group, Stack, Switch, Tabs, Text, Title } from '@mantine/core';
import { IconEye, IconFilePlus, IconRefresh } from '@tabler/icons-react';
import { createColumnHelper, tableFeatures, useTable } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StatementRow } from '../../../../src-shared/domain';
import { DataTable } from '../../components/DataTable';
import { formatDay } from '../../components/dates';
import { QueryError } from '../../components/QueryError';
import { statementColor } from '../../components/StatementBadge';
import { DuePanel } from './DuePanel';
import { useStatements } from './queries';
import { ScanViewer } from './ScanViewer';
import { StatementDialog, type StatementDialogState } from './StatementDialog';
import { TemplateSection } from './TemplateSection';
import { cellBadge } from '../../components/badge';
import { ScreenTitle } from '../../components/ScreenTitle';

const features = tableFeatures({});
const helper = createColumnHelper<typeof features, StatementRow>();
const noRows: StatementRow[] = [];

export function StatementsScreen() {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<StatementDialogState | null>(null);
  const [viewing, setViewing] = useState<StatementRow | null>(null);
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start">
        <ScreenTitle title={t('statements.title')} intro={t('statements.intro')} />
        <Button leftSection={<IconFilePlus size={18} aria-hidden />} onClick={() => setDialog({ kind: 'record' })}>
          {t('statements.record')}
        </Button>
      </Group>
      <Tabs defaultValue="statements" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="statements">{t('statements.list.title')}</Tabs.Tab>
          <Tabs.Tab value="template">{t('statements.template.title')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="statements">
          <Stack gap="lg">
            <DuePanel onRenew={(statement) => setDialog({ kind: 'renew', statement })} onRecord={(accountId) => setDialog({ kind: 'record', accountId })} />
            <StatementList onRenew={(statement) => setDialog({ kind: 'renew', statement })} onView={setViewing} />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="template">
          <Stack gap="lg">
            <TemplateSection />
          </Stack>
        </Tabs.Panel>
      </Tabs>
      <StatementDialog dialog={dialog} onClose={() => setDialog(null)} />
      <ScanViewer statement={viewing} onClose={() => setViewing(null)} />
    </Stack>
  );
}

function StatementList({ onRenew, onView }: { onRenew: (s: StatementRow) => void; onView: (s: StatementRow) => void }) {
  const { t, i18n } = useTranslation();
  const [includeSuperseded, setIncludeSuperseded] = useState(false);
  const statements = useStatements(includeSuperseded);
  const lang = i18n.language;

  const columns = useMemo(
    () =>
      helper.columns([
        helper.accessor('personName', {
          header: () => t('statements.columns.person'),
          cell: ({ row }) => (
            <Stack gap={0}>
              <Text size="sm" fw={600}>
                {row.original.personName}
              </Text>
              {!row.original.accountId && (
                <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                  {t('statements.noAccount')}
                </Text>
              )}
            </Stack>
          ),
        }),
        helper.accessor('department', { header: () => t('statements.columns.department'), cell: ({ getValue }) => getValue() ?? '' }),
        helper.accessor('templateVersion', { header: () => t('statements.columns.templateVersion'), cell: ({ getValue }) => <Text size="sm" style={{ whiteSpace: 'nowrap' }}>{t('statements.version', { version: getValue() })}</Text> }),
        helper.accessor('signedOn', { header: () => t('statements.columns.signedOn'), cell: ({ getValue }) => <Text size="sm" style={{ whiteSpace: 'nowrap' }}>{formatDay(getValue(), lang)}</Text> }),
        helper.accessor('trainingOn', { header: () => t('statements.columns.trainingOn'), cell: ({ getValue }) => <Text size="sm" style={{ whiteSpace: 'nowrap' }}>{formatDay(getValue(), lang)}</Text> }),
        helper.accessor('renewalOn', {
          header: () => t('statements.columns.renewalOn'),
          cell: ({ row, getValue }) => (
            <Text size="sm" c={row.original.state === 'overdue' ? 'red.8' : undefined} fw={row.original.state === 'overdue' ? 600 : undefined}>
              {formatDay(getValue(), lang)}
            </Text>
          ),
        }),
        helper.accessor('state', {
          header: () => t('statements.columns.state'),
          cell: ({ getValue }) => (
            <Badge {...cellBadge} color={statementColor[getValue()]} variant={getValue() === 'overdue' ? 'filled' : 'light'}>
              {t(`statements.state.${getValue()}`)}
            </Badge>
          ),
        }),
        helper.display({
          id: 'actions',
          header: () => <span className="visually-hidden">{t('statements.columns.actions')}</span>,
          cell: ({ row }) => (
            <Group gap={6} wrap="nowrap" justify="flex-end">
              <Button size="compact-sm" variant="default" leftSection={<IconEye size={14} aria-hidden />} onClick={() => onView(row.original)}>
                {t('statements.actions.viewScan')}
              </Button>
              {row.original.state !== 'superseded' && (
                <Button size="compact-sm" variant="light" leftSection={<IconRefresh size={14} aria-hidden />} onClick={() => onRenew(row.original)}>
                  {t('statements.actions.renew')}
                </Button>
              )}
            </Group>
          ),
        }),
      ]),
    [t, lang, onRenew, onView],
  );
  // With the history shown, each person's statements stand together, the current one first, then older ones.
  const rows = useMemo(() => {
    const data = statements.data?.rows ?? noRows;
    if (!includeSuperseded) return data;
    const first = new Map<string, number>();
    data.forEach((r, i) => first.has(personKey(r)) || first.set(personKey(r), i));
    return data.slice().sort((a, b) => first.get(personKey(a))! - first.get(personKey(b))! || b.signedOn.localeCompare(a.signedOn));
  }, [statements.data, includeSuperseded]);
  const table = useTable({ features, columns, data: rows, getRowId: (row) => row.id });

  return (
    <Card withBorder radius="md" padding={0} component="section" aria-labelledby="statement-list-title">
      <Group justify="space-between" p="md" pb="xs">
        <Title order={2} size="h4" id="statement-list-title">
          {t('statements.list.title')}
        </Title>
        <Switch
          label={t('statements.list.includeSuperseded')}
          checked={includeSuperseded}
          onChange={(e) => setIncludeSuperseded(e.currentTarget.checked)}
        />
      </Group>
      <QueryError error={statements.error} />
      <DataTable
        table={table}
        caption={t('statements.list.title')}
        testId="statements-table"
        empty={statements.isPending ? t('common.loading') : t('statements.list.empty')}
        rowProps={(s) => ({ 'data-state': s.state, 'data-person': s.personName, style: s.state === 'superseded' ? { opacity: 0.7 } : undefined })}
      />
    </Card>
  );
}

function personKey(s: StatementRow): string {
  return s.accountId ?? `person:${s.personName}:${s.department ?? ''}`;
}
