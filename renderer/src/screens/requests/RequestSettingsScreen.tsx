// 請求の設定 (officer): the due date's business days, how long ID copies are kept, where notices go and the SMTP server; the company's systems.
import { Button, Group, NumberInput, PasswordInput, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { emailAddress } from '../../../../src-shared/api/customer-input';
import type { DeskErrorData } from '../../../../src-shared/errors';
import type { RequestSettings } from '../../../../src-shared/requests';
import { useClient } from '../../app/client-context';
import { FieldMessage } from '../../app/errors';
import { showCustomerError } from '../customers/form-errors';
import { fromSchema, requiredError } from '../../app/validate';
import { ErrorAlert } from '../../components/ErrorAlert';
import { QueryError } from '../../components/QueryError';
import { ScreenTitle } from '../../components/ScreenTitle';
import { Translated } from '../../components/Translated';
import { requestKeys, useRequestSettings } from './queries';
import { SettingsCard } from './SettingsCard';
import { SystemsSection } from './SystemsSection';

export function RequestSettingsScreen() {
  const { t } = useTranslation();
  const settings = useRequestSettings();
  return (
    <Stack gap="lg" maw={980}>
      <ScreenTitle title={t('requestSettings.title')} intro={t('requestSettings.intro')} />
      <QueryError error={settings.error} />
      {settings.data && <SettingsForm key={JSON.stringify(settings.data)} settings={settings.data} />}
      <SystemsSection />
    </Stack>
  );
}

interface Values {
  dueBusinessDays: number | string;
  idCopyRetentionDays: number | string;
  outboxDir: string;
  smtpOn: boolean;
  host: string;
  port: number | string;
  secure: boolean;
  user: string;
  password: string;
  from: string;
}

function SettingsForm({ settings }: { settings: RequestSettings }) {
  const { t } = useTranslation();
  const client = useClient();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<DeskErrorData | null>(null);
  const smtp = settings.smtp;
  const smtpOnly = (check: (v: string) => ReactNode) => (v: string, values: Values) => (values.smtpOn ? check(v) : null);
  const form = useForm<Values>({
    initialValues: {
      dueBusinessDays: settings.dueBusinessDays,
      idCopyRetentionDays: settings.idCopyRetentionDays,
      outboxDir: settings.outboxDir,
      smtpOn: smtp !== null,
      host: smtp?.host ?? '',
      port: smtp?.port ?? 587,
      secure: smtp?.secure ?? false,
      user: smtp?.user ?? '',
      password: '',
      from: smtp?.from ?? '',
    },
    validate: {
      dueBusinessDays: (v) => (Number.isInteger(Number(v)) && Number(v) >= 1 && Number(v) <= 60 ? null : <FieldMessage message="dueDays.range" />),
      idCopyRetentionDays: (v) => (Number.isInteger(Number(v)) && Number(v) >= 0 && Number(v) <= 365 ? null : <FieldMessage message="retentionDays.range" />),
      host: smtpOnly(requiredError),
      from: smtpOnly(fromSchema(emailAddress)),
    },
  });

  const submit = form.onSubmit(async (v) => {
    setFailure(null);
    const result = await client.call('requestSettings.update', {
      dueBusinessDays: Number(v.dueBusinessDays),
      idCopyRetentionDays: Number(v.idCopyRetentionDays),
      outboxDir: v.outboxDir.trim() === '' ? undefined : v.outboxDir.trim(),
      smtp: v.smtpOn
        ? {
            host: v.host.trim(),
            port: Number(v.port),
            secure: v.secure,
            user: v.user.trim() === '' ? undefined : v.user.trim(),
            // Write-only: left empty, the stored password stays.
            password: v.password === '' ? undefined : v.password,
            from: v.from.trim(),
          }
        : null,
    });
    if (!result.ok) return setFailure(showCustomerError(form, result.error, (path) => (path.startsWith('smtp.') ? path.slice('smtp.'.length) : path in v ? path : null)));
    queryClient.setQueryData(requestKeys.settings, result.value);
    notifications.show({ color: 'teal', message: <Translated k="requestSettings.saved" /> });
  });

  return (
    <form onSubmit={submit} noValidate aria-label={t('requestSettings.title')}>
      <Stack gap="lg">
        <SettingsCard id="request-due" title={t('requestSettings.due.title')} description={t('requestSettings.due.description')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" maw={640}>
            <NumberInput required label={t('requestSettings.due.days')} description={t('requestSettings.due.daysHint')} min={1} max={60} allowDecimal={false} allowNegative={false} clampBehavior="none" {...form.getInputProps('dueBusinessDays')} />
            <NumberInput required label={t('requestSettings.due.retention')} description={t('requestSettings.due.retentionHint')} min={0} max={365} allowDecimal={false} allowNegative={false} clampBehavior="none" {...form.getInputProps('idCopyRetentionDays')} />
          </SimpleGrid>
        </SettingsCard>
        <SettingsCard id="request-mail" title={t('requestSettings.mail.title')} description={t('requestSettings.mail.description')}>
          <Stack gap="md">
            <TextInput label={t('requestSettings.mail.outbox')} description={t('requestSettings.mail.outboxHint')} styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }} {...form.getInputProps('outboxDir')} />
            <Switch label={t('requestSettings.mail.smtpOn')} description={t('requestSettings.mail.smtpOnHint')} {...form.getInputProps('smtpOn', { type: 'checkbox' })} data-testid="smtp-on" />
            {form.values.smtpOn && (
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <TextInput required label={t('requestSettings.mail.host')} placeholder="smtp.example.co.jp" {...form.getInputProps('host')} />
                <NumberInput required label={t('requestSettings.mail.port')} min={1} max={65535} allowDecimal={false} allowNegative={false} {...form.getInputProps('port')} />
                <TextInput label={t('customerForm.optionalLabel', { label: t('requestSettings.mail.user') })} autoComplete="off" {...form.getInputProps('user')} />
                <PasswordInput
                  label={t('customerForm.optionalLabel', { label: t('requestSettings.mail.password') })}
                  description={smtp?.hasPassword ? t('requestSettings.mail.passwordKept') : t('requestSettings.mail.passwordNone')}
                  autoComplete="new-password"
                  {...form.getInputProps('password')}
                />
                <TextInput required type="email" label={t('requestSettings.mail.from')} placeholder="privacy@example.co.jp" {...form.getInputProps('from')} />
                <Switch mt="lg" label={t('requestSettings.mail.secure')} description={t('requestSettings.mail.secureHint')} {...form.getInputProps('secure', { type: 'checkbox' })} />
              </SimpleGrid>
            )}
          </Stack>
        </SettingsCard>
        <ErrorAlert error={failure} />
        <Group>
          <Button type="submit" loading={form.submitting}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
