// What to do when the desk's files are damaged: nothing was repaired, set the data folder aside, restore the latest backup.
import { Button, Code, CopyButton, Group, List, Stack, Text, Title } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeskErrorData } from '../../../../src-shared/errors';

/** Shown under every INTEGRITY error: a damaged file is never repaired in place, so the way back is a restore. */
export function RecoverySteps({ error }: { error: DeskErrorData }) {
  const { t } = useTranslation();
  const titleId = useId();
  const folder = typeof error.details?.folder === 'string' ? error.details.folder : null;
  return (
    <Stack component="section" gap="xs" aria-labelledby={titleId} data-testid="recovery-steps">
      <Title order={2} size="h4" id={titleId}>
        {t('damagedData.title')}
      </Title>
      <Text size="sm">{t('damagedData.untouched')}</Text>
      <List type="ordered" size="sm" spacing="xs">
        <List.Item>{t('damagedData.steps.close')}</List.Item>
        <List.Item>
          <Stack gap={4}>
            <span>{t('damagedData.steps.moveAside')}</span>
            {folder && (
              <Group gap="xs" wrap="nowrap" align="center">
                <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                  {t('damagedData.folder')}
                </Text>
                <Code style={{ overflowWrap: 'anywhere' }} data-testid="data-folder">
                  {folder}
                </Code>
                <CopyButton value={folder}>
                  {({ copied, copy }) => (
                    <Button size="compact-xs" variant="subtle" onClick={copy} leftSection={copied ? <IconCheck size={14} aria-hidden /> : <IconCopy size={14} aria-hidden />}>
                      {copied ? t('damagedData.copied') : t('damagedData.copy')}
                    </Button>
                  )}
                </CopyButton>
              </Group>
            )}
          </Stack>
        </List.Item>
        <List.Item>{t('damagedData.steps.restore')}</List.Item>
        <List.Item>{t('damagedData.steps.after')}</List.Item>
      </List>
      <Text size="sm" c="dimmed">
        {t('damagedData.noBackup')}
      </Text>
    </Stack>
  );
}
