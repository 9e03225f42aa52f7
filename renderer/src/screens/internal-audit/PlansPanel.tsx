// 監査計画: one plan a year (JIS Q 15001 internal audit), newest first: scope, period, lead auditor, findings; once
// carried out, the day and the summary. The officer and the auditor plan and record; the core refuses anyone else.
import { Anchor, Badge, Button, Card, EmptyState, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconCalendarPlus, IconCalendarStats, IconCircleCheck, IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditPlan } from '../../../../src-shared/api/internal-audit';
import { useSession } from '../../app/session';
import { formatDay } from '../../components/dates';
import { QueryError } from '../../components/QueryError';
import { CompletePlanDialog } from './CompletePlanDialog';
import { Fact } from './Fact';
import { PlanFormDialog, type PlanDialog } from './PlanFormDialog';
import { useAuditPlans } from './queries';

export function PlansPanel({ onShowFindings }: { onShowFindings: (planId: string) => void }) {
  const { t } = useTranslation();
  const session = useSession();
  const plans = useAuditPlans();
  const canRecord = session.permissions.includes('internalAudit.record');
  const [dialog, setDialog] = useState<PlanDialog | null>(null);
  const [completing, setCompleting] = useState<AuditPlan | null>(null);
  const rows = plans.data?.rows ?? [];
  const thisYear = new Date().getFullYear();
  const nextYear = rows.some((p) => p.year === thisYear) ? thisYear + 1 : thisYear;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Text size="sm" c="dimmed" maw={700}>
          {t('internalAudit.plans.explain')}
        </Text>
        {canRecord && (
          <Button leftSection={<IconCalendarPlus size={18} aria-hidden />} onClick={() => setDialog({ kind: 'create', year: nextYear })}>
            {t('internalAudit.plans.add')}
          </Button>
        )}
      </Group>
      <QueryError error={plans.error} />
      {plans.data && rows.length === 0 && (
        <Card withBorder radius="md" padding="xl">
          <EmptyState
            icon={<IconCalendarStats size={28} aria-hidden />}
            variant="light"
            title={t('internalAudit.plans.emptyTitle')}
            description={canRecord ? t('internalAudit.plans.emptyNext') : t('internalAudit.plans.emptyNextReadOnly')}
            data-testid="plans-empty"
          />
        </Card>
      )}
      {rows.map((plan) => (
        <PlanCard key={plan.id} plan={plan} canRecord={canRecord} onEdit={() => setDialog({ kind: 'edit', plan })} onComplete={() => setCompleting(plan)} onShowFindings={() => onShowFindings(plan.id)} />
      ))}
      <PlanFormDialog dialog={dialog} onClose={() => setDialog(null)} />
      <CompletePlanDialog plan={completing} onClose={() => setCompleting(null)} />
    </Stack>
  );
}

function PlanCard({ plan, canRecord, onEdit, onComplete, onShowFindings }: { plan: AuditPlan; canRecord: boolean; onEdit: () => void; onComplete: () => void; onShowFindings: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const done = plan.state === 'done';
  return (
    <Card withBorder radius="md" padding="lg" component="article" aria-label={t('internalAudit.plans.title', { year: plan.year })} data-testid="plan-card" data-year={plan.year} data-state={plan.state}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Group gap="sm">
            <Title order={3} size="h4">
              {t('internalAudit.plans.title', { year: plan.year })}
            </Title>
            <Badge color={done ? 'teal' : 'blue'} variant="light" tt="none" leftSection={done ? <IconCircleCheck size={12} aria-hidden /> : undefined}>
              {done ? t('internalAudit.plans.doneOn', { day: formatDay(plan.doneOn, lang) }) : t('internalAudit.plans.planned')}
            </Badge>
          </Group>
          {canRecord && !done && (
            <Group gap="xs" wrap="nowrap">
              <Button size="xs" variant="default" leftSection={<IconPencil size={14} aria-hidden />} onClick={onEdit}>
                {t('internalAudit.plans.edit')}
              </Button>
              <Button size="xs" leftSection={<IconCircleCheck size={14} aria-hidden />} onClick={onComplete}>
                {t('internalAudit.plans.complete')}
              </Button>
            </Group>
          )}
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <Fact label={t('internalAudit.plans.period')}>{t('internalAudit.plans.periodRange', { from: formatDay(plan.periodFrom, lang), to: formatDay(plan.periodTo, lang) })}</Fact>
          <Fact label={t('internalAudit.plans.leadAuditor')}>{plan.leadAuditor.displayName}</Fact>
          <Fact label={t('internalAudit.plans.findings')}>
            <Anchor component="button" type="button" size="sm" ta="left" style={{ alignSelf: 'flex-start' }} onClick={onShowFindings} data-testid="plan-findings">
              {t('internalAudit.plans.findingsCount', { count: plan.findings })}
            </Anchor>
          </Fact>
        </SimpleGrid>
        <Fact label={t('internalAudit.plans.scope')}>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {plan.scope}
          </Text>
        </Fact>
        {done && plan.summary && (
          <Fact label={t('internalAudit.plans.summary')}>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="plan-summary">
              {plan.summary}
            </Text>
          </Fact>
        )}
      </Stack>
    </Card>
  );
}
