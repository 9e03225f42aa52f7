// The top of one request: number, kind, state stepper, flags, and where it stands against its due date.
import { Badge, Card, Group, SimpleGrid, Stack, Stepper, Text, Title } from '@mantine/core';
import { IconBan, IconCheck, IconX } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isOpenState, openRequestStates, type RequestDetail, type RequestState } from '../../../../src-shared/requests';
import { cellBadge } from '../../components/badge';
import { AssigneeControl } from '../bulk/AssigneeControl';
import { formatDay } from '../../components/dates';
import { DaysLeft, FlagBadges, StateBadge } from './labels';

const openSteps = openRequestStates as readonly RequestState[];

/** The open states the request went through, then how it ended: a refused request never shows steps it did not reach. */
function stepsOf(request: RequestDetail): { steps: RequestState[]; active: number } {
  if (request.state === 'refused' || request.state === 'withdrawn') {
    const from = request.history.find((h) => h.toState === request.state)?.fromState ?? 'received';
    const reached = Math.max(0, openSteps.indexOf(from));
    const steps = [...openSteps.slice(0, reached + 1), request.state];
    return { steps, active: steps.length };
  }
  const steps = [...openSteps, 'completed' as const];
  return { steps, active: request.state === 'completed' ? steps.length : openSteps.indexOf(request.state) };
}

export function RequestHeader({ request }: { request: RequestDetail }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { steps, active } = stepsOf(request);
  const endColor = request.state === 'refused' ? 'red' : request.state === 'withdrawn' ? 'gray' : 'teal';
  return (
    <Card withBorder radius="md" padding="lg" data-testid="request-header" data-state={request.state} data-overdue={String(request.overdue)}>
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <Stack gap={2}>
            <Text size="sm" c="dimmed" ff="monospace" data-testid="request-number">
              {request.number}
            </Text>
            <Title order={1} size="h2">
              {t('requestView.title', { kind: t(`requests.kinds.${request.kind}`) })}
            </Title>
            <Group gap={6} mt={4}>
              <StateBadge state={request.state} />
              <FlagBadges row={request} />
              {request.extended && (
                <Badge {...cellBadge} color="grape" variant="light" data-testid="extended-badge">
                  {t('requests.flags.extended')}
                </Badge>
              )}
            </Group>
          </Stack>
          <SimpleGrid cols={{ base: 2, md: 3 }} spacing="xl" verticalSpacing={4}>
            <Fact label={t('requests.columns.receivedOn')}>{formatDay(request.receivedOn, lang)}</Fact>
            <Fact label={t('requests.columns.dueOn')} testId="request-due">
              <Text size="sm" fw={700} c={request.overdue ? 'red.8' : undefined}>
                {formatDay(request.dueOn, lang)}
              </Text>
              <DaysLeft row={request} />
            </Fact>
            <Fact label={t('bulk.columns.assignee')}>
              <AssigneeControl request={request} />
            </Fact>
          </SimpleGrid>
        </Group>
        <Stepper active={active} size="sm" color="indigo" allowNextStepsSelect={false} aria-label={t('requestView.stepper')} data-testid="request-stepper">
          {steps.map((s, i) => {
            const end = i === steps.length - 1 && !openSteps.includes(s);
            return (
              <Stepper.Step
                key={s}
                label={t(`requests.states.${s}`)}
                description={end && isOpenState(request.state) ? t('requestView.orEnd') : undefined}
                color={end ? endColor : undefined}
                completedIcon={end ? request.state === 'refused' ? <IconX size={16} /> : request.state === 'withdrawn' ? <IconBan size={16} /> : <IconCheck size={16} /> : undefined}
                allowStepSelect={false}
              />
            );
          })}
        </Stepper>
      </Stack>
    </Card>
  );
}

function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
        {label}
      </Text>
      <Text size="sm" component="div" data-testid={testId} style={{ whiteSpace: 'nowrap' }}>
        {children}
      </Text>
    </Stack>
  );
}
