// 印刷 / Print on a record's view: the printout is recorded in the audit trail first, then the page prints (print CSS in
// app/global.css), with a line saying which desk, who and when.
import { Button, Text, Tooltip } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrintableRecord } from '../../../src-shared/api/records';
import type { DeskErrorData } from '../../../src-shared/errors';
import { useClient } from '../app/client-context';
import { useSession } from '../app/session';
import { formatDateTime } from './dates';
import { ErrorAlert } from './ErrorAlert';

declare global {
  interface Window {
    /** Set while a record's view is shown: the application menu's ファイル > 印刷… prints through it (electron/shell/menu.ts). */
    deskPrint?: () => Promise<void>;
  }
}

/**
 * A printout of a customer record, a request or an incident is a use of personal data: `records.printed` goes into the
 * trail before `window.print()` (which works in Electron's sandboxed renderer and in Chromium alike). A refusal (a
 * staff member whose statement lapsed) prints nothing and says why.
 */
export function PrintButton({ type, id }: { type: PrintableRecord; id: string }) {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const session = useSession();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<DeskErrorData | null>(null);
  const [printedAt, setPrintedAt] = useState<string | null>(null);

  const print = useCallback(async () => {
    setBusy(true);
    setFailure(null);
    const result = await client.call('records.printed', { type, id });
    setBusy(false);
    if (!result.ok) return setFailure(result.error);
    setPrintedAt(new Date().toISOString());
    // The line with the time must be on the page before the print dialog takes its snapshot.
    await new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
    window.print();
  }, [client, type, id]);

  useEffect(() => {
    window.deskPrint = print;
    return () => {
      if (window.deskPrint === print) delete window.deskPrint;
    };
  }, [print]);

  return (
    <>
      <Tooltip label={t('desktop.print.hint')} withArrow multiline w={260}>
        <Button variant="default" leftSection={<IconPrinter size={18} aria-hidden />} loading={busy} onClick={() => void print()} aria-keyshortcuts="Control+P Meta+P" data-testid="print-button">
          {t('desktop.print.button')}
        </Button>
      </Tooltip>
      {failure && (
        <div className="no-print">
          <ErrorAlert error={failure} />
        </div>
      )}
      {printedAt && (
        <Text className="print-only" size="xs" data-testid="printed-by">
          {t('desktop.print.printedBy', { desk: t('desktop.print.desk'), name: session.displayName, at: formatDateTime(printedAt, i18n.language) })}
        </Text>
      )}
    </>
  );
}
