// The frame of the screens shown without a session (setup, sign-in, recovery, lock): the desk's name, the language switch, one card.
import { Box, Container, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconShieldLock } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './LanguageSwitch';

export function PublicLayout({ title, width = 460, children }: { title: string; width?: number; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Box mih="100vh" bg="gray.0" py="xl">
      <Container size={width} px="md">
        <Group justify="space-between" align="center" mb="lg" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <IconShieldLock size={28} aria-hidden color="var(--mantine-color-indigo-7)" />
            <Text fw={700} size="lg">
              {t('app.title')}
            </Text>
          </Group>
          <LanguageSwitch />
        </Group>
        <Paper component="main" withBorder shadow="sm" radius="md" p="xl">
          <Stack gap="md">
            <Title order={1} size="h2">
              {title}
            </Title>
            {children}
          </Stack>
        </Paper>
      </Container>
    </Box>
  );
}
