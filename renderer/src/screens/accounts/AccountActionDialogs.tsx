// The dialogs of one account's actions: a new temporary password (reset, re-enable) and the confirmation before disabling.
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountRow } from '../../../../src-shared/domain';
import type { DeskErrorData } from '../../../../src-shared/errors';
import { useClient } from '../../app/client-context';
import { showErrorOnForm } from '../../app/errors';
import { newPasswordError } from '../../app/validate';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TemporaryPasswordField } from '../../components/TemporaryPasswordField';
import { Translated } from '../../components/Translated';
import { HandoverPanel } from './HandoverPanel';
import { useAccountChanged } from './queries';

export type ActionDialog = { kind: 'reset' | 'enable' | 'disable'; account: AccountRow };

export function AccountActionDialog({ dialog, onClose }: { dialog: ActionDialog | null; onClose: () => void }) {
  const { t } = useTranslation();
  const title = dialog ? t(`accounts.${dialog.kind}.title`) : '';
  return (
    <Modal opened={dialog !== null} onClose={onClose} title={title} size={dialog?.kind === 'disable' ? 'md' : 'lg'} closeOnClickOutside={false}>
      {dialog && dialog.kind === 'disable' && <DisableConfirm account={dialog.account} onClose={onClose} />}
      {dialog && dialog.kind !== 'disable' && <TemporaryPasswordForm kind={dialog.kind} account={dialog.account} onClose={onClose} />}
    </Modal>
  );
}

function DisableConfirm({ account, onClose }: { account: AccountRow; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useClient();
  const changed = useAccountChanged();
  const [failure, setFailure] = useState<DeskErrorData | null>(null);
  const [busy, setBusy] = useState(false);
  const disable = async () => {
    setBusy(true);
    setFailure(null);
    const result = await client.call('accounts.disable', { id: account.id });
    setBusy(false);
    if (!result.ok) return setFailure(result.error);
    changed(result.value);
    notifications.show({ color: 'teal', message: <Translated k="accounts.done.disabled" values={{ name: account.displayName }} /> });
    onClose();
  };
  return (
    <Stack gap="md">
      <Text size="sm">{t('accounts.disable.body', { name: account.displayName, loginId: account.loginId })}</Text>
      <Text size="sm" c="dimmed">
        {t('accounts.disable.later')}
      </Text>
      <ErrorAlert error={failure} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose} data-autofocus>
          {t('common.cancel')}
        </Button>
        <Button color="red" loading={busy} onClick={() => void disable()}>
          {t('accounts.disable.confirm')}
        </Button>
      </Group>
    </Stack>
  );
}

function TemporaryPasswordForm({ kind, account, onClose }: { kind: 'reset' | 'enable'; account: AccountRow; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useClient();
  const changed = useAccountChanged();
  const [failure, setFailure] = useState<DeskErrorData | null>(null);
  const [handedOver, setHandedOver] = useState<string | null>(null);
  const form = useForm({
    initialValues: { temporaryPassword: '' },
    validate: { temporaryPassword: (v) => newPasswordError(v, account.loginId) },
  });

  const submit = form.onSubmit(async ({ temporaryPassword }) => {
    setFailure(null);
    const result = await client.call(kind === 'reset' ? 'accounts.resetPassword' : 'accounts.enable', { id: account.id, temporaryPassword });
    if (!result.ok) return setFailure(showErrorOnForm(form, result.error, { 'password.rule': 'temporaryPassword' }));
    changed(result.value);
    notifications.show({ color: 'teal', message: <Translated k={kind === 'reset' ? 'accounts.done.reset' : 'accounts.done.enabled'} values={{ name: account.displayName }} /> });
    setHandedOver(temporaryPassword);
    form.reset();
  });

  if (handedOver) return <HandoverPanel displayName={account.displayName} loginId={account.loginId} password={handedOver} onDone={onClose} />;
  return (
    <form onSubmit={submit} noValidate aria-label={t(`accounts.${kind}.title`)}>
      <Stack gap="md">
        <Text size="sm">{t(`accounts.${kind}.body`, { name: account.displayName, loginId: account.loginId })}</Text>
        <TemporaryPasswordField
          id={`${kind}-password`}
          value={form.values.temporaryPassword}
          onChange={(v) => form.setFieldValue('temporaryPassword', v)}
          error={form.errors.temporaryPassword}
          loginId={account.loginId}
          related={[account.displayName]}
        />
        <ErrorAlert error={failure} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={form.submitting}>
            {t(`accounts.${kind}.submit`)}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
