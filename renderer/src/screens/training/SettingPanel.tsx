// The officer's setting 「顧客情報の閲覧に12か月以内の研修受講を必要とする」: what it does, who it would refuse today, and
// a confirmation before it refuses anyone. The auditor sees it, read only.
import { Alert, Anchor, Badge, Button, Card, Group, Modal, Stack, Switch, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconInfoCircle, IconLock } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeskErrorData } from '../../../../src-shared/errors';
import { useClient } from '../../app/client-context';
import { formatDateTime } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { QueryError } from '../../components/QueryError';
import { Translated } from '../../components/Translated';
import { useTrainingChanged, useTrainingSettings } from './queries';

export function SettingPanel({ canManage, onShowUntrained }: { canManage: boolean; onShowUntrained: () => void }) {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const changed = useTrainingChanged();
  const settings = useTrainingSettings();
  const [confirming, setConfirming] = useState(false);
  const [failure, setFailure] = useState<DeskErrorData | null>(null);
  const [busy, setBusy] = useState(false);

  if (settings.error) return <QueryError error={settings.error} />;
  if (!settings.data) return null;
  const { requiredForCustomers: on, changedAt, changedByName, staffUntrained } = settings.data;

  const save = async (value: boolean) => {
    setFailure(null);
    setBusy(true);
    const result = await client.call('training.saveSettings', { requiredForCustomers: value });
    setBusy(false);
    setConfirming(false);
    if (!result.ok) return setFailure(result.error);
    changed();
    notifications.show({ color: 'teal', message: <Translated k={value ? 'training.setting.turnedOn' : 'training.setting.turnedOff'} /> });
  };
  // Turning it on refuses people at once: the officer sees how many first.
  const toggle = (value: boolean) => (value && staffUntrained > 0 ? setConfirming(true) : void save(value));

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="training-setting-title" maw={860} data-testid="training-setting">
      <Stack gap="md">
        <Title order={2} size="h4" id="training-setting-title">
          {t('training.setting.title')}
        </Title>
        <Switch
          size="md"
          checked={on}
          disabled={!canManage || busy}
          onChange={(e) => toggle(e.currentTarget.checked)}
          label={t('training.setting.label')}
          description={t('training.setting.description')}
          data-testid="training-required-switch"
        />
        <Group gap="xs" data-testid="training-setting-state">
          <Text size="sm">{t('training.setting.now')}</Text>
          <Badge color={on ? 'orange' : 'gray'} variant={on ? 'filled' : 'light'} data-on={on}>
            {on ? t('training.setting.on') : t('training.setting.off')}
          </Badge>
          {changedAt && (
            <Text size="sm" c="dimmed">
              {t('training.setting.changed', { at: formatDateTime(changedAt, i18n.language), name: changedByName ?? t('training.setting.someone') })}
            </Text>
          )}
        </Group>
        <Alert color={staffUntrained > 0 ? 'orange' : 'teal'} variant="light" icon={<IconLock aria-hidden />} data-testid="training-setting-affected">
          <Stack gap={4}>
            <Text size="sm">{staffUntrained > 0 ? t(on ? 'training.setting.refusedNow' : 'training.setting.wouldRefuse', { count: staffUntrained }) : t('training.setting.nobodyRefused')}</Text>
            {staffUntrained > 0 && (
              <Anchor component="button" type="button" size="sm" ta="left" onClick={onShowUntrained}>
                {t('training.setting.showUntrained')}
              </Anchor>
            )}
          </Stack>
        </Alert>
        <Alert color="gray" variant="light" icon={<IconInfoCircle aria-hidden />}>
          <Text size="sm">{t('training.setting.whyOff')}</Text>
        </Alert>
        {!canManage && (
          <Text size="sm" c="dimmed">
            {t('training.setting.officerOnly')}
          </Text>
        )}
        <ErrorAlert error={failure} />
      </Stack>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('training.setting.confirmTitle')} size="md">
        <Stack gap="md">
          <Text size="sm">{t('training.setting.confirm', { count: staffUntrained })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </Button>
            <Button color="orange" loading={busy} onClick={() => void save(true)}>
              {t('training.setting.confirmSubmit')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}
