// Settings (officer): idle lock, the manager-in-charge, the installation id and the recovery key.
import { Card, Code, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSettings } from '../../app/queries';
import { useSession } from '../../app/session';
import { QueryError } from '../../components/QueryError';
import { IdleLockForm } from './IdleLockForm';
import { ManagerForm } from './ManagerForm';
import { RegenerateRecoveryKey } from './RegenerateRecoveryKey';

export function SettingsScreen() {
  const { t } = useTranslation();
  const session = useSession();
  const settings = useSettings();
  return (
    <Stack gap="lg" maw={820}>
      <Title order={1} size="h2">
        {t('settings.title')}
      </Title>
      <QueryError error={settings.error} />
      {settings.data && (
        <>
          <Section id="idle-lock" title={t('settings.idleLock.title')} description={t('settings.idleLock.description')}>
            <IdleLockForm minutes={settings.data.idleLockMinutes} />
          </Section>
          <Section id="manager" title={t('settings.manager.title')} description={t('setup.managerExplain')}>
            <ManagerForm manager={settings.data.manager} />
          </Section>
          <Section id="installation" title={t('settings.installation.title')} description={t('settings.installation.description')}>
            <Code fz="sm" data-testid="installation-id" style={{ wordBreak: 'break-all' }}>
              {settings.data.installationId}
            </Code>
          </Section>
          <Section id="signing-key" title={t('settingsSigningKey.title')} description={t('settingsSigningKey.description')}>
            <Code fz="sm" data-testid="signing-key-fingerprint" style={{ wordBreak: 'break-all' }}>
              {settings.data.signingKeyFingerprint}
            </Code>
          </Section>
        </>
      )}
      {session.permissions.includes('recovery.manage') && (
        <Section id="recovery" title={t('settings.recovery.title')} description={t('settings.recovery.description')}>
          <RegenerateRecoveryKey />
        </Section>
      )}
    </Stack>
  );
}

function Section({ id, title, description, children }: { id: string; title: string; description: string; children: ReactNode }) {
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby={`${id}-title`}>
      <Title order={2} size="h4" id={`${id}-title`}>
        {title}
      </Title>
      <Text size="sm" c="dimmed" mt={4} mb="md">
        {description}
      </Text>
      {children}
    </Card>
  );
}
