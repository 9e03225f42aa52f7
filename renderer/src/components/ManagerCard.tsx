// The manager-in-charge of personal information as every notice will carry them.
import { Card, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ManagerInCharge } from '../../../src-shared/domain';

export function ManagerCard({ manager, loading }: { manager?: ManagerInCharge; loading?: boolean }) {
  const { t } = useTranslation();
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="manager-card-title">
      <Title order={2} size="h4" id="manager-card-title" mb="xs">
        {t('home.managerTitle')}
      </Title>
      {loading || !manager ? (
        <Stack gap={6}>
          <Skeleton height={14} width="60%" />
          <Skeleton height={14} width="40%" />
          <Skeleton height={14} width="70%" />
        </Stack>
      ) : (
        // translate="no": the person's own words (their title may read like a label), not the desk's to translate.
        <Stack gap={2} data-testid="manager-card" translate="no">
          <Text fw={600}>{manager.name}</Text>
          <Text size="sm" c="dimmed">
            {manager.title}
          </Text>
          <Text size="sm">{manager.email}</Text>
          <Text size="sm">{manager.phone}</Text>
        </Stack>
      )}
      <Text size="xs" c="dimmed" mt="sm">
        {t('home.managerNote')}
      </Text>
    </Card>
  );
}
