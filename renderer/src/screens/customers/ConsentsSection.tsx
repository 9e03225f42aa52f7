// Consents per purpose of use (policy §3): given or withdrawn, with date, channel and policy version; record and withdraw for those allowed.
import { Badge, Button, Group, Modal, NativeSelect, Stack, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { consentChannels, type ConsentChannel, type ConsentRecord, type Purpose } from '../../../../src-shared/customers';
import type { DeskErrorData } from '../../../../src-shared/errors';
import { useClient } from '../../app/client-context';
import { FieldMessage } from '../../app/errors';
import { useSession } from '../../app/session';
import { cellBadge } from '../../components/badge';
import { formatDay, today } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { QueryError } from '../../components/QueryError';
import { Translated } from '../../components/Translated';
import { usePurposes } from './queries';
import { Section } from './RecordSections';

/** Channels a person records by hand; `import` is the CSV import's own. */
const handChannels = consentChannels.filter((c) => c !== 'import');

type Dialog = { kind: 'record' | 'withdraw'; purpose: Purpose };

export function purposeTitle(purpose: Purpose, language: string): string {
  return `${purpose.id} ${language === 'en' ? purpose.titleEn : purpose.titleJa}`;
}

export function ConsentsSection({ customerId, consents, onChanged }: { customerId: string; consents: ConsentRecord[]; onChanged: (consents: ConsentRecord[]) => void }) {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const purposes = usePurposes();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const canWrite = session.permissions.includes('consents.write');
  const lang = i18n.language;
  const byPurpose = new Map(consents.map((c) => [c.purposeId, c]));

  return (
    <Section id="consents" title={t('customerRecord.sections.consents')}>
      <QueryError error={purposes.error} />
      <Table.ScrollContainer minWidth={640}>
        <Table verticalSpacing={6} fz="sm" data-testid="consents-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('consents.purpose')}</Table.Th>
              <Table.Th>{t('consents.state')}</Table.Th>
              <Table.Th>{t('consents.on')}</Table.Th>
              <Table.Th>{t('consents.channel')}</Table.Th>
              <Table.Th>{t('consents.policyVersion')}</Table.Th>
              {canWrite && <Table.Th />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(purposes.data?.purposes ?? []).map((p) => {
              const c = byPurpose.get(p.id);
              return (
                <Table.Tr key={p.id} data-purpose={p.id} data-state={c?.state ?? 'none'}>
                  <Table.Td>
                    <Text size="sm">{purposeTitle(p, lang)}</Text>
                    {p.optIn && (
                      <Badge {...cellBadge} size="xs" color="grape" variant="light">
                        {t('consents.optIn')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Badge {...cellBadge} color={c?.state === 'given' ? 'teal' : c?.state === 'withdrawn' ? 'red' : 'gray'} variant="light">
                      {t(c ? `consents.${c.state}` : 'consents.none')}
                    </Badge>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{c ? formatDay(c.on, lang) : ''}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{c ? t(`consents.channels.${c.channel}`) : ''}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{c ? t('consents.version', { version: c.policyVersion }) : ''}</Table.Td>
                  {canWrite && (
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {c?.state === 'given' ? (
                        <Button size="compact-sm" variant="default" color="red" onClick={() => setDialog({ kind: 'withdraw', purpose: p })} aria-label={`${t('consents.withdraw')}: ${purposeTitle(p, lang)}`}>
                          {t('consents.withdraw')}
                        </Button>
                      ) : (
                        <Button size="compact-sm" variant="light" onClick={() => setDialog({ kind: 'record', purpose: p })} aria-label={`${t('consents.record')}: ${purposeTitle(p, lang)}`}>
                          {t('consents.record')}
                        </Button>
                      )}
                    </Table.Td>
                  )}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Modal
        opened={dialog !== null}
        onClose={() => setDialog(null)}
        title={dialog ? t(dialog.kind === 'record' ? 'consents.recordTitle' : 'consents.withdrawTitle', { purpose: purposeTitle(dialog.purpose, lang) }) : ''}
      >
        {dialog && (
          <ConsentForm
            customerId={customerId}
            dialog={dialog}
            onClose={() => setDialog(null)}
            onDone={(next) => {
              onChanged(next);
              setDialog(null);
            }}
          />
        )}
      </Modal>
    </Section>
  );
}

function ConsentForm({ customerId, dialog, onClose, onDone }: { customerId: string; dialog: Dialog; onClose: () => void; onDone: (consents: ConsentRecord[]) => void }) {
  const { t } = useTranslation();
  const client = useClient();
  const [channel, setChannel] = useState<ConsentChannel>('counter');
  const [givenOn, setGivenOn] = useState(today());
  const [failure, setFailure] = useState<DeskErrorData | null>(null);
  const [busy, setBusy] = useState(false);
  const recording = dialog.kind === 'record';

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setFailure(null);
    setBusy(true);
    const result = recording
      ? await client.call('consents.record', { customerId, purposeId: dialog.purpose.id, channel, givenOn })
      : await client.call('consents.withdraw', { customerId, purposeId: dialog.purpose.id, channel });
    setBusy(false);
    if (!result.ok) return setFailure(result.error);
    notifications.show({ color: 'teal', message: <Translated k={recording ? 'consents.recorded' : 'consents.withdrawnDone'} /> });
    onDone(result.value.consents);
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="md">
        {!recording && <Text size="sm">{t('consents.withdrawExplain')}</Text>}
        <NativeSelect
          label={t('consents.channel')}
          value={channel}
          onChange={(e) => setChannel(e.currentTarget.value as ConsentChannel)}
          data={handChannels.map((c) => ({ value: c, label: t(`consents.channels.${c}`) }))}
        />
        {recording && (
          <TextInput
            type="date"
            required
            max={today()}
            label={t('consents.givenOn')}
            value={givenOn}
            onChange={(e) => setGivenOn(e.currentTarget.value)}
            error={givenOn ? null : <FieldMessage message="date.format" />}
          />
        )}
        <ErrorAlert error={failure} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" color={recording ? undefined : 'red'} loading={busy} disabled={recording && !givenOn}>
            {t(recording ? 'consents.submitRecord' : 'consents.submitWithdraw')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
