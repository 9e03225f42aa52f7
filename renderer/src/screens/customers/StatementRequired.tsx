// What a staff member without a current confidentiality statement sees in the customers area: why, and whom to ask.
import { Alert, Card, List, Stack, Text, Title } from '@mantine/core';
import { IconFileAlert } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { DeskErrorData } from '../../../../src-shared/errors';
import { DeskCallError } from '../../app/client';

/** The core's refusal of a customers call to someone without a statement on file (APPI Art. 24, policy §4.1). */
export function statementRequired(error: unknown): DeskErrorData | null {
  const data = error instanceof DeskCallError ? error.error : (error as DeskErrorData | null);
  return data && data.code === 'FORBIDDEN' && data.message === 'statements.required' ? data : null;
}

export function StatementRequired({ error }: { error: DeskErrorData }) {
  const { t } = useTranslation();
  const detail = (key: string) => (typeof error.details?.[key] === 'string' && error.details[key] !== '' ? (error.details[key] as string) : null);
  const name = detail('askName');
  const email = detail('askEmail');
  const phone = detail('askPhone');
  return (
    <Card withBorder radius="md" padding="xl" maw={760} data-testid="statement-required" component="section" aria-labelledby="statement-required-title">
      <Stack gap="md">
        <Title order={1} size="h2" id="statement-required-title">
          {t('statementRequired.title')}
        </Title>
        <Alert color="orange" variant="light" icon={<IconFileAlert aria-hidden />} role="alert">
          {t('statementRequired.explain')}
        </Alert>
        {name ? (
          <Stack gap={4}>
            <Text size="sm">{t('statementRequired.ask')}</Text>
            <List size="sm" spacing={2} listStyleType="none" data-testid="statement-ask">
              <List.Item>
                <Text span size="sm" c="dimmed" mr="xs">{t('statementRequired.askName')}</Text>
                <Text span fw={600}>{name}</Text>
              </List.Item>
              {email && (
                <List.Item>
                  <Text span size="sm" c="dimmed" mr="xs">{t('statementRequired.askEmail')}</Text>
                  {email}
                </List.Item>
              )}
              {phone && (
                <List.Item>
                  <Text span size="sm" c="dimmed" mr="xs">{t('statementRequired.askPhone')}</Text>
                  {phone}
                </List.Item>
              )}
            </List>
          </Stack>
        ) : (
          <Text size="sm">{t('statementRequired.askUnknown')}</Text>
        )}
      </Stack>
    </Card>
  );
}
