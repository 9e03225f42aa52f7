// Asking for the reason before a record is shown in full (policy §4.2): a kind, a request number for a request, and the words.
import { Button, Group, Modal, Radio, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { revealReasonKinds, type CustomerRecord, type RevealReasonKind } from '../../../../src-shared/customers';
import type { DeskErrorData } from '../../../../src-shared/errors';
import { useClient } from '../../app/client-context';
import { FieldMessage } from '../../app/errors';
import { requiredError } from '../../app/validate';
import { ErrorAlert } from '../../components/ErrorAlert';
import { showCustomerError } from './form-errors';

export function RevealDialog({ id, opened, onClose, onRevealed }: { id: string; opened: boolean; onClose: () => void; onRevealed: (record: CustomerRecord, kind: RevealReasonKind) => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} size="lg" title={t('reveal.title')} closeOnClickOutside={false}>
      {opened && <RevealForm id={id} onClose={onClose} onRevealed={onRevealed} />}
    </Modal>
  );
}

function RevealForm({ id, onClose, onRevealed }: { id: string; onClose: () => void; onRevealed: (record: CustomerRecord, kind: RevealReasonKind) => void }) {
  const { t } = useTranslation();
  const client = useClient();
  const [failure, setFailure] = useState<DeskErrorData | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useForm({
    initialValues: { kind: '' as RevealReasonKind | '', requestId: '', text: '' },
    validate: {
      kind: (v) => (v ? null : <FieldMessage message="reveal.kind" />),
      requestId: (v, values) => (values.kind === 'request' && v.trim() === '' ? <FieldMessage message="reveal.requestId" /> : null),
      text: requiredError,
    },
  });

  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    setBusy(true);
    const kind = values.kind as RevealReasonKind;
    const reason = { kind, text: values.text, ...(kind === 'request' ? { requestId: values.requestId.trim() } : {}) };
    const result = await client.call('customers.reveal', { id, reason });
    setBusy(false);
    if (!result.ok) return setFailure(showCustomerError(form, result.error, (path) => (path.startsWith('reason.') ? path.slice('reason.'.length) : null)));
    onRevealed(result.value, kind);
  });

  return (
    <form onSubmit={submit} noValidate aria-label={t('reveal.title')}>
      <Stack gap="md">
        <Text size="sm">{t('reveal.explain')}</Text>
        <Radio.Group label={t('reveal.kind')} required {...form.getInputProps('kind')}>
          <SimpleGrid cols={2} spacing={6} mt={6}>
            {revealReasonKinds.map((kind) => (
              <Radio key={kind} value={kind} label={t(`reveal.kinds.${kind}`)} />
            ))}
          </SimpleGrid>
        </Radio.Group>
        {form.values.kind === 'request' && <TextInput required label={t('reveal.requestId')} description={t('reveal.requestIdHint')} maxLength={64} {...form.getInputProps('requestId')} />}
        <Textarea required label={t('reveal.text')} description={t('reveal.textHint')} autosize minRows={3} maxLength={1000} {...form.getInputProps('text')} />
        <ErrorAlert error={failure} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={busy}>
            {t('reveal.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
