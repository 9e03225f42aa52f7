// A form's or screen's error, announced to screen readers and translated at render (so it follows the language switch).
import { Alert } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeskErrorData } from '../../../src-shared/errors';
import { ErrorText } from '../app/errors';

export function ErrorAlert({ error, title }: { error: DeskErrorData | null | undefined; title?: ReactNode }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Alert role="alert" color="red" variant="light" icon={<IconAlertCircle aria-hidden />} title={title ?? t('common.errorTitle')} data-error={error.message}>
      <ErrorText error={error} />
    </Alert>
  );
}
