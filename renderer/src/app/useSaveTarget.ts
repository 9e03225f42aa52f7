// Asking where an export goes: the operating system's save dialog, opened by the core, at the exports folder by default.
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SaveKind } from '../../../src-shared/api/save-targets';
import type { DeskErrorData } from '../../../src-shared/errors';
import { useClient } from './client-context';

export interface SaveTarget {
  /**
   * Opens the save dialog for one kind of export (`saveKinds` in src-shared/api/save-targets.ts: its folder and
   * extension). Resolves to the token to pass as the export's `saveTo`, or null when the person cancelled or the dialog
   * could not open (then `failure` holds the error to show with <ErrorAlert>). `name` starts the dialog at the name the
   * export would use (a request number, a month: letters, digits, dots and dashes only; never a person's name).
   *
   * ```tsx
   * const saveTarget = useSaveTarget();
   * const saveTo = await saveTarget.choose('reportPdf', { name: 'report-2026-11' });
   * if (saveTo === null) return; // cancelled: nothing written, nothing to say
   * const result = await client.call('reports.exportPdf', { ...input, saveTo });
   * // then <ExportWritten file={result.value.file} ... /> and <ErrorAlert error={saveTarget.failure} />
   * ```
   */
  choose(kind: SaveKind, options?: { name?: string }): Promise<string | null>;
  /** The last dialog's error (cleared by the next choose). */
  failure: DeskErrorData | null;
}

export function useSaveTarget(): SaveTarget {
  const client = useClient();
  const { i18n } = useTranslation();
  const [failure, setFailure] = useState<DeskErrorData | null>(null);
  const choose = useCallback(
    async (kind: SaveKind, options: { name?: string } = {}): Promise<string | null> => {
      setFailure(null);
      const language = i18n.language === 'en' ? 'en' : 'ja';
      const result = await client.call('saveTargets.choose', { kind, language, ...(options.name ? { name: options.name } : {}) });
      if (!result.ok) {
        setFailure(result.error);
        return null;
      }
      return 'token' in result.value ? result.value.token : null;
    },
    [client, i18n],
  );
  return { choose, failure };
}
