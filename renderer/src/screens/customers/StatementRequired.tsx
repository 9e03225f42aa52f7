// What a staff member without a current confidentiality statement (or, where the officer requires it, a training in
// the last 12 months) sees in the customers area: why, and whom to ask.
import { Alert, Card, Stack, Title } from '@mantine/core';
import { IconFileAlert } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { DeskErrorData } from '../../../../src-shared/errors';
import { DeskCallError } from '../../app/client';
import { AskWhom } from '../../components/AskWhom';
import { TrainingRequired } from '../training/TrainingRequired';

/**
 * The core's refusal of a customers call to someone without a statement on file (APPI Art. 24, policy §4.1), or
 * without the training the officer's setting requires: the same gate, the same place on screen.
 */
export function statementRequired(error: unknown): DeskErrorData | null {
  const data = error instanceof DeskCallError ? error.error : (error as DeskErrorData | null);
  return data && data.code === 'FORBIDDEN' && (data.message === 'statements.required' || data.message === 'training.required') ? data : null;
}

export function StatementRequired({ error }: { error: DeskErrorData }) {
  if (error.message === 'training.required') return <TrainingRequired error={error} />;
  return <StatementMissing error={error} />;
}

function StatementMissing({ error }: { error: DeskErrorData }) {
  const { t } = useTranslation();
  return (
    <Card withBorder radius="md" padding="xl" maw={760} data-testid="statement-required" component="section" aria-labelledby="statement-required-title">
      <Stack gap="md">
        <Title order={1} size="h2" id="statement-required-title">
          {t('statementRequired.title')}
        </Title>
        <Alert color="orange" variant="light" icon={<IconFileAlert aria-hidden />} role="alert">
          {t('statementRequired.explain')}
        </Alert>
        <AskWhom error={error} intro={t('statementRequired.ask')} testId="statement-ask" />
      </Stack>
    </Card>
  );
}
