// 是正処置: the corrective actions, filtered (active, overdue, awaiting verification, closed); staff see their own only.
import { Card, SegmentedControl, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { correctionShows, type CorrectionShow } from '../../../../src-shared/api/internal-audit';
import { useSession } from '../../app/session';
import { QueryError } from '../../components/QueryError';
import { CorrectionTable } from './CorrectionTable';
import { useCorrections } from './queries';

export function CorrectionsPanel({ show, onShow, onOpen }: { show: CorrectionShow; onShow: (s: CorrectionShow) => void; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const session = useSession();
  const own = !session.permissions.includes('internalAudit.read');
  const list = useCorrections(show);
  const rows = list.data?.rows ?? [];
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed" maw={760}>
        {t(own ? 'internalAudit.corrections.explainOwn' : 'internalAudit.corrections.explain')}
      </Text>
      <SegmentedControl
        value={show}
        onChange={(v) => onShow(v as CorrectionShow)}
        data={correctionShows.map((s) => ({ value: s, label: t(`internalAudit.corrections.shows.${s}`) }))}
        aria-label={t('internalAudit.corrections.showLabel')}
        data-testid="correction-filter"
        style={{ alignSelf: 'flex-start' }}
      />
      <QueryError error={list.error} />
      <Text size="sm" fw={600} data-testid="correction-count" aria-live="polite">
        {list.data ? t('internalAudit.corrections.count', { count: rows.length }) : '\u00a0'}
      </Text>
      <Card withBorder radius="md" padding={0}>
        <CorrectionTable rows={rows} onOpen={onOpen} empty={list.isPending ? t('common.loading') : t(`internalAudit.corrections.empty.${show}`)} />
      </Card>
    </Stack>
  );
}
