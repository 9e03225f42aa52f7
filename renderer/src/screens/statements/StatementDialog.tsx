// Recording a statement (for an account, or a person without one) and renewing one: text version, dates, and the signed scan.
import { Button, FileInput, Group, Modal, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconFileUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StatementRow } from '../../../../src-shared/domain';
import type { DeskErrorData } from '../../../../src-shared/errors';
import { useClient } from '../../app/client-context';
import { ErrorText, FieldMessage, showErrorOnForm } from '../../app/errors';
import { requiredError } from '../../app/validate';
import { addYears, formatDay, today } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Translated } from '../../components/Translated';
import { useAccounts } from '../accounts/queries';
import { templateMade, useStatementsChanged, useTemplates } from './queries';
import { readScan, scanProblem } from './scan-file';

export type StatementDialogState = { kind: 'record'; accountId?: string } | { kind: 'renew'; statement: StatementRow };

export function StatementDialog({ dialog, onClose }: { dialog: StatementDialogState | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={dialog !== null}
      onClose={onClose}
      size="lg"
      closeOnClickOutside={false}
      title={dialog?.kind === 'renew' ? t('statements.form.renewTitle') : t('statements.form.recordTitle')}
    >
      {dialog && <StatementForm dialog={dialog} onClose={onClose} />}
    </Modal>
  );
}

/** Which field a refusal of the core belongs to. */
const fieldOfError: Record<string, string> = {
  'statement.signedInFuture': 'signedOn',
  'statement.renewalOlder': 'signedOn',
  'statement.trainingInFuture': 'trainingOn',
  'statement.renewalBeforeSigning': 'renewalOn',
  'scan.type': 'scan',
  'scan.empty': 'scan',
  'scan.tooLarge': 'scan',
  'scan.unreadable': 'scan',
  'scan.activeContent': 'scan',
  'scan.pdfLocked': 'scan',
  'scan.tooManyPixels': 'scan',
  'scan.nameUnsafe': 'scan',
  'statement.exists': 'accountId',
};

function StatementForm({ dialog, onClose }: { dialog: StatementDialogState; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const changed = useStatementsChanged();
  const templates = useTemplates();
  const recording = dialog.kind === 'record';
  const accounts = useAccounts();
  const [failure, setFailure] = useState<DeskErrorData | null>(null);
  const [renewalTouched, setRenewalTouched] = useState(false);
  const latest = templates.data?.rows.reduce((a, b) => (b.version > a.version ? b : a), templates.data.rows[0]!);
  const day = today();

  const form = useForm({
    initialValues: {
      whose: 'account' as 'account' | 'person',
      accountId: dialog.kind === 'record' ? (dialog.accountId ?? null) : null,
      personName: '',
      department: '',
      templateVersion: null as string | null,
      signedOn: day,
      trainingOn: day,
      renewalOn: addYears(day, 1),
      scan: null as File | null,
    },
    validate: {
      accountId: (v, values) => (recording && values.whose === 'account' && !v ? <FieldMessage message="required" /> : null),
      personName: (v, values) => (recording && values.whose === 'person' ? requiredError(v) : null),
      signedOn: (v) => (v ? null : <FieldMessage message="date.format" />),
      trainingOn: (v) => (v ? null : <FieldMessage message="date.format" />),
      renewalOn: (v) => (v ? null : <FieldMessage message="date.format" />),
      scan: (file) => {
        const problem = scanProblem(file);
        return problem ? <FieldMessage message={problem} /> : null;
      },
    },
  });

  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    const version = Number(values.templateVersion ?? latest?.version);
    let scan;
    try {
      scan = await readScan(values.scan!);
    } catch {
      return form.setFieldError('scan', <ErrorText error={{ code: 'VALIDATION', message: 'scan.unreadable' }} />);
    }
    const signing = { templateVersion: version, signedOn: values.signedOn, trainingOn: values.trainingOn, renewalOn: values.renewalOn, scan };
    const result =
      dialog.kind === 'renew'
        ? await client.call('statements.renew', { id: dialog.statement.id, ...signing })
        : await client.call(
            'statements.record',
            values.whose === 'account'
              ? { accountId: values.accountId!, ...signing }
              : { personName: values.personName, department: values.department.trim() || undefined, ...signing },
          );
    if (!result.ok) {
      const field = fieldOfError[result.error.message];
      if (field) return form.setFieldError(field, <ErrorText error={result.error} />);
      return setFailure(showErrorOnForm(form, result.error, { 'scan.dataBase64': 'scan', 'scan.mimeType': 'scan', 'scan.fileName': 'scan' }));
    }
    changed();
    notifications.show({
      color: 'teal',
      message: <Translated k={dialog.kind === 'renew' ? 'statements.done.renewed' : 'statements.done.recorded'} values={{ name: result.value.personName }} />,
    });
    onClose();
  });

  const accountOptions = (accounts.data?.rows ?? [])
    .filter((a) => a.status === 'active')
    .map((a) => ({ value: a.id, label: `${a.displayName} (${a.loginId})` }));
  const templateOptions = (templates.data?.rows ?? [])
    .slice()
    .sort((a, b) => b.version - a.version)
    .map((tpl) => ({ value: String(tpl.version), label: t('statements.form.templateOption', { version: tpl.version, date: templateMade(tpl.createdAt, (d) => formatDay(d.slice(0, 10), i18n.language), t('statements.template.builtIn')) }) }));

  return (
    <form onSubmit={submit} noValidate aria-label={recording ? t('statements.form.recordTitle') : t('statements.form.renewTitle')}>
      <Stack gap="md">
        {dialog.kind === 'renew' ? (
          <Text size="sm">{t('statements.form.renewFor', { name: dialog.statement.personName })}</Text>
        ) : (
          <>
            <Stack gap={4}>
              <Text size="sm" fw={500} id="statement-whose-label">
                {t('statements.form.whose')}
              </Text>
              <SegmentedControl
                aria-labelledby="statement-whose-label"
                value={form.values.whose}
                onChange={(v) => form.setFieldValue('whose', v as 'account' | 'person')}
                data={[
                  { value: 'account', label: t('statements.form.whoseAccount') },
                  { value: 'person', label: t('statements.form.whosePerson') },
                ]}
              />
            </Stack>
            {form.values.whose === 'account' ? (
              <Select
                required
                searchable
                label={t('statements.form.account')}
                placeholder={t('statements.form.accountPlaceholder')}
                data={accountOptions}
                comboboxProps={{ withinPortal: true }}
                {...form.getInputProps('accountId')}
              />
            ) : (
              <SimpleGrid cols={2}>
                <TextInput required label={t('statements.form.personName')} autoComplete="off" {...form.getInputProps('personName')} />
                <TextInput label={t('statements.form.department')} autoComplete="off" {...form.getInputProps('department')} />
              </SimpleGrid>
            )}
          </>
        )}
        <Select
          required
          label={t('statements.form.templateVersion')}
          data={templateOptions}
          value={form.values.templateVersion ?? (latest ? String(latest.version) : null)}
          onChange={(v) => form.setFieldValue('templateVersion', v)}
          allowDeselect={false}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            required
            type="date"
            max={day}
            label={t('statements.form.signedOn')}
            {...form.getInputProps('signedOn')}
            onChange={(e) => {
              const value = e.currentTarget.value;
              form.setFieldValue('signedOn', value);
              // The renewal follows the signing date (one year later) until the officer sets it.
              if (!renewalTouched && value) form.setFieldValue('renewalOn', addYears(value, 1));
            }}
          />
          <TextInput required type="date" max={day} label={t('statements.form.trainingOn')} {...form.getInputProps('trainingOn')} />
          <TextInput
            required
            type="date"
            label={t('statements.form.renewalOn')}
            {...form.getInputProps('renewalOn')}
            onChange={(e) => {
              setRenewalTouched(true);
              form.setFieldValue('renewalOn', e.currentTarget.value);
            }}
          />
        </SimpleGrid>
        <Text size="xs" c="dimmed" mt={-8}>
          {t('statements.form.datesHint')}
        </Text>
        <FileInput
          required
          clearable
          accept="application/pdf,image/png,image/jpeg"
          label={t('statements.form.scan')}
          description={t('statements.form.scanHint')}
          placeholder={t('statements.form.scanPlaceholder')}
          leftSection={<IconFileUpload size={16} aria-hidden />}
          {...form.getInputProps('scan')}
        />
        <ErrorAlert error={failure} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={form.submitting}>
            {recording ? t('statements.form.submitRecord') : t('statements.form.submitRenew')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
