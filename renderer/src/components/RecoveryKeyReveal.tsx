// The recovery key, shown once: large, printable, with how to keep it and a checkbox before going on.
// No copy button: a key on the clipboard lands in clipboard histories; the shell grants no clipboard permission.
import { Alert, Button, Checkbox, Group, Paper, Stack, Text } from '@mantine/core';
import { IconKey, IconPrinter } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export function RecoveryKeyReveal({ recoveryKey, onContinue, extraWarning }: { recoveryKey: string; onContinue: () => void; extraWarning?: string }) {
  const { t } = useTranslation();
  const [stored, setStored] = useState(false);
  return (
    <Stack gap="md">
      <Alert color="yellow" variant="light" icon={<IconKey aria-hidden />} title={t('recoveryKey.once')}>
        <Stack gap="xs">
          <Text size="sm">{t('recoveryKey.explain')}</Text>
          <Text size="sm">{t('recoveryKey.howToStore')}</Text>
          {extraWarning && (
            <Text size="sm" fw={700}>
              {extraWarning}
            </Text>
          )}
        </Stack>
      </Alert>
      <Paper withBorder radius="md" p="md" bg="gray.0">
        <Text size="xs" c="dimmed" id="recovery-key-label" mb={4}>
          {t('recoveryKey.label')}
        </Text>
        <Text
          aria-labelledby="recovery-key-label"
          data-testid="recovery-key"
          ff="monospace"
          fz={22}
          fw={600}
          lh={1.5}
          style={{ letterSpacing: '0.04em', wordBreak: 'break-word', userSelect: 'all' }}
          translate="no"
        >
          {recoveryKey}
        </Text>
        <Group mt="sm">
          <Button variant="default" size="xs" leftSection={<IconPrinter size={14} aria-hidden />} onClick={() => window.print()}>
            {t('recoveryKey.print')}
          </Button>
        </Group>
      </Paper>
      <Checkbox required checked={stored} onChange={(e) => setStored(e.currentTarget.checked)} label={t('recoveryKey.stored')} />
      <Group justify="flex-end">
        <Button disabled={!stored} onClick={onContinue}>
          {t('common.continue')}
        </Button>
      </Group>
    </Stack>
  );
}
