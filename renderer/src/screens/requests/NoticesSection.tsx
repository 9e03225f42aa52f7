// Notices to the person: render one from its template, and read each one kept on the request (text, recipient, .eml, sent or not).
import { Accordion, Badge, Button, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconMailPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeskErrorData } from '../../../../src-shared/errors';
import { noticeLanguages, type NoticeKind, type NoticeLanguage, type NoticeRow, type RequestDetail } from '../../../../src-shared/requests';
import { useClient } from '../../app/client-context';
import { useSession } from '../../app/session';
import { cellBadge } from '../../components/badge';
import { formatDateTime } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Translated } from '../../components/Translated';
import { Section } from '../customers/RecordSections';
import { fileNameOf } from './files';
import { useRequestStale } from './queries';

/** The notices a person can ask for here; the extension notice is written by the extension itself. */
function renderableKinds(request: RequestDetail): NoticeKind[] {
  if (request.state === 'completed') return ['result'];
  if (request.state === 'refused') return ['refusal'];
  if (request.state === 'withdrawn') return [];
  return ['receipt'];
}

export function NoticesSection({ request }: { request: RequestDetail }) {
  const { t } = useTranslation();
  const session = useSession();
  const kinds = renderableKinds(request);
  return (
    <Section id="notices" title={t('requestView.sections.notices')}>
      <Stack gap="sm">
        <Text size="xs" c="dimmed">
          {t('requestView.notices.note')}
        </Text>
        {session.permissions.includes('notices.render') && kinds.length > 0 && <RenderNotice request={request} kinds={kinds} />}
        {request.notices.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('requestView.notices.empty')}
          </Text>
        ) : (
          <Accordion variant="separated" multiple data-testid="request-notices">
            {request.notices.map((n) => (
              <NoticeItem key={n.id} notice={n} />
            ))}
          </Accordion>
        )}
      </Stack>
    </Section>
  );
}

function RenderNotice({ request, kinds }: { request: RequestDetail; kinds: NoticeKind[] }) {
  const { t } = useTranslation();
  const client = useClient();
  const stale = useRequestStale();
  const [kind, setKind] = useState<NoticeKind>(kinds[0]!);
  const [language, setLanguage] = useState<NoticeLanguage>(request.noticeLanguage);
  const [failure, setFailure] = useState<DeskErrorData | null>(null);
  const [busy, setBusy] = useState(false);
  const current = kinds.includes(kind) ? kind : kinds[0]!;
  const render = async () => {
    setFailure(null);
    setBusy(true);
    const result = await client.call('notices.render', { requestId: request.id, kind: current, language });
    setBusy(false);
    if (!result.ok) return setFailure(result.error);
    stale(request.id);
    notifications.show({ color: 'teal', message: <Translated k="requestView.notices.rendered" values={{ file: result.value.emlFile ? fileNameOf(result.value.emlFile) : result.value.subject }} /> });
  };
  return (
    <Stack gap="xs">
      <Group align="flex-end" gap="sm">
        <NativeSelect
          label={t('requestView.notices.kind')}
          data={kinds.map((k) => ({ value: k, label: t(`requests.noticeKinds.${k}`) }))}
          value={current}
          onChange={(e) => setKind(e.currentTarget.value as NoticeKind)}
        />
        <NativeSelect
          label={t('requestForm.noticeLanguage')}
          data={noticeLanguages.map((l) => ({ value: l, label: t(`requests.noticeLanguages.${l}`) }))}
          value={language}
          onChange={(e) => setLanguage(e.currentTarget.value as NoticeLanguage)}
        />
        <Button variant="light" leftSection={<IconMailPlus size={16} aria-hidden />} loading={busy} onClick={() => void render()} data-testid="render-notice">
          {t('requestView.notices.render')}
        </Button>
      </Group>
      {!request.requester?.email && (
        <Text size="xs" c="orange.8">
          {t('requestView.notices.noEmail')}
        </Text>
      )}
      <ErrorAlert error={failure} />
    </Stack>
  );
}

function NoticeItem({ notice: n }: { notice: NoticeRow }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const status = n.sentAt ? 'sent' : n.sendError ? 'failed' : 'outbox';
  const color = { sent: 'teal', failed: 'red', outbox: 'gray' }[status];
  return (
    <Accordion.Item value={n.id} data-notice-kind={n.kind} data-testid="notice">
      <Accordion.Control>
        <Group gap="sm" wrap="nowrap">
          <Badge {...cellBadge} variant="light">
            {t(`requests.noticeKinds.${n.kind}`)}
          </Badge>
          <Text size="sm" fw={600} style={{ flex: 1, overflowWrap: 'anywhere' }}>
            {n.subject}
          </Text>
          <Badge {...cellBadge} color={color} variant="light" data-testid="notice-status">
            {t(`requestView.notices.status.${status}`, { at: formatDateTime(n.sentAt, lang) })}
          </Badge>
        </Group>
      </Accordion.Control>
      <Accordion.Panel>
        <Stack gap="xs">
          <Group gap="lg" wrap="wrap">
            <Text size="xs">
              <Text span c="dimmed">{t('requestView.notices.recipient')}: </Text>
              {n.recipient ?? t('requestView.notices.noRecipient')}
            </Text>
            <Text size="xs">
              <Text span c="dimmed">{t('requestView.notices.language')}: </Text>
              {t(`requests.noticeLanguages.${n.language}`)}
            </Text>
            <Text size="xs">
              <Text span c="dimmed">{t('requestView.notices.created')}: </Text>
              {n.createdByName ?? '—'} · {formatDateTime(n.createdAt, lang)}
            </Text>
          </Group>
          {n.emlFile && (
            <Text size="xs" ff="monospace" style={{ overflowWrap: 'anywhere' }} data-testid="notice-eml" title={n.emlFile}>
              {t('requestView.notices.eml', { file: fileNameOf(n.emlFile) })}
            </Text>
          )}
          {n.sendError && (
            <Text size="xs" c="red.8">
              {t('requestView.notices.sendError', { error: n.sendError })}
            </Text>
          )}
          <Text size="sm" p="sm" bg="var(--mantine-color-gray-light)" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', borderRadius: 4 }} data-testid="notice-body">
            {n.body}
          </Text>
        </Stack>
      </Accordion.Panel>
    </Accordion.Item>
  );
}
