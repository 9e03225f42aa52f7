// A request's history: every move and action, who and when, as the core recorded it.
import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RequestDetail } from '../../../../src-shared/requests';
import { formatDateTime } from '../../components/dates';
import { Section } from '../customers/RecordSections';

export function HistorySection({ request }: { request: RequestDetail }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <Section id="request-history" title={t('requestView.sections.history')}>
      {request.history.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('requestView.history.empty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table fz="sm" verticalSpacing={4} data-testid="request-history">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('requestView.history.at')}</Table.Th>
                <Table.Th>{t('requestView.history.actor')}</Table.Th>
                <Table.Th>{t('requestView.history.action')}</Table.Th>
                <Table.Th>{t('requestView.history.note')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {request.history.map((h, i) => (
                <Table.Tr key={`${h.at}-${i}`} data-action={h.action}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(h.at, lang)}</Table.Td>
                  <Table.Td>{h.actorName ?? '—'}</Table.Td>
                  <Table.Td>
                    {t(`requests.historyActions.${h.action}`, { defaultValue: h.action })}
                    {h.toState && (
                      <Text size="xs" c="dimmed">
                        {h.fromState ? `${t(`requests.states.${h.fromState}`)} → ` : ''}
                        {t(`requests.states.${h.toState}`)}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{h.note ?? ''}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Section>
  );
}
