// A temporary password for someone else: the field, a "generate" button that makes a strong passphrase and shows it, and the live hints.
import { Button, Group, Stack, Tooltip } from '@mantine/core';
import { IconWand } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { generatePassphrase } from './passphrase';
import { PasswordField } from './PasswordField';
import { PasswordHints } from './PasswordHints';

export function TemporaryPasswordField({ value, onChange, error, loginId, related, id }: {
  value: string;
  onChange: (value: string) => void;
  error?: ReactNode;
  loginId: string;
  related: string[];
  id: string;
}) {
  const { t } = useTranslation();
  const [visible, setVisible] = useState(false);
  return (
    <Stack gap="xs">
      <Group align="flex-end" gap="xs" wrap="nowrap">
        <PasswordField
          required
          style={{ flex: 1 }}
          label={t('accounts.form.temporaryPassword')}
          description={t('accounts.form.temporaryPasswordHint')}
          autoComplete="new-password"
          aria-describedby={`${id}-hints`}
          visible={visible}
          onVisibilityChange={setVisible}
          value={value}
          onChange={(e) => onChange(e.currentTarget.value)}
          error={error}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
        />
        <Tooltip label={t('accounts.form.generateHint')} withArrow>
          <Button
            variant="default"
            leftSection={<IconWand size={16} aria-hidden />}
            onClick={() => {
              onChange(generatePassphrase());
              // Generated to be handed over: shown at once, so the officer can read it out or write it down.
              setVisible(true);
            }}
          >
            {t('accounts.form.generate')}
          </Button>
        </Tooltip>
      </Group>
      <PasswordHints id={`${id}-hints`} password={value} loginId={loginId} related={related} />
    </Stack>
  );
}
