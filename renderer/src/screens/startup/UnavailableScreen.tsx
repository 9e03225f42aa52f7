// The desk cannot open (damaged or missing keyring or database, or no core): what happened, and what to do next.
import { Alert, Button, Group } from '@mantine/core';
import { IconAlertOctagon } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { DeskErrorData } from '../../../../src-shared/errors';
import { ErrorText } from '../../app/errors';
import { useSessionActions } from '../../app/session';
import { PublicLayout } from '../../components/PublicLayout';
import { RecoverySteps } from './RecoverySteps';

export function UnavailableScreen({ error }: { error: DeskErrorData }) {
  const { t } = useTranslation();
  const { start } = useSessionActions();
  const title = error.code === 'INTEGRITY' ? t('errors.integrityTitle') : t('startup.failedTitle');
  return (
    <PublicLayout title={t('startup.failedTitle')} width={620}>
      <Alert role="alert" color="red" variant="light" icon={<IconAlertOctagon aria-hidden />} title={title}>
        <ErrorText error={error} />
      </Alert>
      {error.code === 'INTEGRITY' && <RecoverySteps error={error} />}
      <Group justify="flex-end">
        <Button variant="default" onClick={() => void start()}>
          {t('common.retry')}
        </Button>
      </Group>
    </PublicLayout>
  );
}
