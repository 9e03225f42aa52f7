// The hash chain's state (valid with its head, or broken at an event), and the signing key's fingerprint and the installation id to compare.
import { Alert, Card, Code, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconAlertOctagon, IconShieldCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../components/QueryError';
import { useAuditStatus } from './queries';

export function ChainStatusPanel() {
  const { t } = useTranslation();
  const status = useAuditStatus();
  if (status.error) return <QueryError error={status.error} />;
  if (!status.data) {
    return (
      <Alert color="gray" variant="light" role="status">
        {t('audit.chain.checking')}
      </Alert>
    );
  }
  const { chain, fingerprint, installationId } = status.data;
  return (
    <Stack gap="md">
      {chain.valid ? (
        <Alert color="teal" variant="light" icon={<IconShieldCheck aria-hidden />} data-testid="chain-status" data-valid="true">
          {t('audit.chain.valid', { events: chain.events, head: chain.head.slice(0, 16) })}
        </Alert>
      ) : (
        <Alert color="red" variant="filled" icon={<IconAlertOctagon aria-hidden />} data-testid="chain-status" data-valid="false" role="alert">
          {t('audit.chain.broken', { at: chain.brokenAt, reason: t(`audit.chain.reason.${chain.reason}`) })}
        </Alert>
      )}
      <Card withBorder radius="md" padding="md" component="section" aria-labelledby="audit-key-title">
        <Title order={2} size="h5" id="audit-key-title" mb="xs">
          {t('audit.key.title')}
        </Title>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
          <Stack gap={2}>
            <Text size="xs" c="dimmed">
              {t('audit.key.fingerprint')}
            </Text>
            <Code data-testid="audit-fingerprint" style={{ wordBreak: 'break-all' }}>
              {fingerprint}
            </Code>
          </Stack>
          <Stack gap={2}>
            <Text size="xs" c="dimmed">
              {t('audit.key.installationId')}
            </Text>
            <Code data-testid="audit-installation-id" style={{ wordBreak: 'break-all' }}>
              {installationId}
            </Code>
          </Stack>
        </SimpleGrid>
        <Text size="xs" c="dimmed" mt="xs">
          {t('audit.key.compare')}
        </Text>
      </Card>
    </Stack>
  );
}
