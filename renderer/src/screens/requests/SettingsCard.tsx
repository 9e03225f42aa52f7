// A titled card of the request settings screen, as the Settings screen draws its sections.
import { Card, Group, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

export function SettingsCard({ id, title, description, children, action }: { id: string; title: string; description: string; children: ReactNode; action?: ReactNode }) {
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby={`${id}-title`}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Title order={2} size="h4" id={`${id}-title`}>
          {title}
        </Title>
        {action}
      </Group>
      <Text size="sm" c="dimmed" mt={4} mb="md">
        {description}
      </Text>
      {children}
    </Card>
  );
}
