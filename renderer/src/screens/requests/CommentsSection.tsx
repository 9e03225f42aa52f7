// Internal comments on a request: for the office only, never sent to the person.
import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconMessagePlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeskErrorData } from '../../../../src-shared/errors';
import { isOpenState, type RequestDetail } from '../../../../src-shared/requests';
import { useClient } from '../../app/client-context';
import { showCustomerError } from '../customers/form-errors';
import { useSession } from '../../app/session';
import { requiredError } from '../../app/validate';
import { formatDateTime } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Section } from '../customers/RecordSections';
import { useRequestChanged } from './queries';

export function CommentsSection({ request }: { request: RequestDetail }) {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const client = useClient();
  const changed = useRequestChanged();
  const [failure, setFailure] = useState<DeskErrorData | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useForm({ initialValues: { text: '' }, validate: { text: requiredError } });
  const submit = form.onSubmit(async (v) => {
    setFailure(null);
    setBusy(true);
    const result = await client.call('requests.comment', { id: request.id, text: v.text.trim() });
    setBusy(false);
    if (!result.ok) return setFailure(showCustomerError(form, result.error));
    changed(result.value);
    form.reset();
  });
  return (
    <Section id="comments" title={t('requestView.sections.comments')}>
      <Stack gap="sm">
        <Text size="xs" c="dimmed">
          {t('requestView.comments.note')}
        </Text>
        {request.comments.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('requestView.comments.empty')}
          </Text>
        ) : (
          <Stack gap="xs" data-testid="request-comments">
            {request.comments.map((c) => (
              <Stack key={c.id} gap={0} p="xs" style={{ borderLeft: '3px solid var(--mantine-color-indigo-3)' }}>
                <Text size="xs" c="dimmed">
                  {c.actorName ?? '—'} · {formatDateTime(c.at, i18n.language)}
                </Text>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                  {c.text}
                </Text>
              </Stack>
            ))}
          </Stack>
        )}
        {session.permissions.includes('requests.write') && isOpenState(request.state) && (
          <form onSubmit={submit} noValidate aria-label={t('requestView.comments.add')}>
            <Stack gap="xs">
              <Textarea label={t('requestView.comments.add')} autosize minRows={2} maxLength={4000} {...form.getInputProps('text')} />
              <ErrorAlert error={failure} />
              <Group justify="flex-end">
                <Button type="submit" size="compact-sm" variant="light" loading={busy} leftSection={<IconMessagePlus size={14} aria-hidden />}>
                  {t('requestView.comments.submit')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Section>
  );
}
