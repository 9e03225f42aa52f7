// Bulk work on the request register: the bar over the list and the dialog of the action chosen, by the person's permissions.
import { Button } from '@mantine/core';
import { IconCalendarPlus, IconFileSpreadsheet, IconMail, IconUserShare } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from '../../app/client-context';
import { useSession } from '../../app/session';
import { useAssignees } from './assignees';
import { BulkBar } from './BulkBar';
import { ExportSelectionDialog } from './ExportSelection';
import { AssignDialog, ExtendDialog, NotifyDialog, type RequestBulkAction } from './RequestBulkActions';
import type { Selection } from './selection';

export function RequestBulkBar({ selection, revealed }: { selection: Selection; revealed: boolean }) {
  const { t } = useTranslation();
  const session = useSession();
  const client = useClient();
  const queryClient = useQueryClient();
  const assignees = useAssignees();
  const [action, setAction] = useState<RequestBulkAction | 'export' | null>(null);
  // The ids are taken when the dialog opens: the preview and the run concern the same rows.
  const [ids, setIds] = useState<string[]>([]);
  const can = (p: string) => session.permissions.includes(p as never);
  const open = (a: RequestBulkAction | 'export') => {
    setIds(selection.ids());
    setAction(a);
  };
  const close = () => setAction(null);
  const ran = () => {
    void queryClient.invalidateQueries({ queryKey: ['requests'] });
    selection.clear();
  };
  const common = { onClose: close, ids, onRan: ran };
  return (
    <>
      <BulkBar selection={selection}>
        {can('requests.assign') && (
          <Button size="compact-sm" variant="light" leftSection={<IconUserShare size={16} aria-hidden />} onClick={() => open('assign')} data-testid="bulk-assign">
            {t('bulk.actions.assign')}
          </Button>
        )}
        {can('requests.manage') && (
          <Button size="compact-sm" variant="light" leftSection={<IconCalendarPlus size={16} aria-hidden />} onClick={() => open('extend')} data-testid="bulk-extend">
            {t('bulk.actions.extend')}
          </Button>
        )}
        {can('notices.render') && (
          <Button size="compact-sm" variant="light" leftSection={<IconMail size={16} aria-hidden />} onClick={() => open('notify')} data-testid="bulk-notify">
            {t('bulk.actions.notify')}
          </Button>
        )}
        <Button size="compact-sm" variant="light" leftSection={<IconFileSpreadsheet size={16} aria-hidden />} onClick={() => open('export')} data-testid="bulk-export">
          {t('bulk.actions.export')}
        </Button>
      </BulkBar>
      <AssignDialog opened={action === 'assign'} assignees={assignees} {...common} />
      <ExtendDialog opened={action === 'extend'} {...common} />
      <NotifyDialog opened={action === 'notify'} {...common} />
      <ExportSelectionDialog
        opened={action === 'export'}
        onClose={close}
        count={ids.length}
        name="requests"
        contents={t(revealed ? 'bulk.export.requestsRevealed' : 'bulk.export.requestsMasked')}
        call={(saveTo) => client.call('bulk.exportRequests', { ids, reveal: revealed, ...(saveTo ? { saveTo } : {}) })}
      />
    </>
  );
}
