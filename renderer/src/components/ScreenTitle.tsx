// The title and one-paragraph introduction at the top of every screen of the signed-in desk.
import { Stack, Text, Title } from '@mantine/core';

export function ScreenTitle({ title, intro, maw = 760 }: { title: string; intro: string; maw?: number }) {
  return (
    <Stack gap={4} maw={maw}>
      <Title order={1} size="h2">
        {title}
      </Title>
      <Text size="sm" c="dimmed">
        {intro}
      </Text>
    </Stack>
  );
}
