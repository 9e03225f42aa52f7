// 取引先 (the partner register, policy §2.1, APPI Art. 25, 28): who the company receives data from and provides data
// to, outsourcees included; the officer adds, changes and ends partners, never deletes one a record refers to.
import { Alert, Button, Card, EmptyState, Group, Select, Stack, Switch, Text } from '@mantine/core';
import { IconBuildingStore, IconInfoCircle, IconPlus } from '@tabler/icons-react';
import { useCallback, useState } from 'react';
import { useRouteParams } from '../../app/navigate';
import { useTranslation } from 'react-i18next';
import { partnerRoles, type Partner, type PartnerRole } from '../../../../src-shared/registers';
import { useSession } from '../../app/session';
import { QueryError } from '../../components/QueryError';
import { ScreenTitle } from '../../components/ScreenTitle';
import { EndPartnerDialog } from './EndPartnerDialog';
import { PartnerFormDialog, type PartnerDialog } from './PartnerFormDialog';
import { PartnerTable } from './PartnerTable';
import { usePartners } from './queries';

export function PartnersScreen() {
  const { t } = useTranslation();
  const session = useSession();
  const [includeEnded, setIncludeEnded] = useState(false);
  // Opened from another register (`partners?role=outsourcee`), the list shows that role at first.
  const asked = useRouteParams().get('role');
  const [role, setRole] = useState<PartnerRole | null>(partnerRoles.find((r) => r === asked) ?? null);
  const [dialog, setDialog] = useState<PartnerDialog | null>(null);
  const [ending, setEnding] = useState<Partner | null>(null);
  const list = usePartners(includeEnded, role ?? undefined);
  const canManage = session.permissions.includes('partners.manage');
  const onEdit = useCallback((partner: Partner) => setDialog({ kind: 'edit', partner }), []);
  const rows = list.data?.rows ?? [];
  const nothingYet = list.data !== undefined && rows.length === 0 && !includeEnded && role === null;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <ScreenTitle title={t('partners.title')} intro={t('partners.intro')} />
        {canManage && (
          <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setDialog({ kind: 'create' })}>
            {t('partners.add')}
          </Button>
        )}
      </Group>
      <Group align="flex-end" gap="md">
        <Select
          label={t('partners.filters.role')}
          value={role ?? 'all'}
          onChange={(v) => setRole(v && v !== 'all' ? (v as PartnerRole) : null)}
          allowDeselect={false}
          data={[{ value: 'all', label: t('partners.filters.allRoles') }, ...partnerRoles.map((r) => ({ value: r, label: t(`partners.roles.${r}`) }))]}
          w={240}
        />
        <Switch label={t('partners.filters.includeEnded')} checked={includeEnded} onChange={(e) => setIncludeEnded(e.currentTarget.checked)} mb={8} />
      </Group>
      <Alert color="gray" variant="light" icon={<IconInfoCircle aria-hidden />} py="xs" data-testid="never-deleted-note">
        <Text size="sm">{t('partners.neverDeleted')}</Text>
      </Alert>
      <QueryError error={list.error} />
      <Text size="sm" fw={600} data-testid="partner-count" aria-live="polite">
        {list.data ? t('partners.count', { count: rows.length }) : '\u00a0'}
      </Text>
      {nothingYet ? (
        <Card withBorder radius="md" padding="xl">
          <EmptyState
            icon={<IconBuildingStore size={28} aria-hidden />}
            variant="light"
            title={t('partners.emptyTitle')}
            description={canManage ? t('partners.emptyNext') : t('partners.emptyNextReadOnly')}
            data-testid="partners-empty"
          >
            {canManage && (
              <EmptyState.Actions>
                <Button variant="light" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setDialog({ kind: 'create' })}>
                  {t('partners.add')}
                </Button>
              </EmptyState.Actions>
            )}
          </EmptyState>
        </Card>
      ) : (
        <Card withBorder radius="md" padding={0}>
          <PartnerTable rows={rows} canManage={canManage} onEdit={onEdit} onEnd={setEnding} empty={list.isPending ? t('common.loading') : t('partners.emptyFiltered')} />
        </Card>
      )}
      <PartnerFormDialog dialog={dialog} onClose={() => setDialog(null)} />
      <EndPartnerDialog partner={ending} onClose={() => setEnding(null)} />
    </Stack>
  );
}
