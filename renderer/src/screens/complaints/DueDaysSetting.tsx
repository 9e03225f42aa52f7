// The office's rule for a complaint's due date, shown on the register; the officer may change it there.
import { Button, Group, NumberInput, Popover, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconClockHour4 } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { complaintDueBusinessDaysRange } from '../../../../src-shared/api/complaints';
import type { DeskErrorData } from '../../../../src-shared/errors';
import { useClient } from '../../app/client-context';
import { useSession } from '../../app/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Translated } from '../../components/Translated';
import { complaintKeys, useComplaintSettings } from './queries';

export function DueDaysSetting() {
  const { t } = useTranslation();
  const session = useSession();
  const settings = useComplaintSettings();
  const [opened, setOpened] = useState(false);
  const days = settings.data?.dueBusinessDays;
  if (days === undefined) return null;
  return (
    <Group gap="xs" wrap="nowrap" data-testid="complaint-due-rule">
      <IconClockHour4 size={16} aria-hidden color="var(--mantine-color-dimmed)" />
      <Text size="sm" c="dimmed">
        {t('complaints.dueRule', { count: days })}
      </Text>
      {session.permissions.includes('settings.manage') && (
        <Popover opened={opened} onChange={setOpened} position="bottom-end" withArrow trapFocus>
          <Popover.Target>
            <Button size="compact-sm" variant="subtle" onClick={() => setOpened((o) => !o)}>
              {t('complaints.dueRuleChange')}
            </Button>
          </Popover.Target>
          <Popover.Dropdown>{opened && <DueDaysForm days={days} onDone={() => setOpened(false)} />}</Popover.Dropdown>
        </Popover>
      )}
    </Group>
  );
}

function DueDaysForm({ days, onDone }: { days: number; onDone: () => void }) {
  const { t } = useTranslation();
  const client = useClient();
  const queryClient = useQueryClient();
  const [value, setValue] = useState<number | string>(days);
  const [failure, setFailure] = useState<DeskErrorData | null>(null);
  const [busy, setBusy] = useState(false);
  const { min, max } = complaintDueBusinessDaysRange;
  return (
    <form
      aria-label={t('complaints.dueRuleChange')}
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        const result = await client.call('complaints.updateSettings', { dueBusinessDays: Number(value) });
        setBusy(false);
        if (!result.ok) return setFailure(result.error);
        queryClient.setQueryData(complaintKeys.settings, result.value);
        notifications.show({ color: 'teal', message: <Translated k="complaints.dueRuleSaved" values={{ count: result.value.dueBusinessDays }} /> });
        onDone();
      }}
    >
      <Stack gap="sm" maw={300}>
        <NumberInput
          label={t('complaints.dueDaysLabel')}
          description={t('complaints.dueDaysHint', { min, max })}
          min={min}
          max={max}
          allowDecimal={false}
          allowNegative={false}
          value={value}
          onChange={setValue}
          data-autofocus
        />
        <ErrorAlert error={failure} />
        <Group justify="flex-end">
          <Button type="submit" size="xs" loading={busy}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
