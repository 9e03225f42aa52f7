// An incident's timeline as the core recorded it (recorded, facts changed, reports made, notices, notes, closed), and a note to add.
import { Button, Group, Stack, Table, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { IncidentDetail } from '../../../../src-shared/registers';
import { formatDateTime } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Section } from '../customers/RecordSections';
import { useIncidentUpdate } from './useIncidentUpdate';

export function TimelineSection({ incident, canWrite }: { incident: IncidentDetail; canWrite: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <Section id="incident-timeline" title={t('incidentView.sections.timeline')}>
      <Stack gap="sm">
        <Table.ScrollContainer minWidth={560}>
          <Table fz="sm" verticalSpacing={4} data-testid="incident-timeline">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('incidentView.timeline.at')}</Table.Th>
                <Table.Th>{t('incidentView.timeline.actor')}</Table.Th>
                <Table.Th>{t('incidentView.timeline.kind')}</Table.Th>
                <Table.Th>{t('incidentView.timeline.note')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {incident.timeline.map((e, i) => (
                <Table.Tr key={`${e.at}-${i}`} data-kind={e.kind}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(e.at, lang)}</Table.Td>
                  <Table.Td>{e.actorName ?? '—'}</Table.Td>
                  <Table.Td>{t(`incidents.timelineKinds.${e.kind}`, { defaultValue: e.kind })}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{noteText(t, e.kind, e.note)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {canWrite && <AddNote incident={incident} />}
      </Stack>
    </Section>
  );
}

/**
 * The core's own notes are ids and counts (which rules, which fields, how many notices): said in words here. A person's
 * note is shown as written.
 */
function noteText(t: TFunction, kind: string, note: string | null): string {
  if (note === null) return '';
  const list = note.split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (kind === 'reportable') return list.map((r) => t(`incidents.reportableBecause.${r}`, { defaultValue: r })).join('・');
  if (kind === 'factsChanged') return list.map((f) => t(`incidentView.timeline.fields.${f}`, { defaultValue: f })).join('・');
  if (kind === 'peopleNotified') {
    const counts = Object.fromEntries(note.split(/\s+/).map((pair) => pair.split('=')).map(([k, v]) => [k, Number(v)]));
    if (['emailed', 'withoutEmail', 'unreachable'].every((k) => Number.isInteger(counts[k]))) return t('incidentView.timeline.notifiedNote', counts as Record<string, number>);
  }
  return note;
}

function AddNote({ incident }: { incident: IncidentDetail }) {
  const { t } = useTranslation();
  const { update, failure, busy } = useIncidentUpdate(incident);
  const [note, setNote] = useState('');
  return (
    <Stack gap="xs" maw={720}>
      <Textarea label={t('incidentView.timeline.addNote')} description={t('incidentView.timeline.addNoteHint')} autosize minRows={2} maxLength={2000} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
      <ErrorAlert error={failure} />
      <Group>
        <Button
          variant="light"
          loading={busy}
          disabled={note.trim() === ''}
          onClick={async () => {
            if (await update({ note: note.trim() }, 'incidentView.timeline.noted')) setNote('');
          }}
        >
          {t('incidentView.timeline.save')}
        </Button>
      </Group>
    </Stack>
  );
}
