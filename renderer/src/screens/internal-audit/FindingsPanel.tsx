// 指摘事項: what the audits found, filtered by where they stand, the plan and the grade; the auditor and the officer
// record them (never deleted), and a finding opens with its corrective actions.
import { Button, Card, Group, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { IconClipboardPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { findingGrades, findingShows, type FindingGrade, type FindingShow } from '../../../../src-shared/api/internal-audit';
import { useSession } from '../../app/session';
import { QueryError } from '../../components/QueryError';
import { FindingFormDialog, type FindingDialog } from './FindingFormDialog';
import { FindingTable } from './FindingTable';
import { useAuditPlans, useFindings } from './queries';

export function FindingsPanel({ planId, onPlan, onOpen }: { planId: string | null; onPlan: (id: string | null) => void; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const session = useSession();
  const canRecord = session.permissions.includes('internalAudit.record');
  const [show, setShow] = useState<FindingShow>('all');
  const [grade, setGrade] = useState<FindingGrade | null>(null);
  const [dialog, setDialog] = useState<FindingDialog | null>(null);
  const plans = useAuditPlans();
  const list = useFindings({ show, ...(planId ? { planId } : {}), ...(grade ? { grade } : {}) });
  const rows = list.data?.rows ?? [];
  // A new finding belongs to the plan shown, or else to this year's.
  const planForNew = planId ?? plans.data?.rows.find((p) => p.year === new Date().getFullYear())?.id ?? null;
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" gap="md">
        <Group align="flex-end" gap="md">
          <SegmentedControl value={show} onChange={(v) => setShow(v as FindingShow)} data={findingShows.map((s) => ({ value: s, label: t(`internalAudit.findings.shows.${s}`) }))} aria-label={t('internalAudit.findings.showLabel')} data-testid="finding-filter" />
          <Select
            label={t('internalAudit.findings.plan')}
            value={planId ?? 'all'}
            onChange={(v) => onPlan(v && v !== 'all' ? v : null)}
            allowDeselect={false}
            data={[{ value: 'all', label: t('internalAudit.findings.allPlans') }, ...(plans.data?.rows ?? []).map((p) => ({ value: p.id, label: t('internalAudit.plans.title', { year: p.year }) }))]}
            w={220}
            data-testid="finding-plan-filter"
          />
          <Select
            label={t('internalAudit.findings.grade')}
            value={grade ?? 'all'}
            onChange={(v) => setGrade(v && v !== 'all' ? (v as FindingGrade) : null)}
            allowDeselect={false}
            data={[{ value: 'all', label: t('internalAudit.findings.allGrades') }, ...findingGrades.map((g) => ({ value: g, label: t(`internalAudit.grades.${g}`) }))]}
            w={200}
          />
        </Group>
        {canRecord && (
          <Button leftSection={<IconClipboardPlus size={18} aria-hidden />} onClick={() => setDialog({ kind: 'record', planId: planForNew })}>
            {t('internalAudit.findings.record')}
          </Button>
        )}
      </Group>
      <QueryError error={list.error} />
      <Text size="sm" fw={600} data-testid="finding-count" aria-live="polite">
        {list.data ? t('internalAudit.findings.count', { count: rows.length }) : '\u00a0'}
      </Text>
      <Card withBorder radius="md" padding={0}>
        <FindingTable rows={rows} onOpen={onOpen} empty={list.isPending ? t('common.loading') : canRecord ? t('internalAudit.findings.empty') : t('internalAudit.findings.emptyReadOnly')} />
      </Card>
      <FindingFormDialog dialog={dialog} onClose={() => setDialog(null)} onRecorded={onOpen} />
    </Stack>
  );
}
