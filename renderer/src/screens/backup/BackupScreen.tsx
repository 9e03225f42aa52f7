// バックアップと鍵 (officer): where backups go, a backup now and the backups made, and the data key's rotation.
import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../components/QueryError';
import { ScreenTitle } from '../../components/ScreenTitle';
import { BackupsCard } from './BackupsCard';
import { FolderCard } from './FolderCard';
import { useBackupSettings } from './queries';
import { RotateKeyCard } from './RotateKeyCard';

export function BackupScreen() {
  const { t } = useTranslation();
  const settings = useBackupSettings();
  return (
    <Stack gap="lg" maw={1000}>
      <ScreenTitle title={t('backup.title')} intro={t('backup.intro')} maw={820} />
      <QueryError error={settings.error} />
      {settings.data && (
        <>
          <FolderCard key={settings.data.folder} folder={settings.data.folder} />
          <BackupsCard settings={settings.data} />
        </>
      )}
      <RotateKeyCard />
    </Stack>
  );
}
