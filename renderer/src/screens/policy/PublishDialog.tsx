// Publishing a new version of the policy (officer): the text in Japanese and English from the newest version, the dates.
import { Alert, Button, Group, Modal, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeskErrorData } from '../../../../src-shared/errors';
import type { PolicyVersionText } from '../../../../src-shared/registers';
import { useClient } from '../../app/client-context';
import { FieldMessage } from '../../app/errors';
import { requiredError } from '../../app/validate';
import { today } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Translated } from '../../components/Translated';
import { showCustomerError } from '../customers/form-errors';
import { policyKeys } from './queries';

interface Values {
  textJa: string;
  textEn: string;
  postedOn: string;
  effectiveOn: string;
}

export function PublishDialog({ opened, latest, onClose, onPublished }: { opened: boolean; latest: PolicyVersionText; onClose: () => void; onPublished: (v: PolicyVersionText) => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('policyVersions.publish.title', { version: latest.version + 1 })} size={1100} closeOnClickOutside={false}>
      {opened && <PublishForm latest={latest} onClose={onClose} onPublished={onPublished} />}
    </Modal>
  );
}

function PublishForm({ latest, onClose, onPublished }: { latest: PolicyVersionText; onClose: () => void; onPublished: (v: PolicyVersionText) => void }) {
  const { t } = useTranslation();
  const client = useClient();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<DeskErrorData | null>(null);
  const form = useForm<Values>({
    initialValues: { textJa: latest.textJa, textEn: latest.textEn, postedOn: today(), effectiveOn: today() },
    validate: {
      textJa: requiredError,
      textEn: requiredError,
      postedOn: (v) => (v === '' ? <FieldMessage message="required" /> : null),
      effectiveOn: (v, values) => (v === '' ? <FieldMessage message="required" /> : v < values.postedOn ? <FieldMessage message="policy.effectiveBeforePosted" /> : null),
    },
  });
  const unchanged = form.values.textJa.trim() === latest.textJa.trim() && form.values.textEn.trim() === latest.textEn.trim();
  const submit = form.onSubmit(async (v) => {
    setFailure(null);
    const result = await client.call('policy.publish', { textJa: v.textJa, textEn: v.textEn, postedOn: v.postedOn, effectiveOn: v.effectiveOn });
    if (!result.ok) return setFailure(showCustomerError(form, result.error, (path) => (path in v ? path : null)));
    await queryClient.invalidateQueries({ queryKey: policyKeys.versions });
    // Consents and purposes name the version in force: their screens ask again.
    void queryClient.invalidateQueries({ queryKey: ['purposes'] });
    notifications.show({ color: 'teal', message: <Translated k="policyVersions.publish.done" values={{ version: result.value.version }} /> });
    onPublished(result.value);
  });
  return (
    <form onSubmit={submit} noValidate aria-label={t('policyVersions.publish.title', { version: latest.version + 1 })}>
      <Stack gap="md">
        <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden />} py="xs">
          <Text size="sm">{t('policyVersions.publish.explain', { version: latest.version })}</Text>
        </Alert>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" maw={560}>
          <TextInput type="date" required label={t('policyVersions.columns.postedOn')} description={t('policyVersions.publish.postedHint')} {...form.getInputProps('postedOn')} />
          <TextInput type="date" required min={latest.effectiveOn > form.values.postedOn ? latest.effectiveOn : form.values.postedOn} label={t('policyVersions.columns.effectiveOn')} description={t('policyVersions.publish.effectiveHint')} {...form.getInputProps('effectiveOn')} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <Textarea required label={t('policyVersions.textJa')} autosize minRows={12} maxRows={24} lang="ja" styles={{ input: { lineHeight: 1.7 } }} {...form.getInputProps('textJa')} />
          <Textarea required label={t('policyVersions.textEn')} autosize minRows={12} maxRows={24} lang="en" styles={{ input: { lineHeight: 1.7 } }} {...form.getInputProps('textEn')} />
        </SimpleGrid>
        {unchanged && (
          <Text size="sm" c="orange.8" data-testid="publish-unchanged">
            {t('policyVersions.publish.unchanged')}
          </Text>
        )}
        <ErrorAlert error={failure} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={form.submitting} disabled={unchanged}>
            {t('policyVersions.publish.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
