// The recovery key as it is typed in: shown in monospace (so 0/O and 1/I can be told apart), never spell-checked or remembered.
import { TextInput, type TextInputProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function RecoveryKeyField(props: TextInputProps) {
  const { t } = useTranslation();
  return <TextInput required label={t('fields.recoveryKey')} description={t('fields.recoveryKeyHint')} autoComplete="off" spellCheck={false} ff="monospace" {...props} />;
}
