// The temporary password, shown once after it was set, to hand to the person; closing forgets it.
import { Alert, Button, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { IconKey } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

export function HandoverPanel({ displayName, loginId, password, onDone }: { displayName: string; loginId: string; password: string; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md" data-testid="handover">
      <Alert color="yellow" variant="light" icon={<IconKey aria-hidden />} title={t('accounts.handover.title')}>
        <Stack gap={4}>
          <Text size="sm">{t('accounts.handover.explain')}</Text>
          <Text size="sm">{t('accounts.handover.firstSignIn')}</Text>
        </Stack>
      </Alert>
      <Paper withBorder radius="md" p="md" bg="gray.0">
        <Table variant="vertical" withRowBorders={false} layout="fixed">
          <Table.Tbody>
            <Table.Tr>
              <Table.Th w={160}>{t('accounts.handover.person')}</Table.Th>
              <Table.Td>{displayName}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('accounts.handover.loginId')}</Table.Th>
              <Table.Td ff="monospace" fz="lg" data-testid="handover-login-id">
                {loginId}
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('accounts.handover.password')}</Table.Th>
              <Table.Td ff="monospace" fz="lg" fw={600} data-testid="handover-password" style={{ wordBreak: 'break-all', userSelect: 'all' }} translate="no">
                {password}
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </Paper>
      <Group justify="flex-end">
        <Button onClick={onDone}>{t('accounts.handover.done')}</Button>
      </Group>
    </Stack>
  );
}
