// The check of a stored (redacted) ID copy against the request (APPI Art. 37): name, address, date of birth and, for a
// proxy, the authority; the result is verified, or not verified with the reason. A checked copy is shown read-only.
import { Alert, Badge, Button, Center, Checkbox, Grid, Group, Image, Loader, Modal, Radio, Stack, Table, Text, Textarea } from '@mantine/core';
import { IconCircleCheck, IconCircleX, IconPhotoOff } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeskErrorData } from '../../../../src-shared/errors';
import type { CustomerRecord } from '../../../../src-shared/customers';
import type { IdCopyRow, RequestDetail } from '../../../../src-shared/requests';
import { unwrap } from '../../app/client';
import { useClient } from '../../app/client-context';
import { cellBadge } from '../../components/badge';
import { formatDateTime, formatDay } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { QueryError } from '../../components/QueryError';
import { useLinkedCustomer, useRequestChanged } from './queries';

export function IdCopyCheckDialog({ request, copyId, onClose }: { request: RequestDetail; copyId: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const copy = request.idCopies.find((c) => c.id === copyId) ?? null;
  return (
    <Modal opened={copy !== null} onClose={onClose} size={1120} closeOnClickOutside={false} title={copy ? t('idCopies.check.title', { type: t(`idCopies.documentTypes.${copy.documentType}`) }) : ''}>
      {copy && <CheckContent request={request} copy={copy} onClose={onClose} />}
    </Modal>
  );
}

function CheckContent({ request, copy, onClose }: { request: RequestDetail; copy: IdCopyRow; onClose: () => void }) {
  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 6 }}>
        <StoredImage copy={copy} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 6 }}>{copy.result === null ? <Checklist request={request} copy={copy} onClose={onClose} /> : <CheckResult copy={copy} onClose={onClose} />}</Grid.Col>
    </Grid>
  );
}

/** The image as the core stored it, after redaction. Every viewing is a read the core records; never kept in the cache. */
function StoredImage({ copy }: { copy: IdCopyRow }) {
  const { t } = useTranslation();
  const client = useClient();
  const view = useQuery({ queryKey: ['idcopies', 'view', copy.id], queryFn: () => unwrap(client.call('idcopies.view', { id: copy.id })), gcTime: 0, staleTime: 0 });
  const url = useMemo(() => {
    if (!view.data?.dataBase64) return null;
    const bytes = Uint8Array.from(atob(view.data.dataBase64), (c) => c.charCodeAt(0));
    return URL.createObjectURL(new Blob([bytes], { type: view.data.mediaType }));
  }, [view.data]);
  useEffect(() => () => void (url && URL.revokeObjectURL(url)), [url]);

  if (view.error) return <QueryError error={view.error} />;
  if (view.isPending) {
    return (
      <Center py="xl">
        <Group gap="sm" role="status">
          <Loader size="sm" aria-hidden />
          <Text size="sm">{t('idCopies.check.loadingImage')}</Text>
        </Group>
      </Center>
    );
  }
  return (
    <Stack gap="xs">
      <Text size="sm" fw={600}>
        {t('idCopies.check.storedImage')}
      </Text>
      {url ? (
        <Image src={url} alt={t('idCopies.check.imageAlt')} fit="contain" mah={480} radius="sm" style={{ border: '1px solid var(--mantine-color-gray-4)' }} data-testid="idcopy-stored-image" />
      ) : (
        <Alert color="gray" variant="light" icon={<IconPhotoOff aria-hidden />}>
          {t('idCopies.check.imageErased')}
        </Alert>
      )}
      <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
        {t('idCopies.check.imageFacts', { width: copy.width, height: copy.height, count: copy.redactions })} · SHA-256 {copy.sha256}
      </Text>
    </Stack>
  );
}

type Item = 'nameMatches' | 'addressMatches' | 'birthDateMatches' | 'authorityConfirmed';

function Checklist({ request, copy, onClose }: { request: RequestDetail; copy: IdCopyRow; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const changed = useRequestChanged();
  const proxy = request.requesterKind === 'proxy';
  const [ticked, setTicked] = useState<Item[]>([]);
  const [result, setResult] = useState<'verified' | 'notVerified' | null>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState(false);
  const [failure, setFailure] = useState<DeskErrorData | null>(null);
  const [saving, setSaving] = useState(false);

  const items: Item[] = proxy ? ['nameMatches', 'addressMatches', 'birthDateMatches', 'authorityConfirmed'] : ['nameMatches', 'addressMatches', 'birthDateMatches'];
  const allMatch = items.every((i) => ticked.includes(i));
  // Verified only when everything matches (the core checks the same): a mismatch can only be recorded as not verified.
  useEffect(() => {
    if (!allMatch && result === 'verified') setResult(null);
  }, [allMatch, result]);

  const requester = request.requester;
  const address = requester ? [requester.postalCode ? `〒${requester.postalCode.replace(/^〒/, '')}` : null, requester.address].filter(Boolean).join(' ') : null;
  const valueOf: Record<Item, ReactNode> = {
    nameMatches: requester ? [requester.name, requester.nameKana].filter(Boolean).join(' / ') : null,
    addressMatches: address,
    birthDateMatches: requester?.birthDate ? formatDay(requester.birthDate, i18n.language) : null,
    authorityConfirmed: request.proxy ? t('idCopies.check.proxyValue', { name: request.proxy.name, relationship: request.proxy.relationship, authority: request.proxy.authority }) : null,
  };

  const record = useLinkedRecord(request.customerId);
  const recordValueOf: Record<Item, ReactNode> = record
    ? {
        nameMatches: [record.name, record.nameKana].filter(Boolean).join(' / '),
        addressMatches: [record.postalCode ? `〒${record.postalCode.replace(/^〒/, '')}` : null, `${record.prefecture}${record.city}${record.addressLine1 ?? ''}`, record.addressLine2]
          .filter(Boolean)
          .join(' ') + (record.addressLine1 === null ? ` ${t('idCopies.check.restMasked')}` : ''),
        birthDateMatches: record.birthDate && /^\d{4}-\d{2}-\d{2}$/.test(record.birthDate) ? formatDay(record.birthDate, i18n.language) : record.birthDate ? t('idCopies.check.birthYear', { year: record.birthDate }) : null,
        authorityConfirmed: null,
      }
    : { nameMatches: null, addressMatches: null, birthDateMatches: null, authorityConfirmed: null };

  const save = async () => {
    if (!result) return;
    if (result === 'notVerified' && !reason.trim()) return setReasonError(true);
    setSaving(true);
    setFailure(null);
    try {
      const answer = await client.call('idcopies.verify', {
        id: copy.id,
        nameMatches: ticked.includes('nameMatches'),
        addressMatches: ticked.includes('addressMatches'),
        birthDateMatches: ticked.includes('birthDateMatches'),
        ...(proxy ? { authorityConfirmed: ticked.includes('authorityConfirmed') } : {}),
        result,
        ...(reason.trim() ? { reason: reason.trim() } : {}),
      });
      if (!answer.ok) return setFailure(answer.error);
      changed(answer.value);
      onClose();
    } finally {
      setSaving(false);
    }
  };

  return (
    <Stack gap="md" data-testid="idcopy-checklist">
      <Text size="sm">{t('idCopies.check.intro')}</Text>
      {!requester && <Alert color="gray">{t('idCopies.check.noRequesterData')}</Alert>}
      <Checkbox.Group value={ticked} onChange={(v) => setTicked(v as Item[])} label={t('idCopies.check.itemsLabel')}>
        <Table verticalSpacing={6} fz="sm" mt={4} withRowBorders>
          <Table.Thead>
            <Table.Tr>
              <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('idCopies.check.documentShows')}</Table.Th>
              <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('idCopies.check.requestSays')}</Table.Th>
              {record && <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('idCopies.check.recordSays', { customerNo: record.customerNo })}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((item) => (
              <Table.Tr key={item} data-item={item}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Checkbox value={item} label={t(`idCopies.check.items.${item}`)} />
                </Table.Td>
                <Table.Td style={{ overflowWrap: 'anywhere' }} data-testid={`check-value-${item}`}>
                  {valueOf[item] ?? (
                    <Text span size="sm" c="dimmed">
                      {t('idCopies.check.notGiven')}
                    </Text>
                  )}
                </Table.Td>
                {record && (
                  <Table.Td style={{ overflowWrap: 'anywhere' }} c={record.masked ? 'dimmed' : undefined} data-testid={`record-value-${item}`}>
                    {recordValueOf[item] ?? '—'}
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Checkbox.Group>
      <Radio.Group label={t('idCopies.check.result')} value={result} onChange={(v) => setResult(v as 'verified' | 'notVerified')} required>
        <Stack gap={6} mt={6}>
          <Radio value="verified" label={t('idCopies.results.verified')} disabled={!allMatch} description={allMatch ? undefined : t('idCopies.check.verifiedNeedsAll')} />
          <Radio value="notVerified" label={t('idCopies.results.notVerified')} />
        </Stack>
      </Radio.Group>
      {result === 'notVerified' && (
        <Textarea
          label={t('idCopies.check.reason')}
          description={t('idCopies.check.reasonHint')}
          required
          autosize
          minRows={2}
          maxLength={2000}
          value={reason}
          onChange={(e) => {
            setReason(e.currentTarget.value);
            setReasonError(false);
          }}
          error={reasonError ? t('fieldErrors.required') : undefined}
        />
      )}
      <ErrorAlert error={failure} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button onClick={() => void save()} disabled={!result} loading={saving} color={result === 'notVerified' ? 'red' : undefined}>
          {t('idCopies.check.save')}
        </Button>
      </Group>
    </Stack>
  );
}

/** The customer record the request is linked to, as the core shows it to this person (masked for staff). */
function useLinkedRecord(customerId: string | null): CustomerRecord | null {
  return useLinkedCustomer(customerId).data ?? null;
}

function CheckResult({ copy, onClose }: { copy: IdCopyRow; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const verified = copy.result === 'verified';
  const check = copy.check;
  const mark = (ok: boolean | null | undefined) => (ok ? t('idCopies.check.matches') : t('idCopies.check.doesNotMatch'));
  return (
    <Stack gap="sm" data-testid="idcopy-result">
      <Group gap="xs">
        <Badge {...cellBadge} color={verified ? 'teal' : 'red'} variant="light" leftSection={verified ? <IconCircleCheck size={14} aria-hidden /> : <IconCircleX size={14} aria-hidden />}>
          {t(`idCopies.results.${copy.result}`)}
        </Badge>
        <Text size="sm" c="dimmed">
          {t('idCopies.check.checkedBy', { name: copy.verifiedByName ?? '—', at: formatDateTime(copy.verifiedAt, i18n.language) })}
        </Text>
      </Group>
      {check && (
        <Stack gap={2}>
          <Text size="sm">{`${t('idCopies.check.items.nameMatches')}: ${mark(check.nameMatches)}`}</Text>
          <Text size="sm">{`${t('idCopies.check.items.addressMatches')}: ${mark(check.addressMatches)}`}</Text>
          <Text size="sm">{`${t('idCopies.check.items.birthDateMatches')}: ${mark(check.birthDateMatches)}`}</Text>
          {check.authorityConfirmed !== null && <Text size="sm">{`${t('idCopies.check.items.authorityConfirmed')}: ${mark(check.authorityConfirmed)}`}</Text>}
        </Stack>
      )}
      {copy.notVerifiedReason && <Text size="sm">{t('idCopies.check.reasonShown', { reason: copy.notVerifiedReason })}</Text>}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {t('idCopies.close')}
        </Button>
      </Group>
    </Stack>
  );
}
