// The request's ID copy checks (policy §5.2 note, APPI Art. 37): attach a redacted copy, check it against the request,
// and every copy so far with its result, its hash, and when its image is (or was) erased.
import { Badge, Button, Card, Group, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconCircleCheck, IconCircleX, IconClockHour4, IconIdBadge2 } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isOpenState, type IdCopyRow, type RequestDetail } from '../../../../src-shared/requests';
import { useSession } from '../../app/session';
import { cellBadge } from '../../components/badge';
import { formatDateTime, formatDay } from '../../components/dates';
import { IdCopyAttachDialog } from './IdCopyAttachDialog';
import { IdCopyCheckDialog } from './IdCopyCheckDialog';

export function IdCopyPanel({ request }: { request: RequestDetail }) {
  const { t } = useTranslation();
  const session = useSession();
  const [attaching, setAttaching] = useState(false);
  const [checking, setChecking] = useState<string | null>(null);
  const mayCheck = session.permissions.includes('idcopies.check');
  const open = isOpenState(request.state) && request.personalDataErasedAt === null;

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="idcopies-title" data-testid="idcopy-panel" data-verified={String(request.identityVerified)}>
      <Group justify="space-between" mb="sm" wrap="nowrap">
        <Group gap="sm">
          <Title order={2} size="h4" id="idcopies-title">
            {t('idCopies.title')}
          </Title>
          <Badge {...cellBadge} variant="light" color={request.identityVerified ? 'teal' : 'orange'} data-testid="identity-state">
            {request.identityVerified ? t('idCopies.identityVerified') : t('idCopies.identityNotVerified')}
          </Badge>
        </Group>
        {mayCheck && open && (
          <Button leftSection={<IconIdBadge2 size={18} aria-hidden />} onClick={() => setAttaching(true)}>
            {t('idCopies.attach.open')}
          </Button>
        )}
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        {t('idCopies.intro')}
      </Text>
      {request.idCopies.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('idCopies.none')}
        </Text>
      ) : (
        <CopiesTable copies={request.idCopies} mayCheck={mayCheck} onOpen={setChecking} />
      )}
      {mayCheck && <IdCopyAttachDialog request={request} opened={attaching} onClose={() => setAttaching(false)} onAttached={setChecking} />}
      {mayCheck && <IdCopyCheckDialog request={request} copyId={checking} onClose={() => setChecking(null)} />}
    </Card>
  );
}

function CopiesTable({ copies, mayCheck, onOpen }: { copies: IdCopyRow[]; mayCheck: boolean; onOpen: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table verticalSpacing={6} fz="sm" data-testid="idcopy-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('idCopies.columns.document')}</Table.Th>
            <Table.Th>{t('idCopies.columns.attached')}</Table.Th>
            <Table.Th>{t('idCopies.columns.result')}</Table.Th>
            <Table.Th>{t('idCopies.columns.hash')}</Table.Th>
            <Table.Th>{t('idCopies.columns.image')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {copies.map((c) => (
            <Table.Tr key={c.id} data-idcopy-id={c.id} data-result={c.result ?? 'unchecked'} data-erased={String(c.erasedAt !== null)}>
              <Table.Td>
                <Text size="sm">{t(`idCopies.documentTypes.${c.documentType}`)}</Text>
                <Text size="xs" c="dimmed">
                  {t(`idCopies.sides.${c.side}`)} · {t('idCopies.redactionCount', { count: c.redactions })}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{formatDateTime(c.attachedAt, lang)}</Text>
                <Text size="xs" c="dimmed">
                  {c.attachedByName ?? '—'}
                </Text>
              </Table.Td>
              <Table.Td>
                <ResultBadge copy={c} />
                {c.verifiedAt && (
                  <Text size="xs" c="dimmed">
                    {t('idCopies.check.checkedBy', { name: c.verifiedByName ?? '—', at: formatDateTime(c.verifiedAt, lang) })}
                  </Text>
                )}
                {c.notVerifiedReason && (
                  <Text size="xs" c="dimmed" lineClamp={2} maw={240}>
                    {c.notVerifiedReason}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Tooltip label={c.sha256} multiline w={300}>
                  <Text size="xs" ff="monospace" data-testid="idcopy-hash" aria-label={`SHA-256 ${c.sha256}`}>
                    {c.sha256.slice(0, 16)}…
                  </Text>
                </Tooltip>
              </Table.Td>
              <Table.Td>
                {c.erasedAt ? (
                  <Badge {...cellBadge} color="gray" variant="light">
                    {t('idCopies.erasedOn', { date: formatDateTime(c.erasedAt, lang) })}
                  </Badge>
                ) : c.eraseOn ? (
                  <Text size="sm">{t('idCopies.eraseOn', { date: formatDay(c.eraseOn, lang) })}</Text>
                ) : (
                  <Text size="xs" c="dimmed">
                    {t('idCopies.eraseAfterClose')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                {mayCheck && !c.erasedAt && (
                  <Button size="compact-sm" variant={c.result === null ? 'filled' : 'light'} onClick={() => onOpen(c.id)}>
                    {c.result === null ? t('idCopies.checkNow') : t('idCopies.viewCopy')}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function ResultBadge({ copy }: { copy: IdCopyRow }) {
  const { t } = useTranslation();
  if (copy.result === null) {
    return (
      <Badge {...cellBadge} color="orange" variant="light" leftSection={<IconClockHour4 size={12} aria-hidden />}>
        {t('idCopies.results.unchecked')}
      </Badge>
    );
  }
  const verified = copy.result === 'verified';
  return (
    <Stack gap={0}>
      <Badge {...cellBadge} color={verified ? 'teal' : 'red'} variant="light" leftSection={verified ? <IconCircleCheck size={12} aria-hidden /> : <IconCircleX size={12} aria-hidden />}>
        {t(`idCopies.results.${copy.result}`)}
      </Badge>
    </Stack>
  );
}
