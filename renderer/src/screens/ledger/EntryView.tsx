// One ledger entry: what is held and why, where and by whom, its live count, its yearly review with the officer's
import { useBackOnEscape } from '../../app/useBackOnEscape';
// confirmations, and its risk assessment; the officer confirms, approves and retires, the office changes it.
import { Alert, Badge, Button, Card, Center, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconArchive, IconArrowLeft, IconCircleCheck, IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LedgerEntry } from '../../../../src-shared/api/ledger';
import { useSession } from '../../app/session';
import { cellBadge } from '../../components/badge';
import { formatDay } from '../../components/dates';
import { QueryError } from '../../components/QueryError';
import { ConfirmDialog, RetireDialog } from './EntryActions';
import { CountSection, DetailsSection, ReviewSection } from './EntrySections';
import { EntryForm } from './EntryForm';
import { ReviewBadge } from './labels';
import { useLedgerEntry } from './queries';
import { RiskSection } from './RiskSection';

export function EntryView({ id, onBack }: { id: string; onBack: () => void }) {
  useBackOnEscape(onBack);
  const { t } = useTranslation();
  const entry = useLedgerEntry(id);
  const [editing, setEditing] = useState(false);
  const e = entry.data;
  if (e && editing) return <EntryForm existing={e} onSaved={() => setEditing(false)} onCancel={() => setEditing(false)} />;
  return (
    <Stack gap="md" data-testid="ledger-entry" data-number={e?.number} data-overdue={e ? String(e.review.overdue) : undefined}>
      <Group>
        <Button variant="subtle" leftSection={<IconArrowLeft size={16} aria-hidden />} onClick={onBack} px={4}>
          {t('ledgerView.back')}
        </Button>
      </Group>
      <QueryError error={entry.error} />
      {!e && entry.isPending && (
        <Center py="xl">
          <Group gap="sm" role="status">
            <Loader size="sm" aria-hidden />
            <Text size="sm">{t('common.loading')}</Text>
          </Group>
        </Center>
      )}
      {e && <EntryBody entry={e} onEdit={() => setEditing(true)} />}
    </Stack>
  );
}

function EntryBody({ entry, onEdit }: { entry: LedgerEntry; onEdit: () => void }) {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const [dialog, setDialog] = useState<'confirm' | 'retire' | null>(null);
  const active = entry.retiredOn === null;
  const canWrite = session.permissions.includes('ledger.write') && active;
  const canApprove = session.permissions.includes('ledger.approve') && active;
  return (
    <>
      <Card withBorder radius="md" padding="lg" data-testid="ledger-entry-header">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="lg">
          <Stack gap={6} maw={640}>
            <Text size="sm" c="dimmed" ff="monospace">
              {entry.number}
            </Text>
            <Title order={1} size="h2">
              {entry.name}
            </Title>
            <Group gap={6}>
              <Badge {...cellBadge} variant="light" color="indigo">
                {t(`ledger.storage.${entry.storageKind}`)}
              </Badge>
              {entry.disclosable && (
                <Badge {...cellBadge} variant="outline" color="indigo">
                  {t('ledger.badges.disclosable')}
                </Badge>
              )}
              {entry.specialCare && (
                <Badge {...cellBadge} variant="filled" color="grape">
                  {t('ledger.badges.specialCare')}
                </Badge>
              )}
              <ReviewBadge row={entry} />
            </Group>
          </Stack>
          <Group gap="sm">
            {canWrite && (
              <Button variant="default" leftSection={<IconPencil size={16} aria-hidden />} onClick={onEdit}>
                {t('ledgerView.edit')}
              </Button>
            )}
            {canApprove && (
              <Button color="teal" leftSection={<IconCircleCheck size={16} aria-hidden />} onClick={() => setDialog('confirm')}>
                {t('ledgerView.confirm')}
              </Button>
            )}
            {canApprove && (
              <Button variant="default" color="red" leftSection={<IconArchive size={16} aria-hidden />} onClick={() => setDialog('retire')}>
                {t('ledgerView.retire')}
              </Button>
            )}
          </Group>
        </Group>
      </Card>
      {!active && (
        <Alert color="gray" variant="light" icon={<IconArchive aria-hidden />} data-testid="retired-note">
          {t('ledgerView.retiredNote', { day: formatDay(entry.retiredOn, i18n.language), name: entry.retiredByName ?? '—', reason: entry.retiredReason ?? '' })}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <CountSection entry={entry} />
        <ReviewSection entry={entry} />
      </SimpleGrid>
      <RiskSection entry={entry} canWrite={canWrite} canApprove={canApprove} />
      <DetailsSection entry={entry} />
      <ConfirmDialog entry={dialog === 'confirm' ? entry : null} onClose={() => setDialog(null)} />
      <RetireDialog entry={dialog === 'retire' ? entry : null} onClose={() => setDialog(null)} />
    </>
  );
}
