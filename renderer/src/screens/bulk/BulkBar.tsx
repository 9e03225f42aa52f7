// The bar over a list once rows are ticked: how many, what can be done to them, and untick all.
import { Button, Group, Paper, Text } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { bulkLimit } from '../../../../src-shared/api/bulk';
import { useSelectedCount, type Selection } from './selection';

/** Always drawn (empty, it says how to select), so the list does not jump when the first row is ticked. */
export function BulkBar({ selection, children }: { selection: Selection; children: ReactNode }) {
  const { t } = useTranslation();
  const count = useSelectedCount(selection);
  return (
    <Paper withBorder radius="md" px="md" py="xs" bg={count > 0 ? 'var(--mantine-primary-color-light)' : undefined} role="region" aria-label={t('bulk.bar.label')} data-testid="bulk-bar">
      <Group justify="space-between" gap="sm" wrap="wrap">
        <Text size="sm" fw={count > 0 ? 700 : 400} c={count > 0 ? undefined : 'dimmed'} aria-live="polite" data-testid="bulk-count" data-count={count}>
          {count > 0 ? t('bulk.bar.selected', { count }) : t('bulk.bar.none', { max: bulkLimit })}
          {count >= bulkLimit && ` ${t('bulk.bar.atLimit', { max: bulkLimit })}`}
        </Text>
        {count > 0 && (
          <Group gap="xs" wrap="wrap">
            {children}
            <Button variant="subtle" size="compact-sm" leftSection={<IconX size={14} aria-hidden />} onClick={() => selection.clear()} data-testid="bulk-clear">
              {t('bulk.bar.clear')}
            </Button>
          </Group>
        )}
      </Group>
    </Paper>
  );
}
