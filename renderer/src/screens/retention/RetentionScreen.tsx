// 保存期間と消去 (APPI Art. 22): the period per kind of data, a preview of what a run would erase (counts only), the officer's run.
import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../components/QueryError';
import { ScreenTitle } from '../../components/ScreenTitle';
import { PeriodsForm } from './PeriodsForm';
import { PastRuns } from './PastRuns';
import { useRetention } from './queries';
import { RunPanel } from './RunPanel';

export function RetentionScreen() {
  const { t } = useTranslation();
  const retention = useRetention();
  const data = retention.data;
  return (
    <Stack gap="lg" maw={1100}>
      <ScreenTitle title={t('retention.title')} intro={t('retention.intro')} />
      <QueryError error={retention.error} />
      {data && (
        <>
          <PeriodsForm key={JSON.stringify(data.periods)} periods={data.periods} />
          <RunPanel previews={data.previews} />
          <PastRuns previews={data.previews} />
        </>
      )}
    </Stack>
  );
}
