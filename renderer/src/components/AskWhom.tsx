// Whom a refused staff member should ask (a missing statement, a missing training): the person the refusal names.
import { List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DeskErrorData } from '../../../src-shared/errors';

/** Whom to ask, from a refusal's details: the manager-in-charge, whose contact every notice carries anyway. */
export function AskWhom({ error, intro, testId }: { error: DeskErrorData; intro: string; testId: string }) {
  const { t } = useTranslation();
  const detail = (key: string) => (typeof error.details?.[key] === 'string' && error.details[key] !== '' ? (error.details[key] as string) : null);
  const name = detail('askName');
  const email = detail('askEmail');
  const phone = detail('askPhone');
  if (!name) return <Text size="sm">{t('statementRequired.askUnknown')}</Text>;
  return (
    <Stack gap={4}>
      <Text size="sm">{intro}</Text>
      <List size="sm" spacing={2} listStyleType="none" data-testid={testId}>
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
  );
}
