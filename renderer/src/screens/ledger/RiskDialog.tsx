// Drafting a risk assessment of a ledger entry (JIS Q 15001): threats, likelihood and impact with the score shown as
// they are chosen, the measures and the residual risk. Recorded, it awaits the officer's approval.
import { Badge, Button, Checkbox, Group, Input, Modal, SegmentedControl, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { residualRisks, riskAssessmentInput, riskThreats, scoreLevel, type LedgerEntry, type ResidualRisk, type RiskThreat } from '../../../../src-shared/api/ledger';
import type { DeskErrorData } from '../../../../src-shared/errors';
import { useClient } from '../../app/client-context';
import { FieldMessage } from '../../app/errors';
import { fromSchema } from '../../app/validate';
import { ErrorAlert } from '../../components/ErrorAlert';
import { showCustomerError } from '../customers/form-errors';
import { residualColor } from './labels';
import { useLedgerChanged } from './queries';

interface Values {
  threats: RiskThreat[];
  threatNotes: string;
  likelihood: string;
  impact: string;
  measures: string;
  residual: ResidualRisk | '';
}

export function RiskDialog({ entry, onClose }: { entry: LedgerEntry | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={entry !== null} onClose={onClose} size="lg" closeOnClickOutside={false} title={entry ? t('ledgerRisk.dialogTitle', { name: entry.name }) : ''}>
      {entry && <RiskForm entry={entry} onClose={onClose} />}
    </Modal>
  );
}

const shape = riskAssessmentInput.shape;

function RiskForm({ entry, onClose }: { entry: LedgerEntry; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useClient();
  const changed = useLedgerChanged();
  const [failure, setFailure] = useState<DeskErrorData | null>(null);
  const [busy, setBusy] = useState(false);
  // A revision starts from the newest assessment: what changed is what the officer will look at.
  const base = entry.assessments.find((a) => a.state !== 'superseded');
  const form = useForm<Values>({
    initialValues: {
      threats: base?.threats ?? [],
      threatNotes: base?.threatNotes ?? '',
      likelihood: base ? String(base.likelihood) : '',
      impact: base ? String(base.impact) : '',
      measures: base?.measures ?? '',
      residual: base?.residual ?? '',
    },
    validate: {
      threats: (v) => (v.length === 0 ? <FieldMessage message="ledger.threatsRequired" /> : null),
      likelihood: (v) => (v === '' ? <FieldMessage message="ledger.rating" /> : null),
      impact: (v) => (v === '' ? <FieldMessage message="ledger.rating" /> : null),
      measures: fromSchema(shape.measures),
      residual: (v) => (v === '' ? <FieldMessage message="ledger.residual" /> : null),
    },
  });
  const v = form.values;
  const score = v.likelihood && v.impact ? Number(v.likelihood) * Number(v.impact) : null;
  const ratings = ['1', '2', '3'].map((r) => ({ value: r, label: t(`ledgerRisk.ratings.${r}`) }));

  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    setBusy(true);
    const result = await client.call('ledger.assessRisk', {
      entryId: entry.id,
      assessment: {
        threats: values.threats,
        threatNotes: values.threatNotes.trim() || undefined,
        likelihood: Number(values.likelihood),
        impact: Number(values.impact),
        measures: values.measures,
        residual: values.residual as ResidualRisk,
      },
    });
    setBusy(false);
    if (!result.ok) return setFailure(showCustomerError(form, result.error, (p) => p.replace(/^assessment\./, '').split('.')[0]!));
    changed(result.value);
    notifications.show({ color: 'teal', message: t('ledgerRisk.recorded') });
    onClose();
  });

  return (
    <form onSubmit={submit} noValidate aria-label={t('ledgerRisk.dialogTitle', { name: entry.name })}>
      <Stack gap="md">
        <Checkbox.Group required label={t('ledgerRisk.threats')} description={t('ledgerRisk.threatsHint')} {...form.getInputProps('threats')}>
          <SimpleGrid cols={{ base: 2, sm: 3 }} spacing={6} mt={6}>
            {riskThreats.map((th) => (
              <Checkbox key={th} value={th} label={t(`ledger.risk.threats.${th}`)} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <Textarea autosize minRows={2} maxLength={2000} label={t('ledgerRisk.threatNotes')} description={t('ledgerRisk.threatNotesHint')} {...form.getInputProps('threatNotes')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" style={{ alignItems: 'end' }}>
          <Input.Wrapper required label={t('ledgerRisk.likelihood')} description={t('ledgerRisk.likelihoodHint')} error={form.errors.likelihood}>
            <SegmentedControl fullWidth mt={4} data={ratings} value={v.likelihood} onChange={(x) => form.setFieldValue('likelihood', x)} aria-label={t('ledgerRisk.likelihood')} data-testid="risk-likelihood" />
          </Input.Wrapper>
          <Input.Wrapper required label={t('ledgerRisk.impact')} description={t('ledgerRisk.impactHint')} error={form.errors.impact}>
            <SegmentedControl fullWidth mt={4} data={ratings} value={v.impact} onChange={(x) => form.setFieldValue('impact', x)} aria-label={t('ledgerRisk.impact')} data-testid="risk-impact" />
          </Input.Wrapper>
        </SimpleGrid>
        <Group gap="xs" aria-live="polite" data-testid="risk-score-preview" data-score={score ?? ''}>
          {score !== null ? (
            <Badge {...{ tt: 'none' as const }} size="lg" color={residualColor[scoreLevel(score)]} variant="light">
              {t('ledgerRisk.scoreNote', { score, level: t(`ledger.risk.residual.${scoreLevel(score)}`) })}
            </Badge>
          ) : (
            <Text size="sm" c="dimmed">
              {t('ledgerRisk.scoreNote', { score: '—', level: '—' })}
            </Text>
          )}
        </Group>
        <Textarea required autosize minRows={3} maxLength={4000} label={t('ledgerRisk.measures')} description={t('ledgerRisk.measuresHint')} {...form.getInputProps('measures')} />
        <Input.Wrapper required label={t('ledgerRisk.residual')} description={t('ledgerRisk.residualHint')} error={form.errors.residual}>
          <SegmentedControl
            mt={4}
            data={residualRisks.map((r) => ({ value: r, label: t(`ledgerRisk.levels.${r}`) }))}
            value={v.residual}
            onChange={(x) => form.setFieldValue('residual', x as ResidualRisk)}
            aria-label={t('ledgerRisk.residual')}
            data-testid="risk-residual"
          />
        </Input.Wrapper>
        <ErrorAlert error={failure} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={busy}>
            {t('ledgerRisk.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
