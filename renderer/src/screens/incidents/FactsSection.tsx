// What is known of an incident (discovered, occurred, what, which data, how many, cause, measures), and editing it as facts emerge.
import { Badge, Button, Group, Modal, SimpleGrid, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPencil } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { IncidentDetail } from '../../../../src-shared/registers';
import { cellBadge } from '../../components/badge';
import { formatDateTime } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Section } from '../customers/RecordSections';
import { showFactsError } from './facts-errors';
import { factsInput, factsOf, type FactsValues } from './facts-values';
import { FactsFields, factsValidation } from './FactsFields';
import { useIncidentUpdate } from './useIncidentUpdate';

export function FactsSection({ incident, canWrite }: { incident: IncidentDetail; canWrite: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [editing, setEditing] = useState(false);
  const action = canWrite ? (
    <Button size="xs" variant="light" leftSection={<IconPencil size={14} aria-hidden />} onClick={() => setEditing(true)} data-testid="edit-facts">
      {t('incidentView.facts.edit')}
    </Button>
  ) : undefined;
  return (
    <Section id="incident-facts" title={t('incidentView.sections.facts')} action={action}>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md">
          <Item label={t('incidentView.facts.labels.discoveredAt')}>{formatDateTime(incident.discoveredAt, lang)}</Item>
          <Item label={t('incidentView.facts.labels.occurredAt')}>{incident.occurredAt ? formatDateTime(incident.occurredAt, lang) : t('incidentView.facts.unknown')}</Item>
          <Item label={t('incidentView.facts.labels.peopleCount')}>{t('incidents.people', { count: incident.peopleCount, formatted: incident.peopleCount.toLocaleString(lang) })}</Item>
          <Item label={t('incidentView.facts.labels.unlawfulSuspected')}>{incident.unlawfulSuspected ? t('incidentView.facts.yes') : t('incidentView.facts.no')}</Item>
        </SimpleGrid>
        <Item label={t('incidentView.facts.labels.summary')} testId="incident-summary">
          {incident.summary}
        </Item>
        <Item label={t('incidentView.facts.labels.categories')}>
          <Group gap={6} mt={2} data-testid="incident-categories">
            {incident.categories.map((c) => (
              <Badge key={c} {...cellBadge} variant={c === 'specialCare' || c === 'financial' ? 'filled' : 'light'} color={c === 'specialCare' || c === 'financial' ? 'red' : 'gray'} data-category={c}>
                {t(`incidents.categories.${c}`)}
              </Badge>
            ))}
          </Group>
        </Item>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <Item label={t('incidentView.facts.labels.cause')}>{incident.cause || t('incidentView.facts.notYet')}</Item>
          <Item label={t('incidentView.facts.labels.measures')}>{incident.measures || t('incidentView.facts.notYet')}</Item>
        </SimpleGrid>
      </Stack>
      <Modal opened={editing} onClose={() => setEditing(false)} title={t('incidentView.facts.editTitle', { number: incident.number })} size={1040} closeOnClickOutside={false}>
        {editing && <EditFacts incident={incident} onClose={() => setEditing(false)} />}
      </Modal>
    </Section>
  );
}

function Item({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div" data-testid={testId} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </Stack>
  );
}

function EditFacts({ incident, onClose }: { incident: IncidentDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const { update, failure, busy } = useIncidentUpdate(incident);
  const form = useForm<FactsValues>({ initialValues: factsOf(incident), validate: factsValidation });
  const submit = form.onSubmit(async (values) => {
    const facts = factsInput(values);
    const done = await update({ facts }, 'incidentView.facts.saved', (e) => showFactsError(form, e, facts));
    if (done) onClose();
  });
  return (
    <form onSubmit={submit} noValidate aria-label={t('incidentView.facts.editTitle', { number: incident.number })}>
      <Stack gap="md">
        <Text size="sm">{t('incidentView.facts.editExplain')}</Text>
        <FactsFields form={form} />
        <ErrorAlert error={failure} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={busy}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
