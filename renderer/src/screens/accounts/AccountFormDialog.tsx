// Creating an account (name, login id, role, department, temporary password) and editing one (name, role, department).
import { Button, Group, Modal, Radio, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { displayName, loginId } from '../../../../src-shared/api/fields';
import type { AccountRow } from '../../../../src-shared/domain';
import type { DeskErrorData } from '../../../../src-shared/errors';
import { roles, type Role } from '../../../../src-shared/roles';
import { useClient } from '../../app/client-context';
import { ErrorText, showErrorOnForm } from '../../app/errors';
import { fromSchema, newPasswordError } from '../../app/validate';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TemporaryPasswordField } from '../../components/TemporaryPasswordField';
import { Translated } from '../../components/Translated';
import { HandoverPanel } from './HandoverPanel';
import { useAccountChanged } from './queries';

export type AccountDialog = { kind: 'create' } | { kind: 'edit'; account: AccountRow };

export function AccountFormDialog({ dialog, onClose }: { dialog: AccountDialog | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={dialog !== null}
      onClose={onClose}
      size="xl"
      closeOnClickOutside={false}
      title={dialog?.kind === 'edit' ? t('accounts.form.editTitle') : t('accounts.form.createTitle')}
    >
      {dialog?.kind === 'create' && <CreateForm onClose={onClose} />}
      {dialog?.kind === 'edit' && <EditForm account={dialog.account} onClose={onClose} />}
    </Modal>
  );
}

function RoleField({ value, onChange, error }: { value: Role; onChange: (role: Role) => void; error?: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <Radio.Group label={t('accounts.form.role')} required value={value} onChange={(v) => onChange(v as Role)} error={error}>
      <Stack gap={6} mt={6}>
        {roles.map((role) => (
          <Radio key={role} value={role} label={t(`roles.${role}`)} description={t(`accounts.form.roleHint.${role}`)} />
        ))}
      </Stack>
    </Radio.Group>
  );
}

function CreateForm({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const client = useClient();
  const changed = useAccountChanged();
  const [failure, setFailure] = useState<DeskErrorData | null>(null);
  const [handover, setHandover] = useState<{ displayName: string; loginId: string; password: string } | null>(null);
  const form = useForm({
    initialValues: { displayName: '', loginId: '', role: 'staff' as Role, department: '', temporaryPassword: '' },
    validate: {
      displayName: fromSchema(displayName),
      loginId: fromSchema(loginId),
      temporaryPassword: (v, values) => newPasswordError(v, values.loginId),
    },
  });

  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    const result = await client.call('accounts.create', {
      displayName: values.displayName,
      loginId: values.loginId,
      role: values.role,
      department: values.department.trim() || undefined,
      temporaryPassword: values.temporaryPassword,
    });
    if (!result.ok) {
      if (result.error.message === 'accounts.loginIdTaken') return form.setFieldError('loginId', <ErrorText error={result.error} />);
      return setFailure(showErrorOnForm(form, result.error, { 'password.rule': 'temporaryPassword' }));
    }
    changed(result.value);
    notifications.show({ color: 'teal', message: <Translated k="accounts.done.created" values={{ name: result.value.displayName }} /> });
    setHandover({ displayName: result.value.displayName, loginId: result.value.loginId, password: values.temporaryPassword });
    form.reset();
  });

  if (handover) return <HandoverPanel {...handover} onDone={onClose} />;
  return (
    <form onSubmit={submit} noValidate aria-label={t('accounts.form.createTitle')}>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput required data-autofocus label={t('fields.displayName')} description={t('fields.displayNameHint')} autoComplete="off" {...form.getInputProps('displayName')} />
          <TextInput required label={t('fields.loginId')} description={t('fields.loginIdHint')} autoComplete="off" spellCheck={false} {...form.getInputProps('loginId')} />
        </SimpleGrid>
        <TextInput label={t('accounts.form.department')} description={t('accounts.form.departmentHint')} autoComplete="off" {...form.getInputProps('department')} />
        <RoleField value={form.values.role} onChange={(role) => form.setFieldValue('role', role)} />
        <TemporaryPasswordField
          id="create-account-password"
          value={form.values.temporaryPassword}
          onChange={(v) => form.setFieldValue('temporaryPassword', v)}
          error={form.errors.temporaryPassword}
          loginId={form.values.loginId}
          related={[form.values.displayName]}
        />
        <ErrorAlert error={failure} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={form.submitting}>
            {t('accounts.form.submitCreate')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function EditForm({ account, onClose }: { account: AccountRow; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useClient();
  const changed = useAccountChanged();
  const [failure, setFailure] = useState<DeskErrorData | null>(null);
  const form = useForm({
    initialValues: { displayName: account.displayName, role: account.role, department: account.department ?? '' },
    validate: { displayName: fromSchema(displayName) },
  });

  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    const result = await client.call('accounts.update', {
      id: account.id,
      displayName: values.displayName,
      role: values.role,
      department: values.department.trim(),
    });
    if (!result.ok) return setFailure(showErrorOnForm(form, result.error));
    changed(result.value);
    notifications.show({ color: 'teal', message: <Translated k="accounts.done.updated" values={{ name: result.value.displayName }} /> });
    onClose();
  });

  return (
    <form onSubmit={submit} noValidate aria-label={t('accounts.form.editTitle')}>
      <Stack gap="md">
        <TextInput label={t('fields.loginId')} value={account.loginId} readOnly variant="filled" />
        <TextInput required data-autofocus label={t('fields.displayName')} description={t('fields.displayNameHint')} autoComplete="off" {...form.getInputProps('displayName')} />
        <RoleField value={form.values.role} onChange={(role) => form.setFieldValue('role', role)} />
        <TextInput label={t('accounts.form.department')} description={t('accounts.form.departmentHint')} autoComplete="off" {...form.getInputProps('department')} />
        <ErrorAlert error={failure} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={form.submitting}>
            {t('accounts.form.submitSave')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
