// The forms of the bulk actions on requests: hand on to a colleague, extend with one reason, write one notice to each.
import { NumberInput, SegmentedControl, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BulkExtension, BulkResult } from '../../../../src-shared/api/bulk';
import { noticeKinds, type NoticeKind, type NoticeLanguage } from '../../../../src-shared/requests';
import { useClient } from '../../app/client-context';
import { BulkDialog } from './BulkDialog';
import type { AssigneeOption } from './assignees';

export type RequestBulkAction = 'assign' | 'extend' | 'notify';

interface ActionProps {
  opened: boolean;
  onClose: () => void;
  ids: string[];
  onRan: (result: BulkResult) => void;
}

export function AssignDialog({ assignees, ...props }: ActionProps & { assignees: AssigneeOption[] }) {
  const { t } = useTranslation();
  const client = useClient();
  const [assigneeId, setAssigneeId] = useState<string | null>(null);
  const options = assignees.filter((a) => a.assignable);
  return (
    <BulkDialog
      {...props}
      title={t('bulk.assign.title')}
      count={props.ids.length}
      ready={assigneeId !== null}
      call={(step) => client.call('bulk.assign', { step, ids: props.ids, assigneeId: assigneeId! })}
      changeLabel={t('bulk.columns.assignee')}
      confirmLabel={t('bulk.assign.confirm')}
    >
      <Select
        label={t('bulk.assign.to')}
        description={t('bulk.assign.hint')}
        data={options.map((a) => ({ value: a.value, label: a.label }))}
        value={assigneeId}
        onChange={setAssigneeId}
        searchable
        required
        data-autofocus
        data-testid="bulk-assignee"
      />
    </BulkDialog>
  );
}

export function ExtendDialog(props: ActionProps) {
  const { t } = useTranslation();
  const client = useClient();
  const [mode, setMode] = useState<BulkExtension['mode']>('businessDays');
  const [days, setDays] = useState<number | string>(10);
  const [dueOn, setDueOn] = useState('');
  const [reason, setReason] = useState('');
  const extension: BulkExtension | null =
    mode === 'businessDays' ? (typeof days === 'number' && days >= 1 && days <= 60 ? { mode, days } : null) : /^\d{4}-\d{2}-\d{2}$/.test(dueOn) ? { mode, dueOn } : null;
  return (
    <BulkDialog
      {...props}
      title={t('bulk.extend.title')}
      count={props.ids.length}
      ready={extension !== null && reason.trim() !== ''}
      call={(step) => client.call('bulk.extend', { step, ids: props.ids, extension: extension!, reason })}
      changeLabel={t('bulk.columns.dueOn')}
      confirmLabel={t('bulk.extend.confirm')}
    >
      <Text size="sm">{t('bulk.extend.explain')}</Text>
      <Stack gap={6}>
        <Text size="sm" fw={500} id="bulk-extend-mode">
          {t('bulk.extend.mode')}
        </Text>
        <SegmentedControl
          aria-labelledby="bulk-extend-mode"
          value={mode}
          onChange={(v) => setMode(v as BulkExtension['mode'])}
          data={[
            { value: 'businessDays', label: t('bulk.extend.byDays') },
            { value: 'dueOn', label: t('bulk.extend.oneDate') },
          ]}
        />
      </Stack>
      {mode === 'businessDays' ? (
        <NumberInput label={t('bulk.extend.days')} description={t('bulk.extend.daysHint')} min={1} max={60} value={days} onChange={setDays} required w={260} data-testid="bulk-extend-days" />
      ) : (
        <TextInput type="date" label={t('bulk.extend.dueOn')} value={dueOn} onChange={(e) => setDueOn(e.currentTarget.value)} required w={260} data-testid="bulk-extend-due" />
      )}
      <Textarea
        label={t('bulk.extend.reason')}
        description={t('bulk.extend.reasonHint')}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        autosize
        minRows={3}
        maxLength={2000}
        required
        data-testid="bulk-extend-reason"
      />
    </BulkDialog>
  );
}

export function NotifyDialog(props: ActionProps) {
  const { t } = useTranslation();
  const client = useClient();
  const [kind, setKind] = useState<NoticeKind | null>(null);
  const [language, setLanguage] = useState<'own' | NoticeLanguage>('own');
  return (
    <BulkDialog
      {...props}
      title={t('bulk.notify.title')}
      count={props.ids.length}
      ready={kind !== null}
      call={(step) => client.call('bulk.notify', { step, ids: props.ids, kind: kind!, ...(language === 'own' ? {} : { language }) })}
      confirmLabel={t('bulk.notify.confirm')}
    >
      <Text size="sm">{t('bulk.notify.explain')}</Text>
      <Select
        label={t('bulk.notify.kind')}
        data={noticeKinds.map((k) => ({ value: k, label: t(`bulk.noticeKinds.${k}`) }))}
        value={kind}
        onChange={(v) => setKind(v as NoticeKind | null)}
        required
        data-autofocus
        data-testid="bulk-notice-kind"
      />
      <Select
        label={t('bulk.notify.language')}
        data={[
          { value: 'own', label: t('bulk.notify.ownLanguage') },
          { value: 'ja', label: t('bulk.notify.ja') },
          { value: 'en', label: t('bulk.notify.en') },
        ]}
        value={language}
        onChange={(v) => setLanguage((v ?? 'own') as 'own' | NoticeLanguage)}
        allowDeselect={false}
      />
    </BulkDialog>
  );
}
