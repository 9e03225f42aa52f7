// The "file written" notice every export shows: what was written, the file's name, and its folder with a copy button.
import { Alert, Button, CopyButton, Group, Stack, Text } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** Splits at the last slash or backslash: the path comes from the core, on Windows or elsewhere. */
export function splitPath(path: string): { folder: string; name: string } {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return cut < 0 ? { folder: '', name: path } : { folder: path.slice(0, cut), name: path.slice(cut + 1) };
}

export interface ExportWrittenProps {
  /** The absolute path the core wrote (the chosen one, or the exports folder's default). */
  file: string;
  /** What was written, already translated ("1,204 rows written to a CSV file"). */
  title: ReactNode;
  /** Files written beside it (the audit export's CSV, the package's PDF): their names are listed too. */
  companions?: string[];
  onClose: () => void;
  /** The test id of the alert, so each screen keeps its own. */
  testId?: string;
  /** The test id of the file's name; `<testId>-name` by default. */
  nameTestId?: string;
  /** Extra data attributes a screen's tests read (`{ 'data-format': 'pdf' }`). */
  data?: Record<`data-${string}`, string>;
}

/**
 * Shown after any export, so that the officer knows where the file went and can open its folder: the file's name in
 * full (long Japanese folder names wrap), the folder, and a button that copies the folder's path for the file manager.
 *
 * ```tsx
 * {written && <ExportWritten file={written.file} title={t('reports.export.written')} onClose={() => setWritten(null)} testId="report-written" />}
 * ```
 */
export function ExportWritten({ file, title, companions = [], onClose, testId = 'export-written', nameTestId, data = {} }: ExportWrittenProps) {
  const { t } = useTranslation();
  const { folder, name } = splitPath(file);
  return (
    <Alert role="status" color="teal" variant="light" maw={640} icon={<IconCheck aria-hidden />} withCloseButton onClose={onClose} closeButtonLabel={t('desktop.written.close')} data-testid={testId} data-path={file} {...data}>
      <Stack gap={4}>
        <Text size="sm" fw={600}>
          {title}
        </Text>
        <Text size="sm" ff="monospace" data-testid={nameTestId ?? `${testId}-name`} style={{ overflowWrap: 'anywhere' }}>
          {name}
        </Text>
        {companions.map((companion) => (
          <Text key={companion} size="sm" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
            {splitPath(companion).name}
          </Text>
        ))}
        {folder && (
          <Group gap="xs" wrap="nowrap">
            <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              {t('desktop.written.folder', { folder })}
            </Text>
            <CopyButton value={folder}>
              {({ copied, copy }) => (
                <Button size="compact-xs" variant="subtle" onClick={copy} leftSection={copied ? <IconCheck size={14} aria-hidden /> : <IconCopy size={14} aria-hidden />}>
                  {copied ? t('desktop.written.copied') : t('desktop.written.copyFolder')}
                </Button>
              )}
            </CopyButton>
          </Group>
        )}
      </Stack>
    </Alert>
  );
}
