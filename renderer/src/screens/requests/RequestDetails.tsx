// Who asked and what: the requester's stated identity, a proxy's authority, the words of the request, and the record it is about.
import { Alert, Button, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCalendarPlus, IconLink, IconTrash } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeskErrorData } from '../../../../src-shared/errors';
import { isOpenState, type RequestDetail } from '../../../../src-shared/requests';
import { useClient } from '../../app/client-context';
import { useSession } from '../../app/session';
import { formatDateTime, formatDay } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Translated } from '../../components/Translated';
import { purposeTitle } from '../customers/ConsentsSection';
import { usePurposes } from '../customers/queries';
import { Section } from '../customers/RecordSections';
import { CustomerPicker } from './CustomerPicker';
import { fileNameOf } from './files';
import type { ChosenCustomer } from './intake-handoff';
import { useRequestChanged } from './queries';
import { formatYen } from '../../components/numbers';

export function Field({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div" data-testid={testId} style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
        {children}
      </Text>
    </Stack>
  );
}

export function RequesterSection({ request }: { request: RequestDetail }) {
  const { t, i18n } = useTranslation();
  const r = request.requester;
  return (
    <Section id="requester" title={t('requestView.sections.requester')}>
      <Stack gap="sm">
        <Field label={t('requestForm.requesterKind')}>{t(`requests.requesterKinds.${request.requesterKind}`)}</Field>
        {request.proxy && (
          <SimpleGrid cols={2} spacing="sm" data-testid="request-proxy">
            <Field label={t('requestForm.proxyName')}>{request.proxy.name}</Field>
            <Field label={t('requestForm.relationship')}>{request.proxy.relationship}</Field>
            <Field label={t('requestForm.authority')}>{request.proxy.authority}</Field>
          </SimpleGrid>
        )}
        {r ? (
          <SimpleGrid cols={2} spacing="sm" data-testid="request-requester">
            <Field label={t('requestForm.name')} testId="requester-name">
              {r.name}
            </Field>
            <Field label={t('requestForm.nameKana')}>{r.nameKana ?? '—'}</Field>
            <Field label={t('requestForm.email')}>{r.email ?? '—'}</Field>
            <Field label={t('requestForm.phone')}>{r.phone ?? '—'}</Field>
            <Field label={t('requestForm.postalCode')}>{r.postalCode ? `〒${r.postalCode}` : '—'}</Field>
            <Field label={t('requestForm.birthDate')}>{formatDay(r.birthDate, i18n.language) || '—'}</Field>
            <Field label={t('requestForm.address')}>{r.address ?? '—'}</Field>
          </SimpleGrid>
        ) : (
          <Alert color="gray" variant="light" icon={<IconTrash aria-hidden />} data-testid="requester-erased">
            {t('requestView.requesterErased', { at: formatDateTime(request.personalDataErasedAt, i18n.language) })}
          </Alert>
        )}
      </Stack>
    </Section>
  );
}

export function AskedSection({ request }: { request: RequestDetail }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <Section id="asked" title={t('requestView.sections.asked')}>
      <Stack gap="sm">
        <Field label={t('requestForm.asked')} testId="request-asked">
          {request.asked}
        </Field>
        {request.purposeId && <PurposeField purposeId={request.purposeId} />}
        <SimpleGrid cols={2} spacing="sm">
          <Field label={t('requestForm.channel')}>{t(`requests.channels.${request.channel}`)}</Field>
          <Field label={t('requestForm.receivedOn')}>{formatDay(request.receivedOn, lang)}</Field>
          {request.disclosureForm && <Field label={t('requestForm.disclosureForm')}>{t(`requests.disclosureForms.${request.disclosureForm}`)}</Field>}
          {request.kind === 'disclosure' && <Field label={t('requestForm.fee')}>{request.feeYen === null ? t('requestView.noFee') : formatYen(request.feeYen, lang)}</Field>}
          <Field label={t('requestForm.noticeLanguage')}>{t(`requests.noticeLanguages.${request.noticeLanguage}`)}</Field>
          <Field label={t('requestView.createdBy')}>
            {request.createdByName ?? '—'}
            <Text span size="xs" c="dimmed" ml={6}>
              {formatDateTime(request.createdAt, lang)}
            </Text>
          </Field>
        </SimpleGrid>
      </Stack>
    </Section>
  );
}

function PurposeField({ purposeId }: { purposeId: string }) {
  const { t, i18n } = useTranslation();
  const purpose = usePurposes().data?.purposes.find((p) => p.id === purposeId);
  return (
    <Field label={t('requestForm.purpose')} testId="request-purpose">
      {purpose ? purposeTitle(purpose, i18n.language) : purposeId}
    </Field>
  );
}

export function ExtensionNote({ request }: { request: RequestDetail }) {
  const { t, i18n } = useTranslation();
  const e = request.extension;
  if (!e) return null;
  const notice = request.notices.find((n) => n.kind === 'extension');
  return (
    <Alert color="grape" variant="light" icon={<IconCalendarPlus aria-hidden />} title={t('requestView.extension.title', { due: formatDay(e.dueOn, i18n.language) })} data-testid="extension-note">
      <Stack gap={4}>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {t('requestView.extension.reason', { reason: e.reason })}
        </Text>
        <Text size="xs" c="dimmed">
          {t('requestView.extension.by', { name: e.byName ?? '—', at: formatDateTime(e.at, i18n.language) })}
        </Text>
        <Text size="sm" fw={600} data-testid="extension-notice" title={notice?.emlFile ?? undefined} style={{ overflowWrap: 'anywhere' }}>
          {notice ? t('requestView.extension.noticeWritten', { file: notice.emlFile ? fileNameOf(notice.emlFile) : notice.subject }) : t('requestView.extension.noNotice')}
        </Text>
      </Stack>
    </Alert>
  );
}

export function CustomerLinkSection({ request }: { request: RequestDetail }) {
  const { t } = useTranslation();
  const session = useSession();
  const client = useClient();
  const changed = useRequestChanged();
  const [choosing, setChoosing] = useState(false);
  const [failure, setFailure] = useState<DeskErrorData | null>(null);
  const canLink = session.permissions.includes('requests.write') && isOpenState(request.state);

  const link = async (customer: ChosenCustomer | null) => {
    if (!customer) return;
    setFailure(null);
    const result = await client.call('requests.link', { id: request.id, customerId: customer.id });
    if (!result.ok) return setFailure(result.error);
    changed(result.value);
    setChoosing(false);
    notifications.show({ color: 'teal', message: <Translated k="requestView.customer.linked" values={{ no: customer.customerNo }} /> });
  };

  return (
    <Section
      id="customer"
      title={t('requestView.sections.customer')}
      action={
        canLink && !choosing ? (
          <Button size="compact-sm" variant="light" leftSection={<IconLink size={14} aria-hidden />} onClick={() => setChoosing(true)} data-testid="link-customer">
            {request.customerId ? t('requestView.customer.change') : t('requestView.customer.link')}
          </Button>
        ) : undefined
      }
    >
      <Stack gap="sm">
        {request.customerNo ? (
          <Group gap="xs">
            <Text size="sm">{t('requestView.customer.linkedTo')}</Text>
            <Text size="sm" ff="monospace" fw={700} data-testid="linked-customer">
              {request.customerNo}
            </Text>
          </Group>
        ) : (
          <Text size="sm" c="dimmed" data-testid="linked-customer">
            {t('requestView.customer.none')}
          </Text>
        )}
        {choosing && (
          <>
            <CustomerPicker value={null} onChange={(c) => void link(c)} initialQuery={request.requester?.nameKana ?? request.requester?.name ?? ''} />
            <Group>
              <Button size="compact-sm" variant="default" onClick={() => setChoosing(false)}>
                {t('common.cancel')}
              </Button>
            </Group>
          </>
        )}
        <ErrorAlert error={failure} />
      </Stack>
    </Section>
  );
}
