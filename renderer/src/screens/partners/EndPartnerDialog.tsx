// Ending a partnership on a date, or taking an ended one up again: a partner is never deleted while records refer to it.
import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeskErrorData } from '../../../../src-shared/errors';
import type { Partner } from '../../../../src-shared/registers';
import { useClient } from '../../app/client-context';
import { FieldMessage } from '../../app/errors';
import { formatDay, today } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Translated } from '../../components/Translated';
import { partnerInputOf } from './PartnerFormDialog';
import { usePartnersChanged } from './queries';

/** The partner's current details, as the update call takes them with the new end date. */
function unchanged(p: Partner) {
  return partnerInputOf({ ...p, contractFrom: p.contractFrom ?? '', contractTo: p.contractTo ?? '', contactPhone: p.contactPhone ?? '' });
}

export function EndPartnerDialog({ partner, onClose }: { partner: Partner | null; onClose: () => void }) {
  const { t } = useTranslation();
  const title = partner ? t(partner.endedOn ? 'partners.end.resumeTitle' : 'partners.end.title', { name: partner.name }) : '';
  return (
    <Modal opened={partner !== null} onClose={onClose} title={title} size="md">
      {partner && <EndForm key={partner.id} partner={partner} onClose={onClose} />}
    </Modal>
  );
}

function EndForm({ partner, onClose }: { partner: Partner; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const changed = usePartnersChanged();
  const [endedOn, setEndedOn] = useState(today());
  const [failure, setFailure] = useState<DeskErrorData | null>(null);
  const [busy, setBusy] = useState(false);
  const resuming = partner.endedOn !== null;

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!resuming && !endedOn) return;
    setFailure(null);
    setBusy(true);
    const result = await client.call('partners.update', { id: partner.id, partner: unchanged(partner), endedOn: resuming ? null : endedOn });
    setBusy(false);
    if (!result.ok) return setFailure(result.error);
    changed();
    notifications.show({ color: 'teal', message: <Translated k={resuming ? 'partners.end.resumed' : 'partners.end.done'} values={{ name: partner.name }} /> });
    onClose();
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="md">
        <Text size="sm">{resuming ? t('partners.end.resumeExplain', { on: formatDay(partner.endedOn, i18n.language) }) : t('partners.end.explain')}</Text>
        {!resuming && (
          <TextInput type="date" required data-autofocus label={t('partners.end.on')} value={endedOn} onChange={(e) => setEndedOn(e.currentTarget.value)} error={endedOn ? null : <FieldMessage message="date.format" />} />
        )}
        <ErrorAlert error={failure} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" color={resuming ? undefined : 'red'} loading={busy} disabled={!resuming && !endedOn}>
            {resuming ? t('partners.end.resume') : t('partners.end.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
