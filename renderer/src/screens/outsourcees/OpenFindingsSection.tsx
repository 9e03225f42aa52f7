// The findings still to be followed up, from every standing check of the outsourcee, with their due days; the officer
// records each follow-up here.
import { Badge, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FindingDetail, OutsourceeDetail } from '../../../../src-shared/api/outsourcees';
import { useSession } from '../../app/session';
import { cellBadge } from '../../components/badge';
import { formatDay } from '../../components/dates';
import { FollowUpDialog } from './FollowUpDialog';

export function OpenFindingsSection({ detail }: { detail: OutsourceeDetail }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const session = useSession();
  const [following, setFollowing] = useState<FindingDetail | null>(null);
  const canFollowUp = session.permissions.includes('outsourcees.evaluate');
  const open = detail.evaluations.flatMap((e) => e.findings).filter((f) => f.doneOn === null && !f.superseded).sort((a, b) => a.dueOn.localeCompare(b.dueOn));
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="open-findings-title" data-testid="open-findings-section">
      <Title order={2} size="h4" id="open-findings-title" mb="sm">
        {t('outsourceeView.openFindings')}
      </Title>
      {open.length === 0 ? (
        <Group gap={6}>
          <IconCircleCheck size={18} aria-hidden color="var(--mantine-color-teal-7)" />
          <Text size="sm" c="dimmed" data-testid="no-open-findings">
            {t('outsourceeView.noOpenFindings')}
          </Text>
        </Group>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table fz="sm" verticalSpacing="xs" data-testid="open-findings">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('outsourceeView.findings.finding')}</Table.Th>
                <Table.Th>{t('outsourceeView.findings.action')}</Table.Th>
                <Table.Th>{t('outsourceeView.findings.owner')}</Table.Th>
                <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('outsourceeView.findings.dueOn')}</Table.Th>
                {canFollowUp && <Table.Th />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {open.map((f) => (
                <Table.Tr key={f.id} data-finding={f.finding} data-overdue={String(f.overdue)}>
                  <Table.Td style={{ verticalAlign: 'top', overflowWrap: 'anywhere' }}>
                    {f.finding}
                    <Text size="xs" c="dimmed" ff="monospace">
                      {f.evaluationNumber}
                    </Text>
                  </Table.Td>
                  <Table.Td style={{ verticalAlign: 'top', overflowWrap: 'anywhere' }}>{f.action}</Table.Td>
                  <Table.Td style={{ verticalAlign: 'top' }}>{f.owner}</Table.Td>
                  <Table.Td style={{ verticalAlign: 'top', whiteSpace: 'nowrap' }}>
                    <Stack gap={2} align="flex-start">
                      {formatDay(f.dueOn, lang)}
                      {f.overdue && (
                        <Badge {...cellBadge} size="xs" color="red" variant="filled">
                          {t('outsourceeView.findings.overdue')}
                        </Badge>
                      )}
                    </Stack>
                  </Table.Td>
                  {canFollowUp && (
                    <Table.Td style={{ verticalAlign: 'top' }} ta="right">
                      <Button size="compact-sm" variant="light" onClick={() => setFollowing(f)} aria-label={t('outsourceeView.findings.followUpNamed', { number: f.evaluationNumber })}>
                        {t('outsourceeView.findings.followUp')}
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <FollowUpDialog finding={following} evaluatedOn={detail.evaluations.find((e) => e.id === following?.evaluationId)?.evaluatedOn ?? null} onClose={() => setFollowing(null)} />
    </Card>
  );
}
