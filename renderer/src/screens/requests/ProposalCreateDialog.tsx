// Proposing what the desk will do for a request (policy §7.2): disclose, change fields, erase, or stop use — the kind the
// request asks for. An officer other than the proposer decides.
import { Alert, Button, Center, Group, Loader, Modal, Stack, Text, Textarea } from '@mantine/core';
import { IconAlertTriangle, IconInfoCircle } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeskErrorData } from '../../../../src-shared/errors';
import { cessationScopeFor, correctableFields, proposalKindFor, type CessationScope, type CorrectableField, type ProposalKind, type RequestDetail } from '../../../../src-shared/requests';
import { useClient } from '../../app/client-context';
import { ErrorText, FieldMessage } from '../../app/errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { QueryError } from '../../components/QueryError';
import { usePurposes } from '../customers/queries';
import { changesOf, ProposalChangeEditor, type ChangeDraft } from './ProposalChangeEditor';
import { useLinkedCustomer, useRequestChanged } from './queries';


export function ProposalCreateDialog({ request, opened, onClose }: { request: RequestDetail; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const kind = proposalKindFor[request.kind];
  return (
    <Modal opened={opened} onClose={onClose} size={kind === 'change' ? 1000 : 'lg'} closeOnClickOutside={false} title={t(`proposals.create.title.${kind}`)}>
      {opened && <CreateForm request={request} kind={kind} onClose={onClose} />}
    </Modal>
  );
}

function CreateForm({ request, kind, onClose }: { request: RequestDetail; kind: ProposalKind; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useClient();
  const changed = useRequestChanged();
  const [note, setNote] = useState('');
  const [draft, setDraft] = useState<ChangeDraft>({});
  const [failure, setFailure] = useState<DeskErrorData | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<CorrectableField, ReactNode>>>({});
  const [saving, setSaving] = useState(false);
  const scope = cessationScopeFor[request.kind];

  const submit = async () => {
    setFailure(null);
    setFieldErrors({});
    const changes = kind === 'change' ? changesOf(draft) : [];
    setSaving(true);
    try {
      const result = await client.call('proposals.create', {
        requestId: request.id,
        kind,
        changes,
        ...(kind === 'cease' && scope ? { cessation: { scope, ...(scope === 'purpose' && request.purposeId ? { purposeId: request.purposeId } : {}) } } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      if (!result.ok) {
        const placed = placeOnFields(result.error, changes.map((c) => c.field));
        setFieldErrors(placed.fields);
        return setFailure(placed.rest);
      }
      changed(result.value);
      onClose();
    } finally {
      setSaving(false);
    }
  };

  // A field's refusal goes as soon as its value is edited; the others stay until the next try.
  const editDraft = (next: ChangeDraft) => {
    setFieldErrors((errors) => Object.fromEntries(Object.entries(errors).filter(([f]) => JSON.stringify(next[f as CorrectableField]) === JSON.stringify(draft[f as CorrectableField]))));
    setDraft(next);
  };
  const blocked = kind === 'change' && Object.keys(draft).length === 0;
  return (
    <Stack gap="md" data-testid="proposal-create">
      {kind === 'disclose' && <Text size="sm">{t('proposals.create.discloseExplain')}</Text>}
      {kind === 'erase' && (
        <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} title={t('proposals.create.eraseWarningTitle')} data-testid="erase-warning">
          {t('proposals.create.eraseWarning')}
        </Alert>
      )}
      {kind === 'cease' && scope && <CessationSummary scope={scope} purposeId={request.purposeId} />}
      {kind === 'change' && request.customerId && <ChangeSection customerId={request.customerId} draft={draft} onChange={editDraft} errors={fieldErrors} />}
      <Textarea label={t('proposals.create.note')} description={t('proposals.create.noteHint')} autosize minRows={2} maxLength={2000} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
      <ErrorAlert error={failure} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button onClick={() => void submit()} disabled={blocked} loading={saving} color={kind === 'erase' ? 'red' : undefined}>
          {t('proposals.create.submit')}
        </Button>
      </Group>
    </Stack>
  );
}

function ChangeSection({ customerId, draft, onChange, errors }: { customerId: string; draft: ChangeDraft; onChange: (d: ChangeDraft) => void; errors: Partial<Record<CorrectableField, ReactNode>> }) {
  const { t } = useTranslation();
  const customer = useLinkedCustomer(customerId);
  if (customer.error) return <QueryError error={customer.error} />;
  if (!customer.data) {
    return (
      <Center py="md">
        <Loader size="sm" aria-label={t('common.loading')} />
      </Center>
    );
  }
  return (
    <Stack gap="xs">
      <Text size="sm">{t('proposals.create.changeExplain', { customerNo: customer.data.customerNo })}</Text>
      {customer.data.masked && (
        <Text size="xs" c="dimmed">
          {t('proposals.create.maskedNote')}
        </Text>
      )}
      <ProposalChangeEditor record={customer.data} draft={draft} onChange={onChange} errors={errors} />
    </Stack>
  );
}

function CessationSummary({ scope, purposeId }: { scope: CessationScope; purposeId: string | null }) {
  const { t, i18n } = useTranslation();
  const purposes = usePurposes();
  const purpose = purposes.data?.purposes.find((p) => p.id === purposeId);
  const title = purpose ? (i18n.language === 'ja' ? purpose.titleJa : purpose.titleEn) : purposeId;
  return (
    <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden />} data-testid="cessation-summary">
      <Stack gap={4}>
        <Text size="sm" fw={600}>
          {t(`proposals.scopes.${scope}`)}
        </Text>
        {scope === 'purpose' && <Text size="sm">{t('proposals.create.purpose', { id: purposeId ?? '', title: title ?? '' })}</Text>}
        <Text size="sm">{t(`proposals.create.ceaseExplain.${scope}`)}</Text>
      </Stack>
    </Alert>
  );
}

/** A refused value, said as a field's message (`required`, `phone.format`) when there is one, else as the core's sentence. */
function ValueRefusal({ error }: { error: DeskErrorData }) {
  const { i18n } = useTranslation();
  return i18n.exists(`fieldErrors.${error.message}`) ? <FieldMessage message={error.message} /> : <ErrorText error={error} />;
}

/** Splits a refusal into the messages that belong next to a changed field (by the path `changes.N...`) and the rest. */
function placeOnFields(error: DeskErrorData, fields: CorrectableField[]): { fields: Partial<Record<CorrectableField, ReactNode>>; rest: DeskErrorData | null } {
  const out: Partial<Record<CorrectableField, ReactNode>> = {};
  const fieldAt = (path: unknown): CorrectableField | null => {
    const m = typeof path === 'string' ? /^changes\.(\d+)/.exec(path) : null;
    const field = m ? fields[Number(m[1])] : undefined;
    return field && (correctableFields as readonly string[]).includes(field) ? field : null;
  };
  if (error.code === 'VALIDATION' && error.message === 'validation.input' && Array.isArray(error.details?.issues)) {
    const issues = error.details.issues as { path: string; message: string }[];
    let all = true;
    for (const issue of issues) {
      const field = fieldAt(issue.path);
      if (field) out[field] = <FieldMessage message={issue.message} />;
      else all = false;
    }
    return { fields: out, rest: all && issues.length > 0 ? null : error };
  }
  const field = fieldAt(error.details?.path);
  if (field) {
    out[field] = <ValueRefusal error={error} />;
    return { fields: out, rest: null };
  }
  return { fields: out, rest: error };
}
