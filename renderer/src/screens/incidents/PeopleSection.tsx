// The people affected and the notices to them (APPI Art. 26(2)): .eml per person with an e-mail address, a letter for the others.
import { Alert, Badge, Button, Group, NativeSelect, Stack, Table, Text } from '@mantine/core';
import { IconMail, IconMailPlus, IconMailOff } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IncidentDetail } from '../../../../src-shared/registers';
import { cellBadge } from '../../components/badge';
import { formatDateTime } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Section } from '../customers/RecordSections';
import { fileNameOf } from '../requests/files';
import { useIncidentUpdate } from './useIncidentUpdate';

type Language = 'ja' | 'en';
interface Written {
  written: number;
  letters: number;
  unreachable: number;
}

/**
 * The people who have no notice yet and can still get one. Someone without an e-mail address has a notice (the text of
 * the letter) but stays "not notified" until the letter goes; an erased customer left only their number.
 */
export function awaitingNotice(incident: IncidentDetail) {
  const noticed = new Set(incident.notices.map((n) => n.customerNo));
  return incident.people.filter((p) => p.customerId !== null && !noticed.has(p.customerNo));
}

export function PeopleSection({ incident, canWrite }: { incident: IncidentDetail; canWrite: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { update, failure, busy } = useIncidentUpdate(incident);
  const [language, setLanguage] = useState<Language>('ja');
  const [written, setWritten] = useState<Written | null>(null);
  const unnotified = incident.people.filter((p) => !p.notifiedAt).length;
  const pending = awaitingNotice(incident).length;
  const letterFor = new Set(incident.notices.filter((n) => n.recipient === null).map((n) => n.customerNo));
  const notify = async () => {
    const before = new Set(incident.notices.map((n) => n.id));
    const after = await update({ notifyPeople: { language } }, 'incidentView.people.notified');
    if (!after) return;
    const fresh = after.notices.filter((n) => !before.has(n.id));
    setWritten({ written: fresh.filter((n) => n.emlFile !== null).length, letters: fresh.filter((n) => n.recipient === null).length, unreachable: pending - fresh.length });
  };
  return (
    <Section id="incident-people" title={t('incidentView.sections.people')}>
      <Stack gap="sm">
        <Text size="xs" c="dimmed">
          {t('incidentView.people.note')}
        </Text>
        {incident.people.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="no-people">
            {t('incidentView.people.none', { count: incident.peopleCount })}
          </Text>
        ) : (
          <>
            <Text size="sm" fw={600} data-testid="people-summary">
              {t('incidentView.people.summary', { count: incident.people.length, unnotified })}
            </Text>
            <Table.ScrollContainer minWidth={480} mah={280}>
              <Table fz="sm" verticalSpacing={4} stickyHeader data-testid="incident-people">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('incidentView.people.customerNo')}</Table.Th>
                    <Table.Th>{t('incidentView.people.notifiedAt')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {incident.people.map((p) => (
                    <Table.Tr key={p.customerNo} data-customer-no={p.customerNo}>
                      <Table.Td ff="monospace">
                        {p.customerNo}
                        {p.customerId === null && (
                          <Badge {...cellBadge} ml="xs" size="xs" color="gray" variant="light">
                            {t('incidentView.people.erasedBadge')}
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td>
                        {p.notifiedAt ? (
                          formatDateTime(p.notifiedAt, lang)
                        ) : (
                          <Text span size="sm" c="orange.8" fw={letterFor.has(p.customerNo) ? 700 : undefined}>
                            {letterFor.has(p.customerNo) ? t('incidentView.people.letterNeeded') : p.customerId === null ? t('incidentView.people.erased') : t('incidentView.people.notYet')}
                          </Text>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </>
        )}
        {canWrite && pending > 0 && (
          <Group align="flex-end" gap="sm">
            <NativeSelect
              label={t('incidentView.people.language')}
              data={(['ja', 'en'] as const).map((l) => ({ value: l, label: t(`language.${l}`) }))}
              value={language}
              onChange={(e) => setLanguage(e.currentTarget.value as Language)}
            />
            <Button leftSection={<IconMailPlus size={16} aria-hidden />} loading={busy} onClick={() => void notify()} data-testid="notify-people">
              {t('incidentView.people.notify', { count: pending })}
            </Button>
          </Group>
        )}
        {written && (
          <Alert color={written.letters > 0 ? 'orange' : 'teal'} variant="light" icon={<IconMail aria-hidden />} data-testid="notify-result" role="status">
            <Stack gap={2}>
              <Text size="sm">{t('incidentView.people.written', { count: written.written })}</Text>
              {written.letters > 0 && (
                <Text size="sm" fw={700} data-testid="letters-needed">
                  {t('incidentView.people.letters', { count: written.letters })}
                </Text>
              )}
              {written.unreachable > 0 && <Text size="sm">{t('incidentView.people.unreachable', { count: written.unreachable })}</Text>}
            </Stack>
          </Alert>
        )}
        <ErrorAlert error={failure} />
        {incident.notices.length > 0 && <Notices incident={incident} />}
      </Stack>
    </Section>
  );
}

function Notices({ incident }: { incident: IncidentDetail }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        {t('incidentView.people.notices', { count: incident.notices.length })}
      </Text>
      <Table.ScrollContainer minWidth={640} mah={320}>
        <Table fz="sm" verticalSpacing={4} stickyHeader data-testid="incident-notices">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('incidentView.people.customerNo')}</Table.Th>
              <Table.Th>{t('incidentView.people.recipient')}</Table.Th>
              <Table.Th>{t('incidentView.people.subject')}</Table.Th>
              <Table.Th>{t('incidentView.people.created')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {incident.notices.map((n) => (
              <Table.Tr key={n.id} data-customer-no={n.customerNo} data-letter={String(n.recipient === null)}>
                <Table.Td ff="monospace">{n.customerNo}</Table.Td>
                <Table.Td>
                  {n.recipient ? (
                    <Stack gap={0}>
                      <Text size="sm">{n.recipient}</Text>
                      {n.emlFile && (
                        <Text size="xs" c="dimmed" ff="monospace" title={n.emlFile}>
                          {fileNameOf(n.emlFile)}
                        </Text>
                      )}
                    </Stack>
                  ) : (
                    <Group gap={4} wrap="nowrap">
                      <IconMailOff size={14} aria-hidden color="var(--mantine-color-orange-8)" />
                      <Text size="sm" c="orange.8" fw={600}>
                        {t('incidentView.people.letterNeeded')}
                      </Text>
                    </Group>
                  )}
                </Table.Td>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{n.subject}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(n.createdAt, lang)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
