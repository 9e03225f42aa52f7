// A dashboard card and its figures: each figure a button with its words as its accessible name, opening its list.
import { Anchor, Card, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCircleCheck, type Icon } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useNavigate } from '../../app/navigate';

export type Tone = 'alarm' | 'warn' | 'plain';
const colours: Record<Tone, string | undefined> = { alarm: 'red.8', warn: 'orange.9', plain: undefined };

export function FigureLink({ to, tone = 'plain', testId, label, children }: { to: string; tone?: Tone; testId: string; label?: string; children: ReactNode }) {
  const navigate = useNavigate();
  return (
    <Anchor component="button" type="button" ta="left" size="sm" fw={tone === 'plain' ? 500 : 700} c={colours[tone]} onClick={() => navigate(to)} data-testid={testId} aria-label={label}>
      {children}
    </Anchor>
  );
}

export function AllClear({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <Group gap={6} wrap="nowrap" data-testid={testId}>
      <IconCircleCheck size={18} color="var(--mantine-color-teal-7)" aria-hidden />
      <Text size="sm">{children}</Text>
    </Group>
  );
}

export function DashCard({ id, title, icon: IconOf, colour = 'blue', children, testId }: { id: string; title: string; icon: Icon; colour?: string; children: ReactNode; testId: string }) {
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby={`${id}-title`} data-testid={testId}>
      <Stack gap="sm">
        <Group gap="xs" wrap="nowrap">
          <ThemeIcon variant="light" color={colour} size="md" radius="md">
            <IconOf size={18} aria-hidden />
          </ThemeIcon>
          <Title order={3} size="h5" id={`${id}-title`}>
            {title}
          </Title>
        </Group>
        {children}
      </Stack>
    </Card>
  );
}
