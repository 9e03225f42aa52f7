// Bulk work on the customer list: the selection exported as a CSV, masked for staff as their list is (policy §4.2).
import { Button } from '@mantine/core';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from '../../app/client-context';
import { useSession } from '../../app/session';
import { BulkBar } from './BulkBar';
import { ExportSelectionDialog } from './ExportSelection';
import type { Selection } from './selection';

/** Memoised with a stable store: a key typed in the search box does not redraw the bar. */
export const CustomerBulkBar = memo(function CustomerBulkBar({ selection }: { selection: Selection }) {
  const { t } = useTranslation();
  const client = useClient();
  const session = useSession();
  const [ids, setIds] = useState<string[] | null>(null);
  const masked = session.role !== 'officer';
  return (
    <>
      <BulkBar selection={selection}>
        <Button size="compact-sm" variant="light" leftSection={<IconFileSpreadsheet size={16} aria-hidden />} onClick={() => setIds(selection.ids())} data-testid="bulk-export">
          {t('bulk.actions.export')}
        </Button>
      </BulkBar>
      <ExportSelectionDialog
        opened={ids !== null}
        onClose={() => setIds(null)}
        count={ids?.length ?? 0}
        name="customers"
        contents={t(masked ? 'bulk.export.customersMasked' : 'bulk.export.customersFull')}
        call={(saveTo) => client.call('bulk.exportCustomers', { ids: ids ?? [], ...(saveTo ? { saveTo } : {}) })}
      />
    </>
  );
});
