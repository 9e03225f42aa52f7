// Accounts (officer): every account with its role, status, last sign-in, lock and statement; create, edit, disable, re-enable, reset, unlock.
import { ActionIcon, Badge, Button, Card, Group, Menu, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDots, IconKey, IconLockOpen, IconPencil, IconPlayerPlay, IconUserOff, IconUserPlus } from '@tabler/icons-react';
import { createColumnHelper, tableFeatures, useTable } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountRow } from '../../../../src-shared/domain';
import { useClient } from '../../app/client-context';
import { ErrorText } from '../../app/errors';
import { useSession } from '../../app/session';
import { DataTable } from '../../components/DataTable';
import { formatDateTime, formatTime } from '../../components/dates';
import { QueryError } from '../../components/QueryError';
import { StatementBadge } from '../../components/StatementBadge';
import { Translated } from '../../components/Translated';
import { AccountActionDialog, type ActionDialog } from './AccountActionDialogs';
import { AccountFormDialog, type AccountDialog } from './AccountFormDialog';
import { useAccountChanged, useAccounts } from './queries';
import { cellBadge } from '../../components/badge';
import { ScreenTitle } from '../../components/ScreenTitle';

const features = tableFeatures({});
const helper = createColumnHelper<typeof features, AccountRow>();
const noRows: AccountRow[] = [];

export function AccountsScreen() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const accounts = useAccounts();
  const [formDialog, setFormDialog] = useState<AccountDialog | null>(null);
  const [actionDialog, setActionDialog] = useState<ActionDialog | null>(null);
  const unlock = useUnlock();
  const lang = i18n.language;

  const columns = useMemo(
    () =>
      helper.columns([
        helper.accessor('displayName', {
          header: () => t('accounts.columns.displayName'),
          cell: ({ row }) => (
            <Stack gap={2}>
              <Group gap={6} wrap="nowrap">
                <Text size="sm" fw={600}>
                  {row.original.displayName}
                </Text>
                {row.original.id === session.accountId && (
                  <Badge {...cellBadge} size="xs" variant="outline">
                    {t('accounts.you')}
                  </Badge>
                )}
              </Group>
              {row.original.mustChangePassword && row.original.status === 'active' && (
                <Text size="xs" c="dimmed">
                  {t('accounts.mustChange')}
                </Text>
              )}
            </Stack>
          ),
        }),
        helper.accessor('loginId', {
          header: () => t('accounts.columns.loginId'),
          cell: ({ getValue }) => (
            <Text size="sm" ff="monospace">
              {getValue()}
            </Text>
          ),
        }),
        helper.accessor('role', { header: () => t('accounts.columns.role'), cell: ({ getValue }) => t(`roles.${getValue()}`) }),
        helper.accessor('department', { header: () => t('accounts.columns.department'), cell: ({ getValue }) => getValue() ?? '' }),
        helper.accessor('status', {
          header: () => t('accounts.columns.status'),
          cell: ({ getValue }) => (
            <Badge {...cellBadge} color={getValue() === 'active' ? 'teal' : 'gray'} variant={getValue() === 'active' ? 'light' : 'filled'}>
              {t(`accounts.status.${getValue()}`)}
            </Badge>
          ),
        }),
        helper.accessor('lastSignInAt', {
          header: () => t('accounts.columns.lastSignIn'),
          cell: ({ getValue }) => (
            <Text size="sm" style={{ whiteSpace: 'nowrap' }} c={getValue() ? undefined : 'dimmed'}>
              {getValue() ? formatDateTime(getValue(), lang) : t('accounts.never')}
            </Text>
          ),
        }),
        helper.accessor('lockedUntil', {
          header: () => t('accounts.columns.lock'),
          cell: ({ getValue }) =>
            getValue() ? (
              <Badge {...cellBadge} color="orange" variant="light" leftSection={<IconKey size={12} aria-hidden />}>
                {t('accounts.lockedUntil', { time: formatTime(getValue(), lang) })}
              </Badge>
            ) : (
              <Text size="sm" c="dimmed">
                {t('accounts.notLocked')}
              </Text>
            ),
        }),
        helper.accessor('statement', {
          header: () => t('accounts.columns.statement'),
          cell: ({ getValue }) => <StatementBadge state={getValue().state} renewalOn={getValue().renewalOn} />,
        }),
        helper.display({
          id: 'actions',
          header: () => <span className="visually-hidden">{t('accounts.columns.actions')}</span>,
          cell: ({ row }) => {
            const a = row.original;
            const self = a.id === session.accountId;
            return (
              <Menu position="bottom-end" withinPortal>
                <Menu.Target>
                  <ActionIcon variant="subtle" color="gray" aria-label={t('accounts.actions.menu', { name: a.displayName })}>
                    <IconDots size={18} aria-hidden />
                  </ActionIcon>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Item leftSection={<IconPencil size={16} aria-hidden />} onClick={() => setFormDialog({ kind: 'edit', account: a })}>
                    {t('accounts.actions.edit')}
                  </Menu.Item>
                  {a.status === 'active' && !self && (
                    <Menu.Item leftSection={<IconKey size={16} aria-hidden />} onClick={() => setActionDialog({ kind: 'reset', account: a })}>
                      {t('accounts.actions.resetPassword')}
                    </Menu.Item>
                  )}
                  {a.lockedUntil && (
                    <Menu.Item leftSection={<IconLockOpen size={16} aria-hidden />} onClick={() => void unlock(a)}>
                      {t('accounts.actions.unlock')}
                    </Menu.Item>
                  )}
                  {a.status === 'active' && !self && (
                    <Menu.Item color="red" leftSection={<IconUserOff size={16} aria-hidden />} onClick={() => setActionDialog({ kind: 'disable', account: a })}>
                      {t('accounts.actions.disable')}
                    </Menu.Item>
                  )}
                  {a.status === 'disabled' && (
                    <Menu.Item leftSection={<IconPlayerPlay size={16} aria-hidden />} onClick={() => setActionDialog({ kind: 'enable', account: a })}>
                      {t('accounts.actions.enable')}
                    </Menu.Item>
                  )}
                </Menu.Dropdown>
              </Menu>
            );
          },
        }),
      ]),
    [t, lang, session.accountId, unlock],
  );

  const table = useTable({ features, columns, data: accounts.data?.rows ?? noRows, getRowId: (row) => row.id });

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start">
        <ScreenTitle title={t('accounts.title')} intro={t('accounts.intro')} />
        <Button leftSection={<IconUserPlus size={18} aria-hidden />} onClick={() => setFormDialog({ kind: 'create' })}>
          {t('accounts.create')}
        </Button>
      </Group>
      <QueryError error={accounts.error} />
      <Card withBorder radius="md" padding={0}>
        <DataTable
          table={table}
          caption={t('accounts.title')}
          empty={accounts.isPending ? t('common.loading') : ''}
          testId="accounts-table"
          rowProps={(a) => ({ 'data-login-id': a.loginId, 'data-status': a.status })}
        />
      </Card>
      {accounts.data && (
        <Text size="xs" c="dimmed">
          {t('accounts.count', { count: accounts.data.rows.length })}
        </Text>
      )}
      <AccountFormDialog dialog={formDialog} onClose={() => setFormDialog(null)} />
      <AccountActionDialog dialog={actionDialog} onClose={() => setActionDialog(null)} />
    </Stack>
  );
}

function useUnlock() {
  const client = useClient();
  const changed = useAccountChanged();
  return useMemo(
    () => async (account: AccountRow) => {
      const result = await client.call('accounts.unlock', { id: account.id });
      if (!result.ok) return void notifications.show({ color: 'red', message: <ErrorText error={result.error} /> });
      changed(result.value);
      notifications.show({ color: 'teal', message: <Translated k="accounts.done.unlocked" values={{ name: account.displayName }} /> });
    },
    [client, changed],
  );
}
